"""The heap trimmed once a burst of requests is over (`kit.memory`), never during one."""

from __future__ import annotations

import asyncio
import sys

import pytest

from mops_shared.kit import memory

pytestmark = pytest.mark.asyncio


async def test_the_heap_is_trimmed_once_after_requests_stop_and_not_while_they_go_on() -> None:
    requests = [0]
    trims: list[int] = []

    def trim(pad: int) -> int:
        trims.append(pad)
        return 1

    trimming = asyncio.create_task(
        memory.trim_when_idle(trim, requests=lambda: requests[0], idle_seconds=0.05)
    )
    try:
        await asyncio.sleep(0.1)
        assert trims == []  # no request yet: nothing to give back
        for _ in range(40):  # a burst: several requests in every interval
            requests[0] += 1
            await asyncio.sleep(0.005)
        assert len(trims) <= 1  # at most a gap the burst left between two intervals
        trims.clear()
        await asyncio.sleep(0.2)  # the burst is over
        assert trims == [0]  # trimmed once, with no padding kept
        await asyncio.sleep(0.2)
        assert trims == [0]  # and not again while idle
    finally:
        trimming.cancel()


async def test_without_malloc_trim_nothing_runs() -> None:
    await asyncio.wait_for(memory.trim_when_idle(None, idle_seconds=0.01), timeout=1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
async def test_glibc_malloc_trim_is_found_and_runs() -> None:
    assert memory.malloc_trim is not None
    assert memory.malloc_trim(0) in (0, 1)
