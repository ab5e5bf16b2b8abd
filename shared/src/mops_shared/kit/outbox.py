"""Domain events, written to an outbox in the same transaction as the change they announce.

The relay (`mops_shared.kit.relay`) delivers them at least once to the webhooks service's event
intake, which deduplicates by event id; until then they wait here, in order, durable.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import JSON, Column, Index, Integer, MetaData, String, Table, Uuid
from sqlalchemy.ext.asyncio import AsyncSession

from mops_shared.kit.auth import Principal
from mops_shared.kit.db import UTCDateTime, new_id, utcnow
from mops_shared.kit.tracing import TRACEPARENT_MAX_LENGTH, traceparent_of


def outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox_events",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("tenant_id", Uuid, nullable=False),
        Column("type", String(80), nullable=False),
        Column("occurred_at", UTCDateTime(), nullable=False),
        Column("request_id", String(128), nullable=True),
        # The change's trace (kit.tracing): the relay's and the deliveries' spans join it.
        Column("traceparent", String(TRACEPARENT_MAX_LENGTH), nullable=True),
        Column("data", JSON, nullable=False),
        Column("published_at", UTCDateTime(), nullable=True),
        Column("attempts", Integer, nullable=False, default=0),
        Index(None, "published_at", "occurred_at"),
        Index(None, "tenant_id", "occurred_at"),
    )


async def record_event(
    session: AsyncSession,
    table: Table,
    principal: Principal,
    event_type: str,
    data: dict[str, Any],
) -> uuid.UUID:
    """Adds the event to the session's transaction; the caller's commit writes both."""
    event_id = new_id()
    await session.execute(
        table.insert().values(
            id=event_id,
            tenant_id=principal.tenant_id,
            type=event_type,
            occurred_at=utcnow(),
            request_id=principal.request_id,
            traceparent=traceparent_of(),
            data=data,
            attempts=0,
        )
    )
    return event_id


async def record_events(
    session: AsyncSession,
    table: Table,
    principal: Principal,
    events: Sequence[tuple[str, dict[str, Any]]],
) -> None:
    """Many events in one statement (bulk imports): (type, data) each, in order. Each is a
    microsecond after the one before, so the relay (which sends by time) keeps their order."""
    if not events:
        return
    start = utcnow()
    traceparent = traceparent_of()
    await session.execute(
        table.insert(),
        [
            {
                "id": new_id(),
                "tenant_id": principal.tenant_id,
                "type": event_type,
                "occurred_at": start + timedelta(microseconds=position),
                "request_id": principal.request_id,
                "traceparent": traceparent,
                "data": data,
                "attempts": 0,
            }
            for position, (event_type, data) in enumerate(events)
        ],
    )
