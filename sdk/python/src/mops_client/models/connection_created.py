from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.provider import Provider

if TYPE_CHECKING:
    from ..models.attribution_rule import AttributionRule


T = TypeVar("T", bound="ConnectionCreated")


@_attrs_define
class ConnectionCreated:
    """
    Attributes:
        id (UUID):
        provider (Provider):
        name (str):
        receive_path (str): Where the provider posts: no API key, its signature.
        public_url (None | str):
        username (None | str):
        organization_id (None | str):
        secrets (int): How many secrets are accepted now (two during rotation).
        attribution_rules (list[AttributionRule]):
        currency (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        generated_secret (None | str): What mops generated, shown this once: the `whsec_` secret (generic) or the token
            Salesforce must send as `?token=` on the receive URL; null otherwise.
    """

    id: UUID
    provider: Provider
    name: str
    receive_path: str
    public_url: None | str
    username: None | str
    organization_id: None | str
    secrets: int
    attribution_rules: list[AttributionRule]
    currency: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    generated_secret: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        provider = self.provider.value

        name = self.name

        receive_path = self.receive_path

        public_url: None | str
        public_url = self.public_url

        username: None | str
        username = self.username

        organization_id: None | str
        organization_id = self.organization_id

        secrets = self.secrets

        attribution_rules = []
        for attribution_rules_item_data in self.attribution_rules:
            attribution_rules_item = attribution_rules_item_data.to_dict()
            attribution_rules.append(attribution_rules_item)

        currency = self.currency

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        generated_secret: None | str
        generated_secret = self.generated_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "provider": provider,
                "name": name,
                "receive_path": receive_path,
                "public_url": public_url,
                "username": username,
                "organization_id": organization_id,
                "secrets": secrets,
                "attribution_rules": attribution_rules,
                "currency": currency,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "generated_secret": generated_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_rule import AttributionRule  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        provider = Provider(d.pop("provider"))

        name = d.pop("name")

        receive_path = d.pop("receive_path")

        def _parse_public_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_url = _parse_public_url(d.pop("public_url"))

        def _parse_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        username = _parse_username(d.pop("username"))

        def _parse_organization_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        secrets = d.pop("secrets")

        attribution_rules = []
        _attribution_rules = d.pop("attribution_rules")
        for attribution_rules_item_data in _attribution_rules:
            attribution_rules_item = AttributionRule.from_dict(attribution_rules_item_data)

            attribution_rules.append(attribution_rules_item)

        currency = d.pop("currency")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_generated_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        generated_secret = _parse_generated_secret(d.pop("generated_secret"))

        connection_created = cls(
            id=id,
            provider=provider,
            name=name,
            receive_path=receive_path,
            public_url=public_url,
            username=username,
            organization_id=organization_id,
            secrets=secrets,
            attribution_rules=attribution_rules,
            currency=currency,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            generated_secret=generated_secret,
        )

        connection_created.additional_properties = d
        return connection_created

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
