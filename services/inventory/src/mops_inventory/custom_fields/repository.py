"""Every query on custom field definitions; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_inventory.custom_fields.models import CustomFieldDefinition
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import ReadRow, mappings

_definitions = table_of(CustomFieldDefinition)

OLDEST_FIRST = SortOption("created_at", (_definitions.c.created_at, _definitions.c.id))


async def page_rows(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's definitions as rows, oldest first."""
    stmt = select(_definitions).where(_definitions.c.tenant_id == tenant_id)
    rows = await mappings(conn, keyset_page(stmt, OLDEST_FIRST, limit, cursor))
    return split_page(rows, OLDEST_FIRST, limit)


async def with_keys(
    session: AsyncSession, tenant_id: uuid.UUID, keys: Collection[str]
) -> Sequence[CustomFieldDefinition]:
    """The tenant's definitions among these keys (unknown keys are absent)."""
    rows = await session.execute(
        select(CustomFieldDefinition).where(
            col(CustomFieldDefinition.tenant_id) == tenant_id,
            col(CustomFieldDefinition.key).in_(list(keys)),
        )
    )
    return rows.scalars().all()
