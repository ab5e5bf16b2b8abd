from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.barrier import Barrier
    from ..models.goal import Goal
    from ..models.objective import Objective
    from ..models.stage import Stage


T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """Top-level fields to replace; absent fields stay as they are.

    Attributes:
        name (None | str | Unset):
        status (None | PlanStatus | Unset):
        charter (None | str | Unset):
        goals (list[Goal] | None | Unset):
        objectives (list[Objective] | None | Unset):
        barriers (list[Barrier] | None | Unset):
        stages (list[Stage] | None | Unset):
    """

    name: None | str | Unset = UNSET
    status: None | PlanStatus | Unset = UNSET
    charter: None | str | Unset = UNSET
    goals: list[Goal] | None | Unset = UNSET
    objectives: list[Objective] | None | Unset = UNSET
    barriers: list[Barrier] | None | Unset = UNSET
    stages: list[Stage] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PlanStatus):
            status = self.status.value
        else:
            status = self.status

        charter: None | str | Unset
        if isinstance(self.charter, Unset):
            charter = UNSET
        else:
            charter = self.charter

        goals: list[dict[str, Any]] | None | Unset
        if isinstance(self.goals, Unset):
            goals = UNSET
        elif isinstance(self.goals, list):
            goals = []
            for goals_type_0_item_data in self.goals:
                goals_type_0_item = goals_type_0_item_data.to_dict()
                goals.append(goals_type_0_item)

        else:
            goals = self.goals

        objectives: list[dict[str, Any]] | None | Unset
        if isinstance(self.objectives, Unset):
            objectives = UNSET
        elif isinstance(self.objectives, list):
            objectives = []
            for objectives_type_0_item_data in self.objectives:
                objectives_type_0_item = objectives_type_0_item_data.to_dict()
                objectives.append(objectives_type_0_item)

        else:
            objectives = self.objectives

        barriers: list[dict[str, Any]] | None | Unset
        if isinstance(self.barriers, Unset):
            barriers = UNSET
        elif isinstance(self.barriers, list):
            barriers = []
            for barriers_type_0_item_data in self.barriers:
                barriers_type_0_item = barriers_type_0_item_data.to_dict()
                barriers.append(barriers_type_0_item)

        else:
            barriers = self.barriers

        stages: list[dict[str, Any]] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = []
            for stages_type_0_item_data in self.stages:
                stages_type_0_item = stages_type_0_item_data.to_dict()
                stages.append(stages_type_0_item)

        else:
            stages = self.stages

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if charter is not UNSET:
            field_dict["charter"] = charter
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_status(data: object) -> None | PlanStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PlanStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_charter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        charter = _parse_charter(d.pop("charter", UNSET))

        def _parse_goals(data: object) -> list[Goal] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                goals_type_0 = []
                _goals_type_0 = data
                for goals_type_0_item_data in _goals_type_0:
                    goals_type_0_item = Goal.from_dict(goals_type_0_item_data)

                    goals_type_0.append(goals_type_0_item)

                return goals_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Goal] | None | Unset, data)

        goals = _parse_goals(d.pop("goals", UNSET))

        def _parse_objectives(data: object) -> list[Objective] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                objectives_type_0 = []
                _objectives_type_0 = data
                for objectives_type_0_item_data in _objectives_type_0:
                    objectives_type_0_item = Objective.from_dict(objectives_type_0_item_data)

                    objectives_type_0.append(objectives_type_0_item)

                return objectives_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Objective] | None | Unset, data)

        objectives = _parse_objectives(d.pop("objectives", UNSET))

        def _parse_barriers(data: object) -> list[Barrier] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                barriers_type_0 = []
                _barriers_type_0 = data
                for barriers_type_0_item_data in _barriers_type_0:
                    barriers_type_0_item = Barrier.from_dict(barriers_type_0_item_data)

                    barriers_type_0.append(barriers_type_0_item)

                return barriers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Barrier] | None | Unset, data)

        barriers = _parse_barriers(d.pop("barriers", UNSET))

        def _parse_stages(data: object) -> list[Stage] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = []
                _stages_type_0 = data
                for stages_type_0_item_data in _stages_type_0:
                    stages_type_0_item = Stage.from_dict(stages_type_0_item_data)

                    stages_type_0.append(stages_type_0_item)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Stage] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        plan_update = cls(
            name=name,
            status=status,
            charter=charter,
            goals=goals,
            objectives=objectives,
            barriers=barriers,
            stages=stages,
        )

        return plan_update
