"""`GET /v1/inventory/reports/adoption`: seats in use against seats paid for, per tool."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from sqlalchemy import Float, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.reports import (
    DEFAULT_REPORT_LIMIT,
    ReportLimitQuery,
    latest_usage,
    money_per_tool,
    ranked_sort,
    seats_purchased,
    sum_int,
)
from mops_inventory.reports.schemas import AdoptionReport
from mops_inventory.tools.models import Tool
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, keyset_page, split_page

router = APIRouter(tags=["inventory"])

DESCRIPTION = """\
Per tool with seats — a tool with at least one contract stating `seats_purchased` or at least
one licence-usage row; other tools are not listed:

- `seats_purchased`: the sum of `seats_purchased` over the tool's contracts (`null` when no
  contract states it);
- `seats_active`: the `seats_active` of the tool's **latest** licence-usage row (the greatest
  `as_of`), with its date in `seats_active_as_of`; older rows are history and are not added;
- `utilisation`: seats_active / seats_purchased to 4 decimals (above 1 when more seats are used
  than bought); `null` when either is `null` or seats_purchased is 0;
- `annual_cost`: the sum of the annual cost of the tool's contracts, one entry per currency;
- `cost_per_active_seat`: each of those amounts divided by seats_active, rounded to the nearest
  minor unit (halves up); `null` when seats_active is `null` or 0.

Rows come least used first: utilisation ascending, the tools without one last, then by name;
a page at a time (`limit`, and `cursor` = the previous page's `next_cursor`).
"""


def _per_seat(amount: int, seats: int) -> int:
    """amount / seats to the nearest integer, halves up, in integers (no float rounding)."""
    return (2 * amount + seats) // (2 * seats)


async def adoption_report(
    session: AsyncSession, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> AdoptionReport:
    purchased = seats_purchased(tenant_id)
    latest = latest_usage(tenant_id, session.get_bind().dialect.name)
    active = latest.c.seats
    sort = ranked_sort(
        "utilisation",
        cast(active, Float) / func.nullif(purchased.c.seats, 0),
        col(Tool.name_key),
        col(Tool.id),
    )
    page = keyset_page(
        select(
            col(Tool.id),
            col(Tool.name),
            col(Tool.name_key),
            col(Tool.status),
            purchased.c.seats.label("purchased"),
            active.label("active"),
            latest.c.as_of.label("active_as_of"),
            *sort.columns[:2],
        )
        .outerjoin(purchased, purchased.c.tool_id == col(Tool.id))
        .outerjoin(latest, latest.c.tool_id == col(Tool.id))
        .where(
            col(Tool.tenant_id) == tenant_id,
            or_(purchased.c.seats.is_not(None), active.is_not(None)),
        ),
        sort,
        limit,
        cursor,
    )
    tools, next_cursor = split_page((await session.execute(page)).all(), sort, limit)
    costs = money_per_tool(
        await session.execute(
            select(
                col(Contract.tool_id),
                col(Contract.currency),
                sum_int(col(Contract.annual_cost_minor)),
            )
            .where(col(Contract.tool_id).in_([tool.id for tool in tools]))
            .group_by(col(Contract.tool_id), col(Contract.currency))
        )
    )
    # Plain dicts validated once at the end (in pydantic-core): far cheaper than a model built
    # per row and per amount.
    rows = [_row(tool, costs.get(tool.id, [])) for tool in tools]
    return AdoptionReport.model_validate({"rows": rows, "next_cursor": next_cursor})


def _row(row: Any, annual_cost: list[dict[str, Any]]) -> dict[str, Any]:
    purchased: int | None = row.purchased
    active: int | None = row.active
    return {
        "tool_id": row.id,
        "tool_name": row.name,
        "tool_status": row.status,
        "seats_purchased": purchased,
        "seats_active": active,
        "seats_active_as_of": row.active_as_of,
        "utilisation": round(active / purchased, 4) if active is not None and purchased else None,
        "annual_cost": annual_cost,
        "cost_per_active_seat": [
            {"amount_minor": _per_seat(m["amount_minor"], active), "currency": m["currency"]}
            for m in annual_cost
        ]
        if active
        else None,
    }


@router.get(
    "/v1/inventory/reports/adoption",
    operation_id="inventory_get_adoption_report",
    summary="Seats active against seats purchased, and cost per active seat, per tool",
    description=DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_adoption_report(
    session: SessionDep,
    principal: PrincipalDep,
    limit: ReportLimitQuery = DEFAULT_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> AdoptionReport:
    return await adoption_report(session, principal.tenant_id, limit=limit, cursor=cursor)
