from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnitEvidence")


@_attrs_define
class UnitEvidence:
    """The active tools one org unit answers for. A tool counts for one unit only: the unit
    of the first of its owner rows (in their order) that names a unit, whatever its role.

        Attributes:
            unit_id (UUID): An org unit named as owner of active tools.
            active_tools (int): Active tools counted for the unit.
            annual_spend_minor (int): Their annual cost in `currency`, minor units. A tool's annual cost is the spend
                report's: the sum of `annual_cost` over all its contracts, in `currency` only.
            tools_sharing_with_core (int): Of those tools, the ones with `shares_data_with_core` true.
    """

    unit_id: UUID
    active_tools: int
    annual_spend_minor: int
    tools_sharing_with_core: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit_id = str(self.unit_id)

        active_tools = self.active_tools

        annual_spend_minor = self.annual_spend_minor

        tools_sharing_with_core = self.tools_sharing_with_core

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit_id": unit_id,
                "active_tools": active_tools,
                "annual_spend_minor": annual_spend_minor,
                "tools_sharing_with_core": tools_sharing_with_core,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = UUID(d.pop("unit_id"))

        active_tools = d.pop("active_tools")

        annual_spend_minor = d.pop("annual_spend_minor")

        tools_sharing_with_core = d.pop("tools_sharing_with_core")

        unit_evidence = cls(
            unit_id=unit_id,
            active_tools=active_tools,
            annual_spend_minor=annual_spend_minor,
            tools_sharing_with_core=tools_sharing_with_core,
        )

        unit_evidence.additional_properties = d
        return unit_evidence

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
