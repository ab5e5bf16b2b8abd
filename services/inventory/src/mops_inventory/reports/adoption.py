"""`GET /v1/inventory/reports/adoption`: seats in use against seats paid for, per tool."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Float, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.contracts.models import Contract
from mops_inventory.reports.repository import (
    latest_usage,
    money_per_tool,
    ranked_sort,
    seats_purchased,
    sum_int,
)
from mops_inventory.tools.models import Tool
from mops_shared.kit.db import among, table_of
from mops_shared.kit.pagination import keyset_page, split_page
from mops_shared.kit.reads import dumps

_contracts, _tools = table_of(Contract).c, table_of(Tool).c


def _per_seat(amount: int, seats: int) -> int:
    """amount / seats to the nearest integer, halves up, in integers (no float rounding)."""
    return (2 * amount + seats) // (2 * seats)


async def adoption_report(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> bytes:
    """`AdoptionReport`'s JSON: a page of tools with their seats, then their costs."""
    purchased = seats_purchased(tenant_id)
    latest = latest_usage(tenant_id, conn.dialect.name)
    active = latest.c.seats
    sort = ranked_sort(
        "utilisation",
        cast(active, Float) / func.nullif(purchased.c.seats, 0),
        _tools.name_key,
        _tools.id,
    )
    page = keyset_page(
        select(
            _tools.id,
            _tools.name,
            _tools.name_key,
            _tools.status,
            purchased.c.seats.label("purchased"),
            active.label("active"),
            latest.c.as_of.label("active_as_of"),
            *sort.columns[:2],
        )
        .outerjoin(purchased, purchased.c.tool_id == _tools.id)
        .outerjoin(latest, latest.c.tool_id == _tools.id)
        .where(
            _tools.tenant_id == tenant_id,
            or_(purchased.c.seats.is_not(None), active.is_not(None)),
        ),
        sort,
        limit,
        cursor,
    )
    tools, next_cursor = split_page((await conn.execute(page)).all(), sort, limit)
    costs = money_per_tool(
        await conn.execute(
            select(
                _contracts.tool_id,
                _contracts.currency,
                sum_int(_contracts.annual_cost_minor),
            )
            .where(among(conn, _contracts.tool_id, [tool.id for tool in tools]))
            .group_by(_contracts.tool_id, _contracts.currency)
        )
    )
    # Plain dicts in the schemas' field order, written straight to JSON: no model per row.
    rows = [_row(tool, costs.get(tool.id, [])) for tool in tools]
    return dumps({"rows": rows, "next_cursor": next_cursor})


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
