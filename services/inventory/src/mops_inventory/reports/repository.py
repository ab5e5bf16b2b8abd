"""The query pieces several reports share: aggregates, latest usage, live integrations."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
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
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from mops_inventory.contracts.models import Contract
from mops_inventory.integrations.models import Integration
from mops_inventory.integrations.schemas import IntegrationStatus
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.kit.pagination import SortOption


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
            col(Contract.tool_id).label("tool_id"),
            sum_int(col(Contract.annual_cost_minor)).label("amount"),
        )
        .where(col(Contract.tenant_id) == tenant_id, col(Contract.currency) == currency)
        .group_by(col(Contract.tool_id))
        .subquery("annual_cost")
    )


def money_per_tool(
    rows: Iterable[tuple[uuid.UUID, str | None, int | Decimal | None]],
) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """(tool id, currency, amount) rows, one per tool and currency → each tool's list of
    `{amount_minor, currency}`, sorted by currency (rows without a currency are skipped).

    Plain dicts: a report validates its whole body once at the end (in pydantic-core), which
    is several times cheaper on a large tenant than a model built per amount.
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
        col(LicenceUsage.tool_id).label("tool_id"),
        col(LicenceUsage.seats_active).label("seats"),
        col(LicenceUsage.as_of).label("as_of"),
    )
    of_tenant: ColumnElement[bool] = col(LicenceUsage.tenant_id) == tenant_id
    if among is not None:
        of_tenant = and_(of_tenant, col(LicenceUsage.tool_id).in_(among))
    if dialect == "postgresql":
        return (
            select(*columns)
            .where(of_tenant)
            .ext(distinct_on(col(LicenceUsage.tool_id)))
            .order_by(col(LicenceUsage.tool_id), col(LicenceUsage.as_of).desc())
            .subquery("latest")
        )
    ranked = (
        select(
            *columns,
            func.row_number()
            .over(partition_by=col(LicenceUsage.tool_id), order_by=col(LicenceUsage.as_of).desc())
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
    of_tenant: ColumnElement[bool] = col(Contract.tenant_id) == tenant_id
    if among is not None:
        of_tenant = and_(of_tenant, col(Contract.tool_id).in_(among))
    return (
        select(
            col(Contract.tool_id).label("tool_id"),
            sum_int(col(Contract.seats_purchased)).label("seats"),
        )
        .where(of_tenant)
        .group_by(col(Contract.tool_id))
        .subquery("purchased")
    )


async def prefer_hash_joins(session: AsyncSession) -> None:
    """For the rest of this transaction on PostgreSQL, join by hashing rather than by nested
    loops, for a report that reads whole tenants.

    Each table is scoped by its own tenant_id, and PostgreSQL cannot know that these filters
    pick the same rows on both sides of a join: it multiplies their selectivities, expects a
    few dozen rows where there are 10 000, and loops. Measured on the redundancy report at
    10 000 tools beside 200 000 of other tenants: 332 ms with loops, 194 ms without. Other
    reports were measured faster as they are, so only the ones that call this change.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SET LOCAL enable_nestloop = off"))


def live_neighbours(tenant_id: uuid.UUID, *, other_active: bool = False) -> Subquery:
    """(tool_id, other_id) for each live integration whose other end is not retired (or, with
    `other_active`, is active), once from each end: uncorrelated, so the database builds it
    once (a hashed set) rather than probing it per tool."""
    ends: list[Select[Any, Any]] = []
    for mine, theirs in (
        (Integration.source_tool_id, Integration.target_tool_id),
        (Integration.target_tool_id, Integration.source_tool_id),
    ):
        other = aliased(Tool)
        ends.append(
            select(col(mine).label("tool_id"), col(theirs).label("other_id"))
            .join(other, col(other.id) == col(theirs))
            .where(
                col(Integration.tenant_id) == tenant_id,
                col(Integration.status) == LIVE_EDGE,
                col(other.tenant_id) == tenant_id,
                col(other.status) == ACTIVE if other_active else col(other.status) != RETIRED,
            )
        )
    return union_all(*ends).subquery("live_neighbours")
