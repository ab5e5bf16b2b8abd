"""Every query on licence usage; each one is filtered by tenant or by a tool of the tenant."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.licences.models import LicenceUsage
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import ReadRow, mappings

_usage = table_of(LicenceUsage)

OLDEST_FIRST = SortOption("as_of", (_usage.c.as_of, _usage.c.id))


async def on_day(session: AsyncSession, tool_id: uuid.UUID, as_of: date) -> LicenceUsage | None:
    """The tool's count of that day; the caller has found the tool in its tenant."""
    result = await session.execute(
        select(LicenceUsage).where(
            col(LicenceUsage.tool_id) == tool_id, col(LicenceUsage.as_of) == as_of
        )
    )
    return result.scalar_one_or_none()


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    tool_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    since: date | None = None,
    until: date | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tool's counts as rows, oldest first."""
    c = _usage.c
    stmt = select(_usage).where(c.tenant_id == tenant_id, c.tool_id == tool_id)
    if since is not None:
        stmt = stmt.where(c.as_of >= since)
    if until is not None:
        stmt = stmt.where(c.as_of <= until)
    rows = await mappings(conn, keyset_page(stmt, OLDEST_FIRST, limit, cursor))
    return split_page(rows, OLDEST_FIRST, limit)
