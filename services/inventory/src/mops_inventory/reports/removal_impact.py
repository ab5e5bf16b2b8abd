"""`GET /v1/inventory/tools/{tool_id}/removal-impact`: what retiring one tool would break."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    BindParameter,
    Exists,
    Select,
    and_,
    bindparam,
    exists,
    literal,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.integrations.models import Integration
from mops_inventory.reports.repository import LIVE_EDGE, RETIRED
from mops_inventory.reports.schemas import EdgeDirection
from mops_inventory.tools.models import Tool
from mops_shared.kit.db import table_of
from mops_shared.kit.errors import NotFound
from mops_shared.kit.reads import dumps

_tool_table, _integration_table = table_of(Tool), table_of(Integration)
_tools, _integrations = _tool_table.c, _integration_table.c

# The tool itself and its live edges: the same statements for every call, their values bound
# (SQLAlchemy then reuses their compiled form without walking them again).
_TENANT: BindParameter[Any] = bindparam("tenant_id")
_TOOL_ID: BindParameter[Any] = bindparam("tool_id")
_TOOL = select(_tools.name, _tools.status).where(_tools.tenant_id == _TENANT, _tools.id == _TOOL_ID)


def _live_edges() -> Select[Any]:
    """The tool's live integrations, from each end, with the tool at the other end (not
    retired): by the other tool's name, outgoing before incoming."""
    other = _tool_table.alias("other")
    sides = [
        (EdgeDirection.outgoing, _integrations.source_tool_id, _integrations.target_tool_id),
        (EdgeDirection.incoming, _integrations.target_tool_id, _integrations.source_tool_id),
    ]
    edges = union_all(
        *(
            select(
                _integrations.id.label("integration_id"),
                literal(direction.value).label("direction"),
                other.c.id.label("other_id"),
                other.c.name.label("other_name"),
                other.c.name_key.label("other_key"),
                other.c.status.label("other_status"),
                _integrations.data_carried.label("data_carried"),
                _integrations.sync_mode.label("sync_mode"),
            )
            .join_from(_integration_table, other, other.c.id == theirs)
            .where(
                _integrations.tenant_id == _TENANT,
                mine == _TOOL_ID,
                _integrations.status == LIVE_EDGE,
                other.c.tenant_id == _TENANT,
                other.c.status != RETIRED,
            )
            for direction, mine, theirs in sides
        )
    ).subquery()
    return select(edges).order_by(edges.c.other_key, edges.c.other_id, edges.c.direction.desc())


_LIVE_EDGES = _live_edges()


def _impact(
    tool_id: uuid.UUID,
    name: str,
    status: str,
    broken: list[dict[str, Any]],
    isolated: list[dict[str, Any]],
) -> bytes:
    """`ToolRemovalImpact`'s JSON, its fields in its order."""
    return dumps(
        {
            "tool": {"id": tool_id, "name": name},
            "status": status,
            "broken_integration_count": len(broken),
            "broken_integrations": broken,
            "isolated_tools": isolated,
        }
    )


async def removal_impact(conn: AsyncConnection, tenant_id: uuid.UUID, tool_id: uuid.UUID) -> bytes:
    """`ToolRemovalImpact`'s JSON. Three queries, whatever the number of tools: the tool, its
    live edges, the tools only it connects."""
    row = (await conn.execute(_TOOL, {"tenant_id": tenant_id, "tool_id": tool_id})).one_or_none()
    if row is None:
        raise NotFound(f"No tool {tool_id}.")
    name, status = row
    if status == RETIRED:
        return _impact(tool_id, name, status, [], [])

    broken = (await conn.execute(_LIVE_EDGES, {"tenant_id": tenant_id, "tool_id": tool_id})).all()
    # `BrokenIntegration`s as plain dicts, in its field order.
    edges_out = [
        {
            "integration_id": edge.integration_id,
            "direction": edge.direction,
            "other_tool": {"id": edge.other_id, "name": edge.other_name},
            "other_tool_status": edge.other_status,
            "data_carried": list(edge.data_carried),
            "sync_mode": edge.sync_mode,
        }
        for edge in broken
    ]
    if not broken:
        return _impact(tool_id, name, status, edges_out, [])

    # A neighbour is isolated when none of its live edges leads to a tool other than this one.
    neighbour = _tool_table.alias("neighbour")
    elsewhere: list[Exists] = []
    for mine, theirs in (
        (_integrations.source_tool_id, _integrations.target_tool_id),
        (_integrations.target_tool_id, _integrations.source_tool_id),
    ):
        third = _tool_table.alias(f"third_{len(elsewhere)}")
        elsewhere.append(
            exists(
                select(_integrations.id)
                .join_from(_integration_table, third, third.c.id == theirs)
                .where(
                    _integrations.tenant_id == tenant_id,
                    mine == neighbour.c.id,
                    theirs != tool_id,
                    _integrations.status == LIVE_EDGE,
                    third.c.tenant_id == tenant_id,
                    third.c.status != RETIRED,
                )
            )
        )
    isolated = await conn.execute(
        select(neighbour.c.id, neighbour.c.name)
        .where(
            neighbour.c.tenant_id == tenant_id,
            neighbour.c.status != RETIRED,
            neighbour.c.id.in_({edge.other_id for edge in broken}),
            and_(*(~clause for clause in elsewhere)),
        )
        .order_by(neighbour.c.name_key, neighbour.c.id)
    )
    return _impact(
        tool_id, name, status, edges_out, [{"id": i, "name": n} for i, n in isolated.all()]
    )
