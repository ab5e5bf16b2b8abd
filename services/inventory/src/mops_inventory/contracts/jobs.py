"""The inventory's contracts' background work: the renewal sweep, which announces
`contract.renewal_due`, the one domain event no request triggers; it falls due as time passes.

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

Each inventory process runs the sweep as a loop service (`RenewalSweep`); an admin runs it for
their own tenant now with `POST /v1/inventory/admin/renewal-sweep` (`emit_due_renewals`).
"""

from __future__ import annotations

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
from mops_shared.kit.loop import LoopService, Pause, wait_or_stop

EVENT_TYPE = "contract.renewal_due"
BATCH_SIZE = 500
# The first background sweep runs this long after startup (sooner with a shorter interval).
FIRST_SWEEP_DELAY_SECONDS = 5.0

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


class RenewalSweep(LoopService):
    """Sweeps every tenant every `interval_seconds`, the first time after FIRST_SWEEP_DELAY_SECONDS
    (or the interval, if shorter). A failed sweep (the database down, say) is logged and tried
    again at the next tick."""

    logger = logger
    failure_message = "renewal sweep failed; retrying at the next tick"
    # Sweeps are an hour apart by default: each failure is worth its warning.
    warn_every_failure = True

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        interval_seconds: float,
        horizon_days: int,
        today: Callable[[], date] = utc_today,
        pause: Pause = wait_or_stop,
    ) -> None:
        # The next tick, failed or not: no backoff beyond the interval.
        super().__init__(
            name="inventory-renewal-sweep",
            poll_seconds=interval_seconds,
            backoff_first_seconds=interval_seconds,
            backoff_max_seconds=interval_seconds,
            first_delay_seconds=min(FIRST_SWEEP_DELAY_SECONDS, interval_seconds),
            pause=pause,
        )
        self.sessionmaker = sessionmaker
        self.horizon_days = horizon_days
        self.today = today

    async def run_once(self) -> int:
        async with self.sessionmaker() as session:
            emitted = await emit_due_renewals(
                session, today=self.today(), horizon_days=self.horizon_days
            )
        if emitted:
            logger.info("renewal sweep", extra={"events_emitted": emitted})
        return emitted

    def more_waiting(self, done: int) -> bool:
        return False  # a sweep goes through every batch itself: the next one is a tick away
