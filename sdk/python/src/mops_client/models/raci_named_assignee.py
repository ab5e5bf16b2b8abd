from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assignee_type import AssigneeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RaciNamedAssignee")


@_attrs_define
class RaciNamedAssignee:
    """
    Attributes:
        assignee_type (AssigneeType): What an assignment names: a role of the catalogue (built-in or the tenant's), a
            unit or a
            person of the tenant.
        assignee_id (UUID): The id of the role, unit or person.
        name (None | str | Unset): The role's or unit's name, or the person's; null when the assignee no longer exists.
    """

    assignee_type: AssigneeType
    assignee_id: UUID
    name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assignee_type = self.assignee_type.value

        assignee_id = str(self.assignee_id)

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assignee_type": assignee_type,
                "assignee_id": assignee_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignee_type = AssigneeType(d.pop("assignee_type"))

        assignee_id = UUID(d.pop("assignee_id"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        raci_named_assignee = cls(
            assignee_type=assignee_type,
            assignee_id=assignee_id,
            name=name,
        )

        return raci_named_assignee
