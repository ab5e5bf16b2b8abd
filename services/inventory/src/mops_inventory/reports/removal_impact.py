"""`GET /v1/inventory/tools/{tool_id}/removal-impact`: what retiring one tool would break."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, exists, literal, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from mops_inventory.integrations.models import Integration
from mops_inventory.integrations.schemas import SyncMode
from mops_inventory.reports.repository import LIVE_EDGE, RETIRED
from mops_inventory.reports.schemas import (
    BrokenIntegration,
    EdgeDirection,
    StackToolRef,
    ToolRemovalImpact,
)
from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.kit.errors import NotFound


async def removal_impact(
    session: AsyncSession, tenant_id: uuid.UUID, tool_id: uuid.UUID
) -> ToolRemovalImpact:
    """Three queries, whatever the number of tools: the tool, its live edges, the tools only it
    connects."""
    row = (
        await session.execute(
            select(col(Tool.name), col(Tool.status)).where(
                col(Tool.tenant_id) == tenant_id, col(Tool.id) == tool_id
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound(f"No tool {tool_id}.")
    name, status = row
    impact = ToolRemovalImpact(
        tool=StackToolRef(id=tool_id, name=name),
        status=ToolStatus(status),
        broken_integration_count=0,
        broken_integrations=[],
        isolated_tools=[],
    )
    if status == RETIRED:
        return impact

    other = aliased(Tool)
    sides = [
        (EdgeDirection.outgoing, Integration.source_tool_id, Integration.target_tool_id),
        (EdgeDirection.incoming, Integration.target_tool_id, Integration.source_tool_id),
    ]
    edges = union_all(
        *(
            select(
                col(Integration.id).label("integration_id"),
                literal(direction.value).label("direction"),
                col(other.id).label("other_id"),
                col(other.name).label("other_name"),
                col(other.name_key).label("other_key"),
                col(other.status).label("other_status"),
                col(Integration.data_carried).label("data_carried"),
                col(Integration.sync_mode).label("sync_mode"),
            )
            .join(other, col(other.id) == col(theirs))
            .where(
                col(Integration.tenant_id) == tenant_id,
                col(mine) == tool_id,
                col(Integration.status) == LIVE_EDGE,
                col(other.tenant_id) == tenant_id,
                col(other.status) != RETIRED,
            )
            for direction, mine, theirs in sides
        )
    ).subquery()
    broken = (
        await session.execute(
            select(edges).order_by(edges.c.other_key, edges.c.other_id, edges.c.direction.desc())
        )
    ).all()
    impact.broken_integrations = [
        BrokenIntegration(
            integration_id=edge.integration_id,
            direction=EdgeDirection(edge.direction),
            other_tool=StackToolRef(id=edge.other_id, name=edge.other_name),
            other_tool_status=ToolStatus(edge.other_status),
            data_carried=list(edge.data_carried),
            sync_mode=SyncMode(edge.sync_mode),
        )
        for edge in broken
    ]
    impact.broken_integration_count = len(impact.broken_integrations)
    if not broken:
        return impact

    # A neighbour is isolated when none of its live edges leads to a tool other than this one.
    neighbour = aliased(Tool)
    elsewhere = []
    for mine, theirs in (
        (Integration.source_tool_id, Integration.target_tool_id),
        (Integration.target_tool_id, Integration.source_tool_id),
    ):
        third = aliased(Tool)
        elsewhere.append(
            exists(
                select(col(Integration.id))
                .join(third, col(third.id) == col(theirs))
                .where(
                    col(Integration.tenant_id) == tenant_id,
                    col(mine) == col(neighbour.id),
                    col(theirs) != tool_id,
                    col(Integration.status) == LIVE_EDGE,
                    col(third.tenant_id) == tenant_id,
                    col(third.status) != RETIRED,
                )
            )
        )
    isolated = await session.execute(
        select(col(neighbour.id), col(neighbour.name))
        .where(
            col(neighbour.tenant_id) == tenant_id,
            col(neighbour.status) != RETIRED,
            col(neighbour.id).in_({edge.other_id for edge in broken}),
            and_(*(~clause for clause in elsewhere)),
        )
        .order_by(col(neighbour.name_key), col(neighbour.id))
    )
    impact.isolated_tools = [StackToolRef(id=i, name=n) for i, n in isolated.all()]
    return impact
