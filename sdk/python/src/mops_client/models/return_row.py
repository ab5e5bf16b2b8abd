from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum
    from ..models.outcome_counts import OutcomeCounts


T = TypeVar("T", bound="ReturnRow")


@_attrs_define
class ReturnRow:
    """What one tool returned over the period against what it costs a year.

    Attributes:
        tool_id (UUID):
        tool_name (str):
        tool_status (ToolStatus):
        outcomes (OutcomeCounts): Outcomes of the period per kind: the sum of their quantities.
        revenue (list[MoneySum]): The amounts of the period's `revenue` outcomes, one entry per currency (empty when
            there is none).
        annual_cost (list[MoneySum]): The annual cost of the tool's contracts, one entry per currency.
        return_ratio (float | None): revenue / annual_cost to 4 decimals, when the cost is in one single currency, above
            zero, and the revenue is in that same currency or there is none (then 0). `null` otherwise: currencies are never
            converted. The cost is the annual cost, not prorated to the period.
    """

    tool_id: UUID
    tool_name: str
    tool_status: ToolStatus
    outcomes: OutcomeCounts
    revenue: list[MoneySum]
    annual_cost: list[MoneySum]
    return_ratio: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool_id = str(self.tool_id)

        tool_name = self.tool_name

        tool_status = self.tool_status.value

        outcomes = self.outcomes.to_dict()

        revenue = []
        for revenue_item_data in self.revenue:
            revenue_item = revenue_item_data.to_dict()
            revenue.append(revenue_item)

        annual_cost = []
        for annual_cost_item_data in self.annual_cost:
            annual_cost_item = annual_cost_item_data.to_dict()
            annual_cost.append(annual_cost_item)

        return_ratio: float | None
        return_ratio = self.return_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool_id": tool_id,
                "tool_name": tool_name,
                "tool_status": tool_status,
                "outcomes": outcomes,
                "revenue": revenue,
                "annual_cost": annual_cost,
                "return_ratio": return_ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_sum import MoneySum  # noqa: PLC0415
        from ..models.outcome_counts import OutcomeCounts  # noqa: PLC0415

        d = dict(src_dict)
        tool_id = UUID(d.pop("tool_id"))

        tool_name = d.pop("tool_name")

        tool_status = ToolStatus(d.pop("tool_status"))

        outcomes = OutcomeCounts.from_dict(d.pop("outcomes"))

        revenue = []
        _revenue = d.pop("revenue")
        for revenue_item_data in _revenue:
            revenue_item = MoneySum.from_dict(revenue_item_data)

            revenue.append(revenue_item)

        annual_cost = []
        _annual_cost = d.pop("annual_cost")
        for annual_cost_item_data in _annual_cost:
            annual_cost_item = MoneySum.from_dict(annual_cost_item_data)

            annual_cost.append(annual_cost_item)

        def _parse_return_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        return_ratio = _parse_return_ratio(d.pop("return_ratio"))

        return_row = cls(
            tool_id=tool_id,
            tool_name=tool_name,
            tool_status=tool_status,
            outcomes=outcomes,
            revenue=revenue,
            annual_cost=annual_cost,
            return_ratio=return_ratio,
        )

        return_row.additional_properties = d
        return return_row

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
