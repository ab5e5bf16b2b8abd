from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assessment_status import AssessmentStatus
from ..models.framework_kind import FrameworkKind

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.process import Process


T = TypeVar("T", bound="AssessmentRead")


@_attrs_define
class AssessmentRead:
    """
    Attributes:
        id (UUID):
        framework_id (UUID):
        framework_key (str):
        framework_version (int):
        kind (FrameworkKind): Which scoring the framework drives, and so which result it produces.
        name (str):
        scope_unit_id (None | UUID):
        due_date (datetime.date | None):
        marketing_budget (Money | None):
        processes (list[Process]):
        status (AssessmentStatus):
        respondent_count (int):
        response_count (int):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        closed_at (datetime.datetime | None):
    """

    id: UUID
    framework_id: UUID
    framework_key: str
    framework_version: int
    kind: FrameworkKind
    name: str
    scope_unit_id: None | UUID
    due_date: datetime.date | None
    marketing_budget: Money | None
    processes: list[Process]
    status: AssessmentStatus
    respondent_count: int
    response_count: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        id = str(self.id)

        framework_id = str(self.framework_id)

        framework_key = self.framework_key

        framework_version = self.framework_version

        kind = self.kind.value

        name = self.name

        scope_unit_id: None | str
        if isinstance(self.scope_unit_id, UUID):
            scope_unit_id = str(self.scope_unit_id)
        else:
            scope_unit_id = self.scope_unit_id

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        marketing_budget: dict[str, Any] | None
        if isinstance(self.marketing_budget, Money):
            marketing_budget = self.marketing_budget.to_dict()
        else:
            marketing_budget = self.marketing_budget

        processes = []
        for processes_item_data in self.processes:
            processes_item = processes_item_data.to_dict()
            processes.append(processes_item)

        status = self.status.value

        respondent_count = self.respondent_count

        response_count = self.response_count

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "framework_id": framework_id,
                "framework_key": framework_key,
                "framework_version": framework_version,
                "kind": kind,
                "name": name,
                "scope_unit_id": scope_unit_id,
                "due_date": due_date,
                "marketing_budget": marketing_budget,
                "processes": processes,
                "status": status,
                "respondent_count": respondent_count,
                "response_count": response_count,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "closed_at": closed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.process import Process  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        framework_id = UUID(d.pop("framework_id"))

        framework_key = d.pop("framework_key")

        framework_version = d.pop("framework_version")

        kind = FrameworkKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_scope_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scope_unit_id_type_0 = UUID(data)

                return scope_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        scope_unit_id = _parse_scope_unit_id(d.pop("scope_unit_id"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        def _parse_marketing_budget(data: object) -> Money | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                marketing_budget_type_0 = Money.from_dict(data)

                return marketing_budget_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None, data)

        marketing_budget = _parse_marketing_budget(d.pop("marketing_budget"))

        processes = []
        _processes = d.pop("processes")
        for processes_item_data in _processes:
            processes_item = Process.from_dict(processes_item_data)

            processes.append(processes_item)

        status = AssessmentStatus(d.pop("status"))

        respondent_count = d.pop("respondent_count")

        response_count = d.pop("response_count")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        assessment_read = cls(
            id=id,
            framework_id=framework_id,
            framework_key=framework_key,
            framework_version=framework_version,
            kind=kind,
            name=name,
            scope_unit_id=scope_unit_id,
            due_date=due_date,
            marketing_budget=marketing_budget,
            processes=processes,
            status=status,
            respondent_count=respondent_count,
            response_count=response_count,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            closed_at=closed_at,
        )

        assessment_read.additional_properties = d
        return assessment_read

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
