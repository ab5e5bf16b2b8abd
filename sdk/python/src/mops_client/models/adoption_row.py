from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum


T = TypeVar("T", bound="AdoptionRow")


@_attrs_define
class AdoptionRow:
    """Seats purchased against seats in use for one tool.

    Attributes:
        tool_id (UUID):
        tool_name (str):
        tool_status (ToolStatus):
        seats_purchased (int | None): Seats purchased over the tool's contracts (`null` if no contract says).
        seats_active (int | None): Seats active on the tool's latest licence-usage row (`null` if none).
        seats_active_as_of (datetime.date | None): The date of that licence-usage row.
        utilisation (float | None): seats_active / seats_purchased, to 4 decimals (above 1 when over-used); `null` when
            either is unknown or nothing was purchased.
        annual_cost (list[MoneySum]): The annual cost of the tool's contracts, one entry per currency.
        cost_per_active_seat (list[MoneySum] | None): annual_cost / seats_active per currency, rounded to the nearest
            minor unit (halves up); `null` when there is no active seat.
    """

    tool_id: UUID
    tool_name: str
    tool_status: ToolStatus
    seats_purchased: int | None
    seats_active: int | None
    seats_active_as_of: datetime.date | None
    utilisation: float | None
    annual_cost: list[MoneySum]
    cost_per_active_seat: list[MoneySum] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool_id = str(self.tool_id)

        tool_name = self.tool_name

        tool_status = self.tool_status.value

        seats_purchased: int | None
        seats_purchased = self.seats_purchased

        seats_active: int | None
        seats_active = self.seats_active

        seats_active_as_of: None | str
        if isinstance(self.seats_active_as_of, datetime.date):
            seats_active_as_of = self.seats_active_as_of.isoformat()
        else:
            seats_active_as_of = self.seats_active_as_of

        utilisation: float | None
        utilisation = self.utilisation

        annual_cost = []
        for annual_cost_item_data in self.annual_cost:
            annual_cost_item = annual_cost_item_data.to_dict()
            annual_cost.append(annual_cost_item)

        cost_per_active_seat: list[dict[str, Any]] | None
        if isinstance(self.cost_per_active_seat, list):
            cost_per_active_seat = []
            for cost_per_active_seat_type_0_item_data in self.cost_per_active_seat:
                cost_per_active_seat_type_0_item = cost_per_active_seat_type_0_item_data.to_dict()
                cost_per_active_seat.append(cost_per_active_seat_type_0_item)

        else:
            cost_per_active_seat = self.cost_per_active_seat

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool_id": tool_id,
                "tool_name": tool_name,
                "tool_status": tool_status,
                "seats_purchased": seats_purchased,
                "seats_active": seats_active,
                "seats_active_as_of": seats_active_as_of,
                "utilisation": utilisation,
                "annual_cost": annual_cost,
                "cost_per_active_seat": cost_per_active_seat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_sum import MoneySum  # noqa: PLC0415

        d = dict(src_dict)
        tool_id = UUID(d.pop("tool_id"))

        tool_name = d.pop("tool_name")

        tool_status = ToolStatus(d.pop("tool_status"))

        def _parse_seats_purchased(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seats_purchased = _parse_seats_purchased(d.pop("seats_purchased"))

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

        def _parse_utilisation(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        utilisation = _parse_utilisation(d.pop("utilisation"))

        annual_cost = []
        _annual_cost = d.pop("annual_cost")
        for annual_cost_item_data in _annual_cost:
            annual_cost_item = MoneySum.from_dict(annual_cost_item_data)

            annual_cost.append(annual_cost_item)

        def _parse_cost_per_active_seat(data: object) -> list[MoneySum] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                cost_per_active_seat_type_0 = []
                _cost_per_active_seat_type_0 = data
                for cost_per_active_seat_type_0_item_data in _cost_per_active_seat_type_0:
                    cost_per_active_seat_type_0_item = MoneySum.from_dict(
                        cost_per_active_seat_type_0_item_data
                    )

                    cost_per_active_seat_type_0.append(cost_per_active_seat_type_0_item)

                return cost_per_active_seat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MoneySum] | None, data)

        cost_per_active_seat = _parse_cost_per_active_seat(d.pop("cost_per_active_seat"))

        adoption_row = cls(
            tool_id=tool_id,
            tool_name=tool_name,
            tool_status=tool_status,
            seats_purchased=seats_purchased,
            seats_active=seats_active,
            seats_active_as_of=seats_active_as_of,
            utilisation=utilisation,
            annual_cost=annual_cost,
            cost_per_active_seat=cost_per_active_seat,
        )

        adoption_row.additional_properties = d
        return adoption_row

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
