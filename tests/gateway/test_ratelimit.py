from __future__ import annotations

import pytest

from mops_gateway.ratelimit import LocalRateLimiter

pytestmark = pytest.mark.asyncio


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_bucket_allows_the_burst_then_refuses_with_retry_after() -> None:
    clock = FakeClock()
    limiter = LocalRateLimiter(clock)
    decisions = [await limiter.hit("k", per_minute=60, burst=3) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    refused = decisions[-1]
    assert refused.retry_after_seconds == 1
    assert refused.reset_seconds == 3
    assert dict(refused.headers())[b"retry-after"] == b"1"


async def test_bucket_refills_at_the_configured_rate() -> None:
    clock = FakeClock()
    limiter = LocalRateLimiter(clock)
    for _ in range(2):
        await limiter.hit("k", per_minute=30, burst=2)  # one token every 2 s
    assert not (await limiter.hit("k", per_minute=30, burst=2)).allowed
    clock.now += 1.9
    assert not (await limiter.hit("k", per_minute=30, burst=2)).allowed
    clock.now += 0.2
    assert (await limiter.hit("k", per_minute=30, burst=2)).allowed
    clock.now += 3600
    refilled = await limiter.hit("k", per_minute=30, burst=2)
    assert refilled.remaining == 1  # capped at the burst, not an hour's worth


async def test_buckets_are_per_key() -> None:
    limiter = LocalRateLimiter(FakeClock())
    assert (await limiter.hit("a", per_minute=60, burst=1)).allowed
    assert not (await limiter.hit("a", per_minute=60, burst=1)).allowed
    assert (await limiter.hit("b", per_minute=60, burst=1)).allowed


async def test_headers_report_the_rate_a_minute_with_the_burst_in_the_policy() -> None:
    limiter = LocalRateLimiter(FakeClock())
    decision = await limiter.hit("k", per_minute=1200, burst=200)
    assert dict(decision.headers()) == {
        b"ratelimit-limit": b"1200",
        b"ratelimit-policy": b"1200;w=60;burst=200",
        b"ratelimit-remaining": b"199",
        b"ratelimit-reset": b"1",  # 20 tokens a second: the one taken is back within a second
    }


async def test_remaining_never_exceeds_the_limit_when_the_burst_is_larger() -> None:
    limiter = LocalRateLimiter(FakeClock())
    decision = await limiter.hit("k", per_minute=10, burst=50)
    assert (decision.limit, decision.remaining) == (10, 10)
    assert decision.reset_seconds == 6  # one token every 6 s
