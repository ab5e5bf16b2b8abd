"""The tables every service that accepts writes keeps beside its own: audit, outbox, idempotency."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import MetaData, Table
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from mops_shared.kit.audit import AuditAction, audit_table, record_audit, record_audits
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import Conflict
from mops_shared.kit.idempotency import idempotency_table
from mops_shared.kit.outbox import outbox_table, record_event, record_events

T = TypeVar("T")


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
