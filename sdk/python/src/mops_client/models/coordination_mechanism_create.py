from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.cadence import Cadence
from ..models.coordination_kind import CoordinationKind
from ..models.integration_level import IntegrationLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="CoordinationMechanismCreate")


@_attrs_define
class CoordinationMechanismCreate:
    """
    Attributes:
        name (str): Unique in the tenant, compared without case.
        kind (CoordinationKind): How units coordinate: meetings, forums and communities of practice share information;
            standards and incentives align behaviour at any level of integration; formal processes
            bind the functions together; customer and partner advisory boards and pilots bring
            outside insight into a collaborative setting.
        level (IntegrationLevel): Where a mechanism sits on the integration continuum, least mature first. `ad_hoc`: ad
            hoc meetings, forums or communities of practice to share information, coordinate actions
            and pool resources. `standardised`: recurring mechanisms with agreed standards and
            incentives. `formalised`: formal management and business processes across functions, with
            shared-responsibility (RACI) matrices for the key programme activities.
        cadence (Cadence | None | Unset):
        description (None | str | Unset):
        owner_unit_id (None | Unset | UUID): The unit that runs the mechanism (a unit of the tenant).
        participating_unit_ids (list[UUID] | Unset): The units taking part (units of the tenant, each once).
    """

    name: str
    kind: CoordinationKind
    level: IntegrationLevel
    cadence: Cadence | None | Unset = UNSET
    description: None | str | Unset = UNSET
    owner_unit_id: None | Unset | UUID = UNSET
    participating_unit_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        level = self.level.value

        cadence: None | str | Unset
        if isinstance(self.cadence, Unset):
            cadence = UNSET
        elif isinstance(self.cadence, Cadence):
            cadence = self.cadence.value
        else:
            cadence = self.cadence

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        owner_unit_id: None | str | Unset
        if isinstance(self.owner_unit_id, Unset):
            owner_unit_id = UNSET
        elif isinstance(self.owner_unit_id, UUID):
            owner_unit_id = str(self.owner_unit_id)
        else:
            owner_unit_id = self.owner_unit_id

        participating_unit_ids: list[str] | Unset = UNSET
        if not isinstance(self.participating_unit_ids, Unset):
            participating_unit_ids = []
            for participating_unit_ids_item_data in self.participating_unit_ids:
                participating_unit_ids_item = str(participating_unit_ids_item_data)
                participating_unit_ids.append(participating_unit_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "level": level,
            }
        )
        if cadence is not UNSET:
            field_dict["cadence"] = cadence
        if description is not UNSET:
            field_dict["description"] = description
        if owner_unit_id is not UNSET:
            field_dict["owner_unit_id"] = owner_unit_id
        if participating_unit_ids is not UNSET:
            field_dict["participating_unit_ids"] = participating_unit_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = CoordinationKind(d.pop("kind"))

        level = IntegrationLevel(d.pop("level"))

        def _parse_cadence(data: object) -> Cadence | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cadence_type_0 = Cadence(data)

                return cadence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Cadence | None | Unset, data)

        cadence = _parse_cadence(d.pop("cadence", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_owner_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_unit_id_type_0 = UUID(data)

                return owner_unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_unit_id = _parse_owner_unit_id(d.pop("owner_unit_id", UNSET))

        _participating_unit_ids = d.pop("participating_unit_ids", UNSET)
        participating_unit_ids: list[UUID] | Unset = UNSET
        if _participating_unit_ids is not UNSET:
            participating_unit_ids = []
            for participating_unit_ids_item_data in _participating_unit_ids:
                participating_unit_ids_item = UUID(participating_unit_ids_item_data)

                participating_unit_ids.append(participating_unit_ids_item)

        coordination_mechanism_create = cls(
            name=name,
            kind=kind,
            level=level,
            cadence=cadence,
            description=description,
            owner_unit_id=owner_unit_id,
            participating_unit_ids=participating_unit_ids,
        )

        return coordination_mechanism_create
