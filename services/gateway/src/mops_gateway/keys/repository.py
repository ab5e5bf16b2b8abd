"""Every query on API keys; each one is filtered by tenant."""

from __future__ import annotations

import uuid

from sqlalchemy import Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_gateway.keys.models import ApiKey
from mops_shared.kit.db import find_for_tenant, table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import ReadRow, first_row, page_of_rows

_keys = table_of(ApiKey).c

KEY_SORTS = sort_options([("created_at", [_keys.created_at])], tiebreaker=_keys.id)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID
) -> ApiKey | None:
    return await find_for_tenant(session, ApiKey, tenant_id, key_id)


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------
# What `ApiKeyRead` is made of: never the secrets' digests.
_KEY_READ = select(
    _keys.id,
    _keys.name,
    _keys.scopes,
    _keys.rate_limit_per_minute,
    _keys.rate_limit_burst,
    _keys.created_at,
    _keys.revoked_at,
    _keys.rotated_at,
)
# `tenant_id` is a foreign key, whose type SQLAlchemy knows only once the tenants table is
# mapped: the parameter says its own.
_KEY_ROW = _KEY_READ.where(
    _keys.tenant_id == bindparam("tenant_id", type_=Uuid()), _keys.id == bindparam("id")
)


async def key_row(conn: AsyncConnection, tenant_id: uuid.UUID, key_id: uuid.UUID) -> ReadRow | None:
    """The tenant's key as the columns `ApiKeyRead` is made of, or None."""
    return await first_row(conn, _KEY_ROW, {"tenant_id": tenant_id, "id": key_id})


async def key_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    include_revoked: bool,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's keys as the columns `ApiKeyRead` is made of."""
    stmt = _KEY_READ.where(_keys.tenant_id == tenant_id)
    if not include_revoked:
        stmt = stmt.where(_keys.revoked_at.is_(None))
    return await page_of_rows(conn, stmt, sort, limit, cursor)
