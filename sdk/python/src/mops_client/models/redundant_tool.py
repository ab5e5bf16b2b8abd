from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum


T = TypeVar("T", bound="RedundantTool")


@_attrs_define
class RedundantTool:
    """One of the active tools serving a redundant capability.

    Attributes:
        id (UUID):
        name (str):
        annual_cost (list[MoneySum]): The sum of the annual cost of the tool's contracts, one entry per currency (empty
            when the tool has no contract).
        seats_active (int | None): Seats active on the tool's latest licence-usage row (`null` if none).
        seats_active_as_of (datetime.date | None): The date of that licence-usage row.
        seats_purchased (int | None): Seats purchased over the tool's contracts (`null` if no contract says).
    """

    id: UUID
    name: str
    annual_cost: list[MoneySum]
    seats_active: int | None
    seats_active_as_of: datetime.date | None
    seats_purchased: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        annual_cost = []
        for annual_cost_item_data in self.annual_cost:
            annual_cost_item = annual_cost_item_data.to_dict()
            annual_cost.append(annual_cost_item)

        seats_active: int | None
        seats_active = self.seats_active

        seats_active_as_of: None | str
        if isinstance(self.seats_active_as_of, datetime.date):
            seats_active_as_of = self.seats_active_as_of.isoformat()
        else:
            seats_active_as_of = self.seats_active_as_of

        seats_purchased: int | None
        seats_purchased = self.seats_purchased

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "annual_cost": annual_cost,
                "seats_active": seats_active,
                "seats_active_as_of": seats_active_as_of,
                "seats_purchased": seats_purchased,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_sum import MoneySum  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        annual_cost = []
        _annual_cost = d.pop("annual_cost")
        for annual_cost_item_data in _annual_cost:
            annual_cost_item = MoneySum.from_dict(annual_cost_item_data)

            annual_cost.append(annual_cost_item)

        def _parse_seats_active(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats_active = _parse_seats_active(d.pop("seats_active"))

        def _parse_seats_active_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                seats_active_as_of_type_0 = datetime.date.fromisoformat(data)

                return seats_active_as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        seats_active_as_of = _parse_seats_active_as_of(d.pop("seats_active_as_of"))

        def _parse_seats_purchased(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats_purchased = _parse_seats_purchased(d.pop("seats_purchased"))

        redundant_tool = cls(
            id=id,
            name=name,
            annual_cost=annual_cost,
            seats_active=seats_active,
            seats_active_as_of=seats_active_as_of,
            seats_purchased=seats_purchased,
        )

        redundant_tool.additional_properties = d
        return redundant_tool

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
