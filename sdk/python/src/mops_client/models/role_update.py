from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.required_skill import RequiredSkill


T = TypeVar("T", bound="RoleUpdate")


@_attrs_define
class RoleUpdate:
    """The fields sent are changed; `required_skills`, when sent, replaces the whole list;
    `description` may be null to clear it (the other fields may not).

        Attributes:
            name (str | Unset):
            description (None | str | Unset):
            legal (bool | Unset):
            required_skills (list[RequiredSkill] | Unset): The skills the role requires, each once (compared without case),
                with the minimum proficiency a holder needs.
    """

    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    legal: bool | Unset = UNSET
    required_skills: list[RequiredSkill] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        legal = self.legal

        required_skills: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.required_skills, Unset):
            required_skills = []
            for required_skills_item_data in self.required_skills:
                required_skills_item = required_skills_item_data.to_dict()
                required_skills.append(required_skills_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if legal is not UNSET:
            field_dict["legal"] = legal
        if required_skills is not UNSET:
            field_dict["required_skills"] = required_skills

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.required_skill import RequiredSkill  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        legal = d.pop("legal", UNSET)

        _required_skills = d.pop("required_skills", UNSET)
        required_skills: list[RequiredSkill] | Unset = UNSET
        if _required_skills is not UNSET:
            required_skills = []
            for required_skills_item_data in _required_skills:
                required_skills_item = RequiredSkill.from_dict(required_skills_item_data)

                required_skills.append(required_skills_item)

        role_update = cls(
            name=name,
            description=description,
            legal=legal,
            required_skills=required_skills,
        )

        return role_update
