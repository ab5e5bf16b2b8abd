from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="RenewalRow")


@_attrs_define
class RenewalRow:
    """A contract that renews, or whose notice deadline falls, in the window.

    Attributes:
        contract_id (UUID):
        tool_id (UUID):
        tool_name (str):
        tool_status (ToolStatus):
        renewal_date (datetime.date):
        notice_period_days (int | None):
        notice_deadline (datetime.date | None): renewal_date minus notice_period_days; `null` when there is no notice
            period.
        notice_passed (bool): The notice deadline is before `as_of` (giving notice on the deadline day is still in
            time). Always false without a notice period.
        days_to_notice_deadline (int | None): notice_deadline minus as_of, in days (negative once passed).
        days_to_renewal (int): renewal_date minus as_of, in days.
        auto_renew (bool):
        annual_cost (Money): An amount in the minor unit of its currency: `{"amount_minor": 4200000, "currency": "USD"}`
            is 42 000.00 USD.
    """

    contract_id: UUID
    tool_id: UUID
    tool_name: str
    tool_status: ToolStatus
    renewal_date: datetime.date
    notice_period_days: int | None
    notice_deadline: datetime.date | None
    notice_passed: bool
    days_to_notice_deadline: int | None
    days_to_renewal: int
    auto_renew: bool
    annual_cost: Money
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        tool_id = str(self.tool_id)

        tool_name = self.tool_name

        tool_status = self.tool_status.value

        renewal_date = self.renewal_date.isoformat()

        notice_period_days: int | None
        notice_period_days = self.notice_period_days

        notice_deadline: None | str
        if isinstance(self.notice_deadline, datetime.date):
            notice_deadline = self.notice_deadline.isoformat()
        else:
            notice_deadline = self.notice_deadline

        notice_passed = self.notice_passed

        days_to_notice_deadline: int | None
        days_to_notice_deadline = self.days_to_notice_deadline

        days_to_renewal = self.days_to_renewal

        auto_renew = self.auto_renew

        annual_cost = self.annual_cost.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "tool_id": tool_id,
                "tool_name": tool_name,
                "tool_status": tool_status,
                "renewal_date": renewal_date,
                "notice_period_days": notice_period_days,
                "notice_deadline": notice_deadline,
                "notice_passed": notice_passed,
                "days_to_notice_deadline": days_to_notice_deadline,
                "days_to_renewal": days_to_renewal,
                "auto_renew": auto_renew,
                "annual_cost": annual_cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))

        tool_id = UUID(d.pop("tool_id"))

        tool_name = d.pop("tool_name")

        tool_status = ToolStatus(d.pop("tool_status"))

        renewal_date = datetime.date.fromisoformat(d.pop("renewal_date"))

        def _parse_notice_period_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        notice_period_days = _parse_notice_period_days(d.pop("notice_period_days"))

        def _parse_notice_deadline(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_deadline_type_0 = datetime.date.fromisoformat(data)

                return notice_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notice_deadline = _parse_notice_deadline(d.pop("notice_deadline"))

        notice_passed = d.pop("notice_passed")

        def _parse_days_to_notice_deadline(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_to_notice_deadline = _parse_days_to_notice_deadline(d.pop("days_to_notice_deadline"))

        days_to_renewal = d.pop("days_to_renewal")

        auto_renew = d.pop("auto_renew")

        annual_cost = Money.from_dict(d.pop("annual_cost"))

        renewal_row = cls(
            contract_id=contract_id,
            tool_id=tool_id,
            tool_name=tool_name,
            tool_status=tool_status,
            renewal_date=renewal_date,
            notice_period_days=notice_period_days,
            notice_deadline=notice_deadline,
            notice_passed=notice_passed,
            days_to_notice_deadline=days_to_notice_deadline,
            days_to_renewal=days_to_renewal,
            auto_renew=auto_renew,
            annual_cost=annual_cost,
        )

        renewal_row.additional_properties = d
        return renewal_row

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
