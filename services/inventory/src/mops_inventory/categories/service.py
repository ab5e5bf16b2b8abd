"""Use cases on categories; each commits once at its end."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_inventory.categories import repository
from mops_inventory.categories.models import Category
from mops_inventory.categories.schemas import LANDSCAPE_CATEGORIES, CategorySort, SubcategoryCreate
from mops_inventory.db import writes
from mops_shared.contracts.common import name_key
from mops_shared.contracts.inventory import CategoryPage, CategoryRead
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.audit import record_audit
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed
from mops_shared.kit.pagination import resolve_sort


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
    sort: CategorySort,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
) -> CategoryPage:
    await seeder.ensure(session, principal.tenant_id)
    items, next_cursor = await repository.list_page(
        session,
        principal.tenant_id,
        sort=resolve_sort(repository.CATEGORY_SORTS, sort),
        limit=limit,
        cursor=cursor,
        parent_id=parent_id,
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


async def create_subcategory(
    session: AsyncSession,
    principal: Principal,
    seeder: LandscapeSeeder,
    data: SubcategoryCreate,
) -> CategoryRead:
    """A tenant's own subcategory under one of its categories; names are unique in the tenant."""
    await seeder.ensure(session, principal.tenant_id)
    if await repository.get_by_id(session, principal.tenant_id, data.parent_id) is None:
        raise ValidationFailed.at(ProblemLocation.body, "/parent_id", "no category with this id")
    category = repository.add(
        session,
        Category(
            tenant_id=principal.tenant_id,
            parent_id=data.parent_id,
            name=data.name,
            name_key=name_key(data.name),
            built_in=False,
        ),
    )
    try:
        await session.flush()
        after = CategoryRead.model_validate(category)
        await record_audit(
            session,
            writes.audit,
            principal,
            action="create",
            object_type="category",
            object_id=category.id,
            before=None,
            after=after.model_dump(mode="json"),
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A category named {data.name!r} already exists.") from exc
    return after
