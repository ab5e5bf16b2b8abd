"""Every query on units; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import CTE, bindparam, func, insert, literal, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.units.models import Unit
from mops_org.units.tree import MAX_TREE_DEPTH, subtree_cte
from mops_shared.kit.db import find_for_tenant, table_of, update_by_id
from mops_shared.kit.pagination import (
    SortOption,
    encode_values,
    keyset_page,
    sort_options,
    split_page,
)
from mops_shared.kit.reads import mappings

UNIT_SORTS = sort_options(
    [("name", [Unit.name_key]), ("created_at", [Unit.created_at])],
    tiebreaker=Unit.id,
)


async def get_by_id(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> Unit | None:
    return await find_for_tenant(session, Unit, tenant_id, unit_id)


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_UNIT_ROW = select(table_of(Unit)).where(
    table_of(Unit).c.tenant_id == bindparam("tenant_id"),
    table_of(Unit).c.id == bindparam("unit_id"),
)


async def unit_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> RowMapping | None:
    """The tenant's unit as a row of the units table, or None."""
    rows = await mappings(conn, _UNIT_ROW, {"tenant_id": tenant_id, "unit_id": unit_id})
    return rows[0] if rows else None


async def get_by_name_key(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> Unit | None:
    stmt = select(Unit).where(col(Unit.tenant_id) == tenant_id, col(Unit.name_key) == key)
    if except_id is not None:
        stmt = stmt.where(col(Unit.id) != except_id)
    return (await session.execute(stmt)).scalar_one_or_none()


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
        stmt = stmt.where(col(Unit.id).in_(ids))
    if parent_id is not None:
        stmt = stmt.where(Unit.parent_id == parent_id)  # type: ignore[arg-type]
    if type_ is not None:
        stmt = stmt.where(Unit.type == type_)  # type: ignore[arg-type]
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)


def add(session: AsyncSession, unit: Unit) -> Unit:
    session.add(unit)
    return unit


# --- in bulk (an organisation import) ----------------------------------------------------------


async def all_of(session: AsyncSession, tenant_id: uuid.UUID) -> list[Unit]:
    result = await session.execute(select(Unit).where(col(Unit.tenant_id) == tenant_id))
    return list(result.scalars().all())


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """New units in one statement, every column given."""
    await session.execute(insert(Unit), rows)


async def update_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The same columns of many units by id, in one executemany."""
    await update_by_id(session, table_of(Unit), rows)


SUBTREE_SORT = "depth"


def _ancestors(tenant_id: uuid.UUID, unit_id: uuid.UUID) -> CTE:
    """(id, levels_up) of every unit above this one; every step filtered by tenant."""
    parent = (
        select(col(Unit.parent_id).label("id"), literal(1).label("levels_up"))
        .where(
            col(Unit.tenant_id) == tenant_id,
            col(Unit.id) == unit_id,
            col(Unit.parent_id).is_not(None),
        )
        .cte("ancestors", recursive=True)
    )
    above = (
        select(col(Unit.parent_id), parent.c.levels_up + 1)
        .join(parent, col(Unit.id) == parent.c.id)
        .where(
            col(Unit.tenant_id) == tenant_id,
            col(Unit.parent_id).is_not(None),
            parent.c.levels_up < MAX_TREE_DEPTH,
        )
    )
    return parent.union_all(above)


async def subtree_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    root_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[tuple[Unit, int]], str | None]:
    """The unit and its descendants with their depth below it, by depth then name."""
    tree = subtree_cte(tenant_id, root_id)
    sort = SortOption(SUBTREE_SORT, (tree.c.depth, col(Unit.name_key), col(Unit.id)))
    stmt = (
        select(Unit, tree.c.depth)
        .join(tree, col(Unit.id) == tree.c.id)
        .where(col(Unit.tenant_id) == tenant_id)
    )
    rows = [
        (row[0], int(row[1]))
        for row in await session.execute(keyset_page(stmt, sort, limit, cursor))
    ]
    items = rows[:limit]
    next_cursor = None
    if len(rows) > limit and items:
        unit, depth = items[-1]
        next_cursor = encode_values(SUBTREE_SORT, [depth, unit.name_key, unit.id])
    return items, next_cursor


async def ancestors(
    session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> list[tuple[Unit, int]]:
    """The units above this one with how many levels up they are, nearest first."""
    chain = _ancestors(tenant_id, unit_id)
    stmt = (
        select(Unit, chain.c.levels_up)
        .join(chain, col(Unit.id) == chain.c.id)
        .where(col(Unit.tenant_id) == tenant_id)
        .order_by(chain.c.levels_up)
    )
    return [(row[0], int(row[1])) for row in await session.execute(stmt)]


async def is_in_subtree(
    session: AsyncSession, tenant_id: uuid.UUID, root_id: uuid.UUID, unit_id: uuid.UUID
) -> bool:
    """Whether `unit_id` is `root_id` or one of the units below it."""
    tree = subtree_cte(tenant_id, root_id)
    found = await session.execute(select(tree.c.id).where(tree.c.id == unit_id).limit(1))
    return found.first() is not None


async def children_of(
    session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> list[Unit]:
    result = await session.execute(
        select(Unit)
        .where(col(Unit.tenant_id) == tenant_id, col(Unit.parent_id) == unit_id)
        .order_by(col(Unit.name_key), col(Unit.id))
    )
    return list(result.scalars())


async def count_children(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> int:
    result = await session.execute(
        select(func.count())
        .select_from(Unit)
        .where(col(Unit.tenant_id) == tenant_id, col(Unit.parent_id) == unit_id)
    )
    return int(result.scalar_one())
