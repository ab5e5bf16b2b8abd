"""The audit trail: who changed what, when, with the state before and after.

(No `from __future__ import annotations` here: the router's parameters name a dependency built
at run time, which FastAPI must see as an object, not as a string.)

Each service has its own `audit_entries` table (built here on the service's metadata) and
writes an entry in the same transaction as the change it records, so no change goes
unrecorded and no entry describes a change that was rolled back.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, ConfigDict
from sqlalchemy import JSON, Column, Index, MetaData, String, Table, Uuid, select
from sqlalchemy.ext.asyncio import AsyncSession

from mops_shared.contracts.common import IsoDateTime
from mops_shared.contracts.pagination import Page
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import UTCDateTime, new_id, utcnow
from mops_shared.kit.deps import ReadDep
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, LimitQuery, SortOption, keyset_page, split_page
from mops_shared.kit.reads import WireJSON, json_response, mappings

AuditAction = Literal["create", "update", "delete"]


class AuditEntryAction(StrEnum):
    """What a write did to the object (the values of `AuditAction`)."""

    create = "create"
    update = "update"
    delete = "delete"


def audit_table(metadata: MetaData) -> Table:
    return Table(
        "audit_entries",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("tenant_id", Uuid, nullable=False),
        Column("occurred_at", UTCDateTime(), nullable=False),
        Column("actor_key_id", Uuid, nullable=False),
        Column("request_id", String(128), nullable=True),
        Column("action", String(16), nullable=False),
        Column("object_type", String(40), nullable=False),
        Column("object_id", Uuid, nullable=False),
        Column("before", JSON, nullable=True),
        Column("after", JSON, nullable=True),
        Index(None, "tenant_id", "occurred_at", "id"),
        Index(None, "tenant_id", "object_type", "object_id", "occurred_at"),
    )


async def record_audit(
    session: AsyncSession,
    table: Table,
    principal: Principal,
    *,
    action: AuditAction,
    object_type: str,
    object_id: uuid.UUID,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Adds the entry to the session's transaction; the caller's commit writes both."""
    await session.execute(
        table.insert().values(
            id=new_id(),
            tenant_id=principal.tenant_id,
            occurred_at=utcnow(),
            actor_key_id=principal.key_id,
            request_id=principal.request_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
        )
    )


async def record_audits(
    session: AsyncSession,
    table: Table,
    principal: Principal,
    entries: Sequence[
        tuple[AuditAction, str, uuid.UUID, dict[str, Any] | None, dict[str, Any] | None]
    ],
) -> None:
    """Many entries in one statement (bulk imports): (action, type, id, before, after) each."""
    if not entries:
        return
    now = utcnow()
    await session.execute(
        table.insert(),
        [
            {
                "id": new_id(),
                "tenant_id": principal.tenant_id,
                "occurred_at": now,
                "actor_key_id": principal.key_id,
                "request_id": principal.request_id,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "before": before,
                "after": after,
            }
            for action, object_type, object_id, before, after in entries
        ],
    )


class AuditEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    occurred_at: datetime
    actor_key_id: uuid.UUID
    request_id: str | None
    action: AuditEntryAction
    object_type: str
    object_id: uuid.UUID
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPage(Page[AuditEntry]):
    pass


AUDIT_ENTRY_JSON = WireJSON(AuditEntry)


def audit_router(area: str, table: Table, principal_dependency: Any) -> APIRouter:
    """`GET /v1/<area>/audit`: the tenant's entries, newest first, with filters."""
    router = APIRouter(prefix=f"/v1/{area}/audit", tags=[area])
    newest_first = SortOption("-occurred_at", (table.c.occurred_at, table.c.id), descending=True)

    @router.get(
        "",
        operation_id=f"{area}_list_audit_entries",
        summary="List audit entries",
        response_model=AuditPage,
        responses=problem_responses(401, 403, 422),
    )
    async def list_audit_entries(
        conn: ReadDep,
        principal: Annotated[Principal, Depends(principal_dependency)],
        limit: LimitQuery = 50,
        cursor: CursorQuery = None,
        object_type: Annotated[str | None, Query(description="e.g. `tool`.")] = None,
        object_id: Annotated[uuid.UUID | None, Query(description="One object's history.")] = None,
        actor_key_id: Annotated[uuid.UUID | None, Query(description="Changes by this key.")] = None,
        since: Annotated[IsoDateTime | None, Query(description="At or after (RFC 3339).")] = None,
        until: Annotated[IsoDateTime | None, Query(description="Before (RFC 3339).")] = None,
    ) -> Response:
        """Every change in this area: who (API key), when, the request id, before and after."""
        stmt = select(table).where(table.c.tenant_id == principal.tenant_id)
        if object_type is not None:
            stmt = stmt.where(table.c.object_type == object_type)
        if object_id is not None:
            stmt = stmt.where(table.c.object_id == object_id)
        if actor_key_id is not None:
            stmt = stmt.where(table.c.actor_key_id == actor_key_id)
        if since is not None:
            stmt = stmt.where(table.c.occurred_at >= since)
        if until is not None:
            stmt = stmt.where(table.c.occurred_at < until)
        rows = await mappings(conn, keyset_page(stmt, newest_first, limit, cursor))
        items, next_cursor = split_page(rows, newest_first, limit)
        return json_response(
            AUDIT_ENTRY_JSON.dumps_page(AUDIT_ENTRY_JSON.items(items), next_cursor)
        )

    return router
