from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_gateway.tenants.models import Tenant
from mops_shared.kit.db import table_of
from mops_shared.kit.reads import ReadRow, first_row

_tenants = table_of(Tenant).c
# What `TenantRead` is made of.
_TENANT_ROW = select(_tenants.id, _tenants.name, _tenants.created_at).where(
    _tenants.id == bindparam("id")
)


async def tenant_row(conn: AsyncConnection, tenant_id: uuid.UUID) -> ReadRow | None:
    """The tenant as `TenantRead`'s columns, or None."""
    return await first_row(conn, _TENANT_ROW, {"id": tenant_id})


async def by_name_key(session: AsyncSession, key: str) -> Tenant | None:
    result = await session.execute(select(Tenant).where(col(Tenant.name_key) == key))
    return result.scalar_one_or_none()


async def all_oldest_first(session: AsyncSession) -> list[Tenant]:
    result = await session.execute(select(Tenant).order_by(col(Tenant.created_at)))
    return list(result.scalars())
