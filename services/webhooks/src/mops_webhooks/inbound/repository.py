"""Every query on CRM connections, the inbox and the CRM records' state. What a tenant reads is
filtered by its tenant; the receive path and the worker go by id (the connection's or the
claimed events')."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, bindparam, case, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker
from sqlmodel import col

from mops_shared.kit.db import insert_ignoring_conflicts, new_id, rowcount, table_of
from mops_shared.kit.loop import claim_leased
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row, page_of_rows
from mops_webhooks.inbound.models import CrmObjectRow, InboxEventRow, WebhookConnection
from mops_webhooks.inbound.schemas import InboxStatus

_CONNECTIONS = table_of(WebhookConnection)
_INBOX = table_of(InboxEventRow)

CONNECTION_SORTS = sort_options([("created_at", [_CONNECTIONS.c.created_at])], _CONNECTIONS.c.id)
INBOX_SORTS = sort_options([("received_at", [_INBOX.c.received_at])], _INBOX.c.id)
# The states the worker takes an event in (and the guard of its outcome's write).
RETRYABLE = (InboxStatus.pending.value, InboxStatus.failed.value)


# --- connections --------------------------------------------------------------------------------


def add(session: AsyncSession, connection: WebhookConnection) -> WebhookConnection:
    session.add(connection)
    return connection


async def delete(session: AsyncSession, connection: WebhookConnection) -> None:
    """With its inbox and records' state (the foreign keys cascade)."""
    await session.delete(connection)


async def connection_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, connection_id: uuid.UUID
) -> WebhookConnection | None:
    """The tenant's connection; another tenant's is as absent as none."""
    result = await session.execute(
        select(WebhookConnection).where(
            col(WebhookConnection.tenant_id) == tenant_id,
            col(WebhookConnection.id) == connection_id,
        )
    )
    return result.scalar_one_or_none()


async def connections_by_ids(
    session: AsyncSession, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, WebhookConnection]:
    """Many connections in one query (a batch's), by id; a deleted one is absent."""
    found = await session.execute(
        select(WebhookConnection).where(col(WebhookConnection.id).in_(ids))
    )
    return {connection.id: connection for connection in found.scalars()}


# --- connections as rows (GET answers, `mops_shared.kit.reads`) -----------------------------------
# The columns of `ConnectionRead` a row holds, by its field names. The secrets themselves (and the
# credential hash) are never selected: `secrets` is how many there are, counted by the database.

_CONNECTION_READ = select(
    _CONNECTIONS.c.id,
    _CONNECTIONS.c.provider,
    _CONNECTIONS.c.name,
    _CONNECTIONS.c.public_url,
    _CONNECTIONS.c.username,
    _CONNECTIONS.c.organization_id,
    (
        func.json_array_length(_CONNECTIONS.c.secrets, type_=Integer)
        + case((_CONNECTIONS.c.credential_hash.is_not(None), 1), else_=0)
    ).label("secrets"),
    _CONNECTIONS.c.attribution_rules,
    _CONNECTIONS.c.currency,
    _CONNECTIONS.c.version,
    _CONNECTIONS.c.created_at,
    _CONNECTIONS.c.updated_at,
)
_CONNECTION_ROW = _CONNECTION_READ.where(
    _CONNECTIONS.c.tenant_id == bindparam("tenant_id"), _CONNECTIONS.c.id == bindparam("id")
)


async def connection_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, connection_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's connection as `ConnectionRead`'s columns, or None."""
    return await first_row(conn, _CONNECTION_ROW, {"tenant_id": tenant_id, "id": connection_id})


_CONNECTION_PAGES = PageStatements.of_columns(_CONNECTION_READ, _CONNECTIONS.c)


async def connection_rows(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, sort: SortOption, limit: int, cursor: str | None
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's connections as `ConnectionRead`'s columns."""
    return await _CONNECTION_PAGES.page(conn, sort, limit, cursor, tenant_id=tenant_id)


# --- receiving ----------------------------------------------------------------------------------
# Built once at import, so each is compiled once and served from SQLAlchemy's cache: this path
# runs for every delivery (its throughput is benchmarked).

_RECEIVING = select(
    _CONNECTIONS.c.id,
    _CONNECTIONS.c.tenant_id,
    _CONNECTIONS.c.provider,
    _CONNECTIONS.c.public_url,
    _CONNECTIONS.c.secrets,
    _CONNECTIONS.c.username,
    _CONNECTIONS.c.organization_id,
    _CONNECTIONS.c.credential_hash,
)


@functools.cache
def _inbox_insert(dialect: str) -> Any:
    """INSERT ... ON CONFLICT (connection_id, identity) DO NOTHING RETURNING id, for executemany."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(_INBOX)
        .on_conflict_do_nothing(index_elements=["connection_id", "identity"])
        .returning(_INBOX.c.id)
    )


@dataclass(frozen=True, slots=True)
class Receiving:
    """What verifying a delivery needs of its connection."""

    id: uuid.UUID
    tenant_id: uuid.UUID
    provider: str
    public_url: str | None
    secrets: list[str]
    username: str | None
    organization_id: str | None
    credential_hash: str | None


# Built once: a statement built per delivery cost more CPU (its cache key) than its round trip.
_RECEIVING_BY_ID = _RECEIVING.where(_CONNECTIONS.c.id == bindparam("connection_id"))


async def receiving_connection(db: AsyncConnection, connection_id: uuid.UUID) -> Receiving | None:
    """What verifying a delivery needs of its connection (any tenant's: the id is the URL's),
    read on the driver where it can be (`kit.reads`)."""
    row = await first_row(db, _RECEIVING_BY_ID, {"connection_id": connection_id})
    return None if row is None else Receiving(**row)


async def store_in_inbox(db: AsyncConnection, deliveries: list[list[dict[str, Any]]]) -> list[int]:
    """Inserts the events of several deliveries not yet in their connection's inbox (by identity);
    how many of each delivery's were new (an event twice in the batch is new once, for the
    delivery that comes first). The rows go as executemany parameters of the one cached
    statement, never rendered into it."""
    rows = [row for events in deliveries for row in events]
    stored = {new_id for (new_id,) in await db.execute(_inbox_insert(db.dialect.name), rows)}
    return [sum(row["id"] in stored for row in events) for events in deliveries]


# --- the inbox ----------------------------------------------------------------------------------


# `InboxEvent`'s columns (the request headers kept with each event are not in the answer).
_INBOX_READ = select(
    _INBOX.c.id,
    _INBOX.c.connection_id,
    _INBOX.c.provider,
    _INBOX.c.identity,
    _INBOX.c.kind,
    _INBOX.c.occurred_at,
    _INBOX.c.received_at,
    _INBOX.c.status,
    _INBOX.c.attempts,
    _INBOX.c.detail,
    _INBOX.c.last_error,
    _INBOX.c.processed_at,
    _INBOX.c.payload,
)
_INBOX_ROW = _INBOX_READ.where(
    _INBOX.c.tenant_id == bindparam("tenant_id"), _INBOX.c.id == bindparam("id")
)


async def inbox_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: str | None,
    connection_id: uuid.UUID | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's inbound events as `InboxEvent`'s columns."""
    stmt = _INBOX_READ.where(_INBOX.c.tenant_id == tenant_id)
    if status is not None:
        stmt = stmt.where(_INBOX.c.status == status)
    if connection_id is not None:
        stmt = stmt.where(_INBOX.c.connection_id == connection_id)
    return await page_of_rows(conn, stmt, sort, limit, cursor)


async def inbox_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, event_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's inbound event as `InboxEvent`'s columns; another tenant's is as absent as
    none."""
    return await first_row(conn, _INBOX_ROW, {"tenant_id": tenant_id, "id": event_id})


async def make_due_again(
    session: AsyncSession, tenant_id: uuid.UUID, event_id: uuid.UUID, now: datetime
) -> bool:
    """Pending again, due now, with a fresh count of tries; False if the tenant has no such
    event."""
    result = await session.execute(
        update(_INBOX)
        .where(_INBOX.c.tenant_id == tenant_id, _INBOX.c.id == event_id)
        .values(
            status=InboxStatus.pending.value,
            attempts=0,
            next_attempt_at=now,
            last_error=None,
            processed_at=None,
        )
    )
    return rowcount(result) > 0


# --- processing ---------------------------------------------------------------------------------


async def claim_due_events(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    now: datetime,
    lease_seconds: float,
    limit: int,
) -> list[uuid.UUID]:
    """Ids of up to `limit` events pending or failed whose next attempt is due, leased to the
    caller (`mops_shared.kit.loop.claim_leased`: FOR UPDATE SKIP LOCKED on PostgreSQL): their
    next attempt moves `lease_seconds` ahead, so no other worker takes them meanwhile, and if
    the caller dies they come due again. The claim is committed on its own session."""
    return await claim_leased(
        sessionmaker,
        _INBOX,
        due_at=_INBOX.c.next_attempt_at,
        where=(_INBOX.c.status.in_(RETRYABLE),),
        now=now,
        lease_seconds=lease_seconds,
        limit=limit,
    )


async def events_by_ids(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[InboxEventRow]:
    found = await session.execute(select(InboxEventRow).where(col(InboxEventRow.id).in_(ids)))
    return list(found.scalars())


# A Core statement built once: the ORM's bulk update (its session synchronisation and a
# statement built per event) was 7 % of the webhooks service's CPU while it acknowledged.
_FINISH_EVENT = (
    update(_INBOX)
    .where(
        _INBOX.c.id == bindparam("event_id"),
        _INBOX.c.attempts == bindparam("read_attempts"),
        _INBOX.c.status.in_(RETRYABLE),
    )
    .values(
        status=bindparam("new_status"),
        attempts=bindparam("new_attempts"),
        detail=bindparam("new_detail"),
        last_error=bindparam("new_error"),
        next_attempt_at=bindparam("new_next_attempt_at"),
        processed_at=bindparam("new_processed_at"),
    )
)


async def finish_event(
    session: AsyncSession,
    event_id: uuid.UUID,
    *,
    read_attempts: int,
    status: str,
    attempts: int,
    detail: str | None,
    error: str | None,
    next_attempt_at: datetime | None,
    processed_at: datetime | None,
) -> None:
    """Records a try's outcome, guarded: a replay asked for meanwhile (attempts reset to 0, or
    the event no longer in a state the worker takes) is not overwritten."""
    await session.execute(
        _FINISH_EVENT,
        {
            "event_id": event_id,
            "read_attempts": read_attempts,
            "new_status": status,
            "new_attempts": attempts,
            "new_detail": detail,
            "new_error": error,
            "new_next_attempt_at": next_attempt_at,
            "new_processed_at": processed_at,
        },
    )


async def locked_record(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    connection_id: uuid.UUID,
    object_type: str,
    object_id: str,
    at: datetime,
) -> CrmObjectRow:
    """The CRM record's state row, created if new, locked for this transaction (PostgreSQL:
    two workers never merge into the same record at once)."""
    dialect = session.get_bind().dialect.name
    await session.execute(
        insert_ignoring_conflicts(
            dialect,
            table_of(CrmObjectRow),
            {
                "id": new_id(),
                "tenant_id": tenant_id,
                "connection_id": connection_id,
                "object_type": object_type,
                "object_id": object_id,
                "properties": {},
                "associations": {},
                "outcomes": [],
                "updated_at": at,
            },
            conflict_columns=["connection_id", "object_type", "object_id"],
        )
    )
    stmt = select(CrmObjectRow).where(
        col(CrmObjectRow.connection_id) == connection_id,
        col(CrmObjectRow.object_type) == object_type,
        col(CrmObjectRow.object_id) == object_id,
    )
    if dialect == "postgresql":
        stmt = stmt.with_for_update()
    record = (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()
    return record


async def set_record_properties(
    session: AsyncSession, record_id: uuid.UUID, properties: dict[str, Any], updated_at: datetime
) -> None:
    await session.execute(
        update(CrmObjectRow)
        .where(col(CrmObjectRow.id) == record_id)
        .values(properties=properties, updated_at=updated_at)
    )


async def set_record_associations(
    session: AsyncSession, record_id: uuid.UUID, associations: dict[str, Any]
) -> None:
    await session.execute(
        update(CrmObjectRow)
        .where(col(CrmObjectRow.id) == record_id)
        .values(associations=associations)
    )


async def set_record_unmapped_events(
    session: AsyncSession, record_id: uuid.UUID, event_ids: list[str]
) -> None:
    await session.execute(
        update(CrmObjectRow)
        .where(col(CrmObjectRow.id) == record_id)
        .values(unmapped_events=event_ids)
    )


async def settle_unmapped_events(
    session: AsyncSession, event_ids: Sequence[str], *, detail: str, now: datetime
) -> int:
    """Marks those of the events still `unmapped` processed, with `detail` (a later event
    recorded what they were missing); how many. An event replayed meanwhile is left to its
    replay."""
    if not event_ids:
        return 0
    settled = await session.execute(
        update(InboxEventRow)
        .where(
            col(InboxEventRow.id).in_([uuid.UUID(i) for i in event_ids]),
            col(InboxEventRow.status) == InboxStatus.unmapped.value,
        )
        .values(status=InboxStatus.processed.value, detail=detail, processed_at=now)
    )
    return int(getattr(settled, "rowcount", 0) or 0)


async def records_by_ids(
    session: AsyncSession, connection_id: uuid.UUID, object_type: str, object_ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """The properties of some records of a connection, by id (read, not locked); a record no
    event has told of is absent."""
    if not object_ids:
        return {}
    found = await session.execute(
        select(col(CrmObjectRow.object_id), col(CrmObjectRow.properties)).where(
            col(CrmObjectRow.connection_id) == connection_id,
            col(CrmObjectRow.object_type) == object_type,
            col(CrmObjectRow.object_id).in_(list(object_ids)),
        )
    )
    return {str(object_id): dict(properties) for object_id, properties in found.all()}


async def set_record_outcomes(
    session: AsyncSession, record_id: uuid.UUID, outcomes: list[str]
) -> None:
    await session.execute(
        update(CrmObjectRow).where(col(CrmObjectRow.id) == record_id).values(outcomes=outcomes)
    )
