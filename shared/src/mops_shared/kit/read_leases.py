"""Read connections kept a moment between GETs, instead of going back to the pool each time.

Checking a connection out of SQLAlchemy's pool and back in costs ~50 µs of CPU whatever the
engine (the AsyncConnection, a greenlet, the Connection and its events, the pool's record and its
reset): more than a by-id read's own statement on the driver (`kit.driver_reads`). A read engine
made with leases (`kit.db.create_read_engine(..., leases=True)`, PostgreSQL) keeps the
connection a GET has finished with, and gives it to the next GET: a few microseconds.

What is kept is bounded, so that writes, which share the pool, are never starved: a connection
is kept only while nobody waits for one of the pool's (else it goes to them, in the pool's
order) and the pool has room for others (at saturation nothing is kept), at most `max_idle` of
them (a quarter of the pool), each for at most `IDLE_SECONDS` unused, then checked back in.
Only a connection that ended its read cleanly is kept (no exception, not closed or
invalidated, back in autocommit); any other goes back to the pool, which resets or discards it
as it always has. The service's lifespan checks the idle ones back in before it disposes of
the pool (`release_idle`). Connections are tied to the event loop that made them: a lease is
only given in its own loop.

Under saturation (every connection of the pool out), a read does not queue in the pool: it
queues here, and a read that ends hands its connection straight to the first read queued,
without checking it in and out (at 32 concurrent reads of a unit by id on a pool of 8, that
took a read from ~2 750 to ~4 050 req/s). Writes keep their turn: a connection is handed over
only while nobody waits in the pool's own queue (writes, and reads begun before the pool
filled); otherwise it is checked in for them. A connection checked in while reads are queued
here, and nobody waits in the pool, wakes the first of them to ask the pool: a read never
waits for a read while a connection is free. A read queued longer than the pool's timeout
gets the pool's TimeoutError (a 503 with Retry-After, as from the pool).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections import deque
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

# An idle lease older than this goes back to the pool: under load a lease is taken again within
# microseconds; when the load stops, the pool has its connections back within a few ms.
IDLE_SECONDS = 0.005


class ReadLeases:
    """The idle leases of one read engine (one pool), in one event loop."""

    def __init__(self, engine: AsyncEngine, max_idle: int) -> None:
        self.engine = engine.sync_engine
        self.max_idle = max_idle
        self.idle: list[tuple[AsyncConnection, float]] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.closing: set[asyncio.Task[None]] = set()
        # Reads waiting for a connection under saturation: each gets a read's connection
        # handed over, or None (then it asks the pool, where a connection was just checked in).
        self.queued: deque[asyncio.Future[AsyncConnection | None]] = deque()
        event.listen(self.engine.pool, "checkin", self._checked_in)

    def take(self) -> AsyncConnection | None:
        """The most recently kept connection of this loop, if any."""
        if not self.idle or self.loop is not asyncio.get_running_loop():
            return None
        return self.idle.pop()[0]

    async def handed_over(self) -> AsyncConnection | None:
        """When every connection of the pool is out, or others wait for one (here or in the
        pool), the connection the next read to end hands over, in turn (or None, when one is
        checked in first: then ask the pool); None at once when the pool has room for all.

        A read queues behind the others even when a connection was just checked in: that
        connection is for whoever the pool woke, which has not run yet (under load, new reads
        took it from a waiting write each time, and writes took 0.2-0.5 s instead of 30 ms)."""
        loop = asyncio.get_running_loop()
        pool: Any = self.engine.pool
        if self.loop not in (loop, None) or not (
            self.queued or pool.checkedout() >= pool.size() or pool_waiters(pool)
        ):
            return None
        self.loop = loop
        waiter: asyncio.Future[AsyncConnection | None] = loop.create_future()
        self.queued.append(waiter)
        timer = loop.call_later(pool.timeout(), _time_out, waiter, pool)
        try:
            return await waiter
        except asyncio.CancelledError:
            # Cancelled just as a connection was handed over: it goes to the next read.
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                conn = waiter.result()
                if conn is not None and not self.hand_over(conn):
                    await asyncio.shield(conn.close())
            raise
        finally:
            timer.cancel()
            if not waiter.done() or waiter.cancelled() or waiter.exception() is not None:
                with contextlib.suppress(ValueError):
                    self.queued.remove(waiter)

    def hand_over(self, conn: AsyncConnection) -> bool:
        """Gives `conn`, which a read ended with cleanly, to the first read queued, unless
        someone waits in the pool's own queue (it is then checked in, for them)."""
        if pool_waiters(self.engine.pool) or not _reusable(conn):
            return False
        waiter = self._first_queued()
        if waiter is None:
            return False
        waiter.set_result(conn)
        return True

    def _checked_in(self, _dbapi_connection: Any, _record: Any) -> None:
        # A connection is back in the pool: the first read queued asks the pool for it, unless
        # it is for someone already waiting there (woken now, it could take it from them).
        if pool_waiters(self.engine.pool):
            return
        waiter = self._first_queued()
        if waiter is not None:
            waiter.set_result(None)

    def _first_queued(self) -> asyncio.Future[AsyncConnection | None] | None:
        """The first queued read still waiting, taken off the queue (the others before it
        were answered already: timed out or cancelled)."""
        while self.queued:
            waiter = self.queued.popleft()
            if not waiter.done():
                return waiter
        return None

    def keep(self, conn: AsyncConnection) -> bool:
        """Keeps `conn` for the next read, if it is reusable and there is room."""
        loop = asyncio.get_running_loop()
        if self.loop is not loop:
            if self.idle:  # another loop's (a test's): not ours to use, nor to close from here
                return False
            self.loop = loop
        if len(self.idle) >= self.max_idle or not _reusable(conn):
            return False
        # Kept only while the pool has room for others: never while anyone waits, nor when
        # every connection it may hold is out (at saturation, keeping one would take it from
        # whoever asks the pool next).
        pool: Any = self.engine.pool  # a QueuePool (PostgreSQL's): size and checkedout
        if pool.checkedout() >= pool.size() or pool_waiters(pool):
            return False
        self.idle.append((conn, time.monotonic()))
        if self.timer is None:
            self.timer = loop.call_later(IDLE_SECONDS, self._expire)
        return True

    def _expire(self) -> None:
        self.timer = None
        cutoff = time.monotonic() - IDLE_SECONDS
        stale = [conn for conn, kept in self.idle if kept <= cutoff]
        self.idle = [(conn, kept) for conn, kept in self.idle if kept > cutoff]
        for conn in stale:
            task = asyncio.ensure_future(conn.close())
            self.closing.add(task)
            task.add_done_callback(self.closing.discard)
        if self.idle and self.loop is not None:
            self.timer = self.loop.call_later(IDLE_SECONDS, self._expire)

    async def release(self) -> None:
        """Every idle lease checked back in (before the pool is disposed of)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        idle, self.idle = self.idle, []
        if self.loop is asyncio.get_running_loop():
            for conn, _ in idle:
                await conn.close()
        if self.closing:
            await asyncio.gather(*self.closing, return_exceptions=True)


def pool_waiters(pool: Any) -> int:
    """How many wait for one of the pool's connections. QueuePool's queue of idle connections is
    an asyncio.Queue under the async engine, made on first use (read from __dict__, so as not
    to make it here): its getters are the waiters."""
    queue = getattr(getattr(pool, "_pool", None), "__dict__", {}).get("_queue")
    return len(getattr(queue, "_getters", None) or ())


def _time_out(waiter: asyncio.Future[AsyncConnection | None], pool: Any) -> None:
    """A read queued for the pool's timeout: it asks the pool if the pool has room (a
    connection came back unannounced), else it fails as the pool's own wait would."""
    if waiter.done():
        return
    if pool.checkedout() < pool.size():
        waiter.set_result(None)
        return
    waiter.set_exception(
        PoolTimeout(f"no connection for this read within {pool.timeout()} s: all are in use")
    )


def _reusable(conn: AsyncConnection) -> bool:
    sync = conn.sync_connection
    if sync is None or sync.closed or sync.invalidated:
        return False
    adapter: Any = sync.connection.dbapi_connection
    return getattr(adapter, "isolation_level", None) == "autocommit"


# By the read engine (the OptionEngine `create_read_engine` makes): an engine without an entry
# checks its connections out and in as SQLAlchemy does.
_LEASES: weakref.WeakKeyDictionary[Any, ReadLeases] = weakref.WeakKeyDictionary()


def enable(engine: AsyncEngine, max_idle: int) -> None:
    _LEASES[engine.sync_engine] = ReadLeases(engine, max_idle)


def leases_of(engine: AsyncEngine) -> ReadLeases | None:
    return _LEASES.get(engine.sync_engine)


async def release_idle(engine: AsyncEngine) -> None:
    leases = _LEASES.get(engine.sync_engine)
    if leases is not None:
        await leases.release()


def queued_count(pool: Any) -> int:
    """How many reads wait here for one of the pool's connections (for its gauges)."""
    return sum(len(each.queued) for each in list(_LEASES.values()) if each.engine.pool is pool)


def idle_count(pool: Any) -> int:
    """How many of the pool's checked-out connections are idle leases (for its gauges)."""
    return sum(len(each.idle) for each in list(_LEASES.values()) if each.engine.pool is pool)
