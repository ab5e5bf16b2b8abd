"""`GET /v1/inventory/reports/redundancy`: capabilities the tenant pays for twice or more."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import BindParameter, bindparam, case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.contracts.models import Contract
from mops_inventory.reports.repository import (
    latest_usage,
    preferring_hash_joins,
    seats_purchased,
)
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.contracts.money import currency_exponent
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.db import among, table_of
from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import CursorValue, decode_values, encode_values
from mops_shared.kit.reads import dumps

# Only `active` tools make a capability redundant: a `sunsetting` tool's retirement is already
# decided, so it is not a consolidation opportunity (its cost shows in the spend report).
COUNTED_STATUS = ToolStatus.active.value

_contract_table, _tool_table = table_of(Contract), table_of(Tool)
_tool_cap_table, _capability_table = table_of(ToolCapability), table_of(Capability)
_contracts, _tools = _contract_table.c, _tool_table.c
_tool_caps, _capabilities = _tool_cap_table.c, _capability_table.c

SORT_NAME = "money_at_stake"
# The cursor carries the largest stake as decimal text, the capability's name key and its id.
_CURSOR_VALUES = (CursorValue(str), CursorValue(str), CursorValue(uuid.UUID))
DEFAULT_CAPABILITY_LIMIT = 20
MAX_CAPABILITY_LIMIT = 200
DEFAULT_TOOLS_PER_CAPABILITY = 10
MAX_TOOLS_PER_CAPABILITY = 200


@dataclass
class _Capability:
    id: uuid.UUID
    name: str
    name_key: str
    tool_count: int
    seats_active: int | None = None
    seats_purchased: int | None = None
    # `MoneySum`s as plain dicts, as the answer's JSON writes them.
    combined: list[dict[str, Any]] = field(default_factory=list)
    at_stake: list[dict[str, Any]] = field(default_factory=list)

    @property
    def largest_stake(self) -> Decimal:
        """The largest single-currency money at stake in major units (no exchange rates)."""
        return max(
            (
                Decimal(m["amount_minor"]).scaleb(-currency_exponent(m["currency"]))
                for m in self.at_stake
            ),
            default=Decimal(0),
        )

    def sort_values(self) -> tuple[str, str, uuid.UUID]:
        return (str(self.largest_stake), self.name_key, self.id)


def _money(amount: int | Decimal, currency: str) -> dict[str, Any]:
    # Stored amounts and currencies were validated on the way in: a `MoneySum` as it is written.
    # PostgreSQL's sum() of a bigint is a numeric, SQLite's an int.
    return {"amount_minor": int(amount), "currency": currency}


def _int(value: int | Decimal | None) -> int | None:
    return None if value is None else int(value)


# The capabilities' two statements are the same for every tenant: built once, the tenant bound
# at each call (SQLAlchemy then reuses their compiled form without walking them again).
_TENANT: BindParameter[Any] = bindparam("tenant_id")
_COUNTED = (_tools.tenant_id == _TENANT, _tools.status == COUNTED_STATUS)
_CAPABILITIES = (
    select(
        _capabilities.id,
        _capabilities.name,
        _capabilities.name_key,
        func.count().label("tools"),
    )
    .select_from(_tool_cap_table)
    .join(_capability_table, _capabilities.id == _tool_caps.capability_id)
    .join(_tool_table, _tools.id == _tool_caps.tool_id)
    .where(_tool_caps.tenant_id == _TENANT, *_COUNTED)
    .group_by(_capabilities.id, _capabilities.name, _capabilities.name_key)
    .having(func.count() >= 2)
)
_tool_cost = (
    select(
        _tool_caps.capability_id.label("capability_id"),
        _contracts.currency.label("currency"),
        func.sum(_contracts.annual_cost_minor).label("amount"),
    )
    .select_from(_tool_cap_table)
    .join(_tool_table, _tools.id == _tool_caps.tool_id)
    .join(_contract_table, _contracts.tool_id == _tools.id)
    .where(_tool_caps.tenant_id == _TENANT, _contracts.tenant_id == _TENANT, *_COUNTED)
    .group_by(_tool_caps.capability_id, _contracts.tool_id, _contracts.currency)
    .subquery("tool_cost")
)
_CAPABILITY_TOTALS = (
    select(
        _tool_cost.c.capability_id,
        _tool_cost.c.currency,
        func.sum(_tool_cost.c.amount),
        func.max(_tool_cost.c.amount),
    )
    .group_by(_tool_cost.c.capability_id, _tool_cost.c.currency)
    .order_by(_tool_cost.c.capability_id, _tool_cost.c.currency)
)


async def _redundant_capabilities(conn: AsyncConnection, tenant_id: uuid.UUID) -> list[_Capability]:
    """Every redundant capability with its money, ranked: one row per capability, then one
    per capability and currency (aggregated in SQL over the tools' per-currency sums). Seats
    are added for the page's capabilities only, with their tools."""
    tenant = {"tenant_id": tenant_id}
    capabilities = {
        row.id: _Capability(row.id, row.name, row.name_key, tool_count=row.tools)
        for row in await conn.execute(_CAPABILITIES, tenant)
    }
    for capability_id, currency, combined, top in await conn.execute(_CAPABILITY_TOTALS, tenant):
        capability = capabilities.get(capability_id)
        if capability is not None:  # else a capability served by one active tool
            capability.combined.append(_money(combined, currency))
            capability.at_stake.append(_money(int(combined) - int(top), currency))
    return sorted(capabilities.values(), key=lambda c: (-c.largest_stake, c.name_key, str(c.id)))


def _after_cursor(ranked: list[_Capability], cursor: str | None) -> list[_Capability]:
    if cursor is None:
        return ranked
    stake, name_key, capability_id = decode_values(SORT_NAME, cursor, _CURSOR_VALUES)
    try:
        largest_stake = Decimal(stake)
    except ArithmeticError:  # not a number at all
        largest_stake = Decimal("NaN")
    if not largest_stake.is_finite():  # NaN would not compare
        raise ValidationFailed.at(
            ProblemLocation.query, "/cursor", "cursor is not valid for this list"
        )
    last = (-largest_stake, name_key, str(capability_id))
    return [c for c in ranked if (-c.largest_stake, c.name_key, str(c.id)) > last]


async def _top_tools(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    page: list[_Capability],
    currencies: set[str],
    per_capability: int,
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """The most expensive active tools of each capability of the page, at most
    `per_capability` each; fills in the capabilities' seats on the way.

    A tool's weight is its largest single-currency annual cost in major units (amounts brought
    to one scale by their ISO 4217 exponents, never converted between currencies). Only the
    page's tools are read: their seats and costs, not the tenant's.
    """
    if not page:
        return {}
    capability_ids = [c.id for c in page]
    page_tools = select(_tool_caps.tool_id).where(
        _tool_caps.tenant_id == tenant_id,
        _tool_caps.capability_id.in_(capability_ids),
    )
    finest = max((currency_exponent(c) for c in currencies), default=0)
    to_finest: Any = (
        case(
            {c: 10 ** (finest - currency_exponent(c)) for c in currencies},
            value=_contracts.currency,
            else_=1,
        )
        if currencies
        else literal(1)
    )
    per_currency = (
        select(
            _contracts.tool_id.label("tool_id"),
            (func.sum(_contracts.annual_cost_minor) * to_finest).label("weight"),
        )
        .where(_contracts.tenant_id == tenant_id, _contracts.tool_id.in_(page_tools))
        .group_by(_contracts.tool_id, _contracts.currency)
        .subquery("per_currency")
    )
    weight = (
        select(per_currency.c.tool_id, func.max(per_currency.c.weight).label("weight"))
        .group_by(per_currency.c.tool_id)
        .subquery("weight")
    )
    latest = latest_usage(tenant_id, conn.dialect.name, among=page_tools)
    purchased = seats_purchased(tenant_id, among=page_tools)
    capability = _tool_caps.capability_id
    ranked = (
        select(
            _tool_caps.capability_id.label("capability_id"),
            _tool_caps.tool_id.label("tool_id"),
            _tools.name.label("name"),
            latest.c.seats.label("seats_active"),
            latest.c.as_of.label("as_of"),
            purchased.c.seats.label("seats_purchased"),
            func.sum(latest.c.seats).over(partition_by=capability).label("capability_active"),
            func.sum(purchased.c.seats).over(partition_by=capability).label("capability_purchased"),
            func.row_number()
            .over(
                partition_by=_tool_caps.capability_id,
                order_by=(
                    func.coalesce(weight.c.weight, -1).desc(),
                    _tools.name_key,
                    _tools.id,
                ),
            )
            .label("position"),
        )
        .select_from(_tool_cap_table)
        .join(_tool_table, _tools.id == _tool_caps.tool_id)
        .outerjoin(weight, weight.c.tool_id == _tools.id)
        .outerjoin(latest, latest.c.tool_id == _tools.id)
        .outerjoin(purchased, purchased.c.tool_id == _tools.id)
        .where(
            _tool_caps.tenant_id == tenant_id,
            _tools.tenant_id == tenant_id,
            _tools.status == COUNTED_STATUS,
            _tool_caps.capability_id.in_(capability_ids),
        )
        .subquery("ranked")
    )
    rows = (
        await conn.execute(
            select(ranked)
            .where(ranked.c.position <= per_capability)
            .order_by(ranked.c.capability_id, ranked.c.position)
        )
    ).all()
    costs = await conn.execute(
        select(_contracts.tool_id, _contracts.currency, func.sum(_contracts.annual_cost_minor))
        .where(among(conn, _contracts.tool_id, {row.tool_id for row in rows}))
        .group_by(_contracts.tool_id, _contracts.currency)
        .order_by(_contracts.tool_id, _contracts.currency)
    )
    tool_costs: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for tool_id, currency, amount in costs:
        tool_costs[tool_id].append({"amount_minor": int(amount), "currency": currency})
    by_id = {c.id: c for c in page}
    # `RedundantTool`s as plain dicts, in its field order.
    tools: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        served = by_id[row.capability_id]
        served.seats_active = _int(row.capability_active)
        served.seats_purchased = _int(row.capability_purchased)
        tools[row.capability_id].append(
            {
                "id": row.tool_id,
                "name": row.name,
                "annual_cost": tool_costs.get(row.tool_id, []),
                "seats_active": row.seats_active,
                "seats_active_as_of": row.as_of,
                "seats_purchased": _int(row.seats_purchased),
            }
        )
    return tools


async def redundancy_report(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    limit: int = DEFAULT_CAPABILITY_LIMIT,
    cursor: str | None = None,
    tools_per_capability: int = DEFAULT_TOOLS_PER_CAPABILITY,
) -> bytes:
    """`RedundancyReport`'s JSON. Four queries whatever the size of the tenant: the
    capabilities, their per-currency totals, the top tools (and seats) of the page's
    capabilities, and those tools' costs."""
    async with preferring_hash_joins(conn):
        ranked = _after_cursor(await _redundant_capabilities(conn, tenant_id), cursor)
        page = ranked[:limit]
        currencies = {m["currency"] for c in page for m in c.combined}
        tools = await _top_tools(conn, tenant_id, page, currencies, tools_per_capability)
    next_cursor = encode_values(SORT_NAME, page[-1].sort_values()) if len(ranked) > limit else None
    return dumps(
        {
            "capabilities": [
                {
                    "capability_id": c.id,
                    "capability": c.name,
                    "tool_count": c.tool_count,
                    "tools": tools.get(c.id, []),
                    "combined_annual_cost": c.combined,
                    "money_at_stake": c.at_stake,
                    "seats_active": c.seats_active,
                    "seats_purchased": c.seats_purchased,
                }
                for c in page
            ],
            "next_cursor": next_cursor,
        }
    )
