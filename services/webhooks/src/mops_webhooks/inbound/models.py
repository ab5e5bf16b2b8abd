"""The inbound side's tables: CRM connections, the inbox, and what it learnt of CRM records."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
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


class WebhookConnection(WebhooksTable, table=True):
    """A tenant's CRM connection: how its deliveries are verified and attributed. Its id is in
    the receive URL, and the delivery's signature (not an API key) says it is the tenant's."""

    __tablename__ = "webhook_connections"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (Index(None, "tenant_id", "created_at", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    provider: str = Field(sa_column=Column(String(20), nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    public_url: str | None = Field(default=None, sa_column=Column(String(2048), nullable=True))
    # The signing secrets, encrypted (HMAC schemes need them back): newest first, at most two.
    secrets: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Pipedrive's Basic user and Salesforce's organisation; the password or URL token, hashed
    # (they are compared, never needed back).
    username: str | None = Field(default=None, sa_column=Column(String(200), nullable=True))
    organization_id: str | None = Field(default=None, sa_column=Column(String(18), nullable=True))
    credential_hash: str | None = Field(default=None, sa_column=Column(String(300), nullable=True))
    attribution_rules: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    # The currency of deal amounts that do not name their own.
    currency: str = Field(
        default="USD", sa_column=Column(String(3), nullable=False, server_default="USD")
    )
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class InboxEventRow(WebhooksTable, table=True):
    """An inbound event, committed before its delivery is acknowledged, once per connection and
    provider identity (two senders on two connections may reuse an event id: each is its own
    event); processing reads it from here."""

    __tablename__ = "webhook_inbox"
    __table_args__ = (
        UniqueConstraint("connection_id", "identity"),
        Index(None, "tenant_id", "received_at", "id"),
        Index(None, "status", "next_attempt_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    connection_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("webhook_connections.id", ondelete="CASCADE"), nullable=False
        )
    )
    provider: str = Field(sa_column=Column(String(20), nullable=False))
    identity: str = Field(sa_column=Column(String(300), nullable=False))
    kind: str | None = Field(default=None, sa_column=Column(String(200), nullable=True))
    occurred_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    received_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    # The event as the provider sent it, and the request headers that matter.
    payload: Any = Field(default=None, sa_column=Column(JSON, nullable=False))
    headers: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(sa_column=Column(String(12), nullable=False))
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    next_attempt_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # What processing made of it: the outcome recorded, why it is unmapped, or why nothing.
    detail: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    processed_at: datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    # The trace of the request that received it (kit.tracing): its processing continues it.
    traceparent: str | None = Field(
        default=None, sa_column=Column(String(TRACEPARENT_MAX_LENGTH), nullable=True)
    )


class CrmObjectRow(WebhooksTable, table=True):
    """What the inbox has learnt of one CRM record (a contact, a deal, ...): each property with
    the time of the event that set it, so an older event never overwrites a newer value, the
    records it is associated with (a deal's contacts, a contact's deals), and the outcomes
    already recorded for it."""

    __tablename__ = "webhook_crm_objects"
    __table_args__ = (UniqueConstraint("connection_id", "object_type", "object_id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False, index=True)
    connection_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("webhook_connections.id", ondelete="CASCADE"), nullable=False
        )
    )
    object_type: str = Field(sa_column=Column(String(40), nullable=False))
    object_id: str = Field(sa_column=Column(String(200), nullable=False))
    # {name: {"value": ..., "at": ISO timestamp}}
    properties: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # The records it is associated with, as `crm.merge_links` keeps them:
    # {"<type>:<id>": {"type", "id", "primary", "removed", "at"}}; None in rows from before.
    associations: dict[str, Any] | None = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=True)
    )
    # Outcome kinds already recorded for this record ("lead", "revenue").
    outcomes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # The ids of its inbox events left `unmapped`, settled once a later event records the
    # outcome they were missing; None in rows from before.
    unmapped_events: list[str] | None = Field(
        default_factory=list, sa_column=Column(JSON, nullable=True)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
