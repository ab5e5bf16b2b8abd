from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum
    from ..models.redundant_tool import RedundantTool


T = TypeVar("T", bound="RedundantCapability")


@_attrs_define
class RedundantCapability:
    """A capability served by two or more active tools.

    Attributes:
        capability_id (UUID):
        capability (str): The capability's name.
        tool_count (int): How many active tools serve it.
        tools (list[RedundantTool]): The most expensive of those tools first, at most `tools_per_capability`.
        combined_annual_cost (list[MoneySum]): The tools' annual costs added up, per currency.
        money_at_stake (list[MoneySum]): Per currency: the combined annual cost minus the annual cost of the most
            expensive single tool in that currency.
        seats_active (int | None): The tools' latest seats active added up (`null` if none of them has any).
        seats_purchased (int | None): The tools' seats purchased added up (`null` if none of them has any).
    """

    capability_id: UUID
    capability: str
    tool_count: int
    tools: list[RedundantTool]
    combined_annual_cost: list[MoneySum]
    money_at_stake: list[MoneySum]
    seats_active: int | None
    seats_purchased: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capability_id = str(self.capability_id)

        capability = self.capability

        tool_count = self.tool_count

        tools = []
        for tools_item_data in self.tools:
            tools_item = tools_item_data.to_dict()
            tools.append(tools_item)

        combined_annual_cost = []
        for combined_annual_cost_item_data in self.combined_annual_cost:
            combined_annual_cost_item = combined_annual_cost_item_data.to_dict()
            combined_annual_cost.append(combined_annual_cost_item)

        money_at_stake = []
        for money_at_stake_item_data in self.money_at_stake:
            money_at_stake_item = money_at_stake_item_data.to_dict()
            money_at_stake.append(money_at_stake_item)

        seats_active: int | None
        seats_active = self.seats_active

        seats_purchased: int | None
        seats_purchased = self.seats_purchased

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capability_id": capability_id,
                "capability": capability,
                "tool_count": tool_count,
                "tools": tools,
                "combined_annual_cost": combined_annual_cost,
                "money_at_stake": money_at_stake,
                "seats_active": seats_active,
                "seats_purchased": seats_purchased,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_sum import MoneySum  # noqa: PLC0415
        from ..models.redundant_tool import RedundantTool  # noqa: PLC0415

        d = dict(src_dict)
        capability_id = UUID(d.pop("capability_id"))

        capability = d.pop("capability")

        tool_count = d.pop("tool_count")

        tools = []
        _tools = d.pop("tools")
        for tools_item_data in _tools:
            tools_item = RedundantTool.from_dict(tools_item_data)

            tools.append(tools_item)

        combined_annual_cost = []
        _combined_annual_cost = d.pop("combined_annual_cost")
        for combined_annual_cost_item_data in _combined_annual_cost:
            combined_annual_cost_item = MoneySum.from_dict(combined_annual_cost_item_data)

            combined_annual_cost.append(combined_annual_cost_item)

        money_at_stake = []
        _money_at_stake = d.pop("money_at_stake")
        for money_at_stake_item_data in _money_at_stake:
            money_at_stake_item = MoneySum.from_dict(money_at_stake_item_data)

            money_at_stake.append(money_at_stake_item)

        def _parse_seats_active(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats_active = _parse_seats_active(d.pop("seats_active"))

        def _parse_seats_purchased(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats_purchased = _parse_seats_purchased(d.pop("seats_purchased"))

        redundant_capability = cls(
            capability_id=capability_id,
            capability=capability,
            tool_count=tool_count,
            tools=tools,
            combined_annual_cost=combined_annual_cost,
            money_at_stake=money_at_stake,
            seats_active=seats_active,
            seats_purchased=seats_purchased,
        )

        redundant_capability.additional_properties = d
        return redundant_capability

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
