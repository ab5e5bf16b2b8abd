"""Every query on frameworks; each one is filtered by tenant (its own rows and the built-ins)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_scoring.frameworks.models import Framework
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

FRAMEWORK_SORTS = sort_options(
    [("key", [Framework.key, Framework.version])],
    tiebreaker=Framework.id,
)


def _visible_to(tenant_id: uuid.UUID) -> ColumnElement[bool]:
    return or_(col(Framework.tenant_id) == tenant_id, col(Framework.tenant_id).is_(None))


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    key: str | None = None,
    kind: str | None = None,
) -> tuple[list[Framework], str | None]:
    stmt = select(Framework).where(_visible_to(tenant_id))
    if key is not None:
        stmt = stmt.where(col(Framework.key) == key)
    if kind is not None:
        stmt = stmt.where(col(Framework.kind) == kind)
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)


async def get(session: AsyncSession, framework_id: uuid.UUID) -> Framework | None:
    """A version by id, whatever its tenant: for what was made with it (the foreign keys of
    assessments and results keep the version the tenant saw)."""
    return await session.get(Framework, framework_id)


async def by_ids(
    session: AsyncSession, framework_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Framework]:
    result = await session.execute(select(Framework).where(col(Framework.id).in_(framework_ids)))
    return {framework.id: framework for framework in result.scalars()}


async def get_visible(
    session: AsyncSession, tenant_id: uuid.UUID, framework_id: uuid.UUID
) -> Framework | None:
    result = await session.execute(
        select(Framework).where(_visible_to(tenant_id), col(Framework.id) == framework_id)
    )
    return result.scalar_one_or_none()


async def latest_version(session: AsyncSession, tenant_id: uuid.UUID, key: str) -> int | None:
    """The highest version of `key` the tenant sees (built in or its own), None if none."""
    result = await session.execute(
        select(func.max(col(Framework.version))).where(
            _visible_to(tenant_id), col(Framework.key) == key
        )
    )
    return result.scalar_one()


def add(session: AsyncSession, framework: Framework) -> Framework:
    session.add(framework)
    return framework
