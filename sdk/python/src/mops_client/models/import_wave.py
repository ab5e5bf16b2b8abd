from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_wave_skill import ImportWaveSkill


T = TypeVar("T", bound="ImportWave")


@_attrs_define
class ImportWave:
    """
    Attributes:
        name (str):
        level (str): `basic` or `advanced`; basic waves come first.
        tools (list[str] | Unset): Inventory tool names.
        skills (list[ImportWaveSkill] | Unset):
    """

    name: str
    level: str
    tools: list[str] | Unset = UNSET
    skills: list[ImportWaveSkill] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        level = self.level

        tools: list[str] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = self.tools

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "level": level,
            }
        )
        if tools is not UNSET:
            field_dict["tools"] = tools
        if skills is not UNSET:
            field_dict["skills"] = skills

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_wave_skill import ImportWaveSkill  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        level = d.pop("level")

        tools = cast(list[str], d.pop("tools", UNSET))

        _skills = d.pop("skills", UNSET)
        skills: list[ImportWaveSkill] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = ImportWaveSkill.from_dict(skills_item_data)

                skills.append(skills_item)

        import_wave = cls(
            name=name,
            level=level,
            tools=tools,
            skills=skills,
        )

        import_wave.additional_properties = d
        return import_wave

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
