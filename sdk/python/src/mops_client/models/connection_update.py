from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attribution_rule import AttributionRule


T = TypeVar("T", bound="ConnectionUpdate")


@_attrs_define
class ConnectionUpdate:
    """What may change on a connection; secrets change through rotation.

    Attributes:
        name (str | Unset):
        public_url (None | str | Unset): HubSpot: the receive URL as registered with HubSpot (which cannot be null);
            other providers: null clears it.
        attribution_rules (list[AttributionRule] | Unset):
        currency (CurrencyCode | Unset): ISO 4217 code, e.g. `EUR`.
    """

    name: str | Unset = UNSET
    public_url: None | str | Unset = UNSET
    attribution_rules: list[AttributionRule] | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        public_url: None | str | Unset
        if isinstance(self.public_url, Unset):
            public_url = UNSET
        else:
            public_url = self.public_url

        attribution_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attribution_rules, Unset):
            attribution_rules = []
            for attribution_rules_item_data in self.attribution_rules:
                attribution_rules_item = attribution_rules_item_data.to_dict()
                attribution_rules.append(attribution_rules_item)

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if public_url is not UNSET:
            field_dict["public_url"] = public_url
        if attribution_rules is not UNSET:
            field_dict["attribution_rules"] = attribution_rules
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_rule import AttributionRule  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_public_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_url = _parse_public_url(d.pop("public_url", UNSET))

        _attribution_rules = d.pop("attribution_rules", UNSET)
        attribution_rules: list[AttributionRule] | Unset = UNSET
        if _attribution_rules is not UNSET:
            attribution_rules = []
            for attribution_rules_item_data in _attribution_rules:
                attribution_rules_item = AttributionRule.from_dict(attribution_rules_item_data)

                attribution_rules.append(attribution_rules_item)

        _currency = d.pop("currency", UNSET)
        currency: CurrencyCode | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = CurrencyCode(_currency)

        connection_update = cls(
            name=name,
            public_url=public_url,
            attribution_rules=attribution_rules,
            currency=currency,
        )

        return connection_update
