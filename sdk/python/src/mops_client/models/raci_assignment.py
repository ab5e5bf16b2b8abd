from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assignee_type import AssigneeType
from ..models.raci_letter import RaciLetter

T = TypeVar("T", bound="RaciAssignment")


@_attrs_define
class RaciAssignment:
    """
    Attributes:
        assignee_type (AssigneeType): What an assignment names: a role of the catalogue (built-in or the tenant's), a
            unit or a
            person of the tenant.
        assignee_id (UUID): The id of the role, unit or person.
        letter (RaciLetter): Responsible (does the work), Accountable (answers for it, exactly one), Consulted
            (asked before), Informed (told after).
    """

    assignee_type: AssigneeType
    assignee_id: UUID
    letter: RaciLetter

    def to_dict(self) -> dict[str, Any]:
        assignee_type = self.assignee_type.value

        assignee_id = str(self.assignee_id)

        letter = self.letter.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assignee_type": assignee_type,
                "assignee_id": assignee_id,
                "letter": letter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assignee_type = AssigneeType(d.pop("assignee_type"))

        assignee_id = UUID(d.pop("assignee_id"))

        letter = RaciLetter(d.pop("letter"))

        raci_assignment = cls(
            assignee_type=assignee_type,
            assignee_id=assignee_id,
            letter=letter,
        )

        return raci_assignment
