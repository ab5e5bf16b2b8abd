"""Every query on custom field definitions; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.custom_fields.models import CustomFieldDefinition
from mops_shared.kit.pagination import SortOption, keyset_page, split_page

OLDEST_FIRST = SortOption(
    "created_at", (col(CustomFieldDefinition.created_at), col(CustomFieldDefinition.id))
)


async def list_page(
    session: AsyncSession, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[CustomFieldDefinition], str | None]:
    stmt = select(CustomFieldDefinition).where(col(CustomFieldDefinition.tenant_id) == tenant_id)
    rows = (await session.execute(keyset_page(stmt, OLDEST_FIRST, limit, cursor))).scalars().all()
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
