"""The webhook worker: turns inbound events into outcomes and delivers outbound events.

By default it runs as a background task of the gateway process; in production it runs as
`mops worker` processes beside gateways started with MOPS_GATEWAY_WEBHOOK_WORKER_ENABLED=false.
Any number may run at once: each job claims its rows (FOR UPDATE SKIP LOCKED on PostgreSQL)
and leases them, so a row is worked by one worker at a time, and a worker that dies mid-way
only delays its rows until the lease ends.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx
from cryptography.fernet import Fernet
from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_gateway.config import GatewaySettings
from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.db import utcnow

log = logging.getLogger("mops.gateway.worker")

Clock = Callable[[], datetime]


@dataclass
class WorkerContext:
    """What the jobs share: the gateway's settings and database, the inventory, the box that
    decrypts secrets, and the clock (tests set their own)."""

    settings: GatewaySettings
    sessionmaker: async_sessionmaker[AsyncSession]
    inventory: InventoryClient
    box: Fernet
    clock: Clock = field(default=utcnow)

    @property
    def batch(self) -> int:
        return self.settings.webhook_worker_batch


Job = Callable[[WorkerContext], Awaitable[int]]


def jobs() -> dict[str, Job]:
    # Imported here: the jobs import the webhooks package, which imports this module's types.
    from mops_gateway.webhooks.outbound import deliver_due
    from mops_gateway.webhooks.processing import process_due

    return {"inbox": process_due, "deliveries": deliver_due}


async def run_once(context: WorkerContext) -> dict[str, int]:
    """Every job once, over what is due now: how many rows each finished."""
    done: dict[str, int] = {}
    for name, job in jobs().items():
        done[name] = await job(context)
    return done


async def run_until_stopped(context: WorkerContext, stop: asyncio.Event) -> None:
    """Round after round; sleeps only when a round found nothing. A failing round (the database
    away, say) is logged and retried after the idle wait, never fatal."""
    idle = context.settings.webhook_worker_poll_seconds
    while not stop.is_set():
        try:
            done = await run_once(context)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("webhook worker round failed")
            done = {}
        if not any(done.values()):
            try:
                await asyncio.wait_for(stop.wait(), timeout=idle)
            except TimeoutError:
                pass


async def claim_due(
    context: WorkerContext, table: Table, statuses: tuple[str, ...], lease_seconds: float
) -> list[uuid.UUID]:
    """Ids of up to a batch of rows in these states whose next attempt is due, leased to this
    worker: their next attempt moves `lease_seconds` ahead, so no other worker takes them
    meanwhile, and if this one dies they come due again.

    One statement (UPDATE ... WHERE id IN (SELECT ...) RETURNING id), so two workers never
    claim the same row: PostgreSQL's FOR UPDATE SKIP LOCKED makes a concurrent claim pass over
    rows being claimed; SQLite runs one writing statement at a time."""
    now = context.clock()
    due = (
        select(table.c.id)
        .where(table.c.status.in_(statuses), table.c.next_attempt_at <= now)
        .order_by(table.c.next_attempt_at)
        .limit(context.batch)
    )
    async with context.sessionmaker() as session:
        if session.get_bind().dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        claimed = await session.execute(
            update(table)
            .where(table.c.id.in_(due.scalar_subquery()))
            .values(next_attempt_at=now + timedelta(seconds=lease_seconds))
            .returning(table.c.id)
        )
        ids = list(claimed.scalars())
        await session.commit()
    return ids


async def run_standalone(settings: GatewaySettings) -> None:
    """`mops worker`: the same jobs as the gateway's background task, in a process of its own,
    until SIGINT or SIGTERM (the round in progress finishes first)."""
    import signal

    from mops_gateway.webhooks.service import secrets_box
    from mops_shared.kit.db import create_engine, create_sessionmaker

    engine = create_engine(settings.database_url)
    inventory = InventoryClient(
        settings.inventory_url,
        internal_secret=settings.internal_secret.get_secret_value(),
        timeout=httpx.Timeout(
            settings.upstream_read_timeout, connect=settings.upstream_connect_timeout
        ),
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    context = WorkerContext(
        settings=settings,
        sessionmaker=create_sessionmaker(engine),
        inventory=inventory,
        box=secrets_box(settings),
    )
    log.info("webhook worker started")
    try:
        await run_until_stopped(context, stop)
    finally:
        await inventory.aclose()
        await engine.dispose()
