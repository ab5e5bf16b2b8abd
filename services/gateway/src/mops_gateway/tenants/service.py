"""Tenants are created by an operator (CLI), never through a tenant's own API key."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_gateway.tenants import repository
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
    tenant = await repository.get(session, tenant_id)
    if tenant is None:
        raise NotFound(f"No tenant {tenant_id}.")
    return TenantRead.model_validate(tenant)


async def find_tenant_by_name(session: AsyncSession, name: str) -> TenantRead | None:
    tenant = await repository.by_name_key(session, name_key(name))
    return TenantRead.model_validate(tenant) if tenant else None


async def list_tenants(session: AsyncSession) -> list[TenantRead]:
    return [TenantRead.model_validate(t) for t in await repository.all_oldest_first(session)]
