"""Every query on subscriptions, the relayed events and their deliveries. What a tenant reads is
filtered by its tenant; the intake and the delivery job go by id (the batch's tenants, the
claimed deliveries')."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
from sqlmodel import col

from mops_shared.kit.db import UTCDateTime, among, table_of
from mops_shared.kit.loop import claim_leased
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row, mappings, page_of_rows
from mops_webhooks.outbound.models import (
    DeliveryAttemptRow,
    DeliveryRow,
    DomainEventRow,
    WebhookSubscription,
)
from mops_webhooks.outbound.schemas import DeliveryStatus

_DELIVERIES = table_of(DeliveryRow)
_ATTEMPTS = table_of(DeliveryAttemptRow)
_EVENTS = table_of(DomainEventRow)
_SUBSCRIPTIONS = table_of(WebhookSubscription)

SUBSCRIPTION_SORTS = sort_options(
    [("created_at", [_SUBSCRIPTIONS.c.created_at])], _SUBSCRIPTIONS.c.id
)
DELIVERY_SORTS = sort_options([("created_at", [_DELIVERIES.c.created_at])], _DELIVERIES.c.id)
# Deliveries still owed: the job takes them, and they are closed as `disabled` when their
# subscription stops.
OPEN_STATUSES = (DeliveryStatus.pending.value, DeliveryStatus.failed.value)


# --- subscriptions ------------------------------------------------------------------------------


def add(session: AsyncSession, subscription: WebhookSubscription) -> WebhookSubscription:
    session.add(subscription)
    return subscription


async def delete(session: AsyncSession, subscription: WebhookSubscription) -> None:
    """With its deliveries and their attempts (the foreign keys cascade)."""
    await session.delete(subscription)


async def subscription_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, subscription_id: uuid.UUID
) -> WebhookSubscription | None:
    """The tenant's subscription; another tenant's is as absent as none."""
    result = await session.execute(
        select(WebhookSubscription).where(
            col(WebhookSubscription.tenant_id) == tenant_id,
            col(WebhookSubscription.id) == subscription_id,
        )
    )
    return result.scalar_one_or_none()


async def subscription_by_id(
    session: AsyncSession, subscription_id: uuid.UUID
) -> WebhookSubscription | None:
    return await session.get(WebhookSubscription, subscription_id)


# --- subscriptions as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------
# `SubscriptionRead`'s columns: never the signing secrets.
_SUBSCRIPTION_READ = select(
    _SUBSCRIPTIONS.c.id,
    _SUBSCRIPTIONS.c.url,
    _SUBSCRIPTIONS.c.description,
    _SUBSCRIPTIONS.c.event_types,
    _SUBSCRIPTIONS.c.enabled,
    _SUBSCRIPTIONS.c.disabled_reason,
    _SUBSCRIPTIONS.c.previous_secret_expires_at,
    _SUBSCRIPTIONS.c.version,
    _SUBSCRIPTIONS.c.created_at,
    _SUBSCRIPTIONS.c.updated_at,
)
_SUBSCRIPTION_ROW = _SUBSCRIPTION_READ.where(
    _SUBSCRIPTIONS.c.tenant_id == bindparam("tenant_id"), _SUBSCRIPTIONS.c.id == bindparam("id")
)


async def subscription_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, subscription_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's subscription as `SubscriptionRead`'s columns, or None."""
    return await first_row(conn, _SUBSCRIPTION_ROW, {"tenant_id": tenant_id, "id": subscription_id})


_SUBSCRIPTION_PAGES = PageStatements.of_columns(_SUBSCRIPTION_READ, _SUBSCRIPTIONS.c)


async def subscription_rows(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, sort: SortOption, limit: int, cursor: str | None
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's subscriptions as `SubscriptionRead`'s columns."""
    return await _SUBSCRIPTION_PAGES.page(conn, sort, limit, cursor, tenant_id=tenant_id)


async def close_open_deliveries_of(session: AsyncSession, subscription_id: uuid.UUID) -> None:
    """What the subscription was still owed ends `disabled`, never to be sent."""
    await session.execute(
        update(_DELIVERIES)
        .where(
            _DELIVERIES.c.subscription_id == subscription_id,
            _DELIVERIES.c.status.in_(OPEN_STATUSES),
        )
        .values(status=DeliveryStatus.disabled.value, next_attempt_at=None)
    )


# --- the delivery log ---------------------------------------------------------------------------


# `Delivery`'s columns; `DeliveryDetail` adds its event's and its attempts'.
_DELIVERY_READ = select(
    _DELIVERIES.c.id,
    _DELIVERIES.c.subscription_id,
    _DELIVERIES.c.event_id,
    _DELIVERIES.c.event_type,
    _DELIVERIES.c.status,
    _DELIVERIES.c.attempts,
    _DELIVERIES.c.next_attempt_at,
    _DELIVERIES.c.last_status_code,
    _DELIVERIES.c.delivered_at,
    _DELIVERIES.c.created_at,
)
# The event's columns joined (the foreign key cascades: no delivery outlives its event).
_DELIVERY_DETAIL_ROW = (
    _DELIVERY_READ.add_columns(_EVENTS.c.occurred_at, _EVENTS.c.data)
    .join_from(_DELIVERIES, _EVENTS, _EVENTS.c.id == _DELIVERIES.c.event_id)
    .where(_DELIVERIES.c.tenant_id == bindparam("tenant_id"), _DELIVERIES.c.id == bindparam("id"))
)
_ATTEMPT_ROWS = (
    select(
        _ATTEMPTS.c.id,
        _ATTEMPTS.c.attempted_at,
        _ATTEMPTS.c.status_code,
        _ATTEMPTS.c.latency_ms,
        _ATTEMPTS.c.error,
        _ATTEMPTS.c.response_snippet,
    )
    .where(_ATTEMPTS.c.delivery_id == bindparam("delivery_id"))
    .order_by(_ATTEMPTS.c.attempted_at, _ATTEMPTS.c.id)
)


async def delivery_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    subscription_id: uuid.UUID | None,
    status: str | None,
    event_type: str | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's deliveries as `Delivery`'s columns."""
    stmt = _DELIVERY_READ.where(_DELIVERIES.c.tenant_id == tenant_id)
    if subscription_id is not None:
        stmt = stmt.where(_DELIVERIES.c.subscription_id == subscription_id)
    if status is not None:
        stmt = stmt.where(_DELIVERIES.c.status == status)
    if event_type is not None:
        stmt = stmt.where(_DELIVERIES.c.event_type == event_type)
    return await page_of_rows(conn, stmt, sort, limit, cursor)


async def delivery_detail_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, delivery_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's delivery as `Delivery`'s columns with its event's `occurred_at` and `data`;
    another tenant's is as absent as none."""
    return await first_row(conn, _DELIVERY_DETAIL_ROW, {"tenant_id": tenant_id, "id": delivery_id})


async def attempt_rows(conn: AsyncConnection, delivery_id: uuid.UUID) -> Sequence[ReadRow]:
    """The delivery's attempts as `DeliveryAttempt`'s columns, oldest first."""
    return await mappings(conn, _ATTEMPT_ROWS, {"delivery_id": delivery_id})


async def delivery_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, delivery_id: uuid.UUID
) -> DeliveryRow | None:
    """The tenant's delivery; another tenant's is as absent as none."""
    result = await session.execute(
        select(DeliveryRow).where(
            col(DeliveryRow.tenant_id) == tenant_id, col(DeliveryRow.id) == delivery_id
        )
    )
    return result.scalar_one_or_none()


# --- the intake ---------------------------------------------------------------------------------


async def store_new_events(session: AsyncSession, rows: list[dict[str, Any]]) -> set[uuid.UUID]:
    """Inserts the events not kept yet (by id); the ids of those that were new. The rows go as
    executemany parameters, not VALUES in the statement: a statement with 500 rows in it is
    compiled anew each time (180 ms a batch, measured), this one once."""
    dialect = session.get_bind().dialect.name
    insert_new = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stored = await session.execute(
        insert_new(_EVENTS).on_conflict_do_nothing(index_elements=["id"]).returning(_EVENTS.c.id),
        rows,
    )
    return set(stored.scalars())


async def enabled_subscriptions_of(
    session: AsyncSession, tenant_ids: Collection[uuid.UUID]
) -> Sequence[Row[uuid.UUID, uuid.UUID, list[str]]]:
    """(id, tenant id, event types) of every enabled subscription of these tenants."""
    found = await session.execute(
        select(_SUBSCRIPTIONS.c.id, _SUBSCRIPTIONS.c.tenant_id, _SUBSCRIPTIONS.c.event_types)
        .where(among(session, _SUBSCRIPTIONS.c.tenant_id, tenant_ids))
        .where(_SUBSCRIPTIONS.c.enabled.is_(True))
    )
    return found.all()


async def add_deliveries(session: AsyncSession, deliveries: list[dict[str, Any]]) -> None:
    await session.execute(insert(_DELIVERIES), deliveries)


# --- the delivery job ---------------------------------------------------------------------------


async def claim_due_deliveries(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    now: datetime,
    lease_seconds: float,
    limit: int,
) -> list[uuid.UUID]:
    """Ids of up to `limit` open deliveries whose next attempt is due, leased to the caller
    (`mops_shared.kit.loop.claim_leased`: FOR UPDATE SKIP LOCKED on PostgreSQL): their next
    attempt moves `lease_seconds` ahead, so no other worker takes them meanwhile, and if the
    caller dies they come due again. The claim is committed on its own session."""
    return await claim_leased(
        sessionmaker,
        _DELIVERIES,
        due_at=_DELIVERIES.c.next_attempt_at,
        where=(_DELIVERIES.c.status.in_(OPEN_STATUSES),),
        now=now,
        lease_seconds=lease_seconds,
        limit=limit,
    )


async def deliveries_by_ids(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> Sequence[Row[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID, str, int]]:
    """(id, tenant id, subscription id, event id, status, attempts) of the deliveries, oldest
    first."""
    d = _DELIVERIES.c
    found = await session.execute(
        select(d.id, d.tenant_id, d.subscription_id, d.event_id, d.status, d.attempts)
        .where(among(session, d.id, ids))
        .order_by(d.created_at, d.id)
    )
    return found.all()


async def signing_subscriptions(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Row[uuid.UUID, str, list[str], datetime | None, bool]]:
    """(id, url, secrets, previous secret's expiry, enabled) of the subscriptions, by id."""
    s = _SUBSCRIPTIONS.c
    found = await session.execute(
        select(s.id, s.url, s.secrets, s.previous_secret_expires_at, s.enabled).where(
            among(session, s.id, ids)
        )
    )
    return {row.id: row for row in found}


async def events_by_ids(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, Row[uuid.UUID, str, datetime, dict[str, Any], str | None]]:
    """(id, type, when it occurred, data, traceparent) of the events, by id."""
    e = _EVENTS.c
    found = await session.execute(
        select(e.id, e.type, e.occurred_at, e.data, e.traceparent).where(among(session, e.id, ids))
    )
    return {row.id: row for row in found}


async def add_attempts(session: AsyncSession, attempts: list[dict[str, Any]]) -> None:
    await session.execute(insert(_ATTEMPTS), attempts)


async def end_deliveries(
    session: AsyncSession,
    ids: Collection[uuid.UUID],
    *,
    read_status: str,
    read_attempts: int,
    status: str,
    status_code: int | None,
    delivered_at: datetime | None,
) -> None:
    """Deliveries that end with this attempt (delivered, dead, or gone), all with the same
    outcome, in one UPDATE. Guarded by the status and attempt count read: a second worker that
    took the same delivery (its lease ran out) cannot overwrite what the first one recorded."""
    delivered = {"delivered_at": delivered_at} if delivered_at is not None else {}
    await session.execute(
        update(_DELIVERIES)
        .where(among(session, _DELIVERIES.c.id, ids))
        .where(_DELIVERIES.c.status == read_status, _DELIVERIES.c.attempts == read_attempts)
        .values(
            status=status,
            attempts=read_attempts + 1,
            next_attempt_at=None,
            last_status_code=status_code,
            **delivered,
        )
    )


@dataclass(frozen=True)
class Retry:
    """A failed attempt's delivery, due again at its own (jittered) time."""

    id: uuid.UUID
    read_status: str
    read_attempts: int
    next_attempt_at: datetime
    status_code: int | None


# One parameter set per row, guarded as `end_deliveries` is.
_GUARDED_RETRY = (
    update(_DELIVERIES)
    .where(
        _DELIVERIES.c.id == bindparam("w_id"),
        _DELIVERIES.c.status == bindparam("w_status"),
        _DELIVERIES.c.attempts == bindparam("w_attempts"),
    )
    .values(
        status=DeliveryStatus.failed.value,
        attempts=bindparam("v_attempts"),
        next_attempt_at=bindparam("v_next", type_=UTCDateTime()),
        last_status_code=bindparam("v_code"),
    )
)


async def retry_deliveries(session: AsyncSession, retries: Sequence[Retry]) -> None:
    """Each delivery `failed`, an attempt more, due again when it says: one executemany."""
    await session.execute(
        _GUARDED_RETRY,
        [
            {
                "w_id": r.id,
                "w_status": r.read_status,
                "w_attempts": r.read_attempts,
                "v_attempts": r.read_attempts + 1,
                "v_next": r.next_attempt_at,
                "v_code": r.status_code,
            }
            for r in retries
        ],
    )


async def disable_subscriptions(
    session: AsyncSession, ids: Collection[uuid.UUID], *, reason: str, now: datetime
) -> None:
    """The enabled ones among them stop, with a new version."""
    await session.execute(
        update(_SUBSCRIPTIONS)
        .where(among(session, _SUBSCRIPTIONS.c.id, ids))
        .where(_SUBSCRIPTIONS.c.enabled.is_(True))
        .values(
            enabled=False,
            disabled_reason=reason,
            version=_SUBSCRIPTIONS.c.version + 1,
            updated_at=now,
        )
    )


async def close_open_deliveries_of_many(
    session: AsyncSession, subscription_ids: Collection[uuid.UUID]
) -> None:
    """What these subscriptions were still owed ends `disabled`, never to be sent."""
    await session.execute(
        update(_DELIVERIES)
        .where(among(session, _DELIVERIES.c.subscription_id, subscription_ids))
        .where(_DELIVERIES.c.status.in_(OPEN_STATUSES))
        .values(status=DeliveryStatus.disabled.value, next_attempt_at=None)
    )


async def close_open_deliveries(session: AsyncSession, ids: Collection[uuid.UUID]) -> None:
    """These deliveries, if still owed, end `disabled` unsent."""
    await session.execute(
        update(_DELIVERIES)
        .where(among(session, _DELIVERIES.c.id, ids))
        .where(_DELIVERIES.c.status.in_(OPEN_STATUSES))
        .values(status=DeliveryStatus.disabled.value, next_attempt_at=None)
    )
