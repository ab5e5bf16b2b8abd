"""The org service's own table registry: its tables live in its own metadata and database."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import SQLModel

from mops_shared.kit.db import new_registry
from mops_shared.kit.writes import write_tables

org_registry = new_registry()


class OrgTable(SQLModel, registry=org_registry):
    pass


# Audit entries, outbox events and idempotency keys, in this service's own database.
writes = write_tables(org_registry.metadata)


# A query run on either: a read's connection (`mops_shared.kit.reads`), or a write's session (its
# own connection, in its transaction).
Db = AsyncSession | AsyncConnection


async def connection_of(db: Db) -> AsyncConnection:
    """The connection a Core query runs on: the read's, or the session's (in its transaction)."""
    return db if isinstance(db, AsyncConnection) else await db.connection()
