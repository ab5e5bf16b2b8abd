from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BandMapping")


@_attrs_define
class BandMapping:
    """How a raw value becomes 0-100 where there is such a thing as too much: 100 from
    `best_low` to `best_high`, falling linearly to 0 at `low` below the band and at `high`
    above it, 0 beyond them. A stack that never changes and one that churns both score 0;
    `low` ≤ `best_low` ≤ `best_high` ≤ `high`, `low` below `high`.

        Attributes:
            kind (Literal['band']):
            low (float):
            best_low (float):
            best_high (float):
            high (float):
    """

    kind: Literal["band"]
    low: float
    best_low: float
    best_high: float
    high: float

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        low = self.low

        best_low = self.best_low

        best_high = self.best_high

        high = self.high

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "low": low,
                "best_low": best_low,
                "best_high": best_high,
                "high": high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = cast(Literal["band"], d.pop("kind"))
        if kind != "band":
            raise ValueError(f"kind must match const 'band', got '{kind}'")

        low = d.pop("low")

        best_low = d.pop("best_low")

        best_high = d.pop("best_high")

        high = d.pop("high")

        band_mapping = cls(
            kind=kind,
            low=low,
            best_low=best_low,
            best_high=best_high,
            high=high,
        )

        return band_mapping
