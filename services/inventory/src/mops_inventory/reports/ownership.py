"""`GET /v1/inventory/reports/ownership`: which tools each org unit and person answers for.

The org service asks it before deleting a unit (is any tool still owned by it?), to infer where
tool ownership sits, and to measure training coverage: one paged read instead of a call per
unit or person.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.reports import MAX_REPORT_LIMIT, URL_TOO_LONG, ReportLimitQuery
from mops_inventory.tools.models import Tool, ToolOwnerRow
from mops_shared.contracts.reports import ToolOwnershipPage
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, SortOption, keyset_page, split_page

router = APIRouter(tags=["inventory"])

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


@router.get(
    "/v1/inventory/reports/ownership",
    operation_id="inventory_get_ownership_report",
    summary="Tools and who owns them",
    responses={**URL_TOO_LONG, **problem_responses(401, 403, 422)},
)
async def get_ownership_report(
    session: SessionDep,
    principal: PrincipalDep,
    unit_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_OWNER_IDS,
            description=(
                "Only tools with an owner in one of these org units (repeat the parameter, "
                f"at most {MAX_OWNER_IDS})."
            ),
        ),
    ] = None,
    person_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_OWNER_IDS,
            description=(
                "Only tools with one of these org people as an owner (repeat the parameter, "
                f"at most {MAX_OWNER_IDS}). With `unit_id` too, a tool matching either is listed."
            ),
        ),
    ] = None,
    include_retired: Annotated[
        bool, Query(description="Whether retired tools are listed too.")
    ] = True,
    limit: ReportLimitQuery = MAX_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> ToolOwnershipPage:
    """The tenant's tools sorted by name, each with its owners (role, person, unit), a page at a
    time (`limit`, and `cursor` = the previous page's `next_cursor`, asked with the same
    filters). Without filters, every tool is listed, owned or not."""
    return await ownership_report(
        session,
        principal.tenant_id,
        unit_ids=unit_id,
        person_ids=person_id,
        include_retired=include_retired,
        limit=limit,
        cursor=cursor,
    )
