"""Every query of scenarios: the scenarios themselves and the stack figures their diff compares
with; each one is filtered by tenant (or by tools of the tenant)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import ColumnElement, Row, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.scenarios.models import Scenario
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.kit.db import find_for_tenant
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

SCENARIO_SORTS = sort_options(
    [("name", [col(Scenario.name_key)]), ("created_at", [col(Scenario.created_at)])],
    tiebreaker=col(Scenario.id),
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, scenario_id: uuid.UUID
) -> Scenario | None:
    return await find_for_tenant(session, Scenario, tenant_id, scenario_id)


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> tuple[list[Scenario], str | None]:
    stmt = select(Scenario).where(col(Scenario.tenant_id) == tenant_id)
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)


async def known_tool_ids(
    session: AsyncSession, tenant_id: uuid.UUID, tool_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Those of these ids that are tools of the tenant."""
    rows = await session.execute(
        select(col(Tool.id)).where(col(Tool.tenant_id) == tenant_id, col(Tool.id).in_(tool_ids))
    )
    return {row[0] for row in rows}


def _live(tenant_id: uuid.UUID) -> tuple[ColumnElement[bool], ...]:
    """The tenant's current stack: its tools not retired."""
    return (col(Tool.tenant_id) == tenant_id, col(Tool.status) != "retired")


async def live_tool_count(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    count: int = (await session.execute(select(func.count()).where(*_live(tenant_id)))).scalar_one()
    return count


async def live_costs(session: AsyncSession, tenant_id: uuid.UUID) -> Sequence[Row[str, int, int]]:
    """(currency, annual cost of the stack's contracts in it, tools with such a contract)."""
    result = await session.execute(
        select(
            col(Contract.currency),
            func.sum(col(Contract.annual_cost_minor)),
            func.count(distinct(col(Contract.tool_id))),
        )
        .join(Tool, col(Tool.id) == col(Contract.tool_id))
        .where(*_live(tenant_id))
        .group_by(col(Contract.currency))
    )
    return result.all()


async def live_capabilities(
    session: AsyncSession, tenant_id: uuid.UUID
) -> Sequence[Row[str, str, int]]:
    """(capability name key, a name of it, tools of the stack serving it)."""
    result = await session.execute(
        select(col(Capability.name_key), func.min(col(Capability.name)), func.count())
        .select_from(ToolCapability)
        .join(Capability, col(Capability.id) == col(ToolCapability.capability_id))
        .join(Tool, col(Tool.id) == col(ToolCapability.tool_id))
        .where(*_live(tenant_id))
        .group_by(col(Capability.name_key))
    )
    return result.all()


async def tools_among(
    session: AsyncSession, tenant_id: uuid.UUID, tool_ids: Collection[uuid.UUID]
) -> Sequence[Row[uuid.UUID, str, str]]:
    """(id, name, status) of those of these ids that are tools of the tenant."""
    result = await session.execute(
        select(col(Tool.id), col(Tool.name), col(Tool.status)).where(
            col(Tool.tenant_id) == tenant_id, col(Tool.id).in_(tool_ids)
        )
    )
    return result.all()


async def costs_of_tools(
    session: AsyncSession, tool_ids: Sequence[uuid.UUID]
) -> Sequence[Row[uuid.UUID, str, int]]:
    """(tool id, currency, the annual cost of its contracts in it) of these tools, which the
    caller found among the tenant's."""
    result = await session.execute(
        select(
            col(Contract.tool_id), col(Contract.currency), func.sum(col(Contract.annual_cost_minor))
        )
        .where(col(Contract.tool_id).in_(tool_ids))
        .group_by(col(Contract.tool_id), col(Contract.currency))
    )
    return result.all()
