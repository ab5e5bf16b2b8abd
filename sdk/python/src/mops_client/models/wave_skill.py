from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WaveSkill")


@_attrs_define
class WaveSkill:
    """
    Attributes:
        skill (str): Each skill once per wave, compared without case.
        proficiency (int): The level the wave brings a person to, 0 to 4.
    """

    skill: str
    proficiency: int

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        proficiency = self.proficiency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skill": skill,
                "proficiency": proficiency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        proficiency = d.pop("proficiency")

        wave_skill = cls(
            skill=skill,
            proficiency=proficiency,
        )

        return wave_skill
