from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commerce_structure import CommerceStructure
from ..models.operating_model import OperatingModel

T = TypeVar("T", bound="OrgProfileRead")


@_attrs_define
class OrgProfileRead:
    """The tenant's profile; every field null and `version` 0 until it is first written.

    Attributes:
        name (None | str):
        model (None | OperatingModel):
        commerce_structure (CommerceStructure | None):
        notes (None | str):
        version (int): The version the ETag is made of; 0 before any write.
        created_at (datetime.datetime | None): Null until the profile is first written.
        updated_at (datetime.datetime | None): Null until the profile is first written.
    """

    name: None | str
    model: None | OperatingModel
    commerce_structure: CommerceStructure | None
    notes: None | str
    version: int
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: None | str
        name = self.name

        model: None | str
        if isinstance(self.model, OperatingModel):
            model = self.model.value
        else:
            model = self.model

        commerce_structure: None | str
        if isinstance(self.commerce_structure, CommerceStructure):
            commerce_structure = self.commerce_structure.value
        else:
            commerce_structure = self.commerce_structure

        notes: None | str
        notes = self.notes

        version = self.version

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "model": model,
                "commerce_structure": commerce_structure,
                "notes": notes,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_model(data: object) -> None | OperatingModel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_0 = OperatingModel(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OperatingModel, data)

        model = _parse_model(d.pop("model"))

        def _parse_commerce_structure(data: object) -> CommerceStructure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                commerce_structure_type_0 = CommerceStructure(data)

                return commerce_structure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommerceStructure | None, data)

        commerce_structure = _parse_commerce_structure(d.pop("commerce_structure"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        version = d.pop("version")

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        org_profile_read = cls(
            name=name,
            model=model,
            commerce_structure=commerce_structure,
            notes=notes,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        org_profile_read.additional_properties = d
        return org_profile_read

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
