from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonUpdate")


@_attrs_define
class PersonUpdate:
    """The fields sent are changed; `unit_id` and `manager_id` may be null to clear them (the
    other fields may not); `role_ids`, when sent, replaces the person's roles (`[]` removes them
    all).

        Attributes:
            name (str | Unset):
            email (str | Unset):
            unit_id (None | Unset | UUID):
            manager_id (None | Unset | UUID):
            active (bool | Unset):
            role_ids (list[UUID] | Unset): The person's roles, in order of importance, each once: built-in roles of the
                catalogue or the tenant's own (`/v1/org/roles`).
    """

    name: str | Unset = UNSET
    email: str | Unset = UNSET
    unit_id: None | Unset | UUID = UNSET
    manager_id: None | Unset | UUID = UNSET
    active: bool | Unset = UNSET
    role_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        unit_id: None | str | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        elif isinstance(self.unit_id, UUID):
            unit_id = str(self.unit_id)
        else:
            unit_id = self.unit_id

        manager_id: None | str | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        elif isinstance(self.manager_id, UUID):
            manager_id = str(self.manager_id)
        else:
            manager_id = self.manager_id

        active = self.active

        role_ids: list[str] | Unset = UNSET
        if not isinstance(self.role_ids, Unset):
            role_ids = []
            for role_ids_item_data in self.role_ids:
                role_ids_item = str(role_ids_item_data)
                role_ids.append(role_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if active is not UNSET:
            field_dict["active"] = active
        if role_ids is not UNSET:
            field_dict["role_ids"] = role_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        def _parse_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_id_type_0 = UUID(data)

                return unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_manager_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                manager_id_type_0 = UUID(data)

                return manager_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        manager_id = _parse_manager_id(d.pop("manager_id", UNSET))

        active = d.pop("active", UNSET)

        _role_ids = d.pop("role_ids", UNSET)
        role_ids: list[UUID] | Unset = UNSET
        if _role_ids is not UNSET:
            role_ids = []
            for role_ids_item_data in _role_ids:
                role_ids_item = UUID(role_ids_item_data)

                role_ids.append(role_ids_item)

        person_update = cls(
            name=name,
            email=email,
            unit_id=unit_id,
            manager_id=manager_id,
            active=active,
            role_ids=role_ids,
        )

        return person_update
