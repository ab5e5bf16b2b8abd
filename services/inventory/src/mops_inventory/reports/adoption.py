"""`GET /v1/inventory/reports/adoption`: seats in use against seats paid for, per tool."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Float, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.reports.repository import (
    latest_usage,
    money_per_tool,
    ranked_sort,
    seats_purchased,
    sum_int,
)
from mops_inventory.reports.schemas import AdoptionReport
from mops_inventory.tools.models import Tool
from mops_shared.kit.pagination import keyset_page, split_page


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
