from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.unit_skill_gap import UnitSkillGap


T = TypeVar("T", bound="UnitSkillGaps")


@_attrs_define
class UnitSkillGaps:
    """
    Attributes:
        unit_id (UUID):
        include_subunits (bool):
        people (int): The active people counted: the unit's, and its subunits' when asked.
        people_with_gaps (int): Of those, the people short of at least one skill.
        skills (list[UnitSkillGap]): Every skill the people counted are required to hold, most people short first.
    """

    unit_id: UUID
    include_subunits: bool
    people: int
    people_with_gaps: int
    skills: list[UnitSkillGap]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit_id = str(self.unit_id)

        include_subunits = self.include_subunits

        people = self.people

        people_with_gaps = self.people_with_gaps

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit_id": unit_id,
                "include_subunits": include_subunits,
                "people": people,
                "people_with_gaps": people_with_gaps,
                "skills": skills,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_skill_gap import UnitSkillGap  # noqa: PLC0415

        d = dict(src_dict)
        unit_id = UUID(d.pop("unit_id"))

        include_subunits = d.pop("include_subunits")

        people = d.pop("people")

        people_with_gaps = d.pop("people_with_gaps")

        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = UnitSkillGap.from_dict(skills_item_data)

            skills.append(skills_item)

        unit_skill_gaps = cls(
            unit_id=unit_id,
            include_subunits=include_subunits,
            people=people,
            people_with_gaps=people_with_gaps,
            skills=skills,
        )

        unit_skill_gaps.additional_properties = d
        return unit_skill_gaps

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
