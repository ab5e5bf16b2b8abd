"""Every query on contracts: the API's, filtered by tenant, and the renewal sweep's
(contracts/jobs.py), which walks every tenant unless given one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, Row, and_, bindparam, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from mops_inventory.contracts.models import Contract
from mops_inventory.contracts.renewal_window import notice_deadline
from mops_inventory.db import writes
from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.kit.db import find_for_tenant, table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row

_contracts = table_of(Contract)
_tools = table_of(Tool)

CONTRACT_SORTS = sort_options(
    [("created_at", [_contracts.c.created_at]), ("renewal_date", [_contracts.c.renewal_date])],
    tiebreaker=_contracts.c.id,
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, contract_id: uuid.UUID
) -> Contract | None:
    return await find_for_tenant(session, Contract, tenant_id, contract_id)


_CONTRACT_PAGES = PageStatements.of_columns(select(_contracts), _contracts.c)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    tool_id: uuid.UUID | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's contracts as rows of the contracts table."""
    return await _CONTRACT_PAGES.page(
        conn, sort, limit, cursor, tenant_id=tenant_id, tool_id=tool_id
    )


_CONTRACT_ROW = select(_contracts).where(
    _contracts.c.tenant_id == bindparam("tenant_id"), _contracts.c.id == bindparam("contract_id")
)


async def contract_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, contract_id: uuid.UUID
) -> ReadRow | None:
    return await first_row(
        conn, _CONTRACT_ROW, {"tenant_id": tenant_id, "contract_id": contract_id}
    )


def _due(today: date, end: date) -> list[ColumnElement[bool]]:
    """Due and not yet announced for its current renewal date (the report's window rule)."""
    c = _contracts.c
    deadline = notice_deadline(c.renewal_date, c.notice_period_days)
    return [
        c.renewal_date >= bindparam("today", today, type_=Date),
        deadline <= bindparam("window_end", end, type_=Date),
        c.renewal_due_notified_for.is_distinct_from(c.renewal_date),
    ]


def _tool_in_use() -> ColumnElement[bool]:
    return exists().where(
        _tools.c.id == _contracts.c.tool_id, _tools.c.status != ToolStatus.retired.value
    )


async def due_batch(
    session: AsyncSession,
    *,
    today: date,
    end: date,
    tenant_id: uuid.UUID | None,
    after: tuple[date, uuid.UUID] | None,
    limit: int,
) -> Sequence[Row[uuid.UUID, date, str]]:
    """The next due contracts after `after` (by renewal date, then id) whose tool is not
    retired, as (id, renewal_date, name of the tool), locked for this transaction."""
    c = _contracts.c
    stmt = (
        select(c.id, c.renewal_date, _tools.c.name)
        .join(_tools, _tools.c.id == c.tool_id)
        .where(*_due(today, end), _tools.c.status != ToolStatus.retired.value)
        .order_by(c.renewal_date, c.id)
        .limit(limit)
        # PostgreSQL: another sweeper's batch is skipped, not waited for (nor deadlocked
        # on); SQLite has no row locks and renders no FOR UPDATE.
        .with_for_update(of=_contracts, skip_locked=True)
    )
    if tenant_id is not None:
        stmt = stmt.where(c.tenant_id == tenant_id)
    if after is not None:
        stmt = stmt.where(
            or_(
                c.renewal_date > after[0],
                and_(c.renewal_date == after[0], c.id > after[1]),
            )
        )
    return (await session.execute(stmt)).all()


async def mark_announced(
    session: AsyncSession, contract_ids: list[uuid.UUID], *, today: date, end: date
) -> Sequence[Row[uuid.UUID, uuid.UUID, uuid.UUID, date, int | None, bool, int, str]]:
    """Sets the marker of those of these contracts still due (the guard a concurrent sweeper
    or write may have made false) and returns them, with what their event says."""
    c = _contracts.c
    result = await session.execute(
        update(_contracts)
        .where(c.id.in_(contract_ids), *_due(today, end), _tool_in_use())
        .values(renewal_due_notified_for=c.renewal_date)
        .returning(
            c.id,
            c.tenant_id,
            c.tool_id,
            c.renewal_date,
            c.notice_period_days,
            c.auto_renew,
            c.annual_cost_minor,
            c.currency,
        )
    )
    return result.all()


async def add_events(session: AsyncSession, events: list[dict[str, Any]]) -> None:
    """Outbox rows, each of its own contract's tenant (a sweep spans tenants)."""
    await session.execute(writes.outbox.insert(), events)
