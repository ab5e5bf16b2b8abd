"""Use cases on tools; each validates everything first, then writes and commits once.

Owner units and owner people are checked with the org service (one batched call each) before
anything is written: if the org service cannot be asked, the write fails with 503 and nothing
is stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.custom_fields.service import check_custom_fields
from mops_inventory.db import writes
from mops_inventory.integrations import service as integrations_service
from mops_inventory.tools import repository
from mops_inventory.tools.models import Tool, ToolStatusChange
from mops_inventory.tools.schemas import (
    StatusChange,
    StatusHistory,
    ToolCreate,
    ToolSort,
    ToolUpdate,
)
from mops_shared.contracts.clients import OrgClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.inventory import ToolOwner, ToolRead, ToolStatus
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, found
from mops_shared.kit.outbox import record_event
from mops_shared.kit.pagination import resolve_sort
from mops_shared.kit.reads import WireJSON
from mops_shared.kit.writes import snapshot


async def to_reads(session: AsyncSession, tools: Sequence[Tool]) -> list[ToolRead]:
    """Wire models for many tools: capabilities and owners in one query each, not per tool."""
    ids = [tool.id for tool in tools]
    capabilities = await repository.capabilities_of(session, ids)
    owners = await repository.owners_of(session, ids)
    return [
        ToolRead.model_validate(
            {
                **{
                    c: getattr(tool, c)
                    for c in Tool.model_fields
                    if c not in ("tenant_id", "name_key")
                },
                "capabilities": capabilities.get(tool.id, []),
                "owners": owners.get(tool.id, []),
            }
        )
        for tool in tools
    ]


async def _check_references(
    session: AsyncSession,
    principal: Principal,
    org: OrgClient,
    *,
    category_id: uuid.UUID | None,
    owners: Sequence[ToolOwner],
) -> None:
    errors: list[ProblemFieldError] = []
    if category_id is not None and not await repository.category_exists(
        session, principal.tenant_id, category_id
    ):
        errors.append(
            ProblemFieldError(
                location=ProblemLocation.body,
                pointer="/category_id",
                detail="no category with this id",
            )
        )
    unit_ids = {owner.unit_id for owner in owners if owner.unit_id is not None}
    if unit_ids:
        known = await org.get_units(principal, unit_ids)
        for index, owner in enumerate(owners):
            if owner.unit_id is not None and owner.unit_id not in known:
                errors.append(
                    ProblemFieldError(
                        location=ProblemLocation.body,
                        pointer=f"/owners/{index}/unit_id",
                        detail="no unit with this id in the org service",
                    )
                )
    person_ids = {owner.person_id for owner in owners if owner.person_id is not None}
    if person_ids:
        people = await org.get_people(principal, person_ids)
        for index, owner in enumerate(owners):
            if owner.person_id is not None and owner.person_id not in people:
                errors.append(
                    ProblemFieldError(
                        location=ProblemLocation.body,
                        pointer=f"/owners/{index}/person_id",
                        detail="no person with this id in the org service",
                    )
                )
    if errors:
        raise ValidationFailed("; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors)


async def create_tool(
    session: AsyncSession, principal: Principal, org: OrgClient, data: ToolCreate
) -> ToolRead:
    tenant_id = principal.tenant_id
    key = name_key(data.name)
    if await repository.name_taken(session, tenant_id, key):
        raise Conflict(f"A tool named {data.name!r} already exists.")
    await _check_references(
        session, principal, org, category_id=data.category_id, owners=data.owners
    )
    await check_custom_fields(session, tenant_id, data.custom_fields)
    now = utcnow()
    tool = Tool(
        tenant_id=tenant_id,
        name=data.name,
        name_key=key,
        vendor=data.vendor,
        category_id=data.category_id,
        description=data.description,
        usage_notes=data.usage_notes,
        status=data.status.value,
        status_changed_at=now,
        shares_data_with_core=data.shares_data_with_core,
        processes_personal_data=data.processes_personal_data,
        personal_data_categories=list(data.personal_data_categories),
        website=str(data.website) if data.website else None,
        tags=list(data.tags),
        custom_fields=dict(data.custom_fields),
        in_use_since=data.in_use_since,
        created_at=now,
        updated_at=now,
    )
    session.add(tool)
    await _flush_or_conflict(session, data.name)  # a concurrent create may have won the name
    await repository.set_capabilities(session, tenant_id, tool.id, data.capabilities)
    await repository.set_owners(session, tenant_id, tool.id, data.owners)
    session.add(
        ToolStatusChange(
            tenant_id=tenant_id,
            tool_id=tool.id,
            from_status=None,
            to_status=tool.status,
            changed_at=now,
            actor_key_id=principal.key_id,
        )
    )
    await session.flush()
    (read,) = await to_reads(session, [tool])
    await writes.record_change(
        session,
        principal,
        action="create",
        object_type="tool",
        object_id=tool.id,
        before=None,
        after=snapshot(read),
        event="tool.created",
    )
    await _commit_or_conflict(session, data.name)
    return read


async def _commit_or_conflict(session: AsyncSession, name: str) -> None:
    try:
        await session.commit()
    except IntegrityError as exc:  # a concurrent write won the race for the name
        await session.rollback()
        raise Conflict(f"A tool named {name!r} already exists.") from exc


async def _flush_or_conflict(session: AsyncSession, name: str) -> None:
    """Flushes the tool row; the unique name index, not only our check, decides a race."""
    try:
        await session.flush()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A tool named {name!r} already exists.") from exc


async def _get(session: AsyncSession, principal: Principal, tool_id: uuid.UUID) -> Tool:
    tool = found(
        await repository.get_by_id(session, principal.tenant_id, tool_id), f"No tool {tool_id}."
    )
    return tool


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

TOOL_JSON = WireJSON(ToolRead)


async def read_tool(
    conn: AsyncConnection, principal: Principal, tool_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's tool as `ToolRead`'s JSON, with its version (for the ETag): one statement,
    its capabilities and owners read with it."""
    row = found(
        await repository.tool_row(conn, principal.tenant_id, tool_id), f"No tool {tool_id}."
    )
    return TOOL_JSON.dumps(TOOL_JSON.item(row)), int(row["version"])


async def read_tools(
    conn: AsyncConnection, principal: Principal, *, sort: ToolSort, **query: Any
) -> bytes:
    """`list_tools`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn, principal.tenant_id, sort=resolve_sort(repository.TOOL_SORTS, sort), **query
    )
    return TOOL_JSON.dumps_page(TOOL_JSON.items(rows), next_cursor)


async def update_tool(
    session: AsyncSession,
    principal: Principal,
    org: OrgClient,
    tool_id: uuid.UUID,
    data: ToolUpdate,
    if_match: str | None,
) -> ToolRead:
    changes = data.model_dump(exclude_unset=True)
    status_changed = False

    async def apply(tool: Tool, before: ToolRead, now: datetime) -> bool:
        nonlocal status_changed
        for required in ("name", "status", "processes_personal_data"):
            if required in changes and changes[required] is None:
                raise ValidationFailed.at(
                    ProblemLocation.body, f"/{required}", f"{required} cannot be null"
                )
        if _changes_nothing(data, before):
            # A PATCH that states what the tool already is changes nothing: same version and
            # ETag, no audit entry, no event (so retries and syncs stay quiet).
            return False
        if "name" in changes:
            key = name_key(data.name or "")
            if await repository.name_taken(session, principal.tenant_id, key, except_id=tool.id):
                raise Conflict(f"A tool named {data.name!r} already exists.")
            tool.name, tool.name_key = data.name or "", key
        await _check_references(
            session,
            principal,
            org,
            category_id=data.category_id if "category_id" in changes else None,
            owners=data.owners or [],
        )
        status_changed = data.status is not None and data.status.value != tool.status
        if status_changed:
            assert data.status is not None
            session.add(
                ToolStatusChange(
                    tenant_id=principal.tenant_id,
                    tool_id=tool.id,
                    from_status=tool.status,
                    to_status=data.status.value,
                    changed_at=now,
                    actor_key_id=principal.key_id,
                )
            )
            tool.status, tool.status_changed_at = data.status.value, now
        for field in (
            "vendor",
            "category_id",
            "description",
            "usage_notes",
            "shares_data_with_core",
            "processes_personal_data",
            "in_use_since",
        ):
            if field in changes:
                setattr(tool, field, getattr(data, field))
        # Lists are never null: `null` clears them, as it does capabilities and owners below.
        if "personal_data_categories" in changes:
            tool.personal_data_categories = list(data.personal_data_categories or [])
        if "tags" in changes:
            tool.tags = list(data.tags or [])
        if "custom_fields" in changes:
            await check_custom_fields(session, principal.tenant_id, data.custom_fields or {})
            tool.custom_fields = dict(data.custom_fields or {})
        if "website" in changes:
            tool.website = str(data.website) if data.website else None
        return True

    async def finish(tool: Tool) -> ToolRead:
        if "capabilities" in changes:
            await repository.set_capabilities(
                session, principal.tenant_id, tool.id, data.capabilities or []
            )
        if "owners" in changes:
            await repository.set_owners(session, principal.tenant_id, tool.id, data.owners or [])
        await session.flush()
        return await _read(tool)

    async def also(before: ToolRead, after: ToolRead) -> None:
        if not status_changed:
            return
        await record_event(
            session,
            writes.outbox,
            principal,
            "tool.status_changed",
            {"id": str(after.id), "from": before.status.value, "to": after.status.value},
        )
        if after.status == ToolStatus.retired:
            # The event subscribers most often want on its own: a tool left the stack.
            await record_event(
                session, writes.outbox, principal, "tool.retired", after.model_dump(mode="json")
            )

    async def conflict(before: ToolRead) -> Exception:
        # A concurrent write won the race for the name.
        return Conflict(f"A tool named {data.name or before.name!r} already exists.")

    async def _read(tool: Tool) -> ToolRead:
        (read,) = await to_reads(session, [tool])
        return read

    return await writes.update_versioned(
        session,
        principal,
        what="tool",
        object_type="tool",
        event="tool.updated",
        if_match=if_match,
        load=lambda: _get(session, principal, tool_id),
        read=_read,
        apply=apply,
        finish=finish,
        also=also,
        conflict=conflict,
    )


def _changes_nothing(data: ToolUpdate, before: ToolRead) -> bool:
    proposed = data.model_dump(mode="json", exclude_unset=True)
    current = before.model_dump(mode="json")
    for field, value in proposed.items():
        if (
            field in ("capabilities", "owners", "tags", "personal_data_categories")
            and value is None
        ):
            value = []  # `null` clears a list
        if field == "custom_fields" and value is None:
            value = {}
        if field == "capabilities":
            if [name_key(c) for c in value] != [name_key(c) for c in current[field]]:
                return False
        elif value != current.get(field):
            return False
    return True


async def delete_tool(
    session: AsyncSession, principal: Principal, tool_id: uuid.UUID, if_match: str | None
) -> None:
    async def read(tool: Tool) -> ToolRead:
        (before,) = await to_reads(session, [tool])
        return before

    async def prepare(tool: Tool, before: ToolRead) -> None:
        # The database removes the tool's integrations with it; their removal is recorded too.
        edges = await integrations_service.edges_of_tool(session, principal.tenant_id, tool.id)
        await integrations_service.record_removals(session, principal, edges)

    await writes.delete_versioned(
        session,
        principal,
        what="tool",
        object_type="tool",
        event="tool.deleted",
        if_match=if_match,
        load=lambda: _get(session, principal, tool_id),
        read=read,
        prepare=prepare,
        data=lambda before: {"id": str(before.id), "name": before.name},
    )


STATUS_CHANGE_JSON = WireJSON(StatusChange)
STATUS_HISTORY_JSON = WireJSON(StatusHistory)


async def read_status_history(
    conn: AsyncConnection, principal: Principal, tool_id: uuid.UUID
) -> bytes:
    """`StatusHistory`'s JSON: the tenant's tool's status changes, oldest first."""
    if not await repository.tool_exists(conn, principal.tenant_id, tool_id):
        raise NotFound(f"No tool {tool_id}.")
    changes = STATUS_CHANGE_JSON.items(await repository.status_change_rows(conn, tool_id))
    return STATUS_HISTORY_JSON.dumps(STATUS_HISTORY_JSON.item({}, tool_id=tool_id, changes=changes))


# What the other domains (contracts, licences, outcomes, scenarios, imports) read and write of
# tools: through this service, never the tools' repository, so its queries stay its own.
capabilities_of = repository.capabilities_of
capability_names_of = repository.capability_names_of  # on a read connection
tool_exists = repository.tool_exists  # on a read connection
owners_of = repository.owners_of
ensure_capabilities = repository.ensure_capabilities
set_capabilities = repository.set_capabilities
set_owners = repository.set_owners


async def find_tool(session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID) -> Tool | None:
    """The tenant's tool, or `None` (another tenant's tool is as absent as one never made)."""
    return await repository.get_by_id(session, tenant_id, tool_id)
