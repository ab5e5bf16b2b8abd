"""`GET /v1/inventory/reports/returns`: what each tool returned over a period against its cost."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Float, and_, case, cast, distinct, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.contracts.models import Contract
from mops_inventory.outcomes.models import Outcome
from mops_inventory.reports.repository import (
    money_per_tool,
    ranked_sort,
    sum_int,
)
from mops_inventory.reports.schemas import RETURNS_DAYS
from mops_inventory.tools.models import Tool
from mops_shared.contracts.outcomes import OutcomeKind
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.db import among, table_of
from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import keyset_page, split_page
from mops_shared.kit.reads import dumps

KINDS = tuple(kind.value for kind in OutcomeKind)

_contracts, _outcomes, _tools = table_of(Contract).c, table_of(Outcome).c, table_of(Tool).c


def period(since: date | None, until: date | None) -> tuple[date, date]:
    """The days the report covers: `until` defaults to today (UTC), `since` to the
    RETURNS_DAYS days up to `until` (from the first day there is, near year 1)."""
    last = until or datetime.now(UTC).date()
    if since is not None:
        first = since
    elif last.toordinal() > RETURNS_DAYS:
        first = last - timedelta(days=RETURNS_DAYS - 1)
    else:
        first = date.min
    if first > last:
        raise ValidationFailed.at(
            ProblemLocation.query, "/since", f"since ({first}) is after until ({last})"
        )
    return first, last


async def returns_report(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    since: date,
    until: date,
    *,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`ReturnsReport`'s JSON: a page of tools with their ratio and outcome counts, then
    their revenue and costs per currency."""
    start = datetime.combine(since, time(), tzinfo=UTC)
    in_period = and_(_outcomes.tenant_id == tenant_id, _outcomes.occurred_at >= start)
    if until < date.max:
        end = datetime.combine(until + timedelta(days=1), time(), tzinfo=UTC)
        in_period = and_(in_period, _outcomes.occurred_at < end)
    is_revenue = and_(
        _outcomes.kind == OutcomeKind.revenue.value,
        _outcomes.amount_minor.is_not(None),
        _outcomes.currency.is_not(None),
    )

    # Per tool, summaries enough to decide the ratio in SQL (and sort on it): how many
    # currencies, which one when there is one, and the amount then.
    cost = (
        select(
            _contracts.tool_id.label("tool_id"),
            func.count(distinct(_contracts.currency)).label("currencies"),
            func.min(_contracts.currency).label("currency"),
            sum_int(_contracts.annual_cost_minor).label("amount"),
        )
        .where(_contracts.tenant_id == tenant_id)
        .group_by(_contracts.tool_id)
        .subquery("cost")
    )
    # One pass over the period's outcomes: the counts per kind, one column per kind, and the
    # revenue summaries (CASE without ELSE is NULL, which the aggregates skip).
    revenue_currency = case((is_revenue, _outcomes.currency))
    measured = (
        select(
            _outcomes.tool_id.label("tool_id"),
            *(
                sum_int(case((_outcomes.kind == kind.value, _outcomes.quantity), else_=0)).label(
                    kind.value
                )
                for kind in OutcomeKind
            ),
            func.count(distinct(revenue_currency)).label("revenue_currencies"),
            func.min(revenue_currency).label("revenue_currency"),
            sum_int(case((is_revenue, _outcomes.amount_minor))).label("revenue_amount"),
        )
        .where(in_period)
        .group_by(_outcomes.tool_id)
        .subquery("measured")
    )
    ratio = case(
        (
            and_(
                cost.c.currencies == 1,
                cost.c.amount > 0,
                or_(
                    func.coalesce(measured.c.revenue_currencies, 0) == 0,
                    and_(
                        measured.c.revenue_currencies == 1,
                        measured.c.revenue_currency == cost.c.currency,
                    ),
                ),
            ),
            cast(func.coalesce(measured.c.revenue_amount, 0), Float) / cast(cost.c.amount, Float),
        ),
        else_=None,
    )
    sort = ranked_sort("return_ratio", ratio, _tools.name_key, _tools.id)
    page = keyset_page(
        select(
            _tools.id,
            _tools.name,
            _tools.name_key,
            _tools.status,
            ratio.label("ratio"),
            *sort.columns[:2],
            *(measured.c[kind.value] for kind in OutcomeKind),
        )
        .outerjoin(cost, cost.c.tool_id == _tools.id)
        .outerjoin(measured, measured.c.tool_id == _tools.id)
        .where(
            _tools.tenant_id == tenant_id,
            or_(cost.c.tool_id.is_not(None), measured.c.tool_id.is_not(None)),
        ),
        sort,
        limit,
        cursor,
    )
    tools, next_cursor = split_page((await conn.execute(page)).all(), sort, limit)

    # The money of the page's tools only, per currency.
    page_ids = [tool.id for tool in tools]
    revenue_rows = await conn.execute(
        select(_outcomes.tool_id, _outcomes.currency, sum_int(_outcomes.amount_minor))
        .where(in_period, is_revenue, among(conn, _outcomes.tool_id, page_ids))
        .group_by(_outcomes.tool_id, _outcomes.currency)
    )
    revenues = money_per_tool(revenue_rows)
    cost_rows = await conn.execute(
        select(_contracts.tool_id, _contracts.currency, sum_int(_contracts.annual_cost_minor))
        .where(among(conn, _contracts.tool_id, page_ids))
        .group_by(_contracts.tool_id, _contracts.currency)
    )
    costs = money_per_tool(cost_rows)

    # Plain dicts in the schemas' field order, written straight to JSON: no model per row.
    return dumps(
        {
            "since": since,
            "until": until,
            "rows": [
                {
                    "tool_id": tool.id,
                    "tool_name": tool.name,
                    "tool_status": tool.status,
                    "outcomes": {kind: getattr(tool, kind) or 0 for kind in KINDS},
                    "revenue": revenues.get(tool.id, []),
                    "annual_cost": costs.get(tool.id, []),
                    "return_ratio": round(tool.ratio, 4) if tool.ratio is not None else None,
                }
                for tool in tools
            ],
            "next_cursor": next_cursor,
        }
    )
