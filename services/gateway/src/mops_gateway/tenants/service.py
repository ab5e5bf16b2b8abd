"""Tenants are created by an operator (CLI), never through a tenant's own API key."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_gateway.tenants.models import Tenant
from mops_gateway.tenants.schemas import TenantRead
from mops_shared.contracts.common import name_key
from mops_shared.kit.errors import Conflict, NotFound


async def create_tenant(session: AsyncSession, name: str) -> TenantRead:
    tenant = Tenant(name=name.strip(), name_key=name_key(name))
    session.add(tenant)
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A tenant named {name!r} already exists.") from exc
    return TenantRead.model_validate(tenant)


async def get_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> TenantRead:
    tenant = await session.get(Tenant, tenant_id)
    if tenant is None:
        raise NotFound(f"No tenant {tenant_id}.")
    return TenantRead.model_validate(tenant)


async def find_tenant_by_name(session: AsyncSession, name: str) -> TenantRead | None:
    result = await session.execute(
        select(Tenant).where(Tenant.name_key == name_key(name))  # type: ignore[arg-type]
    )
    tenant = result.scalar_one_or_none()
    return TenantRead.model_validate(tenant) if tenant else None


async def list_tenants(session: AsyncSession) -> list[TenantRead]:
    result = await session.execute(select(Tenant).order_by(Tenant.created_at))  # type: ignore[arg-type]
    return [TenantRead.model_validate(t) for t in result.scalars()]
