"""Use cases on integrations; each validates everything first, then writes and commits once."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.db import writes
from mops_inventory.integrations import repository
from mops_inventory.integrations.models import Integration
from mops_inventory.integrations.schemas import (
    IntegrationCreate,
    IntegrationRead,
    IntegrationSort,
    IntegrationUpdate,
)
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, found
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.pagination import resolve_sort
from mops_shared.kit.reads import WireJSON
from mops_shared.kit.writes import snapshot


def _read(integration: Integration, names: dict[uuid.UUID, str]) -> IntegrationRead:
    return IntegrationRead.model_validate(
        {
            **{c: getattr(integration, c) for c in Integration.model_fields if c != "tenant_id"},
            "source_tool_name": names[integration.source_tool_id],
            "target_tool_name": names[integration.target_tool_id],
        }
    )


async def to_reads(
    session: AsyncSession, tenant_id: uuid.UUID, integrations: Sequence[Integration]
) -> list[IntegrationRead]:
    """Wire models for many edges: the tools' names in one query for all, not per edge.

    An edge whose tool was deleted between the two queries is gone too (the deletion cascades),
    so it is left out rather than shown with a name that no longer exists.
    """
    ids = {i.source_tool_id for i in integrations} | {i.target_tool_id for i in integrations}
    names = await repository.tool_names(session, tenant_id, ids)
    return [
        _read(i, names)
        for i in integrations
        if i.source_tool_id in names and i.target_tool_id in names
    ]


async def create_integration(
    session: AsyncSession, principal: Principal, data: IntegrationCreate
) -> IntegrationRead:
    tenant_id = principal.tenant_id
    if data.source_tool_id == data.target_tool_id:
        raise ValidationFailed.at(
            ProblemLocation.body, "/target_tool_id", "a tool cannot integrate with itself"
        )
    names = await repository.tool_names(
        session, tenant_id, {data.source_tool_id, data.target_tool_id}
    )
    errors = [
        ProblemFieldError(
            location=ProblemLocation.body, pointer=f"/{field}", detail="no tool with this id"
        )
        for field, tool_id in (
            ("source_tool_id", data.source_tool_id),
            ("target_tool_id", data.target_tool_id),
        )
        if tool_id not in names
    ]
    if errors:
        raise ValidationFailed("; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors)
    source, target = names[data.source_tool_id], names[data.target_tool_id]
    duplicate = f"An integration from {source!r} to {target!r} already exists."
    if await repository.edge_exists(session, tenant_id, data.source_tool_id, data.target_tool_id):
        raise Conflict(duplicate)
    now = utcnow()
    integration = Integration(
        tenant_id=tenant_id,
        source_tool_id=data.source_tool_id,
        target_tool_id=data.target_tool_id,
        data_carried=list(data.data_carried),
        sync_mode=data.sync_mode.value,
        status=data.status.value,
        notes=data.notes,
        created_at=now,
        updated_at=now,
    )
    session.add(integration)
    try:
        await session.flush()
        read = _read(integration, names)
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="integration",
            object_id=integration.id,
            before=None,
            after=snapshot(read),
            event="integration.created",
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        if await repository.edge_exists(
            session, tenant_id, data.source_tool_id, data.target_tool_id
        ):  # a concurrent request created the same edge first
            raise Conflict(duplicate) from exc
        raise Conflict("One of the two tools was deleted meanwhile; nothing was stored.") from exc
    return read


async def _get(
    session: AsyncSession, principal: Principal, integration_id: uuid.UUID
) -> tuple[Integration, IntegrationRead]:
    integration = await repository.get_by_id(session, principal.tenant_id, integration_id)
    reads = (
        [] if integration is None else await to_reads(session, principal.tenant_id, [integration])
    )
    if integration is None or not reads:
        raise NotFound(f"No integration {integration_id}.")
    return integration, reads[0]


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

INTEGRATION_JSON = WireJSON(IntegrationRead)


async def read_integration(
    conn: AsyncConnection, principal: Principal, integration_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's edge as `IntegrationRead`'s JSON, with its version (for the ETag)."""
    row = found(
        await repository.edge_row(conn, principal.tenant_id, integration_id),
        f"No integration {integration_id}.",
    )
    return INTEGRATION_JSON.dumps(INTEGRATION_JSON.item(row)), int(row["version"])


async def read_integrations(
    conn: AsyncConnection, principal: Principal, *, sort: IntegrationSort, **query: Any
) -> bytes:
    """`list_integrations`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=resolve_sort(repository.INTEGRATION_SORTS, sort),
        **query,
    )
    return INTEGRATION_JSON.dumps_page(INTEGRATION_JSON.items(rows), next_cursor)


async def update_integration(
    session: AsyncSession,
    principal: Principal,
    integration_id: uuid.UUID,
    data: IntegrationUpdate,
    if_match: str | None,
) -> IntegrationRead:
    integration, before = await _get(session, principal, integration_id)
    check_if_match(if_match, integration.version)
    changes = data.model_dump(exclude_unset=True)
    for required in ("data_carried", "sync_mode", "status"):
        if required in changes and changes[required] is None:
            raise ValidationFailed.at(
                ProblemLocation.body, f"/{required}", f"{required} cannot be null"
            )
    if data.data_carried is not None:
        integration.data_carried = list(data.data_carried)
    if data.sync_mode is not None:
        integration.sync_mode = data.sync_mode.value
    if data.status is not None:
        integration.status = data.status.value
    if "notes" in changes:
        integration.notes = data.notes
    integration.version += 1
    integration.updated_at = utcnow()
    await session.flush()
    names = {
        integration.source_tool_id: before.source_tool_name,
        integration.target_tool_id: before.target_tool_name,
    }
    after = _read(integration, names)
    await writes.record_change(
        session,
        principal,
        action="update",
        object_type="integration",
        object_id=integration.id,
        before=snapshot(before),
        after=snapshot(after),
        event="integration.updated",
    )
    await session.commit()
    return after


async def delete_integration(
    session: AsyncSession, principal: Principal, integration_id: uuid.UUID, if_match: str | None
) -> None:
    integration, before = await _get(session, principal, integration_id)
    check_if_match(if_match, integration.version)
    await session.delete(integration)
    await record_removals(session, principal, [before])
    await session.commit()


async def edges_of_tool(
    session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID
) -> list[IntegrationRead]:
    """Every edge touching a tool, either direction (those its deletion takes with it)."""
    edges = await repository.touching_tool(session, tenant_id, tool_id)
    return await to_reads(session, tenant_id, edges)


async def record_removals(
    session: AsyncSession, principal: Principal, removed: Sequence[IntegrationRead]
) -> None:
    """An audit entry and an `integration.deleted` event for each edge removed, in the caller's
    transaction (whether it went alone or with one of its tools)."""
    for edge in removed:
        await writes.record_change(
            session,
            principal,
            action="delete",
            object_type="integration",
            object_id=edge.id,
            before=snapshot(edge),
            after=None,
            event="integration.deleted",
            data={
                "id": str(edge.id),
                "source_tool_id": str(edge.source_tool_id),
                "target_tool_id": str(edge.target_tool_id),
            },
        )
