from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum


T = TypeVar("T", bound="SpendTotal")


@_attrs_define
class SpendTotal:
    """The annual cost of all the tenant's (filtered) contracts in one currency.

    Attributes:
        annual_cost (MoneySum): Amounts of one currency added up (a report's figure), in its minor unit. Each amount
            added is a `Money`, at most 10^15; their sum may be more.
        tool_count (int): Tools with a contract in this currency.
        contract_count (int):
    """

    annual_cost: MoneySum
    tool_count: int
    contract_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_cost = self.annual_cost.to_dict()

        tool_count = self.tool_count

        contract_count = self.contract_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_cost": annual_cost,
                "tool_count": tool_count,
                "contract_count": contract_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_sum import MoneySum  # noqa: PLC0415

        d = dict(src_dict)
        annual_cost = MoneySum.from_dict(d.pop("annual_cost"))

        tool_count = d.pop("tool_count")

        contract_count = d.pop("contract_count")

        spend_total = cls(
            annual_cost=annual_cost,
            tool_count=tool_count,
            contract_count=contract_count,
        )

        spend_total.additional_properties = d
        return spend_total

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
