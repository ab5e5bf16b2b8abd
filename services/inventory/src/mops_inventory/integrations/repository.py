"""Every query on integrations; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.integrations.models import Integration
from mops_inventory.tools.models import Tool
from mops_shared.kit.db import find_for_tenant
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

INTEGRATION_SORTS = sort_options(
    [("created_at", [col(Integration.created_at)])], tiebreaker=col(Integration.id)
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, integration_id: uuid.UUID
) -> Integration | None:
    return await find_for_tenant(session, Integration, tenant_id, integration_id)


async def edge_exists(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    source_tool_id: uuid.UUID,
    target_tool_id: uuid.UUID,
) -> bool:
    stmt = select(col(Integration.id)).where(
        col(Integration.tenant_id) == tenant_id,
        col(Integration.source_tool_id) == source_tool_id,
        col(Integration.target_tool_id) == target_tool_id,
    )
    return (await session.execute(stmt)).first() is not None


async def tool_names(
    session: AsyncSession, tenant_id: uuid.UUID, tool_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The names of the tenant's tools among these ids, in one query (unknown ids are absent)."""
    if not tool_ids:
        return {}
    rows = await session.execute(
        select(col(Tool.id), col(Tool.name)).where(
            col(Tool.tenant_id) == tenant_id, col(Tool.id).in_(set(tool_ids))
        )
    )
    return dict(rows.all())


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    tool_id: uuid.UUID | None = None,
    source_tool_id: uuid.UUID | None = None,
    target_tool_id: uuid.UUID | None = None,
    status: str | None = None,
    sync_mode: str | None = None,
) -> tuple[list[Integration], str | None]:
    stmt = select(Integration).where(col(Integration.tenant_id) == tenant_id)
    if tool_id is not None:
        stmt = stmt.where(
            or_(
                col(Integration.source_tool_id) == tool_id,
                col(Integration.target_tool_id) == tool_id,
            )
        )
    if source_tool_id is not None:
        stmt = stmt.where(col(Integration.source_tool_id) == source_tool_id)
    if target_tool_id is not None:
        stmt = stmt.where(col(Integration.target_tool_id) == target_tool_id)
    if status is not None:
        stmt = stmt.where(col(Integration.status) == status)
    if sync_mode is not None:
        stmt = stmt.where(col(Integration.sync_mode) == sync_mode)
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)


async def touching_tool(
    session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID
) -> list[Integration]:
    """The tenant's edges from or to the tool."""
    rows = await session.execute(
        select(Integration).where(
            col(Integration.tenant_id) == tenant_id,
            (col(Integration.source_tool_id) == tool_id)
            | (col(Integration.target_tool_id) == tool_id),
        )
    )
    return list(rows.scalars())
