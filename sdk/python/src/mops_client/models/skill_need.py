from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.skill_source import SkillSource

T = TypeVar("T", bound="SkillNeed")


@_attrs_define
class SkillNeed:
    """
    Attributes:
        skill (str):
        source (SkillSource):
    """

    skill: str
    source: SkillSource

    def to_dict(self) -> dict[str, Any]:
        skill = self.skill

        source = self.source.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "skill": skill,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        skill = d.pop("skill")

        source = SkillSource(d.pop("source"))

        skill_need = cls(
            skill=skill,
            source=source,
        )

        return skill_need
