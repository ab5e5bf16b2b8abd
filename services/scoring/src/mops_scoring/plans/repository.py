"""Every query on plans; each read is filtered by tenant."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_scoring.plans.models import Plan
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row

# Core columns: a select made of these alone runs as Core (rows, no entities).
_plans = table_of(Plan).c

PLAN_SORTS = sort_options(
    [("created_at", [_plans.created_at]), ("name", [_plans.name])], tiebreaker=_plans.id
)


def add(session: AsyncSession, plan: Plan) -> Plan:
    session.add(plan)
    return plan


async def delete(session: AsyncSession, plan: Plan) -> None:
    await session.delete(plan)


async def get(session: AsyncSession, tenant_id: uuid.UUID, plan_id: uuid.UUID) -> Plan | None:
    result = await session.execute(
        select(Plan).where(col(Plan.tenant_id) == tenant_id, col(Plan.id) == plan_id)
    )
    return result.scalar_one_or_none()


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------

# `PlanRead`'s columns, the document (charter, goals, objectives, barriers, stages) as stored.
_COLUMNS = (
    _plans.id,
    _plans.name,
    _plans.result_id,
    _plans.status,
    _plans.document,
    _plans.version,
    _plans.created_at,
    _plans.updated_at,
)
# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_PLAN_ROW = select(*_COLUMNS).where(
    _plans.tenant_id == bindparam("tenant_id"), _plans.id == bindparam("plan_id")
)


async def plan_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, plan_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's plan as a row, or None."""
    return await first_row(conn, _PLAN_ROW, {"tenant_id": tenant_id, "plan_id": plan_id})


_PLAN_PAGES = PageStatements.of_columns(select(*_COLUMNS), _plans)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: str | None,
    result_id: uuid.UUID | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's plans as rows."""
    return await _PLAN_PAGES.page(
        conn, sort, limit, cursor, tenant_id=tenant_id, status=status, result_id=result_id
    )
