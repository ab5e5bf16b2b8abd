"""`GET /v1/inventory/reports/returns`: what each tool returned over a period against its cost."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import Float, and_, case, cast, distinct, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.outcomes.models import Outcome
from mops_inventory.reports import money_per_tool, sum_int
from mops_inventory.tools.models import Tool
from mops_shared.errors import ValidationFailed, problem_responses
from mops_shared.schemas.outcomes import OutcomeKind
from mops_shared.schemas.reports import ReturnsReport

router = APIRouter(tags=["inventory"])

DEFAULT_DAYS = 365
KINDS = tuple(kind.value for kind in OutcomeKind)
SINCE = f"First day (UTC), included; `until` minus {DEFAULT_DAYS - 1} days by default."

DESCRIPTION = f"""\
Per tool, what it returned over the period from `since` to `until` (UTC days, both included:
outcomes with `since` 00:00 UTC <= `occurred_at` < the day after `until` 00:00 UTC) against what
it costs a year. By default the period is the last {DEFAULT_DAYS} days: `until` is today (UTC) and
`since` is `until` minus {DEFAULT_DAYS - 1} days; `since` after `until` is refused (422).

- `outcomes`: per kind, the sum of the `quantity` of the tool's outcomes in the period (0 when
  none);
- `revenue`: the sum of `amount` of the tool's `revenue` outcomes in the period, one entry per
  currency (outcomes of other kinds are counted but their amounts are not revenue);
- `annual_cost`: the sum of the annual cost of the tool's contracts, one entry per currency — the
  annual figure, not prorated to the period;
- `return_ratio`: revenue / annual_cost to 4 decimals when the cost is in a single currency and
  above zero, and the revenue is in that same currency (or there is none: then 0); `null`
  otherwise, since currencies are never converted.

Listed: every tool with a contract (with zero counts when it has no outcome: spend without a
measured return) and every tool with an outcome in the period. Rows come lowest return first
(return_ratio ascending, `null` last), then by name.
"""


async def returns_report(
    session: AsyncSession, tenant_id: uuid.UUID, since: date, until: date
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
    revenue = (
        select(
            col(Outcome.tool_id).label("tool_id"),
            func.count(distinct(col(Outcome.currency))).label("currencies"),
            func.min(col(Outcome.currency)).label("currency"),
            sum_int(col(Outcome.amount_minor)).label("amount"),
        )
        .where(in_period, is_revenue)
        .group_by(col(Outcome.tool_id))
        .subquery("revenue")
    )
    # The counts per kind, one column per kind.
    measured = (
        select(
            col(Outcome.tool_id).label("tool_id"),
            *(
                sum_int(
                    case((col(Outcome.kind) == kind.value, col(Outcome.quantity)), else_=0)
                ).label(kind.value)
                for kind in OutcomeKind
            ),
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
                    revenue.c.tool_id.is_(None),
                    and_(revenue.c.currencies == 1, revenue.c.currency == cost.c.currency),
                ),
            ),
            cast(func.coalesce(revenue.c.amount, 0), Float) / cast(cost.c.amount, Float),
        ),
        else_=None,
    ).label("ratio")
    tools = (
        await session.execute(
            select(
                col(Tool.id),
                col(Tool.name),
                col(Tool.status),
                ratio,
                *(measured.c[kind.value] for kind in OutcomeKind),
            )
            .outerjoin(cost, cost.c.tool_id == col(Tool.id))
            .outerjoin(revenue, revenue.c.tool_id == col(Tool.id))
            .outerjoin(measured, measured.c.tool_id == col(Tool.id))
            .where(
                col(Tool.tenant_id) == tenant_id,
                or_(cost.c.tool_id.is_not(None), measured.c.tool_id.is_not(None)),
            )
            .order_by(ratio.asc().nulls_last(), col(Tool.name_key), col(Tool.id))
        )
    ).all()

    revenue_rows = await session.execute(
        select(col(Outcome.tool_id), col(Outcome.currency), sum_int(col(Outcome.amount_minor)))
        .where(in_period, is_revenue)
        .group_by(col(Outcome.tool_id), col(Outcome.currency))
    )
    revenues = money_per_tool(revenue_rows)
    cost_rows = await session.execute(
        select(
            col(Contract.tool_id), col(Contract.currency), sum_int(col(Contract.annual_cost_minor))
        )
        .where(col(Contract.tenant_id) == tenant_id)
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
        }
    )


@router.get(
    "/v1/inventory/reports/returns",
    operation_id="inventory_get_returns_report",
    summary="Outcomes and revenue per tool over a period, against its annual cost",
    description=DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_returns_report(
    session: SessionDep,
    principal: PrincipalDep,
    since: Annotated[date | None, Query(description=SINCE)] = None,
    until: Annotated[
        date | None, Query(description="Last day (UTC), included; today by default.")
    ] = None,
) -> ReturnsReport:
    last = until or datetime.now(UTC).date()
    if since is not None:
        first = since
    elif last.toordinal() > DEFAULT_DAYS:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    else:
        first = date.min
    if first > last:
        raise ValidationFailed.at("query", "/since", f"since ({first}) is after until ({last})")
    return await returns_report(session, principal.tenant_id, first, last)
