from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unit_role import UnitRole
from ..models.unit_type import UnitType
from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitRead")


@_attrs_define
class UnitRead:
    """
    Attributes:
        name (str): Unique in the tenant, compared without case.
        type_ (UnitType):
        id (UUID):
        version (int): The version the ETag is made of.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        parent_id (None | Unset | UUID): The unit this one belongs to; null for a root.
        role (None | UnitRole | Unset): `hub` or `spoke` in a hub-and-spoke organisation; or null.
        lead_person_id (None | Unset | UUID): The person who leads the unit (a person of the tenant).
    """

    name: str
    type_: UnitType
    id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    parent_id: None | Unset | UUID = UNSET
    role: None | UnitRole | Unset = UNSET
    lead_person_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        id = str(self.id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, UnitRole):
            role = self.role.value
        else:
            role = self.role

        lead_person_id: None | str | Unset
        if isinstance(self.lead_person_id, Unset):
            lead_person_id = UNSET
        elif isinstance(self.lead_person_id, UUID):
            lead_person_id = str(self.lead_person_id)
        else:
            lead_person_id = self.lead_person_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "id": id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if role is not UNSET:
            field_dict["role"] = role
        if lead_person_id is not UNSET:
            field_dict["lead_person_id"] = lead_person_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = UnitType(d.pop("type"))

        id = UUID(d.pop("id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_role(data: object) -> None | UnitRole | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = UnitRole(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitRole | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_lead_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_person_id_type_0 = UUID(data)

                return lead_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lead_person_id = _parse_lead_person_id(d.pop("lead_person_id", UNSET))

        unit_read = cls(
            name=name,
            type_=type_,
            id=id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            parent_id=parent_id,
            role=role,
            lead_person_id=lead_person_id,
        )

        unit_read.additional_properties = d
        return unit_read

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
