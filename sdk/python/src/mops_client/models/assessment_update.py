from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="AssessmentUpdate")


@_attrs_define
class AssessmentUpdate:
    """Fields to change while the assessment is open; absent fields stay as they are.

    Attributes:
        name (None | str | Unset):
        due_date (datetime.date | None | Unset):
        marketing_budget (Money | None | Unset):
    """

    name: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    marketing_budget: Money | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        marketing_budget: dict[str, Any] | None | Unset
        if isinstance(self.marketing_budget, Unset):
            marketing_budget = UNSET
        elif isinstance(self.marketing_budget, Money):
            marketing_budget = self.marketing_budget.to_dict()
        else:
            marketing_budget = self.marketing_budget

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if marketing_budget is not UNSET:
            field_dict["marketing_budget"] = marketing_budget

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_marketing_budget(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                marketing_budget_type_0 = Money.from_dict(data)

                return marketing_budget_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        marketing_budget = _parse_marketing_budget(d.pop("marketing_budget", UNSET))

        assessment_update = cls(
            name=name,
            due_date=due_date,
            marketing_budget=marketing_budget,
        )

        return assessment_update
