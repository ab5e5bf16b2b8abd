from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_gateway.tenants.models import Tenant


async def get(session: AsyncSession, tenant_id: uuid.UUID) -> Tenant | None:
    return await session.get(Tenant, tenant_id)


async def by_name_key(session: AsyncSession, key: str) -> Tenant | None:
    result = await session.execute(select(Tenant).where(col(Tenant.name_key) == key))
    return result.scalar_one_or_none()


async def all_oldest_first(session: AsyncSession) -> list[Tenant]:
    result = await session.execute(select(Tenant).order_by(col(Tenant.created_at)))
    return list(result.scalars())
