from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.stage_diff import StageDiff


T = TypeVar("T", bound="ScenarioDiff")


@_attrs_define
class ScenarioDiff:
    """Current stack against the target: what each stage adds, retires and costs.

    Attributes:
        scenario_id (UUID):
        current_tool_count (int):
        target_tool_count (int):
        stages (list[StageDiff]):
    """

    scenario_id: UUID
    current_tool_count: int
    target_tool_count: int
    stages: list[StageDiff]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scenario_id = str(self.scenario_id)

        current_tool_count = self.current_tool_count

        target_tool_count = self.target_tool_count

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scenario_id": scenario_id,
                "current_tool_count": current_tool_count,
                "target_tool_count": target_tool_count,
                "stages": stages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stage_diff import StageDiff  # noqa: PLC0415

        d = dict(src_dict)
        scenario_id = UUID(d.pop("scenario_id"))

        current_tool_count = d.pop("current_tool_count")

        target_tool_count = d.pop("target_tool_count")

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StageDiff.from_dict(stages_item_data)

            stages.append(stages_item)

        scenario_diff = cls(
            scenario_id=scenario_id,
            current_tool_count=current_tool_count,
            target_tool_count=target_tool_count,
            stages=stages,
        )

        scenario_diff.additional_properties = d
        return scenario_diff

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
