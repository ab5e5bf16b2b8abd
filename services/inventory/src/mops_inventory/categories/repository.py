"""Every query on categories; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.categories.models import Category
from mops_shared.contracts.common import name_key
from mops_shared.kit.db import find_for_tenant, insert_ignoring_conflicts, new_id, table_of, utcnow
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row

_table = table_of(Category)
_categories = _table.c

CATEGORY_SORTS = sort_options(
    [("name", [_categories.name_key]), ("created_at", [_categories.created_at])],
    tiebreaker=_categories.id,
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, category_id: uuid.UUID
) -> Category | None:
    return await find_for_tenant(session, Category, tenant_id, category_id)


async def has_built_in(session: AsyncSession, tenant_id: uuid.UUID) -> bool:
    result = await session.execute(
        select(col(Category.id))
        .where(col(Category.tenant_id) == tenant_id, col(Category.built_in).is_(True))
        .limit(1)
    )
    return result.first() is not None


_CATEGORY_PAGES = PageStatements.of_columns(select(_table), _categories)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's categories as rows."""
    return await _CATEGORY_PAGES.page(
        conn, sort, limit, cursor, tenant_id=tenant_id, parent_id=parent_id
    )


_CATEGORY_ROW = select(_table).where(
    _categories.tenant_id == bindparam("tenant_id"), _categories.id == bindparam("category_id")
)


async def category_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, category_id: uuid.UUID
) -> ReadRow | None:
    return await first_row(
        conn, _CATEGORY_ROW, {"tenant_id": tenant_id, "category_id": category_id}
    )


async def insert_built_ins(
    session: AsyncSession, tenant_id: uuid.UUID, names: Sequence[str]
) -> None:
    """Adds the built-in top-level categories; the ones the tenant already has are left alone."""
    now = utcnow()
    # One microsecond apart, so `created_at` lists them in the order given.
    rows: list[dict[str, Any]] = [
        {
            "id": new_id(),
            "tenant_id": tenant_id,
            "parent_id": None,
            "name": name,
            "name_key": name_key(name),
            "built_in": True,
            "created_at": now + timedelta(microseconds=position),
        }
        for position, name in enumerate(names)
    ]
    await session.execute(
        insert_ignoring_conflicts(
            session.get_bind().dialect.name,
            _table,
            rows,
            conflict_columns=["tenant_id", "name_key"],
        )
    )


def add(session: AsyncSession, category: Category) -> Category:
    session.add(category)
    return category
