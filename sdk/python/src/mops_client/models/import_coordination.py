from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportCoordination")


@_attrs_define
class ImportCoordination:
    """
    Attributes:
        name (str):
        kind (str):
        level (str):
        cadence (None | str | Unset):
        description (None | str | Unset):
        owner_unit (None | str | Unset):
        participating_units (list[str] | Unset):
    """

    name: str
    kind: str
    level: str
    cadence: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    owner_unit: None | str | Unset = UNSET
    participating_units: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind

        level = self.level

        cadence: None | str | Unset
        if isinstance(self.cadence, Unset):
            cadence = UNSET
        else:
            cadence = self.cadence

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        owner_unit: None | str | Unset
        if isinstance(self.owner_unit, Unset):
            owner_unit = UNSET
        else:
            owner_unit = self.owner_unit

        participating_units: list[str] | Unset = UNSET
        if not isinstance(self.participating_units, Unset):
            participating_units = self.participating_units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        if owner_unit is not UNSET:
            field_dict["owner_unit"] = owner_unit
        if participating_units is not UNSET:
            field_dict["participating_units"] = participating_units

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = d.pop("kind")

        level = d.pop("level")

        def _parse_cadence(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cadence = _parse_cadence(d.pop("cadence", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_owner_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_unit = _parse_owner_unit(d.pop("owner_unit", UNSET))

        participating_units = cast(list[str], d.pop("participating_units", UNSET))

        import_coordination = cls(
            name=name,
            kind=kind,
            level=level,
            cadence=cadence,
            description=description,
            owner_unit=owner_unit,
            participating_units=participating_units,
        )

        import_coordination.additional_properties = d
        return import_coordination

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
