"""Prometheus metrics of a service process, with the Prometheus project's own client.

Served on a port of their own (`MOPS_<S>_METRICS_PORT`, or `MOPS_METRICS_PORT` for every
process; off when unset), never on the service's port: the gateway's port is the public edge,
and a scrape must not pass through the middleware it measures.

- `mops_http_request_duration_seconds{service, route, method, status_class}`: a histogram of
  every request, by route template (`/v1/org/units/{unit_id}`), so its `_count` is the request
  rate and `status_class="5xx"` the errors. A path no route matched is `route="unmatched"`, and
  the gateway's proxied requests are `proxy:<area>`: the label's values stay few.
- `mops_db_pool_connections{service, state}`: the database pool's connections in use, idle and
  requests waiting for one, read when scraped.
- gauges read from the service's own tables when scraped (`GaugeRead`): the outbox's backlog
  and the age of its oldest unpublished event, for every service with an outbox; the webhooks
  service adds its inbox and deliveries.
- `mops_loop_iterations_total{loop, outcome}` and `mops_loop_items_total{loop}`: the background
  loops (outbox relays, the renewal sweep and its announcements, the webhook worker).
- the client's own process and Python collectors (resident memory, CPU, open files, GC).

Observing a request costs one dict look-up and the histogram's own observe (about 2 µs).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from prometheus_client import REGISTRY, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from starlette.types import Scope

from mops_shared.kit import read_leases

logger = logging.getLogger("mops.metrics")

# The route a request matched, for requests answered outside FastAPI's routing (the fast paths,
# the gateway's proxy): they set it in the scope under this key.
ROUTE_KEY = "mops.route"
UNMATCHED = "unmatched"

REQUEST_DURATION = Histogram(
    "mops_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by route template and status class.",
    ["service", "route", "method", "status_class"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
# The background loops (kit.loop): the outbox relays, the renewal sweep, the webhook worker.
LOOP_ITERATIONS = Counter(
    "mops_loop_iterations",
    "Iterations of a background loop, by loop and outcome (ok, failed).",
    ["loop", "outcome"],
)
LOOP_ITEMS = Counter(
    "mops_loop_items",
    "What a background loop's iterations did: events relayed, renewals announced, inbound "
    "events and deliveries worked.",
    ["loop"],
)
_STATUS_CLASSES = {n: f"{n}xx" for n in range(1, 6)}
# The histogram's child per label set, found with one dict look-up instead of `labels()` (which
# takes a lock and builds a tuple of strings) on every request.
_children: dict[tuple[str, str, str, str], Any] = {}


def route_of(scope: Scope) -> str:
    """The template of the route `scope` was answered by, `unmatched` when there was none."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    named = scope.get(ROUTE_KEY)
    return named if isinstance(named, str) else UNMATCHED


# Requests observed by this process, by every app: `kit.memory` trims the heap once they stop.
_requests_observed = 0


def requests_observed() -> int:
    return _requests_observed


def observe_request(service: str, scope: Scope, status: int, seconds: float) -> None:
    global _requests_observed
    _requests_observed += 1
    key = (service, route_of(scope), scope["method"], _STATUS_CLASSES.get(status // 100, "other"))
    child = _children.get(key)
    if child is None:
        child = _children[key] = REQUEST_DURATION.labels(*key)
    child.observe(seconds)


class PoolCollector(Collector):
    """The connections of the database pools of this process's services, read when Prometheus
    scrapes (from the exporter's thread: plain integers, read without the pools' locks). One
    collector for the process, registered once: apps (several in a test process) add and
    remove their pools."""

    def __init__(self) -> None:
        self.pools: dict[int, tuple[str, Any]] = {}

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "mops_db_pool_connections",
            "The database pool's connections: in use, idle, and requests waiting for one.",
            labels=["service", "state"],
        )
        totals: dict[tuple[str, str], int] = {}
        for service, pool in list(self.pools.values()):
            # A read's connection kept for the next read is idle, though checked out.
            leased = read_leases.idle_count(pool)
            for state, value in (
                ("in_use", _count(pool, "checkedout") - leased),
                ("idle", _count(pool, "checkedin") + leased),
                # Reads queued for a connection a read hands over wait too (kit.read_leases).
                ("waiting", read_leases.pool_waiters(pool) + read_leases.queued_count(pool)),
            ):
                totals[(service, state)] = totals.get((service, state), 0) + value
        for labels, value in totals.items():
            family.add_metric(list(labels), value)
        yield family


POOLS = PoolCollector()
REGISTRY.register(POOLS)


def _count(pool: Any, method: str) -> int:
    counter = getattr(pool, method, None)
    return int(counter()) if callable(counter) else 0


# Gauges read from a service's tables when Prometheus scrapes: a function of a read connection.
GaugeRead = Callable[[AsyncConnection], Awaitable[list[GaugeMetricFamily]]]
# How long a scrape waits for the database before it answers without those gauges (a missing
# series is what an alert on them sees then).
READ_TIMEOUT_SECONDS = 5.0


class DatabaseGauges(Collector):
    """The gauges every app of the process reads from its tables: each read runs on its app's
    event loop (the exporter's thread waits for it), on a connection of its read engine."""

    def __init__(self) -> None:
        self.sources: dict[int, tuple[asyncio.AbstractEventLoop, AsyncEngine, GaugeRead]] = {}

    def collect(self) -> Iterator[GaugeMetricFamily]:
        for loop, engine, read in list(self.sources.values()):
            if _running_loop() is loop:
                continue  # asked from the loop itself (a test reading the registry): no waiting
            try:
                families = asyncio.run_coroutine_threadsafe(_read(engine, read), loop).result(
                    timeout=READ_TIMEOUT_SECONDS
                )
            except Exception as exc:
                logger.warning("metrics: a read of the database failed", extra={"error": repr(exc)})
                continue
            yield from families


async def _read(engine: AsyncEngine, read: GaugeRead) -> list[GaugeMetricFamily]:
    async with engine.connect() as conn:
        return await read(conn)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


DATABASE_GAUGES = DatabaseGauges()
REGISTRY.register(DATABASE_GAUGES)


def age_seconds(oldest: datetime | None) -> float:
    """Seconds since `oldest` (0 when there is none: nothing is waiting)."""
    if oldest is None:
        return 0.0
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    return max(0.0, (datetime.now(UTC) - oldest).total_seconds())


def outbox_gauges(service: str, outbox: Table) -> GaugeRead:
    """The outbox's unpublished events and the age of the oldest: a relay that cannot reach
    the webhooks service shows here first."""

    async def read(conn: AsyncConnection) -> list[GaugeMetricFamily]:
        unpublished = outbox.c.published_at.is_(None)
        count, oldest = (
            await conn.execute(
                select(func.count(), func.min(outbox.c.occurred_at)).where(unpublished)
            )
        ).one()
        backlog = GaugeMetricFamily(
            "mops_outbox_unpublished_events",
            "Domain events in the outbox not yet relayed to the webhooks service.",
            labels=["service"],
        )
        backlog.add_metric([service], count)
        age = GaugeMetricFamily(
            "mops_outbox_oldest_unpublished_seconds",
            "Age of the oldest event not yet relayed (0 when none waits).",
            labels=["service"],
        )
        age.add_metric([service], age_seconds(oldest))
        return [backlog, age]

    return read


class MetricsExporter:
    """A service app's part in its process's metrics: its pool and its tables' `gauges` among
    the gauges and, when a port is given, the `/metrics` HTTP server (its own thread); `close`
    ends them. Made on the app's event loop (its lifespan), where the table reads run."""

    def __init__(
        self,
        service: str,
        engine: AsyncEngine,
        host: str,
        port: int | None,
        gauges: Sequence[GaugeRead] = (),
    ) -> None:
        POOLS.pools[id(self)] = (service, engine.sync_engine.pool)
        loop = asyncio.get_running_loop()
        for read in gauges:
            DATABASE_GAUGES.sources[id(read)] = (loop, engine, read)
        self.gauges = list(gauges)
        self.server: Any = None
        if port is not None:
            self.server, _ = start_http_server(port, addr=host)

    @property
    def port(self) -> int | None:
        return int(self.server.server_port) if self.server is not None else None

    def close(self) -> None:
        POOLS.pools.pop(id(self), None)
        for read in self.gauges:
            DATABASE_GAUGES.sources.pop(id(read), None)
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
