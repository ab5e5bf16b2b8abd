"""`GET /v1/inventory/reports/adoption`: seats in use against seats paid for, per tool."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from sqlalchemy import Float, and_, cast, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.reports import as_int, sum_int
from mops_inventory.tools.models import Tool
from mops_shared.errors import problem_responses
from mops_shared.schemas.reports import AdoptionReport

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

Rows come least used first: utilisation ascending, the tools without one last, then by name.
"""


def _per_seat(amount: int, seats: int) -> int:
    """amount / seats to the nearest integer, halves up, in integers (no float rounding)."""
    return (2 * amount + seats) // (2 * seats)


async def adoption_report(session: AsyncSession, tenant_id: uuid.UUID) -> AdoptionReport:
    purchased = (
        select(
            col(Contract.tool_id).label("tool_id"),
            sum_int(col(Contract.seats_purchased)).label("seats"),
        )
        .where(col(Contract.tenant_id) == tenant_id)
        .group_by(col(Contract.tool_id))
        .subquery("purchased")
    )
    latest_day = (
        select(
            col(LicenceUsage.tool_id).label("tool_id"),
            func.max(col(LicenceUsage.as_of)).label("as_of"),
        )
        .where(col(LicenceUsage.tenant_id) == tenant_id)
        .group_by(col(LicenceUsage.tool_id))
        .subquery("latest_day")
    )
    # The latest row itself is reached from the tenant's tools and their latest day through the
    # unique (tool_id, as_of) index (a tenant condition here would lure PostgreSQL, before it
    # has statistics, into ANDing the (tenant_id, as_of) index into every per-tool lookup).
    latest = aliased(LicenceUsage, name="latest")
    cost = (
        select(
            col(Contract.tool_id).label("tool_id"),
            col(Contract.currency).label("currency"),
            sum_int(col(Contract.annual_cost_minor)).label("amount"),
        )
        .where(col(Contract.tenant_id) == tenant_id)
        .group_by(col(Contract.tool_id), col(Contract.currency))
        .subquery("cost")
    )
    active = col(latest.seats_active)
    utilisation = (cast(active, Float) / func.nullif(purchased.c.seats, 0)).label("utilisation")
    # One row per tool and currency of its contracts (one row without cost when it has none),
    # already in report order: consecutive rows of a tool are folded into one below.
    rows = (
        await session.execute(
            select(
                col(Tool.id),
                col(Tool.name),
                col(Tool.status),
                purchased.c.seats.label("purchased"),
                active.label("active"),
                col(latest.as_of).label("active_as_of"),
                utilisation,
                cost.c.currency,
                cost.c.amount,
            )
            .outerjoin(purchased, purchased.c.tool_id == col(Tool.id))
            .outerjoin(latest_day, latest_day.c.tool_id == col(Tool.id))
            .outerjoin(
                latest,
                and_(
                    col(latest.tool_id) == col(Tool.id),
                    col(latest.as_of) == latest_day.c.as_of,
                ),
            )
            .outerjoin(cost, cost.c.tool_id == col(Tool.id))
            .where(
                col(Tool.tenant_id) == tenant_id,
                or_(purchased.c.seats.is_not(None), active.is_not(None)),
            )
            .order_by(
                utilisation.asc().nulls_last(), col(Tool.name_key), col(Tool.id), cost.c.currency
            )
        )
    ).all()
    # Plain dicts validated once at the end (in pydantic-core): far cheaper on a large tenant
    # than a model built per row and per amount.
    report: list[dict[str, Any]] = []
    for row in rows:
        if not report or report[-1]["tool_id"] != row.id:
            report.append(_new_row(row))
        if row.currency is not None:
            amount = as_int(row.amount)
            report[-1]["annual_cost"].append({"amount_minor": amount, "currency": row.currency})
            if report[-1]["cost_per_active_seat"] is not None:
                report[-1]["cost_per_active_seat"].append(
                    {"amount_minor": _per_seat(amount, row.active), "currency": row.currency}
                )
    return AdoptionReport.model_validate({"rows": report})


def _new_row(row: Any) -> dict[str, Any]:
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
        "annual_cost": [],
        "cost_per_active_seat": [] if active else None,
    }


@router.get(
    "/v1/inventory/reports/adoption",
    operation_id="inventory_get_adoption_report",
    summary="Seats active against seats purchased, and cost per active seat, per tool",
    description=DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_adoption_report(session: SessionDep, principal: PrincipalDep) -> AdoptionReport:
    return await adoption_report(session, principal.tenant_id)
