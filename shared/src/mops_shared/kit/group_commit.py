"""Group commit: the writes of many concurrent requests in one transaction, each request answered
only once that transaction has committed.

A durable commit waits for the database to flush its log; under load that wait, not the CPU, is
what bounds a write-per-request path such as the webhooks' receive URL. Here the first request
to arrive starts a flush of itself alone (no added latency when idle); those arriving while it
runs wait for the next flush, which takes them all at once. Each caller gets its own result, or
its own exception: when a batch fails, its items are written again one by one, so one bad item
never fails the others and a failing database fails each of them (answered 503 by the caller).

A caller that goes away (its request cancelled) does not withdraw its item: it may still be
written, unacknowledged, as it could be without batching.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")


class GroupCommit(Generic[ItemT, ResultT]):
    """`write` takes a batch of items, writes them in one transaction and returns one result per
    item, in order; `submit` returns an item's result once its batch is committed."""

    def __init__(
        self, write: Callable[[list[ItemT]], Awaitable[list[ResultT]]], *, max_batch: int = 256
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self._write = write
        self.max_batch = max_batch
        self._pending: list[tuple[ItemT, asyncio.Future[ResultT]]] = []
        self._flushing: asyncio.Task[None] | None = None
        self.batches = 0  # flushes so far: how much batching happened (tests, metrics)

    async def submit(self, item: ItemT) -> ResultT:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[ResultT] = loop.create_future()
        self._pending.append((item, future))
        if self._flushing is None:
            self._flushing = loop.create_task(self._drain())
        return await future

    async def close(self) -> None:
        """Waits for the writes already submitted (at shutdown)."""
        while self._flushing is not None:
            await asyncio.shield(self._flushing)

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch = self._pending[: self.max_batch]
                del self._pending[: self.max_batch]
                await self._flush(batch)
        finally:
            self._flushing = None

    async def _flush(self, batch: list[tuple[ItemT, asyncio.Future[ResultT]]]) -> None:
        self.batches += 1
        try:
            results = await self._write([item for item, _ in batch])
        except Exception as exc:
            if len(batch) == 1:
                _fail(batch[0][1], exc)
                return
            for item, future in batch:  # each alone: only the items that fail, fail
                try:
                    (result,) = await self._write([item])
                except Exception as alone:
                    _fail(future, alone)
                else:
                    _resolve(future, result)
            return
        if len(results) != len(batch):
            error = RuntimeError(f"a batch of {len(batch)} gave {len(results)} results")
            for _, future in batch:
                _fail(future, error)
            return
        for (_, future), result in zip(batch, results, strict=True):
            _resolve(future, result)


# A future already done is one whose caller went away (cancelled): nothing to tell it.


def _resolve(future: asyncio.Future[ResultT], result: ResultT) -> None:
    if not future.done():
        future.set_result(result)


def _fail(future: asyncio.Future[ResultT], exception: BaseException) -> None:
    if not future.done():
        future.set_exception(exception)
