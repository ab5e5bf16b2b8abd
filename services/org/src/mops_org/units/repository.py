"""Every query on units; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.units.models import Unit
from mops_shared.pagination import SortOption, keyset_page, sort_options, split_page

UNIT_SORTS = sort_options(
    [("name", [Unit.name_key]), ("created_at", [Unit.created_at])],
    tiebreaker=Unit.id,
)


async def get_by_id(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> Unit | None:
    result = await session.execute(
        select(Unit).where(Unit.tenant_id == tenant_id, Unit.id == unit_id)  # type: ignore[arg-type]
    )
    return result.scalar_one_or_none()


async def get_by_name_key(session: AsyncSession, tenant_id: uuid.UUID, key: str) -> Unit | None:
    result = await session.execute(
        select(Unit).where(Unit.tenant_id == tenant_id, Unit.name_key == key)  # type: ignore[arg-type]
    )
    return result.scalar_one_or_none()


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None = None,
    type_: str | None = None,
    ids: Collection[uuid.UUID] | None = None,
) -> tuple[list[Unit], str | None]:
    stmt = select(Unit).where(Unit.tenant_id == tenant_id)  # type: ignore[arg-type]
    if ids is not None:
        stmt = stmt.where(Unit.id.in_(ids))  # type: ignore[attr-defined]
    if parent_id is not None:
        stmt = stmt.where(Unit.parent_id == parent_id)  # type: ignore[arg-type]
    if type_ is not None:
        stmt = stmt.where(Unit.type == type_)  # type: ignore[arg-type]
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)


def add(session: AsyncSession, unit: Unit) -> Unit:
    session.add(unit)
    return unit
