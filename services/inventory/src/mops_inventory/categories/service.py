"""Use cases on categories; each commits once at its end."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from mops_inventory.categories import repository
from mops_shared.auth import Principal
from mops_shared.errors import NotFound
from mops_shared.pagination import SortOption
from mops_shared.schemas.inventory import LANDSCAPE_CATEGORIES, CategoryPage, CategoryRead


class LandscapeSeeder:
    """Gives every tenant the six landscape categories on its first request.

    Race-safe without locks: the insert skips names the tenant already has (the unique
    constraint on (tenant_id, name_key) arbitrates between concurrent first requests, in this
    process or another). The in-process set keeps the hot path free of queries once a tenant is
    known to be seeded.
    """

    # A bound on memory for a process that sees very many tenants; forgetting costs one query.
    MAX_REMEMBERED = 100_000

    def __init__(self) -> None:
        self._seeded: set[uuid.UUID] = set()

    async def ensure(self, session: AsyncSession, tenant_id: uuid.UUID) -> None:
        if tenant_id in self._seeded:
            return
        if not await repository.has_built_in(session, tenant_id):
            await repository.insert_built_ins(session, tenant_id, LANDSCAPE_CATEGORIES)
            await session.commit()
        if len(self._seeded) >= self.MAX_REMEMBERED:
            self._seeded.clear()
        self._seeded.add(tenant_id)


async def list_categories(
    session: AsyncSession,
    principal: Principal,
    seeder: LandscapeSeeder,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
) -> CategoryPage:
    await seeder.ensure(session, principal.tenant_id)
    items, next_cursor = await repository.list_page(
        session, principal.tenant_id, sort=sort, limit=limit, cursor=cursor, parent_id=parent_id
    )
    return CategoryPage(
        items=[CategoryRead.model_validate(c) for c in items], next_cursor=next_cursor
    )


async def get_category(
    session: AsyncSession, principal: Principal, seeder: LandscapeSeeder, category_id: uuid.UUID
) -> CategoryRead:
    await seeder.ensure(session, principal.tenant_id)
    # Another tenant's category is as absent as one that never existed.
    category = await repository.get_by_id(session, principal.tenant_id, category_id)
    if category is None:
        raise NotFound(f"No category {category_id}.")
    return CategoryRead.model_validate(category)
