from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.held_skill import HeldSkill


T = TypeVar("T", bound="PersonSkillsUpdate")


@_attrs_define
class PersonSkillsUpdate:
    """The person's whole set of skills: the skills not listed are removed.

    Attributes:
        skills (list[HeldSkill]): Each skill once (compared without case).
    """

    skills: list[HeldSkill]

    def to_dict(self) -> dict[str, Any]:
        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skills": skills,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.held_skill import HeldSkill  # noqa: PLC0415

        d = dict(src_dict)
        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = HeldSkill.from_dict(skills_item_data)

            skills.append(skills_item)

        person_skills_update = cls(
            skills=skills,
        )

        return person_skills_update
