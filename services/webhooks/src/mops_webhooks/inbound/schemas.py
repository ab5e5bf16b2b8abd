"""Wire models of webhooks (`/v1/webhooks/...`): CRM connections and their inbox."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from mops_shared.contracts.common import Name, StrictModel, not_null
from mops_shared.contracts.money import CurrencyCode
from mops_shared.contracts.pagination import Page
from mops_webhooks.providers.standard import STANDARD_SECRET_PATTERN


class Provider(StrEnum):
    hubspot = "hubspot"
    salesforce = "salesforce"
    pipedrive = "pipedrive"
    generic = "generic"


class InboxStatus(StrEnum):
    pending = "pending"
    processed = "processed"
    unmapped = "unmapped"
    failed = "failed"
    dead = "dead"


class InboxSort(StrEnum):
    received_at = "received_at"
    received_at_desc = "-received_at"


class AttributionRule(StrictModel):
    """A CRM property value that names the marketing tool an event is attributed to, e.g.
    HubSpot `hs_analytics_source` = `PAID_SEARCH` -> "Google Ads"."""

    property: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    equals: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    tool_name: Name


# Standard Webhooks secrets: `whsec_` (which may be left out) and base64, its padding optional.


# A pattern given to Field() on `str | None` is lost from the schema: it goes on the type.
SalesforceOrganizationId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$")
]


_HTTP_URL: TypeAdapter[AnyHttpUrl] = TypeAdapter(AnyHttpUrl)


def normalised_url(text: str) -> str | None:
    """`text` as an http(s) URL is normalised (host lower-cased, a default port dropped, `/`
    for an empty path), or None when it is not one."""
    try:
        return str(_HTTP_URL.validate_python(text))
    except ValidationError:
        return None


def _http_url_as_given(text: str) -> str:
    try:
        _HTTP_URL.validate_python(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise PydanticCustomError(first["type"], first["msg"]) from None
    return text


# An http(s) URL kept exactly as given, not normalised: HubSpot signs the URL it was given,
# so a host's case or an explicit `:443` are part of what it signs.
RegisteredUrl = Annotated[
    str, AfterValidator(_http_url_as_given), WithJsonSchema(_HTTP_URL.json_schema())
]


def _when(provider: Provider, then: dict[str, Any]) -> dict[str, Any]:
    return {
        "if": {"properties": {"provider": {"const": provider.value}}, "required": ["provider"]},
        "then": then,
    }


class ConnectionCreate(StrictModel):
    """A CRM connection. What it needs depends on its `provider`: `hubspot` its `public_url`
    and `secret`, `salesforce` its `organization_id`, `pipedrive` its `username` and
    `password`; `generic` may give a `secret`. Fields of another provider are ignored."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                _when(Provider.hubspot, {"required": ["public_url", "secret"]}),
                _when(Provider.salesforce, {"required": ["organization_id"]}),
                _when(Provider.pipedrive, {"required": ["username", "password"]}),
                _when(
                    Provider.generic,
                    {"properties": {"secret": {"pattern": STANDARD_SECRET_PATTERN}}},
                ),
            ],
            "examples": [
                {
                    "provider": "hubspot",
                    "name": "HubSpot EMEA portal",
                    "public_url": "https://mops.example.com/v1/webhooks/in/registered-id",
                    "secret": "hubspot-app-client-secret",
                    "attribution_rules": [
                        {
                            "property": "hs_analytics_source",
                            "equals": "PAID_SEARCH",
                            "tool_name": "Google Ads",
                        }
                    ],
                    "currency": "EUR",
                }
            ],
        },
    )

    provider: Provider
    name: Name
    public_url: RegisteredUrl | None = not_null(
        description="HubSpot: the receive URL exactly as registered with HubSpot (it is part "
        "of what HubSpot signs); required for `hubspot`.",
    )
    secret: SecretStr | None = not_null(
        min_length=1,
        description="HubSpot: the app's client secret (required). generic: a `whsec_` secret "
        "(base64 after the prefix); left out, one is generated and shown once.",
    )
    username: str | None = not_null(
        min_length=1, max_length=200, description="Pipedrive: the HTTP Basic user (required)."
    )
    password: SecretStr | None = not_null(
        min_length=1, description="Pipedrive: the HTTP Basic password (required; kept hashed)."
    )
    organization_id: SalesforceOrganizationId | None = not_null(
        description="Salesforce: the organisation id its outbound messages must carry (required).",
    )
    attribution_rules: list[AttributionRule] = Field(
        default_factory=list,
        max_length=200,
        description="Tried in order: the first whose property has its value names the tool.",
    )
    currency: CurrencyCode = Field(
        default="USD", description="The currency of deal amounts that do not name their own."
    )


class ConnectionUpdate(StrictModel):
    """What may change on a connection; secrets change through rotation."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "attribution_rules": [
                        {
                            "property": "hs_analytics_source",
                            "equals": "PAID_SOCIAL",
                            "tool_name": "LinkedIn Ads",
                        }
                    ]
                }
            ]
        },
    )

    name: Name | None = not_null()
    public_url: RegisteredUrl | None = Field(
        default=None,
        description="HubSpot: the receive URL as registered with HubSpot (which cannot be "
        "null); other providers: null clears it.",
    )
    attribution_rules: Annotated[list[AttributionRule], Field(max_length=200)] | None = not_null()
    currency: CurrencyCode | None = not_null()


class ConnectionSecretRotation(StrictModel):
    """A new signing secret (HubSpot, generic). The previous one stays accepted beside it until
    the next rotation or until it is dropped."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"secret": "new-hubspot-client-secret"}]}
    )

    secret: SecretStr | None = Field(
        default=None,
        description="HubSpot: the new client secret (required). generic: a `whsec_` secret; "
        "left out, one is generated and shown once.",
    )


class ConnectionRead(BaseModel):
    id: uuid.UUID
    provider: Provider
    name: str
    receive_path: str = Field(description="Where the provider posts: no API key, its signature.")
    public_url: str | None
    username: str | None
    organization_id: str | None
    secrets: int = Field(description="How many secrets are accepted now (two during rotation).")
    attribution_rules: list[AttributionRule]
    currency: str
    version: int
    created_at: datetime
    updated_at: datetime


class ConnectionCreated(ConnectionRead):
    generated_secret: str | None = Field(
        description="What mops generated, shown this once: the `whsec_` secret (generic) or "
        "the token Salesforce must send as `?token=` on the receive URL; null otherwise."
    )


class ConnectionPage(Page[ConnectionRead]):
    pass


class InboxEvent(BaseModel):
    id: uuid.UUID
    connection_id: uuid.UUID
    provider: Provider
    identity: str = Field(description="The provider's event identity the inbox deduplicates on.")
    kind: str | None = Field(description="The provider's event type, e.g. `contact.creation`.")
    occurred_at: datetime | None
    received_at: datetime
    status: InboxStatus
    attempts: int
    detail: str | None = Field(
        description="What processing made of it: the outcome recorded, or why it is unmapped."
    )
    last_error: str | None = Field(description="Why the last try failed (failed, dead).")
    processed_at: datetime | None
    payload: Any


class InboxPage(Page[InboxEvent]):
    pass


class ReceiveReport(BaseModel):
    """What an inbound delivery left in the inbox (generic and HubSpot answers)."""

    received: int = Field(description="Events in the delivery.")
    stored: int = Field(description="Of those, new to the inbox (the rest were replays).")


class EventType(BaseModel):
    type: str = Field(examples=["tool.created"])
    description: str


class EventTypeList(BaseModel):
    """Every domain event type a subscription can name, exactly or by family (`tool.*`)."""

    items: list[EventType]
