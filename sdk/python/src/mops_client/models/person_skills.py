from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.held_skill import HeldSkill


T = TypeVar("T", bound="PersonSkills")


@_attrs_define
class PersonSkills:
    """
    Attributes:
        person_id (UUID):
        version (int): The person's version: its ETag is the person's.
        skills (list[HeldSkill]): By skill name.
    """

    person_id: UUID
    version: int
    skills: list[HeldSkill]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        version = self.version

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "version": version,
                "skills": skills,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_skill import HeldSkill  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        version = d.pop("version")

        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = HeldSkill.from_dict(skills_item_data)

            skills.append(skills_item)

        person_skills = cls(
            person_id=person_id,
            version=version,
            skills=skills,
        )

        person_skills.additional_properties = d
        return person_skills

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
