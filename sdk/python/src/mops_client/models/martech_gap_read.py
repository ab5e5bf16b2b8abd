from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stage_diff import StageDiff


T = TypeVar("T", bound="MartechGapRead")


@_attrs_define
class MartechGapRead:
    """
    Attributes:
        scenario_id (UUID): An inventory stack scenario (current vs target).
        diff (None | StageDiff): The scenario's diff at that stage, as the inventory gave it when the plan was last
            written; null when the scenario has no such stage.
        scenario_stage (int | None | Unset): Its stage this plan stage reaches; null: its last.
    """

    scenario_id: UUID
    diff: None | StageDiff
    scenario_stage: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.stage_diff import StageDiff  # noqa: PLC0415

        scenario_id = str(self.scenario_id)

        diff: dict[str, Any] | None
        if isinstance(self.diff, StageDiff):
            diff = self.diff.to_dict()
        else:
            diff = self.diff

        scenario_stage: int | None | Unset
        if isinstance(self.scenario_stage, Unset):
            scenario_stage = UNSET
        else:
            scenario_stage = self.scenario_stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scenario_id": scenario_id,
                "diff": diff,
            }
        )
        if scenario_stage is not UNSET:
            field_dict["scenario_stage"] = scenario_stage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_diff import StageDiff  # noqa: PLC0415

        d = dict(src_dict)
        scenario_id = UUID(d.pop("scenario_id"))

        def _parse_diff(data: object) -> None | StageDiff:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                diff_type_0 = StageDiff.from_dict(data)

                return diff_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StageDiff, data)

        diff = _parse_diff(d.pop("diff"))

        def _parse_scenario_stage(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scenario_stage = _parse_scenario_stage(d.pop("scenario_stage", UNSET))

        martech_gap_read = cls(
            scenario_id=scenario_id,
            diff=diff,
            scenario_stage=scenario_stage,
        )

        return martech_gap_read
