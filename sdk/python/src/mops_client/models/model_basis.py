from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelBasis")


@_attrs_define
class ModelBasis:
    """The figures the operating model is inferred from.

    A unit is *edge* when it is a business unit or a region, or lies below one; *outside*
    marketing when it is a function other than marketing's (sales, IT, legal) or lies below
    one; every other unit is *central* (the rules are in the inferred model's description).
    People are the active people of the tenant. A tool (retired ones left out) is owned by the
    units its owners name, or, for an owner naming only a person, by that person's unit.

        Attributes:
            central_people (int): Active people in central units.
            edge_people (int): Active people in edge units.
            unassigned_people (int): Active people in no unit.
            central_people_share (float | None): central_people / (central_people + edge_people); null when both are 0.
            central_tools (int): Tools whose owning units are all central.
            edge_tools (int): Tools whose owning units are all edge units.
            shared_tools (int): Tools owned by central and edge units both.
            unowned_tools (int): Tools without an owning unit of the tenant (no owner, or none known).
            central_tool_share (float | None): central_tools / (central_tools + edge_tools + shared_tools); null when no
                tool has an owning unit.
            hub_units (int): Units whose role is `hub`.
            spoke_units (int): Units whose role is `spoke`.
            outside_people (int | Unset): Active people in functions outside marketing; counted on neither side. Default: 0.
            outside_tools (int | Unset): Tools owned only by units outside marketing; counted on neither side. Default: 0.
            centre_people (int | Unset): Active people in marketing's centres (of excellence, of marketing operations, or
                units labelled `hub`) or below one, but for those of a business unit or region. Default: 0.
            embedded_people (int | Unset): Active people of edge units embedded from a centre: managed by an active person
                of a centre, or holding a role one holds. Default: 0.
            served_edge_units (int | Unset): Edge units with at least one person embedded from a centre. Default: 0.
    """

    central_people: int
    edge_people: int
    unassigned_people: int
    central_people_share: float | None
    central_tools: int
    edge_tools: int
    shared_tools: int
    unowned_tools: int
    central_tool_share: float | None
    hub_units: int
    spoke_units: int
    outside_people: int | Unset = 0
    outside_tools: int | Unset = 0
    centre_people: int | Unset = 0
    embedded_people: int | Unset = 0
    served_edge_units: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        central_people = self.central_people

        edge_people = self.edge_people

        unassigned_people = self.unassigned_people

        central_people_share: float | None
        central_people_share = self.central_people_share

        central_tools = self.central_tools

        edge_tools = self.edge_tools

        shared_tools = self.shared_tools

        unowned_tools = self.unowned_tools

        central_tool_share: float | None
        central_tool_share = self.central_tool_share

        hub_units = self.hub_units

        spoke_units = self.spoke_units

        outside_people = self.outside_people

        outside_tools = self.outside_tools

        centre_people = self.centre_people

        embedded_people = self.embedded_people

        served_edge_units = self.served_edge_units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "central_people": central_people,
                "edge_people": edge_people,
                "unassigned_people": unassigned_people,
                "central_people_share": central_people_share,
                "central_tools": central_tools,
                "edge_tools": edge_tools,
                "shared_tools": shared_tools,
                "unowned_tools": unowned_tools,
                "central_tool_share": central_tool_share,
                "hub_units": hub_units,
                "spoke_units": spoke_units,
            }
        )
        if outside_people is not UNSET:
            field_dict["outside_people"] = outside_people
        if outside_tools is not UNSET:
            field_dict["outside_tools"] = outside_tools
        if centre_people is not UNSET:
            field_dict["centre_people"] = centre_people
        if embedded_people is not UNSET:
            field_dict["embedded_people"] = embedded_people
        if served_edge_units is not UNSET:
            field_dict["served_edge_units"] = served_edge_units

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        central_people = d.pop("central_people")

        edge_people = d.pop("edge_people")

        unassigned_people = d.pop("unassigned_people")

        def _parse_central_people_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        central_people_share = _parse_central_people_share(d.pop("central_people_share"))

        central_tools = d.pop("central_tools")

        edge_tools = d.pop("edge_tools")

        shared_tools = d.pop("shared_tools")

        unowned_tools = d.pop("unowned_tools")

        def _parse_central_tool_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        central_tool_share = _parse_central_tool_share(d.pop("central_tool_share"))

        hub_units = d.pop("hub_units")

        spoke_units = d.pop("spoke_units")

        outside_people = d.pop("outside_people", UNSET)

        outside_tools = d.pop("outside_tools", UNSET)

        centre_people = d.pop("centre_people", UNSET)

        embedded_people = d.pop("embedded_people", UNSET)

        served_edge_units = d.pop("served_edge_units", UNSET)

        model_basis = cls(
            central_people=central_people,
            edge_people=edge_people,
            unassigned_people=unassigned_people,
            central_people_share=central_people_share,
            central_tools=central_tools,
            edge_tools=edge_tools,
            shared_tools=shared_tools,
            unowned_tools=unowned_tools,
            central_tool_share=central_tool_share,
            hub_units=hub_units,
            spoke_units=spoke_units,
            outside_people=outside_people,
            outside_tools=outside_tools,
            centre_people=centre_people,
            embedded_people=embedded_people,
            served_edge_units=served_edge_units,
        )

        model_basis.additional_properties = d
        return model_basis

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
