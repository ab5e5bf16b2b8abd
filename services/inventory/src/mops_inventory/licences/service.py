"""Licence usage: seats active on a day, one count per tool and day (a later count replaces it)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.db import writes
from mops_inventory.licences import repository
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.licences.schemas import LicenceUsageCreate, LicenceUsageRead
from mops_inventory.tools import service as tools_service
from mops_shared.kit.audit import record_audit
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import NotFound
from mops_shared.kit.reads import WireJSON


async def record_usage(
    session: AsyncSession, principal: Principal, tool_id: uuid.UUID, data: LicenceUsageCreate
) -> tuple[LicenceUsageRead, bool]:
    """The stored count and whether it is new (False when it replaced that day's count)."""
    if await tools_service.find_tool(session, principal.tenant_id, tool_id) is None:
        raise NotFound(f"No tool {tool_id}.")
    existing = await repository.on_day(session, tool_id, data.as_of)
    before = LicenceUsageRead.model_validate(existing).model_dump(mode="json") if existing else None
    if existing is None:
        usage = LicenceUsage(
            tenant_id=principal.tenant_id,
            tool_id=tool_id,
            as_of=data.as_of,
            seats_active=data.seats_active,
        )
        session.add(usage)
    else:
        usage = existing
        usage.seats_active = data.seats_active
        usage.recorded_at = utcnow()
    await session.flush()
    read = LicenceUsageRead.model_validate(usage)
    await record_audit(
        session,
        writes.audit,
        principal,
        action="create" if existing is None else "update",
        object_type="licence_usage",
        object_id=usage.id,
        before=before,
        after=read.model_dump(mode="json"),
    )
    await session.commit()
    return read, existing is None


USAGE_JSON = WireJSON(LicenceUsageRead)


async def read_usage(
    conn: AsyncConnection,
    principal: Principal,
    tool_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    since: date | None,
    until: date | None,
) -> bytes:
    """`list_licence_usage`' answer as JSON."""
    if not await tools_service.tool_exists(conn, principal.tenant_id, tool_id):
        raise NotFound(f"No tool {tool_id}.")
    rows, next_cursor = await repository.page_rows(
        conn, principal.tenant_id, tool_id, limit=limit, cursor=cursor, since=since, until=until
    )
    return USAGE_JSON.dumps_page(USAGE_JSON.items(rows), next_cursor)
