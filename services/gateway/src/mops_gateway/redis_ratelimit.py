"""Rate-limit buckets in Redis, shared by every gateway replica.

The whole token-bucket step is one Lua script run atomically with Redis's clock, so replicas
never race on a bucket nor disagree about time.
"""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

from mops_gateway.ratelimit import RateDecision, decide

logger = logging.getLogger("mops.gateway.ratelimit")

_TOKEN_BUCKET_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return {allowed, tostring(tokens)}
"""


class RedisRateLimiter:
    """Buckets in Redis, shared by every gateway replica.

    When Redis cannot be reached the request is let through and the failure logged: a rate
    limiter that takes the whole API down with it protects nothing. The timeouts are short
    so a stalled Redis never stalls a request.
    """

    def __init__(self, url: str, *, prefix: str = "mops:ratelimit:") -> None:
        self._redis = Redis.from_url(
            url, socket_timeout=0.25, socket_connect_timeout=0.25, max_connections=32
        )
        self._prefix = prefix
        self._script = self._redis.register_script(_TOKEN_BUCKET_LUA)

    async def hit(self, bucket: str, per_minute: int, burst: int) -> RateDecision:
        try:
            allowed, tokens = await self._script(
                keys=[self._prefix + bucket], args=[per_minute / 60.0, burst]
            )
        except (RedisError, OSError) as exc:
            logger.warning(
                "rate limiter unavailable, request let through", extra={"error": str(exc)}
            )
            return decide(float(burst), True, per_minute, burst)  # as a full bucket
        return decide(float(tokens), bool(int(allowed)), per_minute, burst)

    async def close(self) -> None:
        await self._redis.aclose()
