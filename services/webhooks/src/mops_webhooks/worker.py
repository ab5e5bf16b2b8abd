"""The webhook worker: turns inbound events into outcomes and delivers outbound events.

By default it runs as a background task of the webhooks service; in production it may run as
`python -m mops_webhooks.worker` (or `mops worker`) processes beside services started with
MOPS_WEBHOOKS_WORKER_ENABLED=false.
Any number may run at once: each job claims its rows (FOR UPDATE SKIP LOCKED on PostgreSQL)
and leases them, so a row is worked by one worker at a time, and a worker that dies mid-way
only delays its rows until the lease ends.

The worker is a loop service (`mops_shared.kit.loop`) whose round runs every job registered in
`mops_webhooks.jobs`; it imports none of them (the webhooks package registers them).
"""

from __future__ import annotations

import asyncio
import logging

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.loop import LoopService, Pause, wait_or_stop
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.jobs import WorkerContext, registered

log = logging.getLogger("mops.webhooks.worker")

# How long the service's shutdown waits for the round in progress: a delivery round claims no
# more after ROUND_SECONDS (10) and each request is bounded by the delivery timeout (at most
# 15). A round cut short leaves its rows leased: they are worked again once the lease ends.
STOP_TIMEOUT_SECONDS = 30.0


async def run_jobs(context: WorkerContext) -> dict[str, int]:
    """Every registered job once, over what is due now: how many rows each finished."""
    done: dict[str, int] = {}
    for name, job in registered().items():
        done[name] = await job(context)
    return done


class WebhookWorker(LoopService):
    """Round after round; sleeps only when a round found nothing. A failing round (the database
    away, say) is logged and retried after the idle wait, never fatal."""

    logger = log
    failure_message = "webhook worker round failed"
    recovery_message = "webhook worker working again"

    def __init__(self, context: WorkerContext, *, pause: Pause = wait_or_stop) -> None:
        idle = context.settings.worker_poll_seconds
        # A failed round waits the idle interval, no longer: the worker's one pacing setting.
        super().__init__(
            name="webhook-worker",
            poll_seconds=idle,
            backoff_first_seconds=idle,
            backoff_max_seconds=idle,
            pause=pause,
        )
        self.context = context

    async def run_once(self) -> int:
        return sum((await run_jobs(self.context)).values())


async def run_standalone(settings: WebhooksSettings) -> None:
    """`mops worker`: the same jobs as the service's background task, in a process of its own,
    until SIGINT or SIGTERM (the round in progress finishes first)."""
    import signal

    from mops_shared.kit.db import create_engine, create_sessionmaker
    from mops_shared.kit.metrics import MetricsExporter
    from mops_shared.kit.tracing import configure_tracing
    from mops_webhooks.secrets import secrets_box

    configure_tracing("webhooks-worker")  # before the engine: it decides its statements' spans
    engine = create_engine(
        settings.database_url,
        pool_size=settings.pool_size(),
        pool_timeout=settings.database_pool_timeout,
    )
    inventory = InventoryClient(
        settings.inventory_url,
        internal_secret=settings.internal_secret.get_secret_value(),
        timeout=settings.downstream_timeout(),
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
    # Its own metrics port when one is set (MOPS_METRICS_PORT in a pod of its own): its loops'
    # iterations and work, its database pool, its process.
    metrics = MetricsExporter(
        "webhooks-worker", engine, settings.metrics_host, settings.metrics_port_to_use()
    )
    log.info("webhook worker started")
    try:
        await WebhookWorker(context).run(stop)
    finally:
        metrics.close()
        await inventory.aclose()
        await engine.dispose()


if __name__ == "__main__":
    from mops_shared.kit.observability import configure_logging

    worker_settings = WebhooksSettings()
    configure_logging("webhooks-worker", worker_settings.log_level)
    asyncio.run(run_standalone(worker_settings))
