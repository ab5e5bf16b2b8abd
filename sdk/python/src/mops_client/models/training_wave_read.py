from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wave_level import WaveLevel

if TYPE_CHECKING:
    from ..models.wave_skill import WaveSkill


T = TypeVar("T", bound="TrainingWaveRead")


@_attrs_define
class TrainingWaveRead:
    """
    Attributes:
        id (UUID):
        position (int): The wave's index in the programme.
        name (str):
        level (WaveLevel): `basic`: functional basics, taught first; `advanced`: practice built on the basics.
        tool_ids (list[UUID]):
        skills (list[WaveSkill]):
        unresolved_tools (list[str]): Read-only: tool names an import could not match with an inventory tool.
    """

    id: UUID
    position: int
    name: str
    level: WaveLevel
    tool_ids: list[UUID]
    skills: list[WaveSkill]
    unresolved_tools: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        position = self.position

        name = self.name

        level = self.level.value

        tool_ids = []
        for tool_ids_item_data in self.tool_ids:
            tool_ids_item = str(tool_ids_item_data)
            tool_ids.append(tool_ids_item)

        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)

        unresolved_tools = self.unresolved_tools

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "name": name,
                "level": level,
                "tool_ids": tool_ids,
                "skills": skills,
                "unresolved_tools": unresolved_tools,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wave_skill import WaveSkill  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        position = d.pop("position")

        name = d.pop("name")

        level = WaveLevel(d.pop("level"))

        tool_ids = []
        _tool_ids = d.pop("tool_ids")
        for tool_ids_item_data in _tool_ids:
            tool_ids_item = UUID(tool_ids_item_data)

            tool_ids.append(tool_ids_item)

        skills = []
        _skills = d.pop("skills")
        for skills_item_data in _skills:
            skills_item = WaveSkill.from_dict(skills_item_data)

            skills.append(skills_item)

        unresolved_tools = cast(list[str], d.pop("unresolved_tools"))

        training_wave_read = cls(
            id=id,
            position=position,
            name=name,
            level=level,
            tool_ids=tool_ids,
            skills=skills,
            unresolved_tools=unresolved_tools,
        )

        training_wave_read.additional_properties = d
        return training_wave_read

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
