"""Background work in one shape: a loop service that polls, claims, backs off and stops cleanly.

A `LoopService` subclass says what one iteration does (`run_once`, returning how much work it
did) and the base runs it: straight on while there is more waiting (`more_waiting`), otherwise
after the poll interval; after a failure (an exception out of `run_once`, or one it reports with
`failed`), after an exponential backoff capped at `backoff_max_seconds`. A failure is logged
once per streak (a dependency down for an hour is one warning, not thousands) and the first
iteration that works again says so. `stop(timeout)` lets the iteration in progress finish,
then cancels it.

Work that is rows in a table is claimed so that any number of processes can run the same loop:

- Held for the iteration (`locks_rows`): select the rows `FOR UPDATE SKIP LOCKED` on PostgreSQL
  and keep the transaction open while working them; another process's claim passes over them,
  and its own marker (say `published_at`) ends the claim. SQLite has no row locks: there the read
  ends before the work (a transaction kept open across it would make other writes fail), so the
  work must be safe to do twice. The outbox relay and the renewal sweep claim this way.
- Leased (`claim_leased`): one UPDATE moves the rows' due time a lease ahead and returns them;
  no lock is held while they are worked, and the rows of a worker that died are due again once
  the lease ends. The webhook jobs claim this way.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Column, Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from mops_shared.kit.metrics import LOOP_ITEMS, LOOP_ITERATIONS

BACKOFF_FIRST_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 5.0

Pause = Callable[[asyncio.Event, float], Awaitable[None]]
# What a job reads the time from: tests set their own.
Clock = Callable[[], datetime]


async def wait_or_stop(stop: asyncio.Event, seconds: float) -> None:
    """Sleeps `seconds`, or less when `stop` is set meanwhile."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def backoff_seconds(
    failures: int,
    *,
    first: float = BACKOFF_FIRST_SECONDS,
    cap: float = BACKOFF_MAX_SECONDS,
) -> float:
    """The wait after the `failures`-th failure in a row: first, twice that, ... up to cap."""
    return min(cap, first * 2.0 ** min(failures - 1, 30))


class LoopService(abc.ABC):
    """One periodic background job, run as a task of the current event loop (`start`/`stop`) or
    awaited (`run(stop)`). Subclasses set the class attributes that name their logs."""

    logger: logging.Logger = logging.getLogger("mops.loop")
    failure_message = "background work failed; retrying with backoff"
    # Logged (INFO) by the first iteration that works after failures; None: not logged.
    recovery_message: str | None = None
    # True where iterations are far apart (an hourly sweep): then every failure is news.
    warn_every_failure = False

    def __init__(
        self,
        *,
        name: str,
        poll_seconds: float,
        backoff_first_seconds: float = BACKOFF_FIRST_SECONDS,
        backoff_max_seconds: float = BACKOFF_MAX_SECONDS,
        first_delay_seconds: float = 0.0,
        pause: Pause = wait_or_stop,
    ) -> None:
        if poll_seconds <= 0 or backoff_first_seconds <= 0:
            raise ValueError("poll_seconds and backoff_first_seconds must be positive")
        self.name = name
        self.poll_seconds = poll_seconds
        self.backoff_first_seconds = backoff_first_seconds
        self.backoff_max_seconds = max(backoff_max_seconds, backoff_first_seconds)
        self.first_delay_seconds = first_delay_seconds
        # Failed iterations in a row (0: the last one worked): sets the backoff and the logging.
        self.failures = 0
        self._pause = pause
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    @abc.abstractmethod
    async def run_once(self) -> int:
        """One iteration: how much work it did (0: nothing was waiting, or it failed)."""

    def more_waiting(self, done: int) -> bool:
        """Whether to go again at once after an iteration that did `done`: by default while
        there was work (a subclass knows better, e.g. while its batches come full)."""
        return done > 0

    def retry_seconds(self) -> float:
        return backoff_seconds(
            self.failures, first=self.backoff_first_seconds, cap=self.backoff_max_seconds
        )

    def failed(self, error: str | Exception, **extra: Any) -> None:
        """Counts a failure and logs it, a warning only for the first of a streak (and the
        stack, for an exception, only then)."""
        self.failures += 1
        first = self.failures == 1
        level = logging.WARNING if first or self.warn_every_failure else logging.DEBUG
        text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        self.logger.log(
            level,
            self.failure_message,
            exc_info=error if first and isinstance(error, Exception) else None,
            extra={
                "error": text[:500],
                **extra,
                "failures": self.failures,
                "retry_in_seconds": self.retry_seconds(),
            },
        )

    def recovered(self) -> None:
        """Ends a streak of failures."""
        if self.failures and self.recovery_message is not None:
            self.logger.info(self.recovery_message, extra={"failed_rounds": self.failures})
        self.failures = 0

    async def run(self, stop: asyncio.Event) -> None:
        """Iterations until `stop` is set. Never raises out of an iteration."""
        if self.first_delay_seconds > 0:
            await self._pause(stop, self.first_delay_seconds)
        while not stop.is_set():
            failures = self.failures
            try:
                done = await self.run_once()
            except Exception as exc:  # the database away, say: retried, never fatal
                self.failed(exc)
                done = 0
            else:
                if self.failures == failures:  # it reported no failure of its own
                    self.recovered()
            failed = self.failures > failures  # it raised, or reported a failure of its own
            LOOP_ITERATIONS.labels(self.name, "failed" if failed else "ok").inc()
            if done:
                LOOP_ITEMS.labels(self.name).inc(done)
            if self.failures:
                await self._pause(stop, self.retry_seconds())
            elif not self.more_waiting(done):
                await self._pause(stop, self.poll_seconds)

    def start(self) -> None:
        """Runs `run` as a background task (named after the service) of the current loop."""
        if self._task is None:
            self._stop.clear()
            self._task = asyncio.create_task(self.run(self._stop), name=self.name)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def stop(self, *, timeout: float = STOP_TIMEOUT_SECONDS) -> None:
        """Lets the iteration in progress end (up to `timeout`), then cancels; then `close`."""
        task, self._task = self._task, None
        if task is not None:
            self._stop.set()
            done, _ = await asyncio.wait({task}, timeout=timeout)
            if not done:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            elif task.exception() is not None:
                self.logger.warning(
                    "background loop ended with an error",
                    extra={"loop": self.name, "error": repr(task.exception())},
                )
        await self.close()

    async def close(self) -> None:  # noqa: B027 (a hook: most loops hold nothing to release)
        """Releases what the service holds (a client, say); called by `stop`."""


def locks_rows(session: AsyncSession) -> bool:
    """Whether a claim can lock its rows (`FOR UPDATE SKIP LOCKED`): PostgreSQL yes; SQLite has
    no row locks, and writers there take turns on the whole file instead."""
    return session.get_bind().dialect.name == "postgresql"


async def claim_leased(
    sessionmaker: async_sessionmaker[AsyncSession],
    table: Table,
    *,
    due_at: Column[datetime],
    where: tuple[ColumnElement[bool], ...],
    now: datetime,
    lease_seconds: float,
    limit: int,
) -> list[uuid.UUID]:
    """Ids of up to `limit` rows matching `where` whose `due_at` has come (oldest first), leased
    to the caller: their `due_at` moves `lease_seconds` ahead, so no other worker takes them
    meanwhile, and if the caller dies they come due again.

    One statement (UPDATE ... WHERE id IN (SELECT ...) RETURNING id), so two workers never
    claim the same row: PostgreSQL's FOR UPDATE SKIP LOCKED makes a concurrent claim pass over
    rows being claimed; SQLite runs one writing statement at a time."""
    due = select(table.c.id).where(*where, due_at <= now).order_by(due_at).limit(limit)
    async with sessionmaker() as session:
        if locks_rows(session):
            due = due.with_for_update(skip_locked=True)
        claimed = await session.execute(
            update(table)
            .where(table.c.id.in_(due.scalar_subquery()))
            .values({due_at: now + timedelta(seconds=lease_seconds)})
            .returning(table.c.id)
        )
        ids = list(claimed.scalars())
        await session.commit()
    return ids
