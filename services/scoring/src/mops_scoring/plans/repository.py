"""Every query on plans; each read is filtered by tenant."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_scoring.plans.models import Plan
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

PLAN_SORTS = sort_options(
    [("created_at", [Plan.created_at]), ("name", [Plan.name])], tiebreaker=Plan.id
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


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: str | None,
    result_id: uuid.UUID | None,
) -> tuple[list[Plan], str | None]:
    stmt = select(Plan).where(col(Plan.tenant_id) == tenant_id)
    if status is not None:
        stmt = stmt.where(col(Plan.status) == status)
    if result_id is not None:
        stmt = stmt.where(col(Plan.result_id) == result_id)
    rows = list((await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars())
    return split_page(rows, sort, limit)
