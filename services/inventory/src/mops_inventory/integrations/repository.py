"""Every query on integrations; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.integrations.models import Integration
from mops_inventory.tools.models import Tool
from mops_shared.kit.db import find_for_tenant, table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import ReadRow, mappings, page_of_rows

_integrations = table_of(Integration)
_edges = _integrations.c

INTEGRATION_SORTS = sort_options([("created_at", [_edges.created_at])], tiebreaker=_edges.id)

# An edge's row with both tools' names. Inner joins: an edge whose tool is gone is left out
# (the deletion cascades to it anyway), as `to_reads` leaves out an edge it finds no name for.
_source = table_of(Tool).alias("source_tool")
_target = table_of(Tool).alias("target_tool")
_EDGE_ROWS = (
    select(
        _integrations,
        _source.c.name.label("source_tool_name"),
        _target.c.name.label("target_tool_name"),
    )
    .join_from(
        _integrations,
        _source,
        and_(_source.c.id == _edges.source_tool_id, _source.c.tenant_id == _edges.tenant_id),
    )
    .join(
        _target,
        and_(_target.c.id == _edges.target_tool_id, _target.c.tenant_id == _edges.tenant_id),
    )
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


async def page_rows(
    conn: AsyncConnection,
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
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's edges as rows, each with its tools' names."""
    stmt = _EDGE_ROWS.where(_edges.tenant_id == tenant_id)
    if tool_id is not None:
        stmt = stmt.where(or_(_edges.source_tool_id == tool_id, _edges.target_tool_id == tool_id))
    if source_tool_id is not None:
        stmt = stmt.where(_edges.source_tool_id == source_tool_id)
    if target_tool_id is not None:
        stmt = stmt.where(_edges.target_tool_id == target_tool_id)
    if status is not None:
        stmt = stmt.where(_edges.status == status)
    if sync_mode is not None:
        stmt = stmt.where(_edges.sync_mode == sync_mode)
    return await page_of_rows(conn, stmt, sort, limit, cursor)


_EDGE_ROW = _EDGE_ROWS.where(
    _edges.tenant_id == bindparam("tenant_id"), _edges.id == bindparam("integration_id")
)


async def edge_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, integration_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's edge as a row with its tools' names, or None."""
    rows = await mappings(
        conn, _EDGE_ROW, {"tenant_id": tenant_id, "integration_id": integration_id}
    )
    return rows[0] if rows else None


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
