from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.barrier import Barrier
    from ..models.goal import Goal
    from ..models.objective import Objective
    from ..models.stage import Stage


T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """
    Attributes:
        name (str):
        charter (str): The mission statement: the north star of the function.
        result_id (None | Unset | UUID): The result it answers.
        status (PlanStatus | Unset):
        goals (list[Goal] | Unset):
        objectives (list[Objective] | Unset):
        barriers (list[Barrier] | Unset):
        stages (list[Stage] | Unset): In order.
    """

    name: str
    charter: str
    result_id: None | Unset | UUID = UNSET
    status: PlanStatus | Unset = UNSET
    goals: list[Goal] | Unset = UNSET
    objectives: list[Objective] | Unset = UNSET
    barriers: list[Barrier] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        charter = self.charter

        result_id: None | str | Unset
        if isinstance(self.result_id, Unset):
            result_id = UNSET
        elif isinstance(self.result_id, UUID):
            result_id = str(self.result_id)
        else:
            result_id = self.result_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        goals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.goals, Unset):
            goals = []
            for goals_item_data in self.goals:
                goals_item = goals_item_data.to_dict()
                goals.append(goals_item)

        objectives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objectives, Unset):
            objectives = []
            for objectives_item_data in self.objectives:
                objectives_item = objectives_item_data.to_dict()
                objectives.append(objectives_item)

        barriers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.barriers, Unset):
            barriers = []
            for barriers_item_data in self.barriers:
                barriers_item = barriers_item_data.to_dict()
                barriers.append(barriers_item)

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "charter": charter,
            }
        )
        if result_id is not UNSET:
            field_dict["result_id"] = result_id
        if status is not UNSET:
            field_dict["status"] = status
        if goals is not UNSET:
            field_dict["goals"] = goals
        if objectives is not UNSET:
            field_dict["objectives"] = objectives
        if barriers is not UNSET:
            field_dict["barriers"] = barriers
        if stages is not UNSET:
            field_dict["stages"] = stages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.barrier import Barrier  # noqa: PLC0415
        from ..models.goal import Goal  # noqa: PLC0415
        from ..models.objective import Objective  # noqa: PLC0415
        from ..models.stage import Stage  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        charter = d.pop("charter")

        def _parse_result_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_id_type_0 = UUID(data)

                return result_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        result_id = _parse_result_id(d.pop("result_id", UNSET))

        _status = d.pop("status", UNSET)
        status: PlanStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PlanStatus(_status)

        _goals = d.pop("goals", UNSET)
        goals: list[Goal] | Unset = UNSET
        if _goals is not UNSET:
            goals = []
            for goals_item_data in _goals:
                goals_item = Goal.from_dict(goals_item_data)

                goals.append(goals_item)

        _objectives = d.pop("objectives", UNSET)
        objectives: list[Objective] | Unset = UNSET
        if _objectives is not UNSET:
            objectives = []
            for objectives_item_data in _objectives:
                objectives_item = Objective.from_dict(objectives_item_data)

                objectives.append(objectives_item)

        _barriers = d.pop("barriers", UNSET)
        barriers: list[Barrier] | Unset = UNSET
        if _barriers is not UNSET:
            barriers = []
            for barriers_item_data in _barriers:
                barriers_item = Barrier.from_dict(barriers_item_data)

                barriers.append(barriers_item)

        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage.from_dict(stages_item_data)

                stages.append(stages_item)

        plan_create = cls(
            name=name,
            charter=charter,
            result_id=result_id,
            status=status,
            goals=goals,
            objectives=objectives,
            barriers=barriers,
            stages=stages,
        )

        return plan_create
