"""Read connections kept between reads (`kit.read_leases`): given to the next read, never kept
from anyone waiting for the pool, never kept after a failed read, checked back in when idle."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from mops_shared.kit import read_leases
from mops_shared.kit.db import create_engine, create_read_engine
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
    POOLS.pools[id(pool)] = ("leases-test", pool)
    try:
        (family,) = POOLS.collect()
        states = {
            s.labels["state"]: s.value
            for s in family.samples
            if s.labels["service"] == "leases-test"
        }
    finally:
        del POOLS.pools[id(pool)]
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
    read_engine = create_read_engine(engine, leases=True)
    pool = engine.sync_engine.pool
    held = [await engine.connect().start() for _ in range(3)]  # writes, say
    reading = read_connection(read_engine)
    await reading.__aenter__()  # the pool's last connection
    waiter = asyncio.create_task(_read(engine))  # a writer, waiting for the pool
    while not read_leases.pool_waiters(pool):
        await asyncio.sleep(0.001)
    await reading.__aexit__(None, None, None)  # the read ends: its connection goes to the waiter
    await asyncio.wait_for(waiter, timeout=1)
    assert read_leases.idle_count(pool) == 0
    for conn in held:
        await conn.close()


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
