from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinearMapping")


@_attrs_define
class LinearMapping:
    """How a raw value becomes 0-100: `low` scores 0, `high` scores 100, linearly between and
    held within 0-100 outside. `low` above `high` when less is better.

        Attributes:
            low (float):
            high (float):
            kind (Literal['linear'] | Unset):  Default: 'linear'.
    """

    low: float
    high: float
    kind: Literal["linear"] | Unset = "linear"

    def to_dict(self) -> dict[str, Any]:
        low = self.low

        high = self.high

        kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "low": low,
                "high": high,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        low = d.pop("low")

        high = d.pop("high")

        kind = cast(Literal["linear"] | Unset, d.pop("kind", UNSET))
        if kind != "linear" and not isinstance(kind, Unset):
            raise ValueError(f"kind must match const 'linear', got '{kind}'")

        linear_mapping = cls(
            low=low,
            high=high,
            kind=kind,
        )

        return linear_mapping
