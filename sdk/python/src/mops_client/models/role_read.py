from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.required_skill import RequiredSkill


T = TypeVar("T", bound="RoleRead")


@_attrs_define
class RoleRead:
    """
    Attributes:
        id (UUID):
        name (str):
        description (None | str):
        legal (bool):
        builtin (bool): A role of the built-in catalogue, shared by every tenant and read-only.
        required_skills (list[RequiredSkill]): By skill name.
        version (int): The version the ETag is made of.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    description: None | str
    legal: bool
    builtin: bool
    required_skills: list[RequiredSkill]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        description: None | str
        description = self.description

        legal = self.legal

        builtin = self.builtin

        required_skills = []
        for required_skills_item_data in self.required_skills:
            required_skills_item = required_skills_item_data.to_dict()
            required_skills.append(required_skills_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "legal": legal,
                "builtin": builtin,
                "required_skills": required_skills,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.required_skill import RequiredSkill  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        legal = d.pop("legal")

        builtin = d.pop("builtin")

        required_skills = []
        _required_skills = d.pop("required_skills")
        for required_skills_item_data in _required_skills:
            required_skills_item = RequiredSkill.from_dict(required_skills_item_data)

            required_skills.append(required_skills_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        role_read = cls(
            id=id,
            name=name,
            description=description,
            legal=legal,
            builtin=builtin,
            required_skills=required_skills,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        role_read.additional_properties = d
        return role_read

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
