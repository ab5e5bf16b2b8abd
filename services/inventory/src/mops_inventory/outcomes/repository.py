"""Every query on outcomes; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.outcomes.models import Outcome
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import ReadRow, first_row, mappings

_outcomes = table_of(Outcome)

NEWEST_FIRST = SortOption(
    "-occurred_at", (_outcomes.c.occurred_at, _outcomes.c.id), descending=True
)


async def by_external_id(
    session: AsyncSession, tenant_id: uuid.UUID, source: str, external_id: str
) -> Outcome | None:
    result = await session.execute(
        select(Outcome).where(
            col(Outcome.tenant_id) == tenant_id,
            col(Outcome.source) == source,
            col(Outcome.external_id) == external_id,
        )
    )
    return result.scalar_one_or_none()


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    tool_id: uuid.UUID | None = None,
    kind: str | None = None,
    source: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's outcomes as rows, newest first."""
    c = _outcomes.c
    stmt = select(_outcomes).where(c.tenant_id == tenant_id)
    if tool_id is not None:
        stmt = stmt.where(c.tool_id == tool_id)
    if kind is not None:
        stmt = stmt.where(c.kind == kind)
    if source is not None:
        stmt = stmt.where(c.source == source)
    if since is not None:
        stmt = stmt.where(c.occurred_at >= since)
    if until is not None:
        stmt = stmt.where(c.occurred_at < until)
    rows = await mappings(conn, keyset_page(stmt, NEWEST_FIRST, limit, cursor))
    return split_page(rows, NEWEST_FIRST, limit)


_OUTCOME_ROW = select(_outcomes).where(
    _outcomes.c.tenant_id == bindparam("tenant_id"), _outcomes.c.id == bindparam("outcome_id")
)


async def outcome_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, outcome_id: uuid.UUID
) -> ReadRow | None:
    return await first_row(conn, _OUTCOME_ROW, {"tenant_id": tenant_id, "outcome_id": outcome_id})
