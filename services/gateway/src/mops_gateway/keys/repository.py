"""Every query on API keys; each one is filtered by tenant."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from mops_gateway.keys.models import ApiKey
from mops_shared.kit.db import find_for_tenant
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

KEY_SORTS = sort_options(
    [("created_at", [ApiKey.created_at])],
    tiebreaker=ApiKey.id,
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey | None:
    return await find_for_tenant(session, ApiKey, tenant_id, key_id)


async def list_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    include_revoked: bool,
) -> tuple[list[ApiKey], str | None]:
    stmt = select(ApiKey).where(ApiKey.tenant_id == tenant_id)  # type: ignore[arg-type]
    if not include_revoked:
        stmt = stmt.where(ApiKey.revoked_at.is_(None))  # type: ignore[union-attr]
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars().all()
    return split_page(rows, sort, limit)
