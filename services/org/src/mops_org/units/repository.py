"""Every query on units; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import CTE, bindparam, func, insert, literal, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.db import Db, connection_of
from mops_org.units.models import Unit
from mops_org.units.tree import MAX_TREE_DEPTH, subtree_cte
from mops_shared.kit.db import find_for_tenant, table_of, update_by_id
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row, mappings, page_of_rows

# Core columns, not mapped attributes: a select made of these alone runs as Core (rows, no
# entities).
_units = table_of(Unit).c

UNIT_SORTS = sort_options(
    [("name", [_units.name_key]), ("created_at", [_units.created_at])],
    tiebreaker=_units.id,
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
) -> ReadRow | None:
    """The tenant's unit as a row of the units table, or None."""
    return await first_row(conn, _UNIT_ROW, {"tenant_id": tenant_id, "unit_id": unit_id})


async def get_by_name_key(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> Unit | None:
    stmt = select(Unit).where(col(Unit.tenant_id) == tenant_id, col(Unit.name_key) == key)
    if except_id is not None:
        stmt = stmt.where(col(Unit.id) != except_id)
    return (await session.execute(stmt)).scalar_one_or_none()


_UNIT_PAGES = PageStatements.of_columns(select(table_of(Unit)), _units)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None = None,
    type_: str | None = None,
    ids: Collection[uuid.UUID] | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's units as rows of the units table."""
    return await _UNIT_PAGES.page(
        conn, sort, limit, cursor, tenant_id=tenant_id, ids=ids, parent_id=parent_id, type=type_
    )


def add(session: AsyncSession, unit: Unit) -> Unit:
    session.add(unit)
    return unit


# --- in bulk (an organisation import) ----------------------------------------------------------


async def all_of(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every unit of the tenant as a row of the units table (fields as attributes)."""
    conn = await connection_of(db)
    return (await conn.execute(select(table_of(Unit)).where(_units.tenant_id == tenant_id))).all()


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """New units in one statement, every column given."""
    await session.execute(insert(Unit), rows)


async def update_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The same columns of many units by id, in one executemany."""
    await update_by_id(session, table_of(Unit), rows)


SUBTREE_SORT = "depth"


def _chain(tenant_id: uuid.UUID, unit_id: uuid.UUID) -> CTE:
    """(id, levels_up) of the unit (0) and of every unit above it; every step filtered by
    tenant. The unit's own row says it exists: one query answers both."""
    start = (
        select(_units.id.label("id"), literal(0).label("levels_up"))
        .where(_units.tenant_id == tenant_id, _units.id == unit_id)
        .cte("ancestors", recursive=True)
    )
    above = (
        select(_units.parent_id, start.c.levels_up + 1)
        .join(start, _units.id == start.c.id)
        .where(
            _units.tenant_id == tenant_id,
            _units.parent_id.is_not(None),
            start.c.levels_up < MAX_TREE_DEPTH,
        )
    )
    return start.union_all(above)


async def subtree_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    root_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReadRow], str | None]:
    """The unit and its descendants as rows of the units table with their `depth` below it,
    by depth then name (none: no such unit, or past the last page)."""
    tree = subtree_cte(tenant_id, root_id)
    sort = SortOption(SUBTREE_SORT, (tree.c.depth, _units.name_key, _units.id))
    stmt = (
        select(table_of(Unit), tree.c.depth)
        .join(tree, _units.id == tree.c.id)
        .where(_units.tenant_id == tenant_id)
    )
    return await page_of_rows(conn, stmt, sort, limit, cursor)


async def chain_rows(
    conn: AsyncConnection, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> list[ReadRow]:
    """The unit (`levels_up` 0) then the units above it as rows of the units table with how
    many levels up they are, nearest first; none when the tenant has no such unit."""
    chain = _chain(tenant_id, unit_id)
    stmt = (
        select(table_of(Unit), chain.c.levels_up)
        .join(chain, _units.id == chain.c.id)
        .where(_units.tenant_id == tenant_id)
        .order_by(chain.c.levels_up)
    )
    return list(await mappings(conn, stmt))


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
