"""The outbound side's tables: subscriptions, the events taken in, deliveries and their tries."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlmodel import Field

from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column
from mops_shared.kit.tracing import TRACEPARENT_MAX_LENGTH
from mops_webhooks.db import WebhooksTable

_VERSION = version_column()


class WebhookSubscription(WebhooksTable, table=True):
    """A tenant's URL that hears about the event types it names, signed Standard Webhooks style."""

    __tablename__ = "webhook_subscriptions"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (Index(None, "tenant_id", "created_at", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    url: str = Field(sa_column=Column(String(2048), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(String(500), nullable=True))
    # Exact types (`tool.created`) or a family (`tool.*`), or `*` for every event.
    event_types: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # `whsec_` secrets, encrypted, newest first; the previous one signs too until it expires.
    secrets: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    previous_secret_expires_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    enabled: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))
    disabled_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class DomainEventRow(WebhooksTable, table=True):
    """A domain event relayed from a service's outbox, kept once by its id."""

    __tablename__ = "webhook_events"
    __table_args__ = (Index(None, "tenant_id", "occurred_at"),)

    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    type: str = Field(sa_column=Column(String(80), nullable=False))
    service: str = Field(sa_column=Column(String(40), nullable=False))
    occurred_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    received_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Its relay's span (kit.tracing): each delivery's span continues that trace.
    traceparent: str | None = Field(
        default=None, sa_column=Column(String(TRACEPARENT_MAX_LENGTH), nullable=True)
    )


class DeliveryRow(WebhooksTable, table=True):
    """One event owed to one subscription, until delivered or dead."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index(None, "status", "next_attempt_at"),
        Index(None, "tenant_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    subscription_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"), nullable=False
        )
    )
    event_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("webhook_events.id", ondelete="CASCADE"), nullable=False)
    )
    event_type: str = Field(sa_column=Column(String(80), nullable=False))
    # pending, delivered, failed (will retry), dead (schedule exhausted), disabled (410).
    status: str = Field(sa_column=Column(String(12), nullable=False))
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    next_attempt_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    last_status_code: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    delivered_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class DeliveryAttemptRow(WebhooksTable, table=True):
    """One try at a delivery: what the receiver answered, and how fast."""

    __tablename__ = "webhook_delivery_attempts"
    __table_args__ = (Index(None, "delivery_id", "attempted_at"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    delivery_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), nullable=False
        )
    )
    attempted_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    status_code: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    latency_ms: int = Field(sa_column=Column(Integer, nullable=False))
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    response_snippet: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
