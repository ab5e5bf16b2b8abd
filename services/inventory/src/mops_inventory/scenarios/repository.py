"""Every query of scenarios: the scenarios themselves and the stack figures their diff compares
with; each one is filtered by tenant (or by tools of the tenant)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import ColumnElement, Row, bindparam, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.scenarios.models import Scenario
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.kit.db import among, find_for_tenant, table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row

_scenarios = table_of(Scenario)
_tools = table_of(Tool).c
_contracts = table_of(Contract).c
_caps = table_of(Capability).c
_tool_caps = table_of(ToolCapability).c

SCENARIO_SORTS = sort_options(
    [("name", [_scenarios.c.name_key]), ("created_at", [_scenarios.c.created_at])],
    tiebreaker=_scenarios.c.id,
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, scenario_id: uuid.UUID
) -> Scenario | None:
    return await find_for_tenant(session, Scenario, tenant_id, scenario_id)


_SCENARIO_PAGES = PageStatements.of_columns(select(_scenarios), _scenarios.c)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's scenarios as rows."""
    return await _SCENARIO_PAGES.page(conn, sort, limit, cursor, tenant_id=tenant_id)


_SCENARIO_ROW = select(_scenarios).where(
    _scenarios.c.tenant_id == bindparam("tenant_id"), _scenarios.c.id == bindparam("scenario_id")
)


async def scenario_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, scenario_id: uuid.UUID
) -> ReadRow | None:
    return await first_row(
        conn, _SCENARIO_ROW, {"tenant_id": tenant_id, "scenario_id": scenario_id}
    )


async def known_tool_ids(
    session: AsyncSession, tenant_id: uuid.UUID, tool_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Those of these ids that are tools of the tenant."""
    rows = await session.execute(
        select(col(Tool.id)).where(col(Tool.tenant_id) == tenant_id, col(Tool.id).in_(tool_ids))
    )
    return {row[0] for row in rows}


# --- the diff's figures (reads as rows, on a read connection) ------------------------------------


def _live(tenant_id: uuid.UUID) -> tuple[ColumnElement[bool], ...]:
    """The tenant's current stack: its tools not retired."""
    return (_tools.tenant_id == tenant_id, _tools.status != "retired")


async def live_tool_count(conn: AsyncConnection, tenant_id: uuid.UUID) -> int:
    count: int = (
        await conn.execute(
            select(func.count()).select_from(table_of(Tool)).where(*_live(tenant_id))
        )
    ).scalar_one()
    return count


async def live_costs(conn: AsyncConnection, tenant_id: uuid.UUID) -> Sequence[Row[str, int, int]]:
    """(currency, annual cost of the stack's contracts in it, tools with such a contract)."""
    result = await conn.execute(
        select(
            _contracts.currency,
            func.sum(_contracts.annual_cost_minor),
            func.count(distinct(_contracts.tool_id)),
        )
        .join_from(table_of(Contract), table_of(Tool), _tools.id == _contracts.tool_id)
        .where(*_live(tenant_id))
        .group_by(_contracts.currency)
    )
    return result.all()


async def live_capabilities(
    conn: AsyncConnection, tenant_id: uuid.UUID
) -> Sequence[Row[str, str, int]]:
    """(capability name key, a name of it, tools of the stack serving it)."""
    result = await conn.execute(
        select(_caps.name_key, func.min(_caps.name), func.count())
        .select_from(table_of(ToolCapability))
        .join(table_of(Capability), _caps.id == _tool_caps.capability_id)
        .join(table_of(Tool), _tools.id == _tool_caps.tool_id)
        .where(*_live(tenant_id))
        .group_by(_caps.name_key)
    )
    return result.all()


async def tools_among(
    conn: AsyncConnection, tenant_id: uuid.UUID, tool_ids: Collection[uuid.UUID]
) -> Sequence[Row[uuid.UUID, str, str]]:
    """(id, name, status) of those of these ids that are tools of the tenant."""
    result = await conn.execute(
        select(_tools.id, _tools.name, _tools.status).where(
            _tools.tenant_id == tenant_id, among(conn, _tools.id, tool_ids)
        )
    )
    return result.all()


async def costs_of_tools(
    conn: AsyncConnection, tool_ids: Sequence[uuid.UUID]
) -> Sequence[Row[uuid.UUID, str, int]]:
    """(tool id, currency, the annual cost of its contracts in it) of these tools, which the
    caller found among the tenant's."""
    result = await conn.execute(
        select(_contracts.tool_id, _contracts.currency, func.sum(_contracts.annual_cost_minor))
        .where(among(conn, _contracts.tool_id, tool_ids))
        .group_by(_contracts.tool_id, _contracts.currency)
    )
    return result.all()
