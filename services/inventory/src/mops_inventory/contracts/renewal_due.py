"""`contract.renewal_due`: the one domain event no request triggers; it falls due as time passes.

A contract is due when its renewal is still ahead (`renewal_date >= today`) and its notice
deadline (its renewal date when it has no notice period) is no later than `today + horizon_days`,
the definition of the renewals report, both taken from contracts/renewal_window.py.
Each (contract, renewal_date) is announced once: `contracts.renewal_due_notified_for` keeps the
renewal date last announced, so a contract renewed to a new date (by PATCH or by an import)
differs from it again and its new renewal gets its own event.

A sweep selects due contracts a batch at a time, then marks them with a guarded UPDATE
(`renewal_due_notified_for IS DISTINCT FROM renewal_date`, and still due) ... RETURNING, and
records an event for exactly the rows that UPDATE changed, in the same transaction. Two sweepers
at once (two inventory processes) therefore never announce a renewal twice: on PostgreSQL the
select locks its batch (`FOR UPDATE SKIP LOCKED`: the other sweeper takes other rows) and a row
changed meanwhile fails the guard; SQLite runs one writer at a time, and the second one's UPDATE
finds the marker already set.

The marker is not part of the contract's representation: setting it neither bumps the
contract's version (its ETag) nor its `updated_at`, nor leaves an audit entry.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    Table,
    and_,
    bindparam,
    exists,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from mops_inventory.contracts.models import Contract
from mops_inventory.contracts.renewal_window import notice_deadline, window_end
from mops_inventory.db import writes
from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.kit.db import new_id, utcnow

EVENT_TYPE = "contract.renewal_due"
BATCH_SIZE = 500

logger = logging.getLogger("mops.inventory.renewals")

_contracts: Table = Contract.__table__  # type: ignore[attr-defined]
_tools: Table = Tool.__table__  # type: ignore[attr-defined]


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


async def emit_due_renewals(
    session: AsyncSession,
    *,
    today: date,
    horizon_days: int,
    tenant_id: uuid.UUID | None = None,
    request_id: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Announces every due renewal not announced yet (of one tenant, or of all with None);
    commits one transaction per batch and returns how many events it recorded."""
    end = window_end(today, horizon_days)
    c = _contracts.c
    emitted = 0
    after: tuple[date, uuid.UUID] | None = None
    while True:
        stmt = (
            select(c.id, c.renewal_date, _tools.c.name)
            .join(_tools, _tools.c.id == c.tool_id)
            .where(*_due(today, end), _tools.c.status != ToolStatus.retired.value)
            .order_by(c.renewal_date, c.id)
            .limit(batch_size)
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
        batch = (await session.execute(stmt)).all()
        if not batch:
            await session.rollback()  # ends the (empty) transaction the select began
            return emitted
        after = (batch[-1].renewal_date, batch[-1].id)
        tool_names = {row.id: row.name for row in batch}
        marked = (
            await session.execute(
                update(_contracts)
                .where(c.id.in_(list(tool_names)), *_due(today, end), _tool_in_use())
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
        ).all()
        if marked:
            now = utcnow()
            rows = sorted(marked, key=lambda r: (r.renewal_date, r.id))
            await session.execute(
                writes.outbox.insert(),
                [
                    {
                        "id": new_id(),
                        "tenant_id": row.tenant_id,
                        "type": EVENT_TYPE,
                        "occurred_at": now,
                        "request_id": request_id,
                        "data": _payload(row, tool_names[row.id], today),
                        "attempts": 0,
                    }
                    for row in rows
                ],
            )
        await session.commit()
        emitted += len(marked)
        if len(batch) < batch_size:
            return emitted


def _payload(row: Any, tool_name: str, today: date) -> dict[str, Any]:
    renewal: date = row.renewal_date
    notice: int | None = row.notice_period_days
    deadline = renewal - timedelta(days=notice) if notice is not None else None
    return {
        "id": str(row.id),
        "tool_id": str(row.tool_id),
        "tool_name": tool_name,
        "renewal_date": renewal.isoformat(),
        "notice_period_days": notice,
        "notice_deadline": deadline.isoformat() if deadline is not None else None,
        "days_until_notice_deadline": (deadline - today).days if deadline is not None else None,
        "days_until_renewal": (renewal - today).days,
        "auto_renew": row.auto_renew,
        "annual_cost": {"amount_minor": row.annual_cost_minor, "currency": row.currency},
        "as_of": today.isoformat(),
    }


def utc_today() -> date:
    return datetime.now(UTC).date()


async def sweep_forever(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    interval_seconds: float,
    horizon_days: int,
    first_delay_seconds: float,
    today: Callable[[], date] = utc_today,
) -> None:
    """Sweeps every tenant every `interval_seconds`, the first time after `first_delay_seconds`.
    A failed sweep (the database down, say) is logged and tried again at the next tick."""
    delay = first_delay_seconds
    while True:
        await asyncio.sleep(delay)
        delay = interval_seconds
        try:
            async with sessionmaker() as session:
                emitted = await emit_due_renewals(session, today=today(), horizon_days=horizon_days)
        except Exception as exc:  # never let a bad tick end the loop (or the service)
            logger.warning(
                "renewal sweep failed; retrying at the next tick",
                extra={"error": repr(exc)[:500], "retry_in_seconds": interval_seconds},
            )
            continue
        if emitted:
            logger.info("renewal sweep", extra={"events_emitted": emitted})


async def stop_sweeper(task: asyncio.Task[None], *, timeout: float = 5.0) -> None:
    """Cancels the sweeper and waits for it a bounded time: shutdown is never held up."""
    task.cancel()
    await asyncio.wait({task}, timeout=timeout)
    if task.done() and not task.cancelled() and task.exception() is not None:
        logger.warning(
            "renewal sweeper ended with an error", extra={"error": repr(task.exception())}
        )
