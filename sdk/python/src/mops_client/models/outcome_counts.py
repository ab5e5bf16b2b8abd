from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutcomeCounts")


@_attrs_define
class OutcomeCounts:
    """Outcomes of the period per kind: the sum of their quantities.

    Attributes:
        lead (int | Unset):  Default: 0.
        opportunity (int | Unset):  Default: 0.
        revenue (int | Unset):  Default: 0.
        retention (int | Unset):  Default: 0.
        cost_saving (int | Unset):  Default: 0.
    """

    lead: int | Unset = 0
    opportunity: int | Unset = 0
    revenue: int | Unset = 0
    retention: int | Unset = 0
    cost_saving: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lead = self.lead

        opportunity = self.opportunity

        revenue = self.revenue

        retention = self.retention

        cost_saving = self.cost_saving

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if lead is not UNSET:
            field_dict["lead"] = lead
        if opportunity is not UNSET:
            field_dict["opportunity"] = opportunity
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if retention is not UNSET:
            field_dict["retention"] = retention
        if cost_saving is not UNSET:
            field_dict["cost_saving"] = cost_saving

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lead = d.pop("lead", UNSET)

        opportunity = d.pop("opportunity", UNSET)

        revenue = d.pop("revenue", UNSET)

        retention = d.pop("retention", UNSET)

        cost_saving = d.pop("cost_saving", UNSET)

        outcome_counts = cls(
            lead=lead,
            opportunity=opportunity,
            revenue=revenue,
            retention=retention,
            cost_saving=cost_saving,
        )

        outcome_counts.additional_properties = d
        return outcome_counts

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
