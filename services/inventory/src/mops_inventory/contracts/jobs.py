"""The inventory's contracts' background work: the renewal sweep, which announces
`contract.renewal_due`, the one domain event no request triggers; it falls due as time passes.

A contract is due when its renewal is still ahead (`renewal_date >= today`) and its notice
deadline (its renewal date when it has no notice period) is no later than `today + horizon_days`,
the definition of the renewals report, both taken from contracts/renewal_window.py.
Each (contract, renewal_date) is announced once: `contracts.renewal_due_notified_for` keeps the
renewal date last announced, so a contract renewed to a new date (by PATCH or by an import)
differs from it again and its new renewal gets its own event.

A sweep selects due contracts a batch at a time (its queries are in contracts/repository.py),
then marks them with a guarded UPDATE
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

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_inventory.contracts import repository
from mops_inventory.contracts.renewal_window import window_end
from mops_shared.kit.db import new_id, utcnow
from mops_shared.kit.loop import LoopService, Pause, wait_or_stop

EVENT_TYPE = "contract.renewal_due"
BATCH_SIZE = 500
# The first background sweep runs this long after startup (sooner with a shorter interval).
FIRST_SWEEP_DELAY_SECONDS = 5.0

logger = logging.getLogger("mops.inventory.renewals")


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
    emitted = 0
    after: tuple[date, uuid.UUID] | None = None
    while True:
        batch = await repository.due_batch(
            session, today=today, end=end, tenant_id=tenant_id, after=after, limit=batch_size
        )
        if not batch:
            await session.rollback()  # ends the (empty) transaction the select began
            return emitted
        after = (batch[-1].renewal_date, batch[-1].id)
        tool_names = {row.id: row.name for row in batch}
        marked = await repository.mark_announced(session, list(tool_names), today=today, end=end)
        if marked:
            now = utcnow()
            rows = sorted(marked, key=lambda r: (r.renewal_date, r.id))
            await repository.add_events(
                session,
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
