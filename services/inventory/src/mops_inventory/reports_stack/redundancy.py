"""`GET /v1/inventory/reports/redundancy`: capabilities the tenant pays for twice or more."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from fastapi import APIRouter
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.errors import problem_responses
from mops_shared.schemas.inventory import ToolStatus
from mops_shared.schemas.money import Money, currency_exponent
from mops_shared.schemas.reports_stack import RedundancyReport, RedundantCapability, RedundantTool

router = APIRouter(tags=["inventory"])

# Only `active` tools make a capability redundant: a `sunsetting` tool's retirement is already
# decided, so it is not a consolidation opportunity (its cost shows in the spend report).
COUNTED_STATUS = ToolStatus.active.value

REDUNDANCY_DESCRIPTION = """\
Capabilities served by **two or more tools with status `active`**, the largest money at stake
first. Only `active` tools count: a `sunsetting` tool is not counted (its retirement is already
decided, so it is no longer a consolidation opportunity), nor are `evaluating` or `retired` ones.
A tool with several capabilities appears under each of them.

For each capability, each of its active tools (by name) with:
- `annual_cost`: the sum of the annual cost of **all** the tool's contracts, one entry per
  currency (empty when the tool has no contract);
- `seats_active`: from the tool's latest licence-usage row (greatest `as_of`), `null` if none;
- `seats_purchased`: the sum over the tool's contracts, `null` if no contract states it.

And for the capability:
- `combined_annual_cost`: per currency, the tools' annual costs added up;
- `money_at_stake`: per currency, the combined annual cost **minus the annual cost of the most
  expensive single tool** in that currency, i.e. what the other tools cost. It is what
  consolidating onto the most expensive tool (usually the main platform) would save **at most**:
  the surviving tool may need more seats. Keeping a cheaper tool could save more, but that is a
  migration decision, not a figure;
- `seats_active` and `seats_purchased`: the tools' figures added up (`null` if none has any).

Currencies are never added together. Ranking: by the largest single-currency `money_at_stake`,
compared in major units (no exchange rates), descending; then by capability name.
"""


@dataclass
class _Capability:
    id: uuid.UUID
    name: str
    name_key: str
    seats_active: int | None
    seats_purchased: int | None
    tools: list[RedundantTool] = field(default_factory=list)
    combined: list[Money] = field(default_factory=list)
    at_stake: list[Money] = field(default_factory=list)


def _money(amount: int | Decimal, currency: str) -> Money:
    # Stored amounts and currencies were validated on the way in: built without re-validating
    # (thousands per report). PostgreSQL's sum() of a bigint is a numeric, SQLite's an int.
    return Money.model_construct(amount_minor=int(amount), currency=currency)


def _int(value: int | Decimal | None) -> int | None:
    return None if value is None else int(value)


def _largest_stake(capability: _Capability) -> Decimal:
    amounts = capability.at_stake
    return max(
        (Decimal(m.amount_minor).scaleb(-currency_exponent(m.currency)) for m in amounts),
        default=Decimal(0),
    )


async def redundancy_report(session: AsyncSession, tenant_id: uuid.UUID) -> RedundancyReport:
    """Two queries, whatever the number of tools: the tools with their seats, then their costs
    with the per-currency totals of each capability (window aggregates over the tool sums)."""
    redundant = (
        select(col(ToolCapability.capability_id))
        .join(Tool, col(Tool.id) == col(ToolCapability.tool_id))
        .where(col(Tool.tenant_id) == tenant_id, col(Tool.status) == COUNTED_STATUS)
        .group_by(col(ToolCapability.capability_id))
        .having(func.count() >= 2)
    )
    counted_tools = (
        col(Tool.tenant_id) == tenant_id,
        col(Tool.status) == COUNTED_STATUS,
        col(ToolCapability.capability_id).in_(redundant),
    )

    # The latest licence-usage row of each tool: one index probe per listed tool.
    latest_usage = (
        select(col(LicenceUsage.seats_active), col(LicenceUsage.as_of))
        .where(
            col(LicenceUsage.tenant_id) == tenant_id,
            col(LicenceUsage.tool_id) == col(Tool.id),
        )
        .order_by(col(LicenceUsage.as_of).desc())
        .limit(1)
    )
    tools = (
        select(
            col(Capability.id).label("capability_id"),
            col(Capability.name).label("capability"),
            col(Capability.name_key).label("capability_key"),
            col(Tool.id).label("tool_id"),
            col(Tool.name).label("tool"),
            col(Tool.name_key).label("tool_key"),
            latest_usage.with_only_columns(col(LicenceUsage.seats_active))
            .scalar_subquery()
            .label("seats_active"),
            latest_usage.with_only_columns(col(LicenceUsage.as_of))
            .scalar_subquery()
            .label("as_of"),
        )
        .select_from(ToolCapability)
        .join(Capability, col(Capability.id) == col(ToolCapability.capability_id))
        .join(Tool, col(Tool.id) == col(ToolCapability.tool_id))
        .where(col(Capability.tenant_id) == tenant_id, *counted_tools)
        .subquery("redundant_tools")
    )
    tool_rows = (
        await session.execute(
            select(
                tools,
                func.sum(tools.c.seats_active)
                .over(partition_by=tools.c.capability_id)
                .label("capability_seats_active"),
            ).order_by(tools.c.capability_key, tools.c.tool_key, tools.c.tool_id)
        )
    ).all()

    per_tool = (col(ToolCapability.capability_id), col(Contract.tool_id))
    per_cap_currency = (col(ToolCapability.capability_id), col(Contract.currency))
    tool_cost = func.sum(col(Contract.annual_cost_minor))
    tool_seats = func.sum(col(Contract.seats_purchased))
    cost_rows = (
        await session.execute(
            select(
                col(ToolCapability.capability_id),
                col(Contract.tool_id),
                col(Contract.currency),
                tool_cost,
                func.sum(tool_seats).over(partition_by=per_tool),
                func.sum(tool_seats).over(partition_by=col(ToolCapability.capability_id)),
                func.sum(tool_cost).over(partition_by=per_cap_currency),
                func.max(tool_cost).over(partition_by=per_cap_currency),
            )
            .select_from(ToolCapability)
            .join(Tool, col(Tool.id) == col(ToolCapability.tool_id))
            .join(Contract, col(Contract.tool_id) == col(Tool.id))
            .where(col(Contract.tenant_id) == tenant_id, *counted_tools)
            .group_by(*per_tool, col(Contract.currency))
            .order_by(*per_cap_currency, col(Contract.tool_id))
        )
    ).all()

    tool_costs: dict[uuid.UUID, dict[str, int]] = defaultdict(dict)
    tool_purchased: dict[uuid.UUID, int | None] = {}
    cap_purchased: dict[uuid.UUID, int | None] = {}
    cap_totals: dict[uuid.UUID, dict[str, tuple[int, int]]] = defaultdict(dict)
    for cap_id, tool_id, currency, cost, seats, cap_seats, combined, top in cost_rows:
        tool_costs[tool_id][currency] = int(cost)
        tool_purchased[tool_id] = _int(seats)
        cap_purchased[cap_id] = _int(cap_seats)
        cap_totals[cap_id][currency] = (int(combined), int(top))

    capabilities: dict[uuid.UUID, _Capability] = {}
    for row in tool_rows:
        capability = capabilities.get(row.capability_id)
        if capability is None:
            capability = capabilities[row.capability_id] = _Capability(
                row.capability_id,
                row.capability,
                row.capability_key,
                seats_active=_int(row.capability_seats_active),
                seats_purchased=cap_purchased.get(row.capability_id),
            )
        costs = tool_costs.get(row.tool_id, {})
        capability.tools.append(
            RedundantTool(
                id=row.tool_id,
                name=row.tool,
                annual_cost=[_money(costs[c], c) for c in sorted(costs)],
                seats_active=row.seats_active,
                seats_active_as_of=row.as_of,
                seats_purchased=tool_purchased.get(row.tool_id),
            )
        )
    for cap_id, totals in cap_totals.items():
        for currency in sorted(totals):
            combined, top = totals[currency]
            capabilities[cap_id].combined.append(_money(combined, currency))
            capabilities[cap_id].at_stake.append(_money(combined - top, currency))

    ranked = sorted(
        capabilities.values(), key=lambda c: (-_largest_stake(c), c.name_key, str(c.id))
    )
    return RedundancyReport(
        capabilities=[
            RedundantCapability(
                capability_id=c.id,
                capability=c.name,
                tool_count=len(c.tools),
                tools=c.tools,
                combined_annual_cost=c.combined,
                money_at_stake=c.at_stake,
                seats_active=c.seats_active,
                seats_purchased=c.seats_purchased,
            )
            for c in ranked
        ]
    )


@router.get(
    "/v1/inventory/reports/redundancy",
    operation_id="inventory_get_redundancy_report",
    summary="Redundant capabilities and the money at stake",
    description=REDUNDANCY_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_redundancy_report(session: SessionDep, principal: PrincipalDep) -> RedundancyReport:
    return await redundancy_report(session, principal.tenant_id)
