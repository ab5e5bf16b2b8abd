"""Every query on frameworks; each one is filtered by tenant (its own rows and the built-ins)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_scoring.frameworks.models import Framework
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import ReadRow, first_row, page_of_rows

# Core columns: a select made of these alone runs as Core (rows, no entities); the filters
# serve the entity queries too.
_frameworks = table_of(Framework).c

FRAMEWORK_SORTS = sort_options(
    [("key", [_frameworks.key, _frameworks.version])],
    tiebreaker=_frameworks.id,
)


def _visible_to(tenant_id: Any) -> ColumnElement[bool]:
    """The tenant's own versions and the built-ins (`tenant_id` a value or a bindparam)."""
    return or_(_frameworks.tenant_id == tenant_id, _frameworks.tenant_id.is_(None))


async def get(session: AsyncSession, framework_id: uuid.UUID) -> Framework | None:
    """A version by id, whatever its tenant: for what was made with it (the foreign keys of
    assessments and results keep the version the tenant saw)."""
    return await session.get(Framework, framework_id)


async def get_visible(
    session: AsyncSession, tenant_id: uuid.UUID, framework_id: uuid.UUID
) -> Framework | None:
    result = await session.execute(
        select(Framework).where(_visible_to(tenant_id), _frameworks.id == framework_id)
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


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------

# `FrameworkRead`'s columns: a list leaves the documents where they are.
_SUMMARY = (
    _frameworks.id,
    _frameworks.key,
    _frameworks.version,
    _frameworks.name,
    _frameworks.kind,
    _frameworks.built_in,
    _frameworks.based_on_id,
    _frameworks.created_at,
)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    key: str | None = None,
    kind: str | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the versions the tenant sees, without their documents."""
    stmt = select(*_SUMMARY).where(_visible_to(tenant_id))
    if key is not None:
        stmt = stmt.where(_frameworks.key == key)
    if kind is not None:
        stmt = stmt.where(_frameworks.kind == kind)
    return await page_of_rows(conn, stmt, sort, limit, cursor)


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_DETAIL_ROW = select(*_SUMMARY, _frameworks.document).where(
    _visible_to(bindparam("tenant_id")), _frameworks.id == bindparam("framework_id")
)


async def detail_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, framework_id: uuid.UUID
) -> ReadRow | None:
    """A version the tenant sees, with its document as stored, or None."""
    return await first_row(
        conn, _DETAIL_ROW, {"tenant_id": tenant_id, "framework_id": framework_id}
    )
