from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RoleGapCount")


@_attrs_define
class RoleGapCount:
    """A role's skill gaps over the tenant's active people holding it.

    Attributes:
        role_id (UUID):
        role_name (str):
        people (int): Active people holding the role.
        people_with_gaps (int): Of those, the people below at least one of the role's minimums.
        gaps (int): (person, skill) pairs where a holder is below the role's minimum.
    """

    role_id: UUID
    role_name: str
    people: int
    people_with_gaps: int
    gaps: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role_id = str(self.role_id)

        role_name = self.role_name

        people = self.people

        people_with_gaps = self.people_with_gaps

        gaps = self.gaps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role_id": role_id,
                "role_name": role_name,
                "people": people,
                "people_with_gaps": people_with_gaps,
                "gaps": gaps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role_id = UUID(d.pop("role_id"))

        role_name = d.pop("role_name")

        people = d.pop("people")

        people_with_gaps = d.pop("people_with_gaps")

        gaps = d.pop("gaps")

        role_gap_count = cls(
            role_id=role_id,
            role_name=role_name,
            people=people,
            people_with_gaps=people_with_gaps,
            gaps=gaps,
        )

        role_gap_count.additional_properties = d
        return role_gap_count

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
