"""The checks of stored credentials (Pipedrive's Basic password, Salesforce's URL token), kept
off the event loop and cheap to refuse.

Each check is scrypt (`providers.common.credential_matches`, ~31 ms of CPU), and anyone can ask
for one by posting to a receive URL. Run on the event loop, a few senders of wrong credentials
stalled every other request of the service. So:

- Off the loop: checks run in a small fixed pool of threads (hashlib.scrypt releases the GIL).
  At most `queue_limit` checks wait for a thread; beyond that a delivery is refused at once
  with 503 and Retry-After instead of queueing without end.
- Remembered: each verdict, match or not, is kept `verdict_ttl_seconds` in a bounded LRU. Its
  key is HMAC-SHA256, under a random key made per process, of the connection's id, the stored
  credential and the presented one: the presented credential is never kept. As the stored
  form is part of the key, a connection's new credential is never judged by a verdict about
  the old one, and a deleted connection is a 404 before the verdicts are asked: the cache
  defeats neither. The same credentials checked by several deliveries at once cost one check.
- Failures limited: each refused credential takes a token from a bucket of its source address
  and one of its connection (token buckets, bounded LRUs of them). Once either is empty, a
  delivery whose credential is not already known good is refused with 429 and Retry-After
  before any check: a flood of wrong credentials costs microseconds each. A credential known
  good still passes, so a sender proven before is not locked out by someone else's flood.
- Refused before the connection is read: once a connection has been checked here, a delivery
  to it from a limited address (or while the connection is limited) whose raw credential
  (Authorization header and URL token) was not proven lately is refused before its database
  query (`refuse_early`). That query was most of a refusal's cost: a flood of 8 senders
  halved everyone else's throughput (bench/credential_flood.py).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import hmac
import math
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

from mops_shared.kit.errors import RateLimited, ServiceUnavailable

# How soon a refused sender may try again when every thread and queue place is taken: a
# check takes ~31 ms, so the queue drains within a second.
BUSY_RETRY_AFTER_SECONDS = 1


class _Buckets:
    """Token buckets by name, at most `max_entries` of them (the least recently used go: a
    bucket forgotten is a full one, the same as one left alone long enough to refill)."""

    def __init__(self, per_minute: int, max_entries: int, clock: Callable[[], float]) -> None:
        self.per_minute = per_minute
        self._rate = per_minute / 60.0
        self._max_entries = max_entries
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def _tokens(self, name: str) -> float:
        entry = self._buckets.get(name)
        if entry is None:
            return float(self.per_minute)
        tokens, last = entry
        return min(float(self.per_minute), tokens + (self._clock() - last) * self._rate)

    def wait_seconds(self, name: str) -> int:
        """0 when `name` has a token left; otherwise the seconds until it has one."""
        tokens = self._tokens(name)
        return 0 if tokens >= 1.0 else max(1, math.ceil((1.0 - tokens) / self._rate))

    def take(self, name: str) -> None:
        tokens = max(0.0, self._tokens(name) - 1.0)
        self._buckets[name] = (tokens, self._clock())
        self._buckets.move_to_end(name)
        if len(self._buckets) > self._max_entries:
            self._buckets.popitem(last=False)


class CredentialGuard:
    def __init__(
        self,
        *,
        threads: int = 2,
        queue_limit: int = 8,
        verdict_ttl_seconds: float = 60.0,
        max_verdicts: int = 4096,
        failures_per_address: int = 10,
        failures_per_connection: int = 60,
        max_buckets: int = 4096,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=threads, thread_name_prefix="credential-check"
        )
        self._capacity = threads + queue_limit  # running plus waiting
        self._pending = 0
        self._pending_lock = threading.Lock()  # released from the pool's threads
        self._key = os.urandom(32)
        self._ttl = verdict_ttl_seconds
        self._max_verdicts = max_verdicts
        self._verdicts: OrderedDict[bytes, tuple[bool, float]] = OrderedDict()
        self._in_flight: dict[bytes, asyncio.Future[bool]] = {}
        self._clock = clock
        self._addresses = _Buckets(failures_per_address, max_buckets, clock)
        self._connections = _Buckets(failures_per_connection, max_buckets, clock)
        # Connections whose deliveries carry stored credentials (seen by `matches`), and the
        # raw credentials proven for them lately: what `refuse_early` knows before a query.
        self._guarded: OrderedDict[uuid.UUID, None] = OrderedDict()
        self._proven: OrderedDict[bytes, float] = OrderedDict()

    def refuse_early(
        self, connection_id: uuid.UUID, source: str, raw_credential: Sequence[str]
    ) -> None:
        """Raises RateLimited, as `matches` would, for a delivery to a connection checked here
        before, when its address or the connection is limited and `raw_credential` (as the
        delivery carries it, before any parsing) was not proven for the connection within the
        verdict's lifetime. Anything else goes on to the query and `matches`."""
        if connection_id not in self._guarded:
            return
        if not (
            self._addresses.wait_seconds(source)
            or self._connections.wait_seconds(str(connection_id))
        ):
            return
        expires = self._proven.get(self._digest(connection_id, (), raw_credential))
        if expires is not None and self._clock() < expires:
            return
        self._refuse_if_limited(connection_id, source)

    async def matches(
        self,
        connection_id: uuid.UUID,
        stored: Sequence[str],
        presented: Sequence[str],
        source: str,
        check: Callable[[], bool],
        *,
        raw_credential: Sequence[str] = (),
    ) -> bool:
        """Whether the `presented` credential is the connection's (`stored`, its stored form),
        by `check` (run in the pool) or by the verdict remembered. Raises RateLimited when
        the source address or the connection has failed too often, ServiceUnavailable when
        the pool is full. `raw_credential` is what `refuse_early` is given for the same
        delivery: once proven, it passes there too."""
        self._remember_guarded(connection_id)
        digest = self._digest(connection_id, stored, presented)
        verdict = self._remembered(digest)
        if verdict is None:
            self._refuse_if_limited(connection_id, source)
            verdict = await self._checked(digest, check)
        elif verdict is False:
            self._refuse_if_limited(connection_id, source)
        if verdict:
            self._remember_proven(self._digest(connection_id, (), raw_credential))
        else:
            self._addresses.take(source)
            self._connections.take(str(connection_id))
        return verdict

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _digest(
        self, connection_id: uuid.UUID, stored: Sequence[str], presented: Sequence[str]
    ) -> bytes:
        mac = hmac.new(self._key, connection_id.bytes, hashlib.sha256)
        for part in (*stored, "", *presented):  # "" separates the two lists
            encoded = part.encode("utf-8", "surrogateescape")
            mac.update(len(encoded).to_bytes(4, "big") + encoded)  # lengths: no ambiguity
        return mac.digest()

    def _remembered(self, digest: bytes) -> bool | None:
        entry = self._verdicts.get(digest)
        if entry is None:
            return None
        verdict, expires = entry
        if self._clock() >= expires:
            del self._verdicts[digest]
            return None
        return verdict

    def _remember(self, digest: bytes, verdict: bool) -> None:
        self._verdicts[digest] = (verdict, self._clock() + self._ttl)
        self._verdicts.move_to_end(digest)
        if len(self._verdicts) > self._max_verdicts:
            self._verdicts.popitem(last=False)

    def _remember_guarded(self, connection_id: uuid.UUID) -> None:
        self._guarded[connection_id] = None
        self._guarded.move_to_end(connection_id)
        if len(self._guarded) > self._max_verdicts:
            self._guarded.popitem(last=False)

    def _remember_proven(self, digest: bytes) -> None:
        self._proven[digest] = self._clock() + self._ttl
        self._proven.move_to_end(digest)
        if len(self._proven) > self._max_verdicts:
            self._proven.popitem(last=False)

    def _refuse_if_limited(self, connection_id: uuid.UUID, source: str) -> None:
        wait = max(
            self._addresses.wait_seconds(source),
            self._connections.wait_seconds(str(connection_id)),
        )
        if wait:
            raise RateLimited(
                "Too many deliveries with wrong credentials from this address or to this "
                f"connection; retry after {wait} s.",
                headers={"Retry-After": str(wait)},
            )

    async def _checked(self, digest: bytes, check: Callable[[], bool]) -> bool:
        running = self._in_flight.get(digest)
        if running is None:
            running = self._submit(check)
            self._in_flight[digest] = running

            def settle(done: asyncio.Future[bool]) -> None:
                self._in_flight.pop(digest, None)
                if not done.cancelled() and done.exception() is None:
                    self._remember(digest, done.result())

            running.add_done_callback(settle)
        # Shielded: a delivery whose sender hangs up does not cancel the others' check.
        return await asyncio.shield(running)

    def _submit(self, check: Callable[[], bool]) -> asyncio.Future[bool]:
        with self._pending_lock:
            if self._pending >= self._capacity:
                raise ServiceUnavailable(
                    "Too many credential checks are waiting; retry shortly.",
                    headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
                )
            self._pending += 1
        try:
            submitted = self._pool.submit(check)
        except RuntimeError:  # the pool is shut down: the service is stopping
            self._release()
            raise ServiceUnavailable(
                "The service is stopping.", headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)}
            ) from None
        submitted.add_done_callback(lambda _: self._release())
        return asyncio.wrap_future(submitted)

    def _release(self) -> None:
        with self._pending_lock:
            self._pending -= 1


def source_address(headers: Mapping[str, str], peer: str | None) -> str:
    """Who sent the delivery: the address the gateway saw (it drops any X-Forwarded-For the
    sender wrote and sets its peer's), else this service's peer."""
    forwarded = headers.get("x-forwarded-for", "")
    return forwarded.rpartition(",")[2].strip() or peer or "unknown"
