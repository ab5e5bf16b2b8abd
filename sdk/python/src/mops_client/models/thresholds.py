from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Thresholds")


@_attrs_define
class Thresholds:
    """
    Attributes:
        weak (float | Unset): A score below this is weak. Default: 50.0.
        efficient (float | Unset): CX efficiency: a process scoring at least this for the company (or the customer) is
            efficient for them. Default: 50.0.
        tipping_point (float | Unset): MO readiness: a dimension scoring at least this is a tipping point reached.
            Default: 60.0.
        due_when_tipping_points (int | Unset): MO readiness: a dedicated marketing-ops function is due when at least
            this many tipping points are reached. Default: 1.
        strategic_when_tipping_points (int | None | Unset): MO readiness: with at least this many tipping points
            reached, the dedicated function is strategic, a business imperative (the verdict's `level` is `strategic`);
            null: the verdict says due or not due, without a level. Not below `due_when_tipping_points`.
    """

    weak: float | Unset = 50.0
    efficient: float | Unset = 50.0
    tipping_point: float | Unset = 60.0
    due_when_tipping_points: int | Unset = 1
    strategic_when_tipping_points: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        weak = self.weak

        efficient = self.efficient

        tipping_point = self.tipping_point

        due_when_tipping_points = self.due_when_tipping_points

        strategic_when_tipping_points: int | None | Unset
        if isinstance(self.strategic_when_tipping_points, Unset):
            strategic_when_tipping_points = UNSET
        else:
            strategic_when_tipping_points = self.strategic_when_tipping_points

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if weak is not UNSET:
            field_dict["weak"] = weak
        if efficient is not UNSET:
            field_dict["efficient"] = efficient
        if tipping_point is not UNSET:
            field_dict["tipping_point"] = tipping_point
        if due_when_tipping_points is not UNSET:
            field_dict["due_when_tipping_points"] = due_when_tipping_points
        if strategic_when_tipping_points is not UNSET:
            field_dict["strategic_when_tipping_points"] = strategic_when_tipping_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weak = d.pop("weak", UNSET)

        efficient = d.pop("efficient", UNSET)

        tipping_point = d.pop("tipping_point", UNSET)

        due_when_tipping_points = d.pop("due_when_tipping_points", UNSET)

        def _parse_strategic_when_tipping_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        strategic_when_tipping_points = _parse_strategic_when_tipping_points(
            d.pop("strategic_when_tipping_points", UNSET)
        )

        thresholds = cls(
            weak=weak,
            efficient=efficient,
            tipping_point=tipping_point,
            due_when_tipping_points=due_when_tipping_points,
            strategic_when_tipping_points=strategic_when_tipping_points,
        )

        return thresholds
