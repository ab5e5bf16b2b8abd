from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Objective")


@_attrs_define
class Objective:
    """A measurable step: a metric from a baseline to a target by a date.

    Attributes:
        goal (int): The index of the goal it serves.
        metric (str):
        baseline (float):
        target (float): Must differ from the baseline.
        due_date (datetime.date):
        unit (None | str | Unset):
    """

    goal: int
    metric: str
    baseline: float
    target: float
    due_date: datetime.date
    unit: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        goal = self.goal

        metric = self.metric

        baseline = self.baseline

        target = self.target

        due_date = self.due_date.isoformat()

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "goal": goal,
                "metric": metric,
                "baseline": baseline,
                "target": target,
                "due_date": due_date,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        goal = d.pop("goal")

        metric = d.pop("metric")

        baseline = d.pop("baseline")

        target = d.pop("target")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        objective = cls(
            goal=goal,
            metric=metric,
            baseline=baseline,
            target=target,
            due_date=due_date,
            unit=unit,
        )

        return objective
