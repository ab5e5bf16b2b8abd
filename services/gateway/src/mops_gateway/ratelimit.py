"""Token-bucket rate limits per API key: in process by default, in Redis when configured
(`mops_gateway.redis_ratelimit`, imported only then: the client costs ~17 MB of memory).

A bucket holds at most `burst` tokens and refills at `per_minute / 60` tokens a second; a
request takes one.

The headers follow the IETF RateLimit header fields draft (draft-ietf-httpapi-ratelimit-headers)
with a 60-second window: `RateLimit-Limit` is the documented rate (requests a minute, not
the burst), `RateLimit-Policy` says the window and the burst (`1200;w=60;burst=200`),
`RateLimit-Remaining` how many requests may be sent right now (the tokens left, never more
than the limit), `RateLimit-Reset` in how many seconds the bucket is full again, and on a 429
`Retry-After` in how many seconds the next request is let through.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    limit: int  # requests a minute
    burst: int
    remaining: int
    reset_seconds: int
    retry_after_seconds: int

    def headers(self) -> list[tuple[bytes, bytes]]:
        headers = [
            (b"ratelimit-limit", str(self.limit).encode()),
            (b"ratelimit-policy", f"{self.limit};w=60;burst={self.burst}".encode()),
            (b"ratelimit-remaining", str(self.remaining).encode()),
            (b"ratelimit-reset", str(self.reset_seconds).encode()),
        ]
        if not self.allowed:
            headers.append((b"retry-after", str(self.retry_after_seconds).encode()))
        return headers


def decide(tokens_after: float, allowed: bool, per_minute: int, burst: int) -> RateDecision:
    rate = per_minute / 60.0
    return RateDecision(
        allowed=allowed,
        limit=per_minute,
        burst=burst,
        remaining=min(per_minute, max(0, math.floor(tokens_after))),
        reset_seconds=max(0, math.ceil((burst - tokens_after) / rate)),
        retry_after_seconds=0 if allowed else max(1, math.ceil((1 - tokens_after) / rate)),
    )


class RateLimiter(Protocol):
    async def hit(self, bucket: str, per_minute: int, burst: int) -> RateDecision: ...

    async def close(self) -> None: ...


class LocalRateLimiter:
    """Buckets in this process's memory: right for a single gateway replica."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    async def hit(self, bucket: str, per_minute: int, burst: int) -> RateDecision:
        now = self._clock()
        tokens, last = self._buckets.get(bucket, (float(burst), now))
        tokens = min(float(burst), tokens + (now - last) * per_minute / 60.0)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[bucket] = (tokens, now)
        return decide(tokens, allowed, per_minute, burst)

    async def close(self) -> None:
        self._buckets.clear()
