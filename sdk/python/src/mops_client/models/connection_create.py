from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.currency_code import CurrencyCode
from ..models.provider import Provider
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attribution_rule import AttributionRule


T = TypeVar("T", bound="ConnectionCreate")


@_attrs_define
class ConnectionCreate:
    """A CRM connection. What it needs depends on its `provider`: `hubspot` its `public_url`
    and `secret`, `salesforce` its `organization_id`, `pipedrive` its `username` and
    `password`; `generic` may give a `secret`. Fields of another provider are ignored.

        Attributes:
            provider (Provider):
            name (str):
            public_url (str | Unset): HubSpot: the receive URL exactly as registered with HubSpot (it is part of what
                HubSpot signs); required for `hubspot`.
            secret (str | Unset): HubSpot: the app's client secret (required). generic: a `whsec_` secret (base64 after the
                prefix); left out, one is generated and shown once.
            username (str | Unset): Pipedrive: the HTTP Basic user (required).
            password (str | Unset): Pipedrive: the HTTP Basic password (required; kept hashed).
            organization_id (str | Unset): Salesforce: the organisation id its outbound messages must carry (required).
            attribution_rules (list[AttributionRule] | Unset): Tried in order: the first whose property has its value names
                the tool.
            currency (CurrencyCode | Unset): ISO 4217 code, e.g. `EUR`.
    """

    provider: Provider
    name: str
    public_url: str | Unset = UNSET
    secret: str | Unset = UNSET
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    organization_id: str | Unset = UNSET
    attribution_rules: list[AttributionRule] | Unset = UNSET
    currency: CurrencyCode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.value

        name = self.name

        public_url = self.public_url

        secret = self.secret

        username = self.username

        password = self.password

        organization_id = self.organization_id

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

        field_dict.update(
            {
                "provider": provider,
                "name": name,
            }
        )
        if public_url is not UNSET:
            field_dict["public_url"] = public_url
        if secret is not UNSET:
            field_dict["secret"] = secret
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if attribution_rules is not UNSET:
            field_dict["attribution_rules"] = attribution_rules
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_rule import AttributionRule  # noqa: PLC0415

        d = dict(src_dict)
        provider = Provider(d.pop("provider"))

        name = d.pop("name")

        public_url = d.pop("public_url", UNSET)

        secret = d.pop("secret", UNSET)

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        organization_id = d.pop("organization_id", UNSET)

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

        connection_create = cls(
            provider=provider,
            name=name,
            public_url=public_url,
            secret=secret,
            username=username,
            password=password,
            organization_id=organization_id,
            attribution_rules=attribution_rules,
            currency=currency,
        )

        return connection_create
