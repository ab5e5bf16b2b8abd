from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assignee_type import AssigneeType

T = TypeVar("T", bound="RaciAssignee")


@_attrs_define
class RaciAssignee:
    """
    Attributes:
        assignee_type (AssigneeType): What an assignment names: a role of the catalogue (built-in or the tenant's), a
            unit or a
            person of the tenant.
        assignee_id (UUID): The id of the role, unit or person.
    """

    assignee_type: AssigneeType
    assignee_id: UUID

    def to_dict(self) -> dict[str, Any]:
        assignee_type = self.assignee_type.value

        assignee_id = str(self.assignee_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assignee_type": assignee_type,
                "assignee_id": assignee_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignee_type = AssigneeType(d.pop("assignee_type"))

        assignee_id = UUID(d.pop("assignee_id"))

        raci_assignee = cls(
            assignee_type=assignee_type,
            assignee_id=assignee_id,
        )

        return raci_assignee
