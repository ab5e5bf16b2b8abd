"""Tenants are created by an operator (CLI), never through a tenant's own API key."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_gateway.tenants import repository
from mops_gateway.tenants.models import Tenant
from mops_gateway.tenants.schemas import TenantRead
from mops_shared.contracts.common import name_key
from mops_shared.kit.errors import Conflict, found
from mops_shared.kit.reads import ReadRow, WireJSON

TENANT_JSON = WireJSON(TenantRead)


async def create_tenant(session: AsyncSession, name: str) -> TenantRead:
    tenant = Tenant(name=name.strip(), name_key=name_key(name))
    session.add(tenant)
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A tenant named {name!r} already exists.") from exc
    return TenantRead.model_validate(tenant)


async def _tenant_row(conn: AsyncConnection, tenant_id: uuid.UUID) -> ReadRow:
    row = found(await repository.tenant_row(conn, tenant_id), f"No tenant {tenant_id}.")
    return row


async def read_tenant(conn: AsyncConnection, tenant_id: uuid.UUID) -> bytes:
    """The tenant as `TenantRead`'s JSON (`GET /v1/admin/tenant`)."""
    return TENANT_JSON.dumps(TENANT_JSON.item(await _tenant_row(conn, tenant_id)))


async def get_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> TenantRead:
    """The tenant as a model (the `mops` command), from the row `read_tenant` reads."""
    row = await _tenant_row(await session.connection(), tenant_id)
    return TenantRead.model_validate(TENANT_JSON.item(row))


async def find_tenant_by_name(session: AsyncSession, name: str) -> TenantRead | None:
    tenant = await repository.by_name_key(session, name_key(name))
    return TenantRead.model_validate(tenant) if tenant else None


async def list_tenants(session: AsyncSession) -> list[TenantRead]:
    return [TenantRead.model_validate(t) for t in await repository.all_oldest_first(session)]
