"""`GET /v1/inventory/reports/returns`: what each tool returned over a period against its cost."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Float, and_, case, cast, distinct, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.outcomes.models import Outcome
from mops_inventory.reports.repository import (
    money_per_tool,
    ranked_sort,
    sum_int,
)
from mops_inventory.reports.schemas import RETURNS_DAYS, ReturnsReport
from mops_inventory.tools.models import Tool
from mops_shared.contracts.outcomes import OutcomeKind
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import keyset_page, split_page

KINDS = tuple(kind.value for kind in OutcomeKind)


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
    session: AsyncSession,
    tenant_id: uuid.UUID,
    since: date,
    until: date,
    *,
    limit: int,
    cursor: str | None,
) -> ReturnsReport:
    start = datetime.combine(since, time(), tzinfo=UTC)
    in_period = and_(col(Outcome.tenant_id) == tenant_id, col(Outcome.occurred_at) >= start)
    if until < date.max:
        end = datetime.combine(until + timedelta(days=1), time(), tzinfo=UTC)
        in_period = and_(in_period, col(Outcome.occurred_at) < end)
    is_revenue = and_(
        col(Outcome.kind) == OutcomeKind.revenue.value,
        col(Outcome.amount_minor).is_not(None),
        col(Outcome.currency).is_not(None),
    )

    # Per tool, summaries enough to decide the ratio in SQL (and sort on it): how many
    # currencies, which one when there is one, and the amount then.
    cost = (
        select(
            col(Contract.tool_id).label("tool_id"),
            func.count(distinct(col(Contract.currency))).label("currencies"),
            func.min(col(Contract.currency)).label("currency"),
            sum_int(col(Contract.annual_cost_minor)).label("amount"),
        )
        .where(col(Contract.tenant_id) == tenant_id)
        .group_by(col(Contract.tool_id))
        .subquery("cost")
    )
    # One pass over the period's outcomes: the counts per kind, one column per kind, and the
    # revenue summaries (CASE without ELSE is NULL, which the aggregates skip).
    revenue_currency = case((is_revenue, col(Outcome.currency)))
    measured = (
        select(
            col(Outcome.tool_id).label("tool_id"),
            *(
                sum_int(
                    case((col(Outcome.kind) == kind.value, col(Outcome.quantity)), else_=0)
                ).label(kind.value)
                for kind in OutcomeKind
            ),
            func.count(distinct(revenue_currency)).label("revenue_currencies"),
            func.min(revenue_currency).label("revenue_currency"),
            sum_int(case((is_revenue, col(Outcome.amount_minor)))).label("revenue_amount"),
        )
        .where(in_period)
        .group_by(col(Outcome.tool_id))
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
    sort = ranked_sort("return_ratio", ratio, col(Tool.name_key), col(Tool.id))
    page = keyset_page(
        select(
            col(Tool.id),
            col(Tool.name),
            col(Tool.name_key),
            col(Tool.status),
            ratio.label("ratio"),
            *sort.columns[:2],
            *(measured.c[kind.value] for kind in OutcomeKind),
        )
        .outerjoin(cost, cost.c.tool_id == col(Tool.id))
        .outerjoin(measured, measured.c.tool_id == col(Tool.id))
        .where(
            col(Tool.tenant_id) == tenant_id,
            or_(cost.c.tool_id.is_not(None), measured.c.tool_id.is_not(None)),
        ),
        sort,
        limit,
        cursor,
    )
    tools, next_cursor = split_page((await session.execute(page)).all(), sort, limit)

    # The money of the page's tools only, per currency.
    page_ids = [tool.id for tool in tools]
    revenue_rows = await session.execute(
        select(col(Outcome.tool_id), col(Outcome.currency), sum_int(col(Outcome.amount_minor)))
        .where(in_period, is_revenue, col(Outcome.tool_id).in_(page_ids))
        .group_by(col(Outcome.tool_id), col(Outcome.currency))
    )
    revenues = money_per_tool(revenue_rows)
    cost_rows = await session.execute(
        select(
            col(Contract.tool_id), col(Contract.currency), sum_int(col(Contract.annual_cost_minor))
        )
        .where(col(Contract.tool_id).in_(page_ids))
        .group_by(col(Contract.tool_id), col(Contract.currency))
    )
    costs = money_per_tool(cost_rows)

    return ReturnsReport.model_validate(
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
