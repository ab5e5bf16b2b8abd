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
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.tools.models import Tool, ToolOwnerRow
from mops_shared.kit.db import among, table_of
from mops_shared.kit.pagination import SortOption, keyset_page, split_page
from mops_shared.kit.reads import dumps

# Enough ids for one batch of the org service's units or people per call.
MAX_OWNER_IDS = 200

_tools, _owners = table_of(Tool).c, table_of(ToolOwnerRow).c
_SORT = SortOption("name", (_tools.name_key, _tools.id))


async def ownership_report(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    unit_ids: list[uuid.UUID] | None,
    person_ids: list[uuid.UUID] | None,
    include_retired: bool,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`ToolOwnershipPage`'s JSON: a page of tools, then their owners."""
    tools = select(_tools.id, _tools.name, _tools.status, _tools.name_key).where(
        _tools.tenant_id == tenant_id
    )
    if not include_retired:
        tools = tools.where(_tools.status != "retired")
    if unit_ids or person_ids:
        # Tools with at least one owner row naming one of the units or people asked about.
        matches = []
        if unit_ids:
            matches.append(_owners.unit_id.in_(unit_ids))
        if person_ids:
            matches.append(_owners.person_id.in_(person_ids))
        owned = select(_owners.tool_id).where(_owners.tenant_id == tenant_id, or_(*matches))
        tools = tools.where(_tools.id.in_(owned))
    rows, next_cursor = split_page(
        (await conn.execute(keyset_page(tools, _SORT, limit, cursor))).all(), _SORT, limit
    )
    # `ToolOwner`s as plain dicts, in its field order.
    owners: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        owner_rows = await conn.execute(
            select(_owners.tool_id, _owners.role, _owners.person_id, _owners.unit_id)
            .where(
                _owners.tenant_id == tenant_id,
                among(conn, _owners.tool_id, [row.id for row in rows]),
            )
            .order_by(_owners.tool_id, _owners.position)
        )
        for tool_id, role, person_id, unit_id in owner_rows:
            owners[tool_id].append({"role": role, "person_id": person_id, "unit_id": unit_id})
    return dumps(
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
