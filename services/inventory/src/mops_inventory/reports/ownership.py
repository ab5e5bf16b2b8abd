"""`GET /v1/inventory/reports/ownership`: which tools each org unit and person answers for.

The org service asks it before deleting a unit (is any tool still owned by it?), to infer where
tool ownership sits, and to measure training coverage: one paged read instead of a call per
unit or person.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.tools.models import Tool, ToolOwnerRow
from mops_shared.contracts.reports import ToolOwnershipPage
from mops_shared.kit.pagination import SortOption, keyset_page, split_page

# Enough ids for one batch of the org service's units or people per call.
MAX_OWNER_IDS = 200

_SORT = SortOption("name", (col(Tool.name_key), col(Tool.id)))


async def ownership_report(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    unit_ids: list[uuid.UUID] | None,
    person_ids: list[uuid.UUID] | None,
    include_retired: bool,
    limit: int,
    cursor: str | None,
) -> ToolOwnershipPage:
    tools = select(col(Tool.id), col(Tool.name), col(Tool.status), col(Tool.name_key)).where(
        col(Tool.tenant_id) == tenant_id
    )
    if not include_retired:
        tools = tools.where(col(Tool.status) != "retired")
    if unit_ids or person_ids:
        # Tools with at least one owner row naming one of the units or people asked about.
        matches = []
        if unit_ids:
            matches.append(col(ToolOwnerRow.unit_id).in_(unit_ids))
        if person_ids:
            matches.append(col(ToolOwnerRow.person_id).in_(person_ids))
        owned = select(col(ToolOwnerRow.tool_id)).where(
            col(ToolOwnerRow.tenant_id) == tenant_id, or_(*matches)
        )
        tools = tools.where(col(Tool.id).in_(owned))
    rows, next_cursor = split_page(
        (await session.execute(keyset_page(tools, _SORT, limit, cursor))).all(), _SORT, limit
    )
    owners: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        owner_rows = await session.execute(
            select(
                col(ToolOwnerRow.tool_id),
                col(ToolOwnerRow.role),
                col(ToolOwnerRow.person_id),
                col(ToolOwnerRow.unit_id),
            )
            .where(
                col(ToolOwnerRow.tenant_id) == tenant_id,
                col(ToolOwnerRow.tool_id).in_([row.id for row in rows]),
            )
            .order_by(col(ToolOwnerRow.tool_id), col(ToolOwnerRow.position))
        )
        for tool_id, role, person_id, unit_id in owner_rows:
            owners[tool_id].append({"role": role, "person_id": person_id, "unit_id": unit_id})
    return ToolOwnershipPage.model_validate(
        {
            "items": [
                {
                    "tool_id": row.id,
                    "tool_name": row.name,
                    "tool_status": row.status,
                    "owners": owners.get(row.id, []),
                }
                for row in rows
            ],
            "next_cursor": next_cursor,
        }
    )
