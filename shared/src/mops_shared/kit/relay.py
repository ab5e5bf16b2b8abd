"""The outbox relay: a service's domain events, delivered at least once to the webhooks intake.

Each round claims the oldest unpublished events (by `occurred_at`, then id), posts them as one
signed batch to `EVENT_INTAKE_PATH`, and marks exactly those published once the intake answered
2xx. Anything else (another status, a refused connection, a timeout) leaves them unpublished with
`attempts` counted, to be sent again: the intake keeps each event id once, so a batch delivered
twice (its answer lost, a commit failed after it) costs nothing but the bytes.

On PostgreSQL the claimed rows stay locked (`FOR UPDATE SKIP LOCKED`) until the round ends, so
the replicas of a service relay disjoint batches side by side; a round is bounded by the post's
timeout. SQLite has no row locks: there the read ends before the post (a transaction kept open
across it would make any write in between fail its upgrade), and a second relay on the same file
could send a batch again, which the intake absorbs. Order holds within one relay; replicas relay
in parallel, so across them events may arrive out of order.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import orjson
from opentelemetry.trace import Span, SpanKind
from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_shared.contracts.events import (
    EVENT_INTAKE_PATH,
    MAX_BATCH,
    SIGNATURE_HEADER,
    envelope_of,
    sign_batch,
)
from mops_shared.kit.db import utcnow
from mops_shared.kit.loop import Clock, LoopService, Pause, locks_rows, wait_or_stop
from mops_shared.kit.tracing import mark_failed, parent_context, traceparent_of, tracer

logger = logging.getLogger("mops.relay")

DEFAULT_BATCH_SIZE = 100
# A round holds its rows' locks (and a connection) while it posts: this bounds how long.
POST_TIMEOUT_SECONDS = 10.0

# What envelope_of reads from a row, and the trace of the change that recorded it.
ENVELOPE_COLUMNS = ("id", "tenant_id", "type", "occurred_at", "data", "traceparent")


class OutboxRelay(LoopService):
    """Relays one service's outbox table to the webhooks service's event intake: a loop service
    whose rounds go straight on while batches come full; after a failure, backoff of 1 s
    doubling up to a minute."""

    logger = logger
    failure_message = "outbox relay could not deliver; retrying with backoff"
    recovery_message = "outbox relay delivering again"

    def __init__(
        self,
        *,
        service: str,
        outbox: Table,
        sessionmaker: async_sessionmaker[AsyncSession],
        intake_url: str,
        internal_secret: str,
        poll_seconds: float = 1.0,
        batch_size: int = DEFAULT_BATCH_SIZE,
        post_timeout: float = POST_TIMEOUT_SECONDS,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock = utcnow,
        pause: Pause = wait_or_stop,
    ) -> None:
        if not 1 <= batch_size <= MAX_BATCH:
            raise ValueError(f"batch_size must be between 1 and {MAX_BATCH}")
        if poll_seconds <= 0 or post_timeout <= 0:
            raise ValueError("poll_seconds and post_timeout must be positive")
        super().__init__(name=f"{service}-relay", poll_seconds=poll_seconds, pause=pause)
        self.service = service
        self.outbox = outbox
        self.sessionmaker = sessionmaker
        self.batch_size = batch_size
        self.post_timeout = post_timeout
        self._secret = internal_secret
        self._clock = clock
        # The intake is another mops process: no proxy from the environment, no redirects.
        self._http = httpx.AsyncClient(
            base_url=intake_url,
            transport=transport,
            timeout=httpx.Timeout(post_timeout, connect=min(post_timeout, 5.0)),
            limits=httpx.Limits(max_connections=2, max_keepalive_connections=1),
            follow_redirects=False,
            trust_env=False,
        )

    async def run_once(self) -> int:
        return await self.relay_once()

    def more_waiting(self, done: int) -> bool:
        return done >= self.batch_size  # a full batch: more may be waiting

    async def relay_once(self) -> int:
        """One batch: how many events the intake accepted (0: none waiting, or not delivered)."""
        table = self.outbox
        async with self.sessionmaker() as session:
            locks = locks_rows(session)
            claim = (
                select(*(table.c[name] for name in ENVELOPE_COLUMNS))
                .where(table.c.published_at.is_(None))
                .order_by(table.c.occurred_at, table.c.id)
                .limit(self.batch_size)
            )
            if locks:
                claim = claim.with_for_update(skip_locked=True)
            rows = (await session.execute(claim)).all()
            if not locks:
                await session.rollback()  # SQLite: no read snapshot held across the post
            if not rows:
                return 0
            ids = [row.id for row in rows]
            # One span per event, in the trace of the change that recorded it; each envelope
            # names its span, which the deliveries' spans continue.
            spans = [self._publish_span(row) for row in rows]
            body = orjson.dumps(
                {
                    "events": [
                        envelope_of(row, self.service, traceparent_of(span))
                        for row, span in zip(rows, spans, strict=True)
                    ]
                }
            )
            error = await self._post(body)
            for span in spans:
                if error is not None:
                    mark_failed(span, error[:200])
                span.end()
            if error is None:
                await session.execute(
                    update(table).where(table.c.id.in_(ids)).values(published_at=self._clock())
                )
            else:
                await session.execute(
                    update(table).where(table.c.id.in_(ids)).values(attempts=table.c.attempts + 1)
                )
            await session.commit()
        if error is not None:
            self.failed(error, events=len(ids))
            return 0
        self.recovered()
        return len(ids)

    async def close(self) -> None:
        await self._http.aclose()

    def _publish_span(self, row: Any) -> Span:
        return tracer().start_span(
            f"publish {row.type}",
            context=parent_context(row.traceparent),
            kind=SpanKind.PRODUCER,
            attributes={"mops.event_id": str(row.id), "mops.service": self.service},
        )

    async def _post(self, body: bytes) -> str | None:
        """None once the intake took the batch, else what went wrong."""
        headers = {
            "content-type": "application/json",
            SIGNATURE_HEADER: sign_batch(self._secret, body),
        }
        try:
            # httpx's timeout bounds each read or write; this bounds the whole exchange.
            async with asyncio.timeout(self.post_timeout):
                response = await self._http.post(EVENT_INTAKE_PATH, content=body, headers=headers)
        except (httpx.HTTPError, TimeoutError) as exc:
            return f"{type(exc).__name__}: {exc}"
        if not response.is_success:
            return f"HTTP {response.status_code}: {response.text[:200]}"
        return None
