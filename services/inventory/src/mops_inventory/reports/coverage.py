"""`GET /v1/inventory/reports/integration-coverage`: how the stack is wired, and to its core."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    false,
    func,
    select,
    true,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.reports.repository import (
    ACTIVE,
    live_neighbours,
)
from mops_inventory.reports.schemas import CORE_CAPABILITY, CoreToolsChosenBy
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.contracts.common import name_key
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.db import table_of
from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import dumps

MAX_CORE_TOOLS = 100

_tool_caps, _capability_table = table_of(ToolCapability), table_of(Capability)
_tools = table_of(Tool).c
_SORT = SortOption("name", (_tools.name_key, _tools.id))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


async def _core_tools(
    conn: AsyncConnection, tenant_id: uuid.UUID, requested: list[uuid.UUID] | None
) -> list[dict[str, Any]]:
    """The core tools as `StackToolRef`s (plain dicts, in its field order)."""
    stmt = select(_tools.id, _tools.name).where(_tools.tenant_id == tenant_id)
    if requested is None:
        stmt = stmt.where(
            _tools.status == ACTIVE,
            _tools.id.in_(
                select(_tool_caps.c.tool_id)
                .join(_capability_table, _capability_table.c.id == _tool_caps.c.capability_id)
                .where(
                    _capability_table.c.tenant_id == tenant_id,
                    _capability_table.c.name_key == name_key(CORE_CAPABILITY),
                )
            ),
        )
    else:
        stmt = stmt.where(_tools.id.in_(set(requested)))
    rows = await conn.execute(stmt.order_by(_tools.name_key, _tools.id))
    found = [{"id": tool_id, "name": name} for tool_id, name in rows.all()]
    if requested is not None:
        known = {tool["id"] for tool in found}
        errors = [
            ProblemFieldError(
                location=ProblemLocation.query,
                pointer=f"/core_tool_id/{i}",
                detail="no tool with this id",
            )
            for i, tool_id in enumerate(requested)
            if tool_id not in known
        ]
        if errors:
            raise ValidationFailed(
                "; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors
            )
    return found


async def coverage_report(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    requested: list[uuid.UUID] | None,
    *,
    limit: int,
    cursor: str | None = None,
) -> bytes:
    """`IntegrationCoverageReport`'s JSON. Three queries, whatever the number of tools: the
    core tools, the counts over every active tool, and one page of active tools with their
    flags."""
    core = await _core_tools(conn, tenant_id, requested)
    core_ids = {tool["id"] for tool in core}
    # The tools listed are active, hence not retired: only the other end needs checking.
    live = live_neighbours(tenant_id)
    integrated = _tools.id.in_(select(live.c.tool_id))
    connected: ColumnElement[bool] = (
        _tools.id.in_(select(live.c.tool_id).where(live.c.other_id.in_(list(core_ids))))
        if core_ids
        else false()
    )
    non_core: ColumnElement[bool] = _tools.id.not_in(list(core_ids)) if core_ids else true()
    shares = _tools.shares_data_with_core
    active_tools = (_tools.tenant_id == tenant_id, _tools.status == ACTIVE)

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    counts = (
        await conn.execute(
            select(
                func.count().label("active"),
                count(integrated).label("integrated"),
                count(non_core).label("non_core"),
                count(and_(non_core, connected)).label("connected"),
                count(shares.is_(False)).label("not_sharing"),
                count(shares.is_(None)).label("unknown"),
            ).where(*active_tools)
        )
    ).one()
    page = keyset_page(
        select(
            _tools.id,
            _tools.name,
            _tools.name_key,
            shares,
            integrated.label("integrated"),
            connected.label("connected"),
        ).where(*active_tools),
        _SORT,
        limit,
        cursor,
    )
    rows, next_cursor = split_page((await conn.execute(page)).all(), _SORT, limit)
    not_integrated: list[dict[str, Any]] = []
    not_connected: list[dict[str, Any]] = []
    not_sharing: list[dict[str, Any]] = []
    unknown: list[dict[str, Any]] = []
    for row in rows:
        ref = {"id": row.id, "name": row.name}
        if not row.integrated:
            not_integrated.append(ref)
        if row.id not in core_ids and not row.connected:
            not_connected.append(ref)
        if row.shares_data_with_core is None:
            unknown.append(ref)
        elif not row.shares_data_with_core:
            not_sharing.append(ref)
    active, non_core_count = int(counts.active), int(counts.non_core)
    return dumps(
        {
            "core_tools": core,
            "core_tools_chosen_by": (
                CoreToolsChosenBy.capability if requested is None else CoreToolsChosenBy.request
            ).value,
            "active_tool_count": active,
            "integrated_tool_count": int(counts.integrated),
            "integrated_share": _share(int(counts.integrated), active),
            "non_core_active_tool_count": non_core_count,
            "connected_to_core_count": int(counts.connected),
            "connected_to_core_share": _share(int(counts.connected), non_core_count),
            "not_sharing_data_with_core_count": int(counts.not_sharing),
            "core_data_sharing_unknown_count": int(counts.unknown),
            "not_integrated": not_integrated,
            "not_connected_to_core": not_connected,
            "not_sharing_data_with_core": not_sharing,
            "core_data_sharing_unknown": unknown,
            "next_cursor": next_cursor,
        }
    )
