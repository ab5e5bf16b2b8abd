from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus

if TYPE_CHECKING:
    from ..models.barrier import Barrier
    from ..models.goal import Goal
    from ..models.objective import Objective
    from ..models.stage_read import StageRead


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        id (UUID):
        name (str):
        result_id (None | UUID):
        status (PlanStatus):
        charter (str):
        goals (list[Goal]):
        objectives (list[Objective]):
        barriers (list[Barrier]):
        stages (list[StageRead]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    result_id: None | UUID
    status: PlanStatus
    charter: str
    goals: list[Goal]
    objectives: list[Objective]
    barriers: list[Barrier]
    stages: list[StageRead]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        result_id: None | str
        if isinstance(self.result_id, UUID):
            result_id = str(self.result_id)
        else:
            result_id = self.result_id

        status = self.status.value

        charter = self.charter

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        objectives = []
        for objectives_item_data in self.objectives:
            objectives_item = objectives_item_data.to_dict()
            objectives.append(objectives_item)

        barriers = []
        for barriers_item_data in self.barriers:
            barriers_item = barriers_item_data.to_dict()
            barriers.append(barriers_item)

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.to_dict()
            stages.append(stages_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "result_id": result_id,
                "status": status,
                "charter": charter,
                "goals": goals,
                "objectives": objectives,
                "barriers": barriers,
                "stages": stages,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.barrier import Barrier  # noqa: PLC0415
        from ..models.goal import Goal  # noqa: PLC0415
        from ..models.objective import Objective  # noqa: PLC0415
        from ..models.stage_read import StageRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_result_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_id_type_0 = UUID(data)

                return result_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        result_id = _parse_result_id(d.pop("result_id"))

        status = PlanStatus(d.pop("status"))

        charter = d.pop("charter")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = Goal.from_dict(goals_item_data)

            goals.append(goals_item)

        objectives = []
        _objectives = d.pop("objectives")
        for objectives_item_data in _objectives:
            objectives_item = Objective.from_dict(objectives_item_data)

            objectives.append(objectives_item)

        barriers = []
        _barriers = d.pop("barriers")
        for barriers_item_data in _barriers:
            barriers_item = Barrier.from_dict(barriers_item_data)

            barriers.append(barriers_item)

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = StageRead.from_dict(stages_item_data)

            stages.append(stages_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        plan_read = cls(
            id=id,
            name=name,
            result_id=result_id,
            status=status,
            charter=charter,
            goals=goals,
            objectives=objectives,
            barriers=barriers,
            stages=stages,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        plan_read.additional_properties = d
        return plan_read

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
