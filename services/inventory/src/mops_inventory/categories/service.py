"""Use cases on categories; each commits once at its end."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from mops_inventory.categories import repository
from mops_inventory.categories.models import Category
from mops_inventory.categories.schemas import LANDSCAPE_CATEGORIES, CategorySort, SubcategoryCreate
from mops_inventory.db import writes
from mops_shared.contracts.common import name_key
from mops_shared.contracts.inventory import CategoryRead
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.audit import record_audit
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import Conflict, ValidationFailed, found
from mops_shared.kit.pagination import resolve_sort
from mops_shared.kit.reads import WireJSON


class LandscapeSeeder:
    """Gives every tenant the six landscape categories on its first request.

    Race-safe without locks: the insert skips names the tenant already has (the unique
    constraint on (tenant_id, name_key) arbitrates between concurrent first requests, in this
    process or another). The in-process set keeps the hot path free of queries once a tenant is
    known to be seeded.
    """

    # A bound on memory for a process that sees very many tenants; forgetting costs one query.
    MAX_REMEMBERED = 100_000

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession] | None = None) -> None:
        self._seeded: set[uuid.UUID] = set()
        self._sessionmaker = sessionmaker

    async def ensure_apart(self, tenant_id: uuid.UUID) -> None:
        """`ensure` for a read, which holds no session: in a session of its own, opened only
        while the tenant is not known to be seeded (its first request in this process)."""
        if tenant_id in self._seeded:
            return
        assert self._sessionmaker is not None, "a seeder for reads is given a sessionmaker"
        async with self._sessionmaker() as session:
            await self.ensure(session, tenant_id)

    async def ensure(self, session: AsyncSession, tenant_id: uuid.UUID) -> None:
        if tenant_id in self._seeded:
            return
        if not await repository.has_built_in(session, tenant_id):
            await repository.insert_built_ins(session, tenant_id, LANDSCAPE_CATEGORIES)
            await session.commit()
        if len(self._seeded) >= self.MAX_REMEMBERED:
            self._seeded.clear()
        self._seeded.add(tenant_id)


CATEGORY_JSON = WireJSON(CategoryRead)


async def read_categories(
    conn: AsyncConnection,
    principal: Principal,
    seeder: LandscapeSeeder,
    *,
    sort: CategorySort,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
) -> bytes:
    """`list_categories`' answer as JSON."""
    await seeder.ensure_apart(principal.tenant_id)
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=resolve_sort(repository.CATEGORY_SORTS, sort),
        limit=limit,
        cursor=cursor,
        parent_id=parent_id,
    )
    return CATEGORY_JSON.dumps_page(CATEGORY_JSON.items(rows), next_cursor)


async def read_category(
    conn: AsyncConnection, principal: Principal, seeder: LandscapeSeeder, category_id: uuid.UUID
) -> bytes:
    """The tenant's category as `CategoryRead`'s JSON (another tenant's is as absent as one
    that never existed)."""
    await seeder.ensure_apart(principal.tenant_id)
    row = found(
        await repository.category_row(conn, principal.tenant_id, category_id),
        f"No category {category_id}.",
    )
    return CATEGORY_JSON.dumps(CATEGORY_JSON.item(row))


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
