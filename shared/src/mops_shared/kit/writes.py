"""The tables every service that accepts writes keeps beside its own: audit, outbox, idempotency."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from sqlalchemy import MetaData, Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from mops_shared.kit.audit import AuditAction, audit_table, record_audit, record_audits
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.idempotency import idempotency_table
from mops_shared.kit.outbox import outbox_table, record_event, record_events

T = TypeVar("T")


class VersionedRow(Protocol):
    """A row with an ETag: its mapper guards UPDATE and DELETE with `WHERE version = <read>`."""

    id: uuid.UUID
    version: int
    updated_at: datetime


RowT = TypeVar("RowT", bound=VersionedRow)
ReadT = TypeVar("ReadT", bound=BaseModel)


def snapshot(read: BaseModel) -> dict[str, Any]:
    """What the audit keeps of a resource before or after a change: its wire model as JSON, so
    the audit shows what a client read (never a column the API does not show)."""
    return read.model_dump(mode="json")


@dataclass(frozen=True)
class WriteTables:
    audit: Table
    outbox: Table
    idempotency: Table

    async def record_change(
        self,
        session: AsyncSession,
        principal: Principal,
        *,
        action: AuditAction,
        object_type: str,
        object_id: uuid.UUID,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        event: str,
        data: dict[str, Any] | None = None,
    ) -> None:
        """The audit entry of a change and its domain event, in the caller's transaction.

        The event carries `data`, or the state after the change when `data` is not given.
        """
        await record_audit(
            session,
            self.audit,
            principal,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
        )
        payload = data if data is not None else after
        if payload is None:
            raise ValueError("a change without a state after it needs the event's data")
        await record_event(session, self.outbox, principal, event, payload)

    async def update_all(
        self,
        session: AsyncSession,
        principal: Principal,
        rows: Sequence[Any],
        read_model: type[BaseModel],
        *,
        object_type: str,
        event: str,
        values: dict[str, Any],
        now: datetime,
    ) -> list[dict[str, Any]]:
        """Sets `values` on every row (versioned rows: `version` and `updated_at` move on), and
        records each change's audit entry and event, in one flush and two inserts whatever
        the number of rows. For the rows a change drags along (a deleted unit's people moved
        to another unit, say). Returns the states after, as the events carry them."""
        if not rows:
            return []
        befores = [read_model.model_validate(row).model_dump(mode="json") for row in rows]
        for row in rows:
            for name, value in values.items():
                setattr(row, name, value)
            row.version += 1
            row.updated_at = now
        await session.flush()  # `WHERE version = <read>` on each: a concurrent change wins
        afters = [read_model.model_validate(row).model_dump(mode="json") for row in rows]
        await record_audits(
            session,
            self.audit,
            principal,
            [
                ("update", object_type, row.id, before, after)
                for row, before, after in zip(rows, befores, afters, strict=True)
            ],
        )
        await record_events(session, self.outbox, principal, [(event, a) for a in afters])
        return afters

    async def update_versioned(
        self,
        session: AsyncSession,
        principal: Principal,
        *,
        what: str,
        object_type: str,
        event: str,
        if_match: str | None,
        load: Callable[[], Awaitable[RowT]],
        read: Callable[[RowT], Awaitable[ReadT]],
        apply: Callable[[RowT, ReadT, datetime], Awaitable[bool]],
        finish: Callable[[RowT], Awaitable[ReadT]] | None = None,
        also: Callable[[ReadT, ReadT], Awaitable[None]] | None = None,
        conflict: Callable[[ReadT], Awaitable[Exception]] | None = None,
    ) -> ReadT:
        """A PATCH of one versioned row, committed with its audit entry and `event`.

        Each attempt: `load()` the tenant's row (404 and other refusals are its own), check
        If-Match (412), `read` it as before, `apply(row, before, now)` the validated changes
        to it (False: they change nothing, so `before` is answered with the same version, no
        audit entry and no event), bump `version` and `updated_at`, flush the row alone
        (`WHERE version = <read>`), then `finish(row)` writes what hangs on the row and reads it
        as after (default: `read`), and `also(before, after)` records further events. A lost
        race is run again (`retry_lost_races`); a unique or foreign key violation is rolled
        back and answered with `conflict(before)` (409).
        """

        async def attempt() -> ReadT:
            row = await load()
            check_if_match(if_match, row.version)
            before = await read(row)
            now = utcnow()
            if not await apply(row, before, now):
                return before
            row.version += 1
            row.updated_at = now
            try:
                # The row first: fails here (StaleDataError) if another write got in since
                # our read, and on PostgreSQL the row lock orders what follows.
                await session.flush()
                after = await (finish or read)(row)
                await self.record_change(
                    session,
                    principal,
                    action="update",
                    object_type=object_type,
                    object_id=row.id,
                    before=snapshot(before),
                    after=snapshot(after),
                    event=event,
                )
                if also is not None:
                    await also(before, after)
                await session.commit()
            except IntegrityError as exc:
                await session.rollback()
                if conflict is None:
                    raise
                raise await conflict(before) from exc
            return after

        return await retry_lost_races(session, what, attempt)

    async def delete_versioned(
        self,
        session: AsyncSession,
        principal: Principal,
        *,
        what: str,
        object_type: str,
        event: str,
        if_match: str | None,
        load: Callable[[], Awaitable[RowT]],
        read: Callable[[RowT], Awaitable[ReadT]],
        data: Callable[[ReadT], dict[str, Any]],
        prepare: Callable[[RowT, ReadT], Awaitable[None]] | None = None,
        conflict: Callable[[ReadT], Awaitable[Exception]] | None = None,
    ) -> None:
        """A DELETE of one versioned row, committed with its audit entry and `event` (carrying
        `data(before)`).

        Each attempt: `load()`, If-Match (412), `read` it as before, `prepare(row, before)`
        refuses (409) or writes what must go or move first, then the guarded DELETE. Lost
        races and violations as in `update_versioned`.
        """

        async def attempt() -> None:
            row = await load()
            row_id = row.id
            check_if_match(if_match, row.version)
            before = await read(row)
            try:
                if prepare is not None:
                    await prepare(row, before)
                await session.delete(row)
                await session.flush()  # `WHERE version = <read>`: a concurrent change wins
                await self.record_change(
                    session,
                    principal,
                    action="delete",
                    object_type=object_type,
                    object_id=row_id,
                    before=snapshot(before),
                    after=None,
                    event=event,
                    data=data(before),
                )
                await session.commit()
            except IntegrityError as exc:
                await session.rollback()
                if conflict is None:
                    raise
                raise await conflict(before) from exc

        await retry_lost_races(session, what, attempt)


def write_tables(metadata: MetaData) -> WriteTables:
    """Defines the three tables on a service's own metadata (so its migrations create them)."""
    return WriteTables(
        audit=audit_table(metadata),
        outbox=outbox_table(metadata),
        idempotency=idempotency_table(metadata),
    )


# A write that lost a race for the same row (StaleDataError: its version moved on) is run again
# from a fresh read, which then answers 404, 412 or applies to the new version.
WRITE_ATTEMPTS = 3


async def retry_lost_races(
    session: AsyncSession, what: str, attempt: Callable[[], Awaitable[T]]
) -> T:
    """`attempt()` (a read-check-write that commits), run again after a lost race; a 409
    problem naming `what` when it keeps losing."""
    for _ in range(WRITE_ATTEMPTS):
        try:
            return await attempt()
        except StaleDataError:
            await session.rollback()
            session.expunge_all()
    raise Conflict(f"The {what} kept changing while this request ran; read it again and retry.")
