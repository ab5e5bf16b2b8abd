"""The tables every service that accepts writes keeps beside its own: audit, outbox, idempotency."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData, Table
from sqlalchemy.ext.asyncio import AsyncSession

from mops_shared.audit import AuditAction, audit_table, record_audit
from mops_shared.auth import Principal
from mops_shared.idempotency import idempotency_table
from mops_shared.outbox import outbox_table, record_event


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


def write_tables(metadata: MetaData) -> WriteTables:
    """Defines the three tables on a service's own metadata (so its migrations create them)."""
    return WriteTables(
        audit=audit_table(metadata),
        outbox=outbox_table(metadata),
        idempotency=idempotency_table(metadata),
    )
