"""Every query on outcomes; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.outcomes.models import Outcome
from mops_shared.kit.db import find_for_tenant
from mops_shared.kit.pagination import SortOption, keyset_page, split_page

NEWEST_FIRST = SortOption(
    "-occurred_at", (col(Outcome.occurred_at), col(Outcome.id)), descending=True
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, outcome_id: uuid.UUID
) -> Outcome | None:
    return await find_for_tenant(session, Outcome, tenant_id, outcome_id)


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


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    tool_id: uuid.UUID | None = None,
    kind: str | None = None,
    source: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> tuple[list[Outcome], str | None]:
    stmt = select(Outcome).where(col(Outcome.tenant_id) == tenant_id)
    if tool_id is not None:
        stmt = stmt.where(col(Outcome.tool_id) == tool_id)
    if kind is not None:
        stmt = stmt.where(col(Outcome.kind) == kind)
    if source is not None:
        stmt = stmt.where(col(Outcome.source) == source)
    if since is not None:
        stmt = stmt.where(col(Outcome.occurred_at) >= since)
    if until is not None:
        stmt = stmt.where(col(Outcome.occurred_at) < until)
    rows = (await session.execute(keyset_page(stmt, NEWEST_FIRST, limit, cursor))).scalars().all()
    return split_page(rows, NEWEST_FIRST, limit)
