from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.owner_role import OwnerRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="ToolOwner")


@_attrs_define
class ToolOwner:
    """Who answers for a tool: a person of the org service, one of its units, or both.

    Attributes:
        role (OwnerRole):
        person_id (None | Unset | UUID): A person of the org service.
        unit_id (None | Unset | UUID): A unit of the org service.
    """

    role: OwnerRole
    person_id: None | Unset | UUID = UNSET
    unit_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        unit_id: None | str | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        elif isinstance(self.unit_id, UUID):
            unit_id = str(self.unit_id)
        else:
            unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = OwnerRole(d.pop("role"))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

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

        tool_owner = cls(
            role=role,
            person_id=person_id,
            unit_id=unit_id,
        )

        return tool_owner
