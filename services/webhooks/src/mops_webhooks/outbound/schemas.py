"""Wire models of outbound webhooks (`/v1/webhooks/subscriptions`, `/v1/webhooks/deliveries`):
the tenant's subscriptions to domain events and the log of what was delivered to them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AnyUrl,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    StrictBool,
    StringConstraints,
    UrlConstraints,
    WithJsonSchema,
)
from pydantic.config import JsonDict
from typing_extensions import TypeAliasType

from mops_shared.contracts.common import Integer, StrictModel, not_null
from mops_shared.contracts.event_types import event_selectors
from mops_shared.contracts.pagination import Page

# `tool.created` (one type), `tool.*` (a family: every type under `tool.`) or `*` (every type).
EVENT_TYPE_PATTERN = r"^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$"
MAX_EVENT_TYPES = 50
MAX_OVERLAP_SECONDS = 7 * 24 * 3600
DEFAULT_OVERLAP_SECONDS = 24 * 3600

# A named enum in the document (the catalogue is finite); the service checks it on write, each
# unknown one a 422 at its pointer.
EventTypeSelector = TypeAliasType(
    "EventTypeSelector",
    Annotated[
        str,
        StringConstraints(min_length=1, max_length=80, pattern=EVENT_TYPE_PATTERN),
        WithJsonSchema(
            {
                "type": "string",
                "enum": event_selectors(),
                "description": "An event type, a family of them (`tool.*`) or `*` for all.",
            }
        ),
    ],
)
# Standard Webhooks signing secrets of 24 to 64 bytes: `whsec_` (which may be left out) and
# base64, its padding optional. The service checks the same on write.
SIGNING_SECRET_PATTERN = (
    r"^(whsec_)?(?:"
    r"(?:[A-Za-z0-9+/]{4}){8,20}(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?"
    r"|(?:[A-Za-z0-9+/]{4}){21}(?:[A-Za-z0-9+/]{2}(?:==)?)?"
    r")$"
)
# The scheme is checked here; the host (public addresses only) when the subscription is saved.
TargetUrl = Annotated[AnyUrl, UrlConstraints(max_length=2048, allowed_schemes=["http", "https"])]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"
    dead = "dead"
    disabled = "disabled"


_CREATE_EXAMPLE: JsonDict = {
    "url": "https://hooks.example.com/mops",
    "event_types": ["tool.*", "assessment.completed"],
    "description": "Sync the martech inventory to our data warehouse",
}


class SubscriptionCreate(StrictModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_CREATE_EXAMPLE]})

    url: TargetUrl = Field(
        description="Where events are posted: http(s) on a public address (private, loopback "
        "and link-local addresses are refused, unless the deployment lifts this for tests and "
        "local development: MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS)."
    )
    event_types: list[EventTypeSelector] = Field(
        min_length=1,
        max_length=MAX_EVENT_TYPES,
        description="Exact types (`tool.created`), families (`tool.*`) or `*` for every event.",
    )
    description: Description | None = None
    secret: SecretStr | None = not_null(
        json_schema_extra={"pattern": SIGNING_SECRET_PATTERN},
        description="A Standard Webhooks `whsec_` secret (24 to 64 bytes, base64); left out, "
        "one is generated. Either way it is shown once, in this answer.",
    )


class SubscriptionUpdate(StrictModel):
    """The fields to change; the signing secret changes through rotation."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"event_types": ["tool.*"]}, {"enabled": True}]},
    )

    url: TargetUrl | None = not_null()
    event_types: (
        Annotated[list[EventTypeSelector], Field(min_length=1, max_length=MAX_EVENT_TYPES)] | None
    ) = not_null()
    description: Description | None = None
    enabled: StrictBool | None = not_null(
        description="False stops deliveries (pending ones are closed as `disabled`); true "
        "resumes them for new events and clears `disabled_reason`.",
    )


class SecretRotation(StrictModel):
    """A new signing secret. The previous one keeps signing beside it for `overlap_seconds`, so
    receivers can switch without losing a delivery."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"overlap_seconds": 3600}]}
    )

    secret: SecretStr | None = not_null(
        json_schema_extra={"pattern": SIGNING_SECRET_PATTERN},
        description="A `whsec_` secret (24 to 64 bytes, base64); left out, one is generated.",
    )
    overlap_seconds: Integer = Field(
        default=DEFAULT_OVERLAP_SECONDS,
        ge=0,
        le=MAX_OVERLAP_SECONDS,
        description="How long the previous secret keeps signing too (0 to 7 days; 0 drops it).",
    )


class SubscriptionRead(BaseModel):
    id: uuid.UUID
    url: str
    description: str | None
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None = Field(
        description="Why it stopped (a 410 from the receiver, or an API call); null if enabled."
    )
    previous_secret_expires_at: datetime | None = Field(
        description="During a rotation: until when the previous secret signs too."
    )
    version: int
    created_at: datetime
    updated_at: datetime


class SubscriptionCreated(SubscriptionRead):
    secret: str = Field(
        description="The `whsec_` secret that signs deliveries, shown this once: keep it."
    )


class SubscriptionPage(Page[SubscriptionRead]):
    pass


class DeliveryAttempt(BaseModel):
    id: uuid.UUID
    attempted_at: datetime
    status_code: int | None = Field(description="What the receiver answered; null if nothing.")
    latency_ms: int
    error: str | None = Field(description="Why the attempt failed, if it did.")
    response_snippet: str | None = Field(description="The start of the receiver's answer.")


class Delivery(BaseModel):
    id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: uuid.UUID = Field(description="Also the `webhook-id` header of every attempt.")
    event_type: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    delivered_at: datetime | None
    created_at: datetime


class DeliveryDetail(Delivery):
    occurred_at: datetime = Field(description="When the event happened (the payload's timestamp).")
    data: dict[str, Any] = Field(description="The event's data, as the payload carries it.")
    attempt_log: list[DeliveryAttempt] = Field(description="Every attempt, oldest first.")


class DeliveryPage(Page[Delivery]):
    pass
