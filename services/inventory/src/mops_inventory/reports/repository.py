"""The query pieces several reports share: aggregates, latest usage, live integrations."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    Subquery,
    and_,
    case,
    cast,
    func,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.contracts.models import Contract
from mops_inventory.integrations.models import Integration
from mops_inventory.integrations.schemas import IntegrationStatus
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption

# Core columns, not mapped attributes: the reports' selects compile and run as Core on the read
# connection (`mops_shared.kit.reads`), rows and no entities.
_contracts = table_of(Contract).c
_usage = table_of(LicenceUsage).c
_integrations = table_of(Integration).c


def sum_int(column: Any) -> ColumnElement[int]:
    """SUM as a BIGINT: PostgreSQL sums a BIGINT into a NUMERIC, slower to read than an int."""
    return cast(func.sum(column), BigInteger)


def as_int(value: int | Decimal | None) -> int:
    """A SQL sum as an int (PostgreSQL sums a BIGINT into a NUMERIC; no rows give NULL)."""
    return int(value) if value is not None else 0


def annual_cost_in(tenant_id: uuid.UUID, currency: str) -> Subquery:
    """(tool_id, amount) of the tenant's tools with a contract in `currency`: a tool's annual
    cost as the spend report adds it up, the `annual_cost` of all its contracts, in one
    currency (never converted from another)."""
    return (
        select(
            _contracts.tool_id.label("tool_id"),
            sum_int(_contracts.annual_cost_minor).label("amount"),
        )
        .where(_contracts.tenant_id == tenant_id, _contracts.currency == currency)
        .group_by(_contracts.tool_id)
        .subquery("annual_cost")
    )


def money_per_tool(
    rows: Iterable[tuple[uuid.UUID, str | None, int | Decimal | None]],
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """(tool id, currency, amount) rows, one per tool and currency → each tool's list of
    `{amount_minor, currency}`, sorted by currency (rows without a currency are skipped).

    Plain dicts, as the report's JSON writes them: no model built per amount.
    """
    found: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for tool_id, currency, amount in rows:
        if currency is not None:
            found[tool_id].append({"amount_minor": as_int(amount), "currency": currency})
    for amounts in found.values():
        amounts.sort(key=lambda money: str(money["currency"]))
    return found


# A live integration is an `active` one between two tools that are not retired.
LIVE_EDGE = IntegrationStatus.active.value
# The stack reports' notion of active (coverage, redundancy, evidence): `sunsetting` tools are
# on their way out and `evaluating` ones not yet in, so neither counts as part of the stack.
ACTIVE = ToolStatus.active.value
RETIRED = ToolStatus.retired.value


def ranked_sort(name: str, value: Any, *tiebreakers: Any) -> SortOption:
    """A keyset sort on a computed `value`, ascending with `null` last, then the tiebreakers.

    Keyset pagination compares row values, which NULL would break: the value is split into a
    null flag (0 before 1) and the value with NULL as 0, both never null.
    """
    return SortOption(
        name,
        (
            case((value.is_(None), 1), else_=0).label(f"{name}_is_null"),
            func.coalesce(value, 0.0).label(f"{name}_value"),
            *tiebreakers,
        ),
    )


def latest_usage(tenant_id: uuid.UUID, dialect: str, among: Any = None) -> Subquery:
    """(tool_id, seats, as_of) of each of the tenant's tools' latest licence-usage row.

    One pass over the tenant's usage rows. On PostgreSQL with DISTINCT ON, whose row estimate
    (one per tool) keeps the joins hashed: the usual join to a max(as_of) subquery is estimated
    at a couple of rows, and the nested loop PostgreSQL then picks took 5.5 s at 10 000 tools.
    SQLite has no DISTINCT ON: a window function ranks each tool's rows instead. `among`, a
    select of tool ids, limits it to those tools.
    """
    columns: tuple[Any, ...] = (
        _usage.tool_id.label("tool_id"),
        _usage.seats_active.label("seats"),
        _usage.as_of.label("as_of"),
    )
    of_tenant: ColumnElement[bool] = _usage.tenant_id == tenant_id
    if among is not None:
        of_tenant = and_(of_tenant, _usage.tool_id.in_(among))
    if dialect == "postgresql":
        return (
            select(*columns)
            .where(of_tenant)
            .ext(distinct_on(_usage.tool_id))
            .order_by(_usage.tool_id, _usage.as_of.desc())
            .subquery("latest")
        )
    ranked = (
        select(
            *columns,
            func.row_number()
            .over(partition_by=_usage.tool_id, order_by=_usage.as_of.desc())
            .label("position"),
        )
        .where(of_tenant)
        .subquery("ranked_usage")
    )
    return (
        select(ranked.c.tool_id, ranked.c.seats, ranked.c.as_of)
        .where(ranked.c.position == 1)
        .subquery("latest")
    )


def seats_purchased(tenant_id: uuid.UUID, among: Any = None) -> Subquery:
    """(tool_id, seats) of the tenant's tools (or of the tools `among` selects): seats
    purchased over each tool's contracts."""
    of_tenant: ColumnElement[bool] = _contracts.tenant_id == tenant_id
    if among is not None:
        of_tenant = and_(of_tenant, _contracts.tool_id.in_(among))
    return (
        select(
            _contracts.tool_id.label("tool_id"),
            sum_int(_contracts.seats_purchased).label("seats"),
        )
        .where(of_tenant)
        .group_by(_contracts.tool_id)
        .subquery("purchased")
    )


_NO_NESTED_LOOPS = text("SET LOCAL enable_nestloop = off")


@asynccontextmanager
async def preferring_hash_joins(conn: AsyncConnection) -> AsyncIterator[None]:
    """Within this block on PostgreSQL, join by hashing rather than by nested loops, for a
    report that reads whole tenants.

    Each table is scoped by its own tenant_id, and PostgreSQL cannot know that these filters
    pick the same rows on both sides of a join: it multiplies their selectivities, expects a
    few dozen rows where there are 10 000, and loops. Measured on the redundancy report at
    10 000 tools beside 200 000 of other tenants: 332 ms with loops, 194 ms without. Other
    reports were measured faster as they are, so only the ones that call this change.

    The setting is a transaction's (SET LOCAL), and the read connection is in autocommit,
    where it would be lost with its statement: the block runs in a transaction of its own,
    so that the setting never outlives it, and the connection is back in autocommit after it.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    if conn.sync_engine.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
        await conn.execute(_NO_NESTED_LOOPS)  # within the connection's own transaction
        yield
        return
    if conn.in_transaction():  # an autocommit one: nothing to commit on the server
        await conn.commit()
    await conn.execution_options(isolation_level="READ COMMITTED")
    try:
        async with conn.begin():
            await conn.execute(_NO_NESTED_LOOPS)
            yield
    finally:
        await conn.execution_options(isolation_level="AUTOCOMMIT")


def live_neighbours(tenant_id: uuid.UUID, *, other_active: bool = False) -> Subquery:
    """(tool_id, other_id) for each live integration whose other end is not retired (or, with
    `other_active`, is active), once from each end: uncorrelated, so the database builds it
    once (a hashed set) rather than probing it per tool."""
    ends: list[Select[Any, Any]] = []
    for mine, theirs in (
        (_integrations.source_tool_id, _integrations.target_tool_id),
        (_integrations.target_tool_id, _integrations.source_tool_id),
    ):
        other = table_of(Tool).alias("other")
        ends.append(
            select(mine.label("tool_id"), theirs.label("other_id"))
            .join_from(table_of(Integration), other, other.c.id == theirs)
            .where(
                _integrations.tenant_id == tenant_id,
                _integrations.status == LIVE_EDGE,
                other.c.tenant_id == tenant_id,
                other.c.status == ACTIVE if other_active else other.c.status != RETIRED,
            )
        )
    return union_all(*ends).subquery("live_neighbours")
