from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum


T = TypeVar("T", bound="SpendRow")


@_attrs_define
class SpendRow:
    """The annual cost of one group's contracts in one currency.

    Attributes:
        key (None | str): What the row is grouped by: the category id, the capability id, the org unit id of the
            business owner, the vendor, or the status. `null` for the tools that have none (no category, no capability, no
            business-owner unit, no vendor).
        label (None | str): The category or capability name, the vendor or the status; `null` for owner units (their
            names live in the org service) and for the `null` group.
        annual_cost (MoneySum): Amounts of one currency added up (a report's figure), in its minor unit. Each amount
            added is a `Money`, at most 10^15; their sum may be more.
        tool_count (int): Tools with a contract in this group and currency.
        contract_count (int): Contracts added up in `annual_cost`.
    """

    key: None | str
    label: None | str
    annual_cost: MoneySum
    tool_count: int
    contract_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key: None | str
        key = self.key

        label: None | str
        label = self.label

        annual_cost = self.annual_cost.to_dict()

        tool_count = self.tool_count

        contract_count = self.contract_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label": label,
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

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        annual_cost = MoneySum.from_dict(d.pop("annual_cost"))

        tool_count = d.pop("tool_count")

        contract_count = d.pop("contract_count")

        spend_row = cls(
            key=key,
            label=label,
            annual_cost=annual_cost,
            tool_count=tool_count,
            contract_count=contract_count,
        )

        spend_row.additional_properties = d
        return spend_row

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
