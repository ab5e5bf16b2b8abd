from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.wave_level import WaveLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wave_skill import WaveSkill


T = TypeVar("T", bound="TrainingWaveChange")


@_attrs_define
class TrainingWaveChange:
    """A wave of a PATCH. It keeps an existing wave (its id, its enrolments and its unresolved
    tools) when it names that wave's `id`, or else when its name is that wave's name; other
    waves are new.

        Attributes:
            name (str): Unique in the programme, compared without case.
            level (WaveLevel): `basic`: functional basics, taught first; `advanced`: practice built on the basics.
            tool_ids (list[UUID] | Unset): Inventory tools the wave trains on (the tenant's tools), each once.
            skills (list[WaveSkill] | Unset): Each skill once, compared without case.
            id (None | Unset | UUID): The existing wave this one keeps (a wave of the programme).
    """

    name: str
    level: WaveLevel
    tool_ids: list[UUID] | Unset = UNSET
    skills: list[WaveSkill] | Unset = UNSET
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        level = self.level.value

        tool_ids: list[str] | Unset = UNSET
        if not isinstance(self.tool_ids, Unset):
            tool_ids = []
            for tool_ids_item_data in self.tool_ids:
                tool_ids_item = str(tool_ids_item_data)
                tool_ids.append(tool_ids_item)

        skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = []
            for skills_item_data in self.skills:
                skills_item = skills_item_data.to_dict()
                skills.append(skills_item)

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "level": level,
            }
        )
        if tool_ids is not UNSET:
            field_dict["tool_ids"] = tool_ids
        if skills is not UNSET:
            field_dict["skills"] = skills
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wave_skill import WaveSkill  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        level = WaveLevel(d.pop("level"))

        _tool_ids = d.pop("tool_ids", UNSET)
        tool_ids: list[UUID] | Unset = UNSET
        if _tool_ids is not UNSET:
            tool_ids = []
            for tool_ids_item_data in _tool_ids:
                tool_ids_item = UUID(tool_ids_item_data)

                tool_ids.append(tool_ids_item)

        _skills = d.pop("skills", UNSET)
        skills: list[WaveSkill] | Unset = UNSET
        if _skills is not UNSET:
            skills = []
            for skills_item_data in _skills:
                skills_item = WaveSkill.from_dict(skills_item_data)

                skills.append(skills_item)

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        training_wave_change = cls(
            name=name,
            level=level,
            tool_ids=tool_ids,
            skills=skills,
            id=id,
        )

        return training_wave_change
