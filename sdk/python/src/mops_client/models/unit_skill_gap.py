from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnitSkillGap")


@_attrs_define
class UnitSkillGap:
    """
    Attributes:
        skill (str):
        people_requiring (int): People counted whose roles require the skill.
        people_short (int): Of those, the people holding less than required.
        total_shortfall (int): The sum of `required - held` over those short.
        average_shortfall (float): `total_shortfall / people_short` (0 when nobody is short).
    """

    skill: str
    people_requiring: int
    people_short: int
    total_shortfall: int
    average_shortfall: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        people_requiring = self.people_requiring

        people_short = self.people_short

        total_shortfall = self.total_shortfall

        average_shortfall = self.average_shortfall

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "skill": skill,
                "people_requiring": people_requiring,
                "people_short": people_short,
                "total_shortfall": total_shortfall,
                "average_shortfall": average_shortfall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        people_requiring = d.pop("people_requiring")

        people_short = d.pop("people_short")

        total_shortfall = d.pop("total_shortfall")

        average_shortfall = d.pop("average_shortfall")

        unit_skill_gap = cls(
            skill=skill,
            people_requiring=people_requiring,
            people_short=people_short,
            total_shortfall=total_shortfall,
            average_shortfall=average_shortfall,
        )

        unit_skill_gap.additional_properties = d
        return unit_skill_gap

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
