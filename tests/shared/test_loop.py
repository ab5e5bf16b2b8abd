"""The loop service every background job runs on (`mops_shared.kit.loop`): its pacing (poll,
straight on, backoff with a cap), its logging (once per streak), its stop (the iteration in
progress ends, or is cancelled after the timeout), and the leased claim, on the suite's backend.

The relay, the webhook worker and the renewal sweep are tested with their services; here the
loop is driven by a scripted service and its waits recorded instead of slept.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from prometheus_client import REGISTRY
from sqlalchemy import Column, DateTime, MetaData, String, Table, Uuid, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_shared.kit.db import create_engine, create_sessionmaker
from mops_shared.kit.loop import LoopService, Pause, backoff_seconds, claim_leased, wait_or_stop
from tests.support import drop_postgres_database, new_database

LOGGER = "mops.test.loop"
ITERATIONS = "mops_loop_iterations_total"


class Pauses:
    """Records the loop's waits instead of sleeping; sets `stop` after `limit` of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seconds: list[float] = []

    async def __call__(self, stop: asyncio.Event, seconds: float) -> None:
        self.seconds.append(seconds)
        if len(self.seconds) >= self.limit:
            stop.set()


class Scripted(LoopService):
    """Each iteration takes the next step: a number (the work it did) or an exception (raised)."""

    logger = logging.getLogger(LOGGER)
    failure_message = "scripted work failed"
    recovery_message = "scripted work again"

    def __init__(
        self,
        steps: list[int | Exception],
        *,
        pause: Pause = wait_or_stop,
        backoff_first_seconds: float = 1.0,
        backoff_max_seconds: float = 60.0,
        first_delay_seconds: float = 0.0,
    ) -> None:
        super().__init__(
            name="scripted",
            poll_seconds=0.5,
            pause=pause,
            backoff_first_seconds=backoff_first_seconds,
            backoff_max_seconds=backoff_max_seconds,
            first_delay_seconds=first_delay_seconds,
        )
        self.steps = list(steps)
        self.iterations = 0
        self.closed = False

    async def run_once(self) -> int:
        self.iterations += 1
        step = self.steps.pop(0) if self.steps else 0
        if isinstance(step, Exception):
            raise step
        return step

    async def close(self) -> None:
        self.closed = True


def test_the_backoff_doubles_from_its_first_wait_up_to_its_cap() -> None:
    assert [backoff_seconds(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert [backoff_seconds(n, first=0.5, cap=3) for n in range(1, 5)] == [0.5, 1, 2, 3]
    assert backoff_seconds(10_000) == 60  # no overflow however long the streak


@pytest.mark.asyncio
async def test_work_goes_straight_on_and_an_idle_loop_waits_the_poll_interval() -> None:
    pauses = Pauses(limit=2)
    service = Scripted([3, 2, 0, 5, 0], pause=pauses)
    await service.run(asyncio.Event())
    assert service.iterations == 5
    assert pauses.seconds == [0.5, 0.5]  # after each idle iteration only


@pytest.mark.asyncio
async def test_iterations_and_their_work_are_counted_for_prometheus() -> None:
    def sample(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, {"loop": "scripted", **labels}) or 0.0

    ok, failed = sample(ITERATIONS, outcome="ok"), sample(ITERATIONS, outcome="failed")
    items = sample("mops_loop_items_total")
    down = ConnectionRefusedError("the database is down")
    service = Scripted([3, down, 2, 0], pause=Pauses(limit=2))
    await service.run(asyncio.Event())
    assert sample(ITERATIONS, outcome="ok") - ok == 3
    assert sample(ITERATIONS, outcome="failed") - failed == 1
    assert sample("mops_loop_items_total") - items == 5


@pytest.mark.asyncio
async def test_failures_back_off_then_a_working_iteration_returns_to_the_poll(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    down = ConnectionRefusedError("the database is down")
    pauses = Pauses(limit=6)
    service = Scripted(
        [down, down, down, down, 0, 0],
        pause=pauses,
        backoff_first_seconds=1,
        backoff_max_seconds=4,
    )
    await service.run(asyncio.Event())
    assert pauses.seconds == [1, 2, 4, 4, 0.5, 0.5]
    assert service.failures == 0
    records = [r for r in caplog.records if r.name == LOGGER]
    assert [r.levelname for r in records] == ["WARNING", "DEBUG", "DEBUG", "DEBUG", "INFO"]
    first = records[0]
    assert first.getMessage() == "scripted work failed"
    assert first.__dict__["error"] == "ConnectionRefusedError: the database is down"
    assert (first.__dict__["failures"], first.__dict__["retry_in_seconds"]) == (1, 1)
    assert first.exc_info is not None  # the stack once per streak ...
    assert all(r.exc_info is None for r in records[1:])  # ... not again
    assert records[-1].__dict__["failed_rounds"] == 4


@pytest.mark.asyncio
async def test_every_failure_warns_where_iterations_are_far_apart(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Hourly(Scripted):
        warn_every_failure = True

    caplog.set_level(logging.DEBUG, logger=LOGGER)
    pauses = Pauses(limit=3)
    service = Hourly([RuntimeError("a"), RuntimeError("b"), 1], pause=pauses)
    await service.run(asyncio.Event())
    levels = [r.levelname for r in caplog.records if r.name == LOGGER]
    assert levels == ["WARNING", "WARNING", "INFO"]


@pytest.mark.asyncio
async def test_a_failure_the_iteration_reports_itself_backs_off_too() -> None:
    class Reporting(Scripted):
        async def run_once(self) -> int:
            self.iterations += 1
            if self.iterations <= 2:
                self.failed("HTTP 503: not now", events=4)
                return 0
            return 1 if self.iterations == 3 else 0

    pauses = Pauses(limit=3)
    service = Reporting([], pause=pauses)
    await service.run(asyncio.Event())
    assert pauses.seconds == [1, 2, 0.5]  # the third worked: straight on, then idle
    assert service.iterations == 4


@pytest.mark.asyncio
async def test_the_first_iteration_waits_the_first_delay() -> None:
    pauses = Pauses(limit=2)
    service = Scripted([0], pause=pauses, first_delay_seconds=7)
    await service.run(asyncio.Event())
    assert pauses.seconds == [7, 0.5]
    assert service.iterations == 1


@pytest.mark.asyncio
async def test_stop_lets_the_iteration_in_progress_finish() -> None:
    finished: list[str] = []

    class Slow(Scripted):
        async def run_once(self) -> int:
            await asyncio.sleep(0.3)
            finished.append("done")
            return 0

    service = Slow([])
    service.start()
    assert service.running
    await asyncio.sleep(0.05)  # inside the first iteration
    await service.stop(timeout=5)
    assert finished == ["done"]
    assert not service.running
    assert service.closed


@pytest.mark.asyncio
async def test_stop_cancels_an_iteration_that_outlasts_the_timeout() -> None:
    cancelled = asyncio.Event()

    class Stuck(Scripted):
        async def run_once(self) -> int:
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                cancelled.set()
                raise
            return 0

    service = Stuck([])
    service.start()
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await service.stop(timeout=0.2)
    assert time.monotonic() - started < 2
    assert cancelled.is_set()
    assert not service.running
    assert service.closed


@pytest.mark.asyncio
async def test_the_task_is_named_after_the_service() -> None:
    service = Scripted([])
    service.start()
    try:
        assert any(
            task.get_name() == "scripted" and not task.done() for task in asyncio.all_tasks()
        )
    finally:
        await service.stop()


# --- the leased claim ----------------------------------------------------------------------------

_metadata = MetaData()
JOBS = Table(
    "loop_jobs",
    _metadata,
    Column("id", Uuid, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
)
NOW = datetime(2030, 1, 1, tzinfo=UTC)


@pytest_asyncio.fixture
async def jobs_db(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url, pg_name = await new_database("loop", tmp_path)
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_metadata.create_all)
        yield create_sessionmaker(engine)
    finally:
        await engine.dispose()
        if pg_name:
            await drop_postgres_database(pg_name)


async def add_jobs(
    sessionmaker: async_sessionmaker[AsyncSession], rows: list[dict[str, object]]
) -> None:
    async with sessionmaker() as session:
        await session.execute(insert(JOBS), rows)
        await session.commit()


async def claim(
    sessionmaker: async_sessionmaker[AsyncSession], now: datetime, limit: int = 10
) -> list[uuid.UUID]:
    return await claim_leased(
        sessionmaker,
        JOBS,
        due_at=JOBS.c.next_attempt_at,
        where=(JOBS.c.status == "pending",),
        now=now,
        lease_seconds=60,
        limit=limit,
    )


@pytest.mark.asyncio
async def test_a_claim_takes_due_rows_oldest_first_and_leases_them(
    jobs_db: async_sessionmaker[AsyncSession],
) -> None:
    ids = [uuid.uuid4() for _ in range(4)]
    await add_jobs(
        jobs_db,
        [
            {"id": ids[0], "status": "pending", "next_attempt_at": NOW - timedelta(seconds=5)},
            {"id": ids[1], "status": "pending", "next_attempt_at": NOW - timedelta(seconds=9)},
            {"id": ids[2], "status": "pending", "next_attempt_at": NOW + timedelta(seconds=5)},
            {"id": ids[3], "status": "done", "next_attempt_at": NOW - timedelta(seconds=9)},
        ],
    )
    assert await claim(jobs_db, NOW, limit=1) == [ids[1]]  # the oldest due first
    assert await claim(jobs_db, NOW) == [ids[0]]  # ids[1] is leased; not yet due, not pending
    assert await claim(jobs_db, NOW) == []
    async with jobs_db() as session:
        leased = (
            await session.execute(select(JOBS.c.next_attempt_at).where(JOBS.c.id == ids[1]))
        ).scalar_one()
    assert leased.replace(tzinfo=UTC) == NOW + timedelta(seconds=60)
    # The claimer died: after the lease its rows are due again (with the one now due too).
    later = await claim(jobs_db, NOW + timedelta(seconds=61))
    assert sorted(later) == sorted([ids[0], ids[1], ids[2]])


@pytest.mark.asyncio
async def test_claims_at_once_never_take_the_same_row(
    jobs_db: async_sessionmaker[AsyncSession],
) -> None:
    await add_jobs(
        jobs_db,
        [
            {"id": uuid.uuid4(), "status": "pending", "next_attempt_at": NOW - timedelta(seconds=n)}
            for n in range(40)
        ],
    )
    claims = await asyncio.gather(*(claim(jobs_db, NOW, limit=3) for _ in range(20)))
    taken = [row for rows in claims for row in rows]
    assert len(taken) == len(set(taken)) == 40
