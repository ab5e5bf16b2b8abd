from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.process import Process


T = TypeVar("T", bound="AssessmentCreate")


@_attrs_define
class AssessmentCreate:
    """
    Attributes:
        framework_id (UUID): The framework version answered; it never changes.
        name (str):
        scope_unit_id (None | Unset | UUID): The org unit assessed (with its subunits); null: the tenant.
        due_date (datetime.date | None | Unset):
        marketing_budget (Money | None | Unset): The yearly marketing budget, for martech's share of it (MO readiness).
        processes (list[Process] | Unset): CX efficiency: the processes to rate (at least one); none for other kinds.
    """

    framework_id: UUID
    name: str
    scope_unit_id: None | Unset | UUID = UNSET
    due_date: datetime.date | None | Unset = UNSET
    marketing_budget: Money | None | Unset = UNSET
    processes: list[Process] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        framework_id = str(self.framework_id)

        name = self.name

        scope_unit_id: None | str | Unset
        if isinstance(self.scope_unit_id, Unset):
            scope_unit_id = UNSET
        elif isinstance(self.scope_unit_id, UUID):
            scope_unit_id = str(self.scope_unit_id)
        else:
            scope_unit_id = self.scope_unit_id

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

        processes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.processes, Unset):
            processes = []
            for processes_item_data in self.processes:
                processes_item = processes_item_data.to_dict()
                processes.append(processes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "framework_id": framework_id,
                "name": name,
            }
        )
        if scope_unit_id is not UNSET:
            field_dict["scope_unit_id"] = scope_unit_id
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if marketing_budget is not UNSET:
            field_dict["marketing_budget"] = marketing_budget
        if processes is not UNSET:
            field_dict["processes"] = processes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.process import Process  # noqa: PLC0415

        d = dict(src_dict)
        framework_id = UUID(d.pop("framework_id"))

        name = d.pop("name")

        def _parse_scope_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scope_unit_id_type_0 = UUID(data)

                return scope_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        scope_unit_id = _parse_scope_unit_id(d.pop("scope_unit_id", UNSET))

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

        _processes = d.pop("processes", UNSET)
        processes: list[Process] | Unset = UNSET
        if _processes is not UNSET:
            processes = []
            for processes_item_data in _processes:
                processes_item = Process.from_dict(processes_item_data)

                processes.append(processes_item)

        assessment_create = cls(
            framework_id=framework_id,
            name=name,
            scope_unit_id=scope_unit_id,
            due_date=due_date,
            marketing_budget=marketing_budget,
            processes=processes,
        )

        return assessment_create
