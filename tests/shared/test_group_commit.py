"""kit.group_commit: concurrent writes share one transaction, each caller gets its own answer."""

from __future__ import annotations

import asyncio

import pytest

from mops_shared.kit.group_commit import GroupCommit

pytestmark = pytest.mark.asyncio


class Store:
    """A write that takes a little while (as a commit's log flush does) and records batches;
    an item named in `refused` makes any batch holding it fail."""

    def __init__(self, refused: frozenset[str] = frozenset(), down: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.refused = refused
        self.down = down

    async def write(self, items: list[str]) -> list[int]:
        self.batches.append(list(items))
        await asyncio.sleep(0.01)
        if self.down:
            raise ConnectionError("the database is down")
        if self.refused & set(items):
            raise ValueError(f"refused: {sorted(self.refused & set(items))}")
        return [len(item) for item in items]


async def test_a_lone_write_goes_at_once_and_those_arriving_meanwhile_go_together() -> None:
    store = Store()
    group = GroupCommit(store.write)
    first = asyncio.create_task(group.submit("a"))
    await asyncio.sleep(0)  # the first flush has started, with "a" alone
    rest = [asyncio.create_task(group.submit("b" * n)) for n in range(1, 11)]
    assert await first == 1
    assert await asyncio.gather(*rest) == list(range(1, 11))
    assert store.batches == [["a"], ["b" * n for n in range(1, 11)]]
    assert group.batches == 2


async def test_a_batch_is_at_most_max_batch_items() -> None:
    store = Store()
    group = GroupCommit(store.write, max_batch=4)
    results = await asyncio.gather(*(group.submit(str(n)) for n in range(10)))
    assert results == [1] * 10
    assert [len(batch) for batch in store.batches] == [4, 4, 2]


async def test_one_refused_item_fails_alone_and_the_others_are_written() -> None:
    store = Store(refused=frozenset({"bad"}))
    group = GroupCommit(store.write)
    outcomes = await asyncio.gather(
        *(group.submit(item) for item in ("ok", "bad", "fine")), return_exceptions=True
    )
    assert outcomes[0] == 2
    assert isinstance(outcomes[1], ValueError)
    assert outcomes[2] == 4
    # The batch failed as a whole, then each item was written alone.
    assert store.batches == [["ok", "bad", "fine"], ["ok"], ["bad"], ["fine"]]


async def test_when_the_database_is_down_every_caller_gets_the_error() -> None:
    group = GroupCommit(Store(down=True).write)
    outcomes = await asyncio.gather(
        *(group.submit(str(n)) for n in range(3)), return_exceptions=True
    )
    assert all(isinstance(outcome, ConnectionError) for outcome in outcomes)


async def test_a_caller_that_goes_away_leaves_the_others_answered() -> None:
    store = Store()
    group = GroupCommit(store.write)
    gone = asyncio.create_task(group.submit("gone"))
    kept = asyncio.create_task(group.submit("kept"))
    await asyncio.sleep(0)
    gone.cancel()
    assert await kept == 4
    with pytest.raises(asyncio.CancelledError):
        await gone
    # Written anyway, unacknowledged: a sender retries and the inbox keeps it once.
    assert store.batches == [["gone", "kept"]]


async def test_close_waits_for_what_was_submitted() -> None:
    store = Store()
    group = GroupCommit(store.write)
    pending = [asyncio.create_task(group.submit(str(n))) for n in range(5)]
    await asyncio.sleep(0)
    await group.close()
    assert all(task.done() for task in pending)
    assert sum(len(batch) for batch in store.batches) == 5


async def test_a_write_answering_the_wrong_count_fails_its_callers() -> None:
    async def short(items: list[str]) -> list[int]:
        return [1]

    group = GroupCommit(short)
    outcomes = await asyncio.gather(group.submit("a"), group.submit("b"), return_exceptions=True)
    assert all(isinstance(outcome, RuntimeError) for outcome in outcomes)
