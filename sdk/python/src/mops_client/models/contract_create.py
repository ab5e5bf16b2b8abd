from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="ContractCreate")


@_attrs_define
class ContractCreate:
    """
    Attributes:
        annual_cost (Money): An amount in the minor unit of its currency: `{"amount_minor": 4200000, "currency": "USD"}`
            is 42 000.00 USD.
        term_start (datetime.date | None | Unset):
        term_end (datetime.date | None | Unset): Not before term_start.
        renewal_date (datetime.date | None | Unset): When it renews (or ends).
        notice_period_days (int | None | Unset): Notice needed before the renewal date.
        auto_renew (bool | Unset):  Default: False.
        seats_purchased (int | None | Unset):
        notes (None | str | Unset):
    """

    annual_cost: Money
    term_start: datetime.date | None | Unset = UNSET
    term_end: datetime.date | None | Unset = UNSET
    renewal_date: datetime.date | None | Unset = UNSET
    notice_period_days: int | None | Unset = UNSET
    auto_renew: bool | Unset = False
    seats_purchased: int | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        annual_cost = self.annual_cost.to_dict()

        term_start: None | str | Unset
        if isinstance(self.term_start, Unset):
            term_start = UNSET
        elif isinstance(self.term_start, datetime.date):
            term_start = self.term_start.isoformat()
        else:
            term_start = self.term_start

        term_end: None | str | Unset
        if isinstance(self.term_end, Unset):
            term_end = UNSET
        elif isinstance(self.term_end, datetime.date):
            term_end = self.term_end.isoformat()
        else:
            term_end = self.term_end

        renewal_date: None | str | Unset
        if isinstance(self.renewal_date, Unset):
            renewal_date = UNSET
        elif isinstance(self.renewal_date, datetime.date):
            renewal_date = self.renewal_date.isoformat()
        else:
            renewal_date = self.renewal_date

        notice_period_days: int | None | Unset
        if isinstance(self.notice_period_days, Unset):
            notice_period_days = UNSET
        else:
            notice_period_days = self.notice_period_days

        auto_renew = self.auto_renew

        seats_purchased: int | None | Unset
        if isinstance(self.seats_purchased, Unset):
            seats_purchased = UNSET
        else:
            seats_purchased = self.seats_purchased

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "annual_cost": annual_cost,
            }
        )
        if term_start is not UNSET:
            field_dict["term_start"] = term_start
        if term_end is not UNSET:
            field_dict["term_end"] = term_end
        if renewal_date is not UNSET:
            field_dict["renewal_date"] = renewal_date
        if notice_period_days is not UNSET:
            field_dict["notice_period_days"] = notice_period_days
        if auto_renew is not UNSET:
            field_dict["auto_renew"] = auto_renew
        if seats_purchased is not UNSET:
            field_dict["seats_purchased"] = seats_purchased
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        annual_cost = Money.from_dict(d.pop("annual_cost"))

        def _parse_term_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_start_type_0 = datetime.date.fromisoformat(data)

                return term_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_start = _parse_term_start(d.pop("term_start", UNSET))

        def _parse_term_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_end_type_0 = datetime.date.fromisoformat(data)

                return term_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_end = _parse_term_end(d.pop("term_end", UNSET))

        def _parse_renewal_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renewal_date_type_0 = datetime.date.fromisoformat(data)

                return renewal_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        renewal_date = _parse_renewal_date(d.pop("renewal_date", UNSET))

        def _parse_notice_period_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        notice_period_days = _parse_notice_period_days(d.pop("notice_period_days", UNSET))

        auto_renew = d.pop("auto_renew", UNSET)

        def _parse_seats_purchased(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seats_purchased = _parse_seats_purchased(d.pop("seats_purchased", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        contract_create = cls(
            annual_cost=annual_cost,
            term_start=term_start,
            term_end=term_end,
            renewal_date=renewal_date,
            notice_period_days=notice_period_days,
            auto_renew=auto_renew,
            seats_purchased=seats_purchased,
            notes=notes,
        )

        return contract_create
