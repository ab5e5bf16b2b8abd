"""Read connections kept between reads (`kit.read_leases`): given to the next read, never kept
from anyone waiting for the pool, never kept after a failed read, checked back in when idle;
under saturation handed from read to read, writes waiting in the pool served first."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio
from sqlalchemy import event, text
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from mops_shared.kit import read_leases
from mops_shared.kit.db import create_engine, create_read_engine
from mops_shared.kit.errors import is_database_unavailable
from mops_shared.kit.metrics import POOLS
from mops_shared.kit.reads import read_connection
from tests.support import backend, postgres_admin_url

pytestmark = pytest.mark.asyncio

_ON_POSTGRESQL = backend() == "postgres"
postgres_only = pytest.mark.skipif(
    not _ON_POSTGRESQL, reason="leases are kept on PostgreSQL (MOPS_TEST_DATABASE=postgres)"
)


@pytest_asyncio.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    url = postgres_admin_url() if _ON_POSTGRESQL else f"sqlite+aiosqlite:///{tmp_path}/a.db"
    engine = create_engine(url, pool_size=4, pool_timeout=5)
    try:
        yield engine
    finally:
        await engine.dispose()


async def _read(read_engine: AsyncEngine) -> object:
    async with read_connection(read_engine) as conn:
        assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        return conn


async def _until(condition: Callable[[], object]) -> None:
    for _ in range(2000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("the condition was never met")


def _checkouts(engine: AsyncEngine) -> list[int]:
    count = [0]

    def counted(*_: object) -> None:
        count[0] += 1

    event.listen(engine.sync_engine.pool, "checkout", counted)
    return count


def _pool_states(engine: AsyncEngine) -> dict[str, float]:
    pool = engine.sync_engine.pool
    POOLS.pools[id(pool)] = ("leases-test", pool)
    try:
        (family,) = POOLS.collect()
        return {
            s.labels["state"]: s.value
            for s in family.samples
            if s.labels["service"] == "leases-test"
        }
    finally:
        del POOLS.pools[id(pool)]


@dataclass
class _FullPool:
    """A pool of 4 with every connection out: three writes, say, and one read in progress."""

    engine: AsyncEngine
    read_engine: AsyncEngine
    leases: read_leases.ReadLeases
    held: list[AsyncConnection]
    reading: AbstractAsyncContextManager[AsyncConnection]
    first: AsyncConnection
    finished: list[str] = field(default_factory=list)

    async def end_reading(self) -> None:
        await self.reading.__aexit__(None, None, None)

    async def read(self, name: str = "read") -> None:
        await _read(self.read_engine)
        self.finished.append(name)

    async def write(self, hold_seconds: float = 0.0) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
            self.finished.append("write")
            await asyncio.sleep(hold_seconds)


@asynccontextmanager
async def _full_pool(engine: AsyncEngine) -> AsyncIterator[_FullPool]:
    read_engine = create_read_engine(engine, leases=True)
    leases = read_leases.leases_of(read_engine)
    assert leases is not None
    held = [await engine.connect().start() for _ in range(3)]
    reading = read_connection(read_engine)
    first = await reading.__aenter__()  # the pool's last connection
    try:
        yield _FullPool(engine, read_engine, leases, held, reading, first)
    finally:
        await read_leases.release_idle(read_engine)
        for conn in held:
            await conn.close()


async def test_sqlite_reads_check_their_connection_in_at_once(engine: AsyncEngine) -> None:
    if _ON_POSTGRESQL:
        assert read_leases.leases_of(create_read_engine(engine, leases=True)) is not None
        assert read_leases.leases_of(create_read_engine(engine)) is None  # only when asked
        return
    read_engine = create_read_engine(engine, leases=True)
    assert read_leases.leases_of(read_engine) is None
    await _read(read_engine)
    assert engine.sync_engine.pool.checkedout() == 0


@postgres_only
async def test_a_read_connection_goes_to_the_next_read_then_back_to_the_pool(
    engine: AsyncEngine,
) -> None:
    read_engine = create_read_engine(engine, leases=True)
    pool = engine.sync_engine.pool
    first = await _read(read_engine)
    assert pool.checkedout() == 1  # kept...
    assert read_leases.idle_count(pool) == 1
    assert await _read(read_engine) is first  # ...for the next read
    await asyncio.sleep(read_leases.IDLE_SECONDS * 4)
    assert (pool.checkedout(), read_leases.idle_count(pool)) == (0, 0)  # then checked in
    # The gauges count a kept connection as idle, not in use.
    await _read(read_engine)
    states = _pool_states(engine)
    assert (states["in_use"], states["idle"]) == (0, 1)
    await read_leases.release_idle(read_engine)
    assert pool.checkedout() == 0


@postgres_only
async def test_a_failed_read_gives_its_connection_back_to_the_pool(engine: AsyncEngine) -> None:
    read_engine = create_read_engine(engine, leases=True)
    pool = engine.sync_engine.pool

    used: list[object] = []

    async def failing() -> None:
        async with read_connection(read_engine) as conn:
            used.append(conn)
            await conn.execute(text("SELECT 1"))
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        await failing()
    assert pool.checkedout() == 0
    assert await _read(read_engine) is not used[0]
    assert read_leases.idle_count(pool) == 1  # a clean read is kept, as ever
    await read_leases.release_idle(read_engine)
    assert pool.checkedout() == 0


@postgres_only
async def test_no_more_than_a_quarter_of_the_pool_is_kept(engine: AsyncEngine) -> None:
    read_engine = create_read_engine(engine, leases=True)  # a pool of 4: one kept
    pool = engine.sync_engine.pool
    async with read_connection(read_engine), read_connection(read_engine):
        assert pool.checkedout() == 2
    assert (pool.checkedout(), read_leases.idle_count(pool)) == (1, 1)
    await read_leases.release_idle(read_engine)


@postgres_only
async def test_a_connection_is_never_kept_from_someone_waiting_for_the_pool(
    engine: AsyncEngine,
) -> None:
    pool = engine.sync_engine.pool
    async with _full_pool(engine) as full:
        waiter = asyncio.create_task(_read(engine))  # a writer, waiting for the pool
        await _until(lambda: read_leases.pool_waiters(pool))
        await full.end_reading()  # the read ends: its connection goes to the waiter
        await asyncio.wait_for(waiter, timeout=1)
        assert read_leases.idle_count(pool) == 0


@postgres_only
async def test_nothing_is_kept_when_the_pool_has_no_room_for_anyone_else(
    engine: AsyncEngine,
) -> None:
    read_engine = create_read_engine(engine, leases=True)
    pool = engine.sync_engine.pool
    held = [await engine.connect().start() for _ in range(3)]
    await _read(read_engine)  # the pool's last connection: nobody waits, but it is full
    assert (pool.checkedout(), read_leases.idle_count(pool)) == (3, 0)
    await held.pop().close()
    await _read(read_engine)  # now there is room: kept
    assert read_leases.idle_count(pool) == 1
    await read_leases.release_idle(read_engine)
    for conn in held:
        await conn.close()


# --- under saturation: reads queued here, connections handed from read to read ------------------


@postgres_only
async def test_under_saturation_a_read_hands_its_connection_to_the_next_read(
    engine: AsyncEngine,
) -> None:
    async with _full_pool(engine) as full:
        checkouts = _checkouts(engine)
        queued = asyncio.create_task(_read(full.read_engine))
        await _until(lambda: full.leases.queued)
        assert read_leases.pool_waiters(engine.sync_engine.pool) == 0  # queued here, not there
        assert _pool_states(engine)["waiting"] == 1  # and the gauge counts it waiting
        await full.end_reading()
        assert await asyncio.wait_for(queued, timeout=1) is full.first  # handed over...
        assert checkouts[0] == 0  # ...without a check-in and a check-out
    assert engine.sync_engine.pool.checkedout() == 0


@postgres_only
async def test_a_write_waiting_in_the_pool_goes_before_reads_queued_for_a_hand_over(
    engine: AsyncEngine,
) -> None:
    async with _full_pool(engine) as full:
        queued_read = asyncio.create_task(full.read())
        await _until(lambda: full.leases.queued)
        # The write holds its connection a moment: the read waits for it.
        writer = asyncio.create_task(full.write(hold_seconds=0.05))
        await _until(lambda: read_leases.pool_waiters(engine.sync_engine.pool))
        await full.end_reading()  # to the writer, not to the read queued first
        await asyncio.wait_for(asyncio.gather(queued_read, writer), timeout=2)
        assert full.finished == ["write", "read"]


@postgres_only
async def test_a_connection_checked_in_goes_to_a_queued_read_at_once(engine: AsyncEngine) -> None:
    async with _full_pool(engine) as full:  # its read: a long report, say, ending after the test
        queued = asyncio.create_task(_read(full.read_engine))
        await _until(lambda: full.leases.queued)
        await full.held.pop().close()  # a write ends: the queued read need not wait for the report
        await asyncio.wait_for(queued, timeout=1)
        await full.end_reading()


@postgres_only
async def test_a_read_queued_longer_than_the_pool_timeout_fails_as_the_pool_would() -> None:
    engine = create_engine(postgres_admin_url(), pool_size=2, pool_timeout=0.2)
    try:
        read_engine = create_read_engine(engine, leases=True)
        held = await engine.connect().start()
        reading = read_connection(read_engine)
        await reading.__aenter__()
        started = asyncio.get_running_loop().time()
        with pytest.raises(PoolTimeout) as failure:
            await _read(read_engine)
        assert 0.15 < asyncio.get_running_loop().time() - started < 1.0
        assert is_database_unavailable(failure.value)  # answered 503 + Retry-After
        leases = read_leases.leases_of(read_engine)
        assert leases is not None
        assert not leases.queued
        await reading.__aexit__(None, None, None)
        await held.close()
        await _read(read_engine)  # the pool serves reads again
        await read_leases.release_idle(read_engine)
    finally:
        await engine.dispose()


@postgres_only
async def test_a_read_arriving_as_a_waiting_write_is_woken_does_not_take_its_connection(
    engine: AsyncEngine,
) -> None:
    pool = engine.sync_engine.pool
    async with _full_pool(engine) as full:
        queued_read = asyncio.create_task(full.read("queued read"))
        await _until(lambda: full.leases.queued)
        writer = asyncio.create_task(full.write())
        await _until(lambda: read_leases.pool_waiters(pool))
        late: list[asyncio.Task[None]] = []

        def arrives(*_: object) -> None:  # a read arriving just as the connection is checked
            late.append(asyncio.create_task(full.read("late read")))  # in: before the write

        event.listen(pool, "checkin", arrives, once=True)
        await full.end_reading()
        (late_read,) = late
        await asyncio.wait_for(asyncio.gather(queued_read, writer, late_read), timeout=2)
        assert full.finished == ["write", "queued read", "late read"]
