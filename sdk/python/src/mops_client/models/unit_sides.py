from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitSides")


@_attrs_define
class UnitSides:
    """Every unit of the tenant by side, as the operating-model inference reads them: edge
    when it is a business unit or a region or lies below one; outside marketing when it is a
    function other than marketing's (sales, IT, legal) or lies below one; central otherwise.

        Attributes:
            central (list[UUID]):
            edge (list[UUID]):
            outside (list[UUID] | Unset):
    """

    central: list[UUID]
    edge: list[UUID]
    outside: list[UUID] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        central = []
        for central_item_data in self.central:
            central_item = str(central_item_data)
            central.append(central_item)

        edge = []
        for edge_item_data in self.edge:
            edge_item = str(edge_item_data)
            edge.append(edge_item)

        outside: list[str] | Unset = UNSET
        if not isinstance(self.outside, Unset):
            outside = []
            for outside_item_data in self.outside:
                outside_item = str(outside_item_data)
                outside.append(outside_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "central": central,
                "edge": edge,
            }
        )
        if outside is not UNSET:
            field_dict["outside"] = outside

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        central = []
        _central = d.pop("central")
        for central_item_data in _central:
            central_item = UUID(central_item_data)

            central.append(central_item)

        edge = []
        _edge = d.pop("edge")
        for edge_item_data in _edge:
            edge_item = UUID(edge_item_data)

            edge.append(edge_item)

        _outside = d.pop("outside", UNSET)
        outside: list[UUID] | Unset = UNSET
        if _outside is not UNSET:
            outside = []
            for outside_item_data in _outside:
                outside_item = UUID(outside_item_data)

                outside.append(outside_item)

        unit_sides = cls(
            central=central,
            edge=edge,
            outside=outside,
        )

        unit_sides.additional_properties = d
        return unit_sides

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
