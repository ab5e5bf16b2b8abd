"""Wire models of webhooks (`/v1/webhooks/...`): CRM connections and their inbox."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, SecretStr, StringConstraints

from mops_shared.schemas.common import Name, StrictModel
from mops_shared.schemas.money import CurrencyCode
from mops_shared.schemas.pagination import Page


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


class AttributionRule(StrictModel):
    """A CRM property value that names the marketing tool an event is attributed to, e.g.
    HubSpot `hs_analytics_source` = `PAID_SEARCH` -> "Google Ads"."""

    property: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    equals: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    tool_name: Name


class ConnectionCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
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
            ]
        },
    )

    provider: Provider
    name: Name
    public_url: AnyHttpUrl | None = Field(
        default=None,
        description="HubSpot: the receive URL exactly as registered with HubSpot (it is part "
        "of what HubSpot signs); required for `hubspot`.",
    )
    secret: SecretStr | None = Field(
        default=None,
        description="HubSpot: the app's client secret (required). generic: a `whsec_` secret; "
        "left out, one is generated and shown once.",
    )
    username: str | None = Field(
        default=None, max_length=200, description="Pipedrive: the HTTP Basic user (required)."
    )
    password: SecretStr | None = Field(
        default=None, description="Pipedrive: the HTTP Basic password (required; kept hashed)."
    )
    organization_id: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$",
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

    name: Name | None = None
    public_url: AnyHttpUrl | None = Field(
        default=None, description="HubSpot: the receive URL as registered with HubSpot."
    )
    attribution_rules: list[AttributionRule] | None = Field(default=None, max_length=200)
    currency: CurrencyCode | None = None


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
