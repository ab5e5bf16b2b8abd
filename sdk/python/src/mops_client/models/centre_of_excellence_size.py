from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CentreOfExcellenceSize")


@_attrs_define
class CentreOfExcellenceSize:
    """Centres of excellence and marketing-ops centres, with the units below them.

    Attributes:
        units (int): Units of type centre_of_excellence or marketing_ops_centre.
        people (int): Active people in those units or in any unit below one of them.
    """

    units: int
    people: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        units = self.units

        people = self.people

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "units": units,
                "people": people,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        units = d.pop("units")

        people = d.pop("people")

        centre_of_excellence_size = cls(
            units=units,
            people=people,
        )

        centre_of_excellence_size.additional_properties = d
        return centre_of_excellence_size

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
