from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_skill import ImportSkill


T = TypeVar("T", bound="ImportPerson")


@_attrs_define
class ImportPerson:
    """
    Attributes:
        name (str):
        email (str):
        unit (None | str | Unset): The unit's name.
        role (None | str | Unset): One role's name (or use `roles`).
        roles (list[str] | None | Unset): Role names, in order.
        manager (None | str | Unset): The manager's email.
        active (bool | Unset):  Default: True.
        skills (list[ImportSkill] | None | Unset):
    """

    name: str
    email: str
    unit: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    roles: list[str] | None | Unset = UNSET
    manager: None | str | Unset = UNSET
    active: bool | Unset = True
    skills: list[ImportSkill] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        manager: None | str | Unset
        if isinstance(self.manager, Unset):
            manager = UNSET
        else:
            manager = self.manager

        active = self.active

        skills: list[dict[str, Any]] | None | Unset
        if isinstance(self.skills, Unset):
            skills = UNSET
        elif isinstance(self.skills, list):
            skills = []
            for skills_type_0_item_data in self.skills:
                skills_type_0_item = skills_type_0_item_data.to_dict()
                skills.append(skills_type_0_item)

        else:
            skills = self.skills

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if role is not UNSET:
            field_dict["role"] = role
        if roles is not UNSET:
            field_dict["roles"] = roles
        if manager is not UNSET:
            field_dict["manager"] = manager
        if active is not UNSET:
            field_dict["active"] = active
        if skills is not UNSET:
            field_dict["skills"] = skills

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_skill import ImportSkill  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_manager(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager = _parse_manager(d.pop("manager", UNSET))

        active = d.pop("active", UNSET)

        def _parse_skills(data: object) -> list[ImportSkill] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skills_type_0 = []
                _skills_type_0 = data
                for skills_type_0_item_data in _skills_type_0:
                    skills_type_0_item = ImportSkill.from_dict(skills_type_0_item_data)

                    skills_type_0.append(skills_type_0_item)

                return skills_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ImportSkill] | None | Unset, data)

        skills = _parse_skills(d.pop("skills", UNSET))

        import_person = cls(
            name=name,
            email=email,
            unit=unit,
            role=role,
            roles=roles,
            manager=manager,
            active=active,
            skills=skills,
        )

        import_person.additional_properties = d
        return import_person

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
