from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cadence import Cadence
from ..models.coordination_kind import CoordinationKind
from ..models.integration_level import IntegrationLevel

T = TypeVar("T", bound="CoordinationMechanismRead")


@_attrs_define
class CoordinationMechanismRead:
    """
    Attributes:
        id (UUID):
        name (str):
        kind (CoordinationKind): How units coordinate: meetings, forums and communities of practice share information;
            standards and incentives align behaviour at any level of integration; formal processes
            bind the functions together; customer and partner advisory boards and pilots bring
            outside insight into a collaborative setting.
        cadence (Cadence | None):
        level (IntegrationLevel): Where a mechanism sits on the integration continuum, least mature first. `ad_hoc`: ad
            hoc meetings, forums or communities of practice to share information, coordinate actions
            and pool resources. `standardised`: recurring mechanisms with agreed standards and
            incentives. `formalised`: formal management and business processes across functions, with
            shared-responsibility (RACI) matrices for the key programme activities.
        description (None | str):
        owner_unit_id (None | UUID):
        participating_unit_ids (list[UUID]): By unit name.
        version (int): The version the ETag is made of.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    kind: CoordinationKind
    cadence: Cadence | None
    level: IntegrationLevel
    description: None | str
    owner_unit_id: None | UUID
    participating_unit_ids: list[UUID]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        cadence: None | str
        if isinstance(self.cadence, Cadence):
            cadence = self.cadence.value
        else:
            cadence = self.cadence

        level = self.level.value

        description: None | str
        description = self.description

        owner_unit_id: None | str
        if isinstance(self.owner_unit_id, UUID):
            owner_unit_id = str(self.owner_unit_id)
        else:
            owner_unit_id = self.owner_unit_id

        participating_unit_ids = []
        for participating_unit_ids_item_data in self.participating_unit_ids:
            participating_unit_ids_item = str(participating_unit_ids_item_data)
            participating_unit_ids.append(participating_unit_ids_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "cadence": cadence,
                "level": level,
                "description": description,
                "owner_unit_id": owner_unit_id,
                "participating_unit_ids": participating_unit_ids,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = CoordinationKind(d.pop("kind"))

        def _parse_cadence(data: object) -> Cadence | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cadence_type_0 = Cadence(data)

                return cadence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Cadence | None, data)

        cadence = _parse_cadence(d.pop("cadence"))

        level = IntegrationLevel(d.pop("level"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_owner_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_unit_id_type_0 = UUID(data)

                return owner_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_unit_id = _parse_owner_unit_id(d.pop("owner_unit_id"))

        participating_unit_ids = []
        _participating_unit_ids = d.pop("participating_unit_ids")
        for participating_unit_ids_item_data in _participating_unit_ids:
            participating_unit_ids_item = UUID(participating_unit_ids_item_data)

            participating_unit_ids.append(participating_unit_ids_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        coordination_mechanism_read = cls(
            id=id,
            name=name,
            kind=kind,
            cadence=cadence,
            level=level,
            description=description,
            owner_unit_id=owner_unit_id,
            participating_unit_ids=participating_unit_ids,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        coordination_mechanism_read.additional_properties = d
        return coordination_mechanism_read

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
