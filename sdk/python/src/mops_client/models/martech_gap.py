from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MartechGap")


@_attrs_define
class MartechGap:
    """
    Attributes:
        scenario_id (UUID): An inventory stack scenario (current vs target).
        scenario_stage (int | None | Unset): Its stage this plan stage reaches; null: its last.
    """

    scenario_id: UUID
    scenario_stage: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scenario_id = str(self.scenario_id)

        scenario_stage: int | None | Unset
        if isinstance(self.scenario_stage, Unset):
            scenario_stage = UNSET
        else:
            scenario_stage = self.scenario_stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scenario_id": scenario_id,
            }
        )
        if scenario_stage is not UNSET:
            field_dict["scenario_stage"] = scenario_stage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scenario_id = UUID(d.pop("scenario_id"))

        def _parse_scenario_stage(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scenario_stage = _parse_scenario_stage(d.pop("scenario_stage", UNSET))

        martech_gap = cls(
            scenario_id=scenario_id,
            scenario_stage=scenario_stage,
        )

        return martech_gap
