from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency_code import CurrencyCode

T = TypeVar("T", bound="MoneySum")


@_attrs_define
class MoneySum:
    """Amounts of one currency added up (a report's figure), in its minor unit. Each amount
    added is a `Money`, at most 10^15; their sum may be more.

        Attributes:
            amount_minor (int): The sum in the currency's minor unit.
            currency (CurrencyCode): ISO 4217 code, e.g. `EUR`.
    """

    amount_minor: int
    currency: CurrencyCode
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        currency = self.currency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        money_sum = cls(
            amount_minor=amount_minor,
            currency=currency,
        )

        money_sum.additional_properties = d
        return money_sum

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
