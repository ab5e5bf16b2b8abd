from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode

T = TypeVar("T", bound="Money")


@_attrs_define
class Money:
    """An amount in the minor unit of its currency: `{"amount_minor": 4200000, "currency": "USD"}`
    is 42 000.00 USD.

        Attributes:
            amount_minor (int): Amount in the currency's minor unit.
            currency (CurrencyCode): ISO 4217 code, e.g. `EUR`.
    """

    amount_minor: int
    currency: CurrencyCode

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_minor": amount_minor,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = CurrencyCode(d.pop("currency"))

        money = cls(
            amount_minor=amount_minor,
            currency=currency,
        )

        return money
