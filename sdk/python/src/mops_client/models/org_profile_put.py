from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.commerce_structure import CommerceStructure
from ..models.operating_model import OperatingModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrgProfilePut")


@_attrs_define
class OrgProfilePut:
    """The whole profile: a field left out is cleared (null), as a field sent as null.

    Attributes:
        name (None | str | Unset): The organisation's name.
        model (None | OperatingModel | Unset): The operating model the organisation declares.
        commerce_structure (CommerceStructure | None | Unset): Where e-commerce sits in the organisation.
        notes (None | str | Unset):
    """

    name: None | str | Unset = UNSET
    model: None | OperatingModel | Unset = UNSET
    commerce_structure: CommerceStructure | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        elif isinstance(self.model, OperatingModel):
            model = self.model.value
        else:
            model = self.model

        commerce_structure: None | str | Unset
        if isinstance(self.commerce_structure, Unset):
            commerce_structure = UNSET
        elif isinstance(self.commerce_structure, CommerceStructure):
            commerce_structure = self.commerce_structure.value
        else:
            commerce_structure = self.commerce_structure

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if model is not UNSET:
            field_dict["model"] = model
        if commerce_structure is not UNSET:
            field_dict["commerce_structure"] = commerce_structure
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_model(data: object) -> None | OperatingModel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_type_0 = OperatingModel(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OperatingModel | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_commerce_structure(data: object) -> CommerceStructure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                commerce_structure_type_0 = CommerceStructure(data)

                return commerce_structure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommerceStructure | None | Unset, data)

        commerce_structure = _parse_commerce_structure(d.pop("commerce_structure", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        org_profile_put = cls(
            name=name,
            model=model,
            commerce_structure=commerce_structure,
            notes=notes,
        )

        return org_profile_put
