from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RequiredSkill")


@_attrs_define
class RequiredSkill:
    """
    Attributes:
        skill (str):
        min_proficiency (int): 0 (none) to 4 (expert).
    """

    skill: str
    min_proficiency: int

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        min_proficiency = self.min_proficiency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skill": skill,
                "min_proficiency": min_proficiency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        min_proficiency = d.pop("min_proficiency")

        required_skill = cls(
            skill=skill,
            min_proficiency=min_proficiency,
        )

        return required_skill
