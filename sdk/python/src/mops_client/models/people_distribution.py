from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PeopleDistribution")


@_attrs_define
class PeopleDistribution:
    """Where the active people are, by the side of their unit as the operating-model inference
    reads it: *edge* (business units, regions, below one), *outside* marketing (a function other
    than marketing's, such as sales, IT or legal, or below one), else *central*.

        Attributes:
            active (int): Active people of the tenant.
            central (int): Active people in central marketing units.
            edge (int): Active people in business units and regions.
            unassigned (int): Active people in no unit.
            centralisation_ratio (float | None): central / (central + edge); null when both are 0.
            outside (int | Unset): Active people in functions outside marketing. Default: 0.
    """

    active: int
    central: int
    edge: int
    unassigned: int
    centralisation_ratio: float | None
    outside: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        central = self.central

        edge = self.edge

        unassigned = self.unassigned

        centralisation_ratio: float | None
        centralisation_ratio = self.centralisation_ratio

        outside = self.outside

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "central": central,
                "edge": edge,
                "unassigned": unassigned,
                "centralisation_ratio": centralisation_ratio,
            }
        )
        if outside is not UNSET:
            field_dict["outside"] = outside

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        central = d.pop("central")

        edge = d.pop("edge")

        unassigned = d.pop("unassigned")

        def _parse_centralisation_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        centralisation_ratio = _parse_centralisation_ratio(d.pop("centralisation_ratio"))

        outside = d.pop("outside", UNSET)

        people_distribution = cls(
            active=active,
            central=central,
            edge=edge,
            unassigned=unassigned,
            centralisation_ratio=centralisation_ratio,
            outside=outside,
        )

        people_distribution.additional_properties = d
        return people_distribution

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
