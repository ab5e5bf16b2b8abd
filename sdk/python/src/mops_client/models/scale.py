from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scale_labels import ScaleLabels


T = TypeVar("T", bound="Scale")


@_attrs_define
class Scale:
    """An answer scale: whole numbers from `min` to `max`, each with its anchored label.

    Attributes:
        labels (ScaleLabels): The label of every value of the scale, keyed by the value as text (`{"0": "Not at all",
            ..., "4": "Fully"}`).
        min_ (int | Unset):  Default: 0.
        max_ (int | Unset):  Default: 4.
    """

    labels: ScaleLabels
    min_: int | Unset = 0
    max_: int | Unset = 4

    def to_dict(self) -> dict[str, Any]:
        labels = self.labels.to_dict()

        min_ = self.min_

        max_ = self.max_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "labels": labels,
            }
        )
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scale_labels import ScaleLabels  # noqa: PLC0415

        d = dict(src_dict)
        labels = ScaleLabels.from_dict(d.pop("labels"))

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        scale = cls(
            labels=labels,
            min_=min_,
            max_=max_,
        )

        return scale
