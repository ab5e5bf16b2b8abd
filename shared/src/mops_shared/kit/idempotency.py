"""Idempotency-Key on POST: a retried request gets the first answer, never a second write.

Per tenant and key, kept 24 h: the same key with the same request (method, path, query and
body) replays the stored response with `Idempotent-Replayed: true`; with another request it
is refused with 422; while the first is still being processed, 409. A dry run
(`?dry_run=true`) writes nothing and is not kept either: its key stays free for the real
request.

The answer is stored after the write commits, so a process may die between the two (or the
request end in a 5xx after its write). The write's own transaction therefore marks the key
`written` (a hook on every ORM session's commit, while the request holds a claim): a claim
whose request wrote nothing is released on a 5xx, or taken over after `LOCK_SECONDS` if its
process died, and the retry runs; a claim whose write committed is never run again, and its
retries get 409 saying the request was applied and its answer lost (read the resource).

Pure ASGI, in front of the routes: it verifies the principal to learn the tenant and lets
only a key that holds the area's write scope claim or replay (the route still authorises the
call), and keeps its rows in the service's own database.
"""

from __future__ import annotations

import hashlib
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl

from sqlalchemy import (
    JSON,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Uuid,
    and_,
    event,
    select,
)
from sqlalchemy.exc import UnboundExecutionError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Session
from sqlalchemy.pool import Pool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mops_shared.kit.auth import PRINCIPAL_HEADER, required_scope, verify_principal
from mops_shared.kit.conventions import IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_PATTERN
from mops_shared.kit.db import UTCDateTime, insert_ignoring_conflicts, utcnow
from mops_shared.kit.errors import MopsError, send_problem
from mops_shared.kit.observability import header

IDEMPOTENCY_HEADER = b"idempotency-key"
KEEP_FOR = timedelta(hours=24)
LOCK_SECONDS = 60
_MAX_KEY_LENGTH = IDEMPOTENCY_KEY_MAX_LENGTH
# The pattern the document declares: printable ASCII, not only spaces.
_KEY = re.compile(IDEMPOTENCY_KEY_PATTERN.encode())
_STORED_HEADERS = frozenset({b"content-type", b"location", b"etag"})
_PURGE_EVERY_SECONDS = 60.0
# A key's states: claimed by a request in progress; its write committed (the answer not yet
# stored); its answer stored (replayed); its write committed and its answer lost.
_PENDING, _WRITTEN, _DONE, _LOST = "pending", "written", "done", "lost"
_APPLIED_ANSWER_LOST = (
    "The request with this Idempotency-Key was applied, but its answer was lost: read the "
    "resource to see its result. It is not applied again."
)


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotency_keys",
        metadata,
        Column("tenant_id", Uuid, primary_key=True),
        Column("key", String(_MAX_KEY_LENGTH), primary_key=True),
        Column("fingerprint", String(64), nullable=False),
        Column("state", String(8), nullable=False),
        Column("status_code", Integer, nullable=True),
        Column("headers", JSON, nullable=True),
        Column("body", LargeBinary, nullable=True),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("expires_at", UTCDateTime(), nullable=False),
        Index(None, "expires_at"),
    )


def _fingerprint(scope: Scope, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (scope["method"].encode(), scope["path"].encode(), scope.get("query_string", b"")):
        digest.update(part)
        digest.update(b"\0")
    digest.update(body)
    return digest.hexdigest()


# The words a boolean query parameter takes for true (as FastAPI reads them).
_TRUE_WORDS = frozenset({"1", "on", "t", "true", "y", "yes"})


def _is_dry_run(query: bytes) -> bool:
    return any(
        name == "dry_run" and value.strip().lower() in _TRUE_WORDS
        for name, value in parse_qsl(query.decode("latin-1"))
    )


class _Refusal(Exception):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class _Claim:
    """The key a request in progress holds, for its write's transaction to mark."""

    table: Table
    tenant_id: Any
    key: str
    pool: Pool  # the service database's: a session on another database marks nothing


_current_claim: ContextVar[_Claim | None] = ContextVar("mops_idempotency_claim", default=None)


@event.listens_for(Session, "before_commit")
def _mark_written(session: Session) -> None:
    """In the transaction being committed: the request's key, still pending, is now `written`."""
    claim = _current_claim.get()
    if claim is None:
        return
    try:
        bind = session.get_bind()
    except UnboundExecutionError:
        return
    if getattr(bind, "pool", None) is not claim.pool:
        return
    table = claim.table
    session.execute(
        table.update()
        .where(table.c.tenant_id == claim.tenant_id, table.c.key == claim.key)
        .where(table.c.state == _PENDING)
        .values(state=_WRITTEN)
    )


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, *, table: Table, area: str) -> None:
        self.app = app
        self.table = table
        self.write_scope = required_scope(area, "POST")
        self._last_purge = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        raw_key = header(scope, IDEMPOTENCY_HEADER)
        if raw_key is None or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        if len(raw_key) > _MAX_KEY_LENGTH or not _KEY.fullmatch(raw_key):
            # Refused on a dry run too: the same request must not be valid only when it writes.
            await send_problem(
                send,
                scope,
                400,
                detail=f"Idempotency-Key must be 1 to {_MAX_KEY_LENGTH} printable ASCII "
                "characters, not all spaces.",
            )
            return
        if _is_dry_run(scope.get("query_string", b"")):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        try:
            principal = verify_principal(
                (header(scope, PRINCIPAL_HEADER.encode()) or b"").decode("latin-1"),
                state.internal_secret,
            )
        except MopsError:
            await self.app(scope, receive, send)  # the route answers 401
            return
        if not principal.has_scope(self.write_scope):
            # Never replay a stored answer to a key that may not make this call: the route
            # answers 403, and that answer is not stored either.
            await self.app(scope, receive, send)
            return

        body = await _read_body(receive)
        fingerprint = _fingerprint(scope, body)
        engine: AsyncEngine = state.engine
        key = raw_key.decode("ascii")
        try:
            stored = await self._claim(engine, principal.tenant_id, key, fingerprint)
        except _Refusal as refusal:
            await send_problem(send, scope, refusal.status, detail=refusal.detail)
            return
        if stored is not None:
            await _replay(send, stored)
            return

        status = 500
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        claim = _current_claim.set(_Claim(self.table, principal.tenant_id, key, engine.pool))
        try:
            await self.app(scope, _replaying(body, receive), capture)
        finally:
            _current_claim.reset(claim)
            if status >= 500:
                await self._release(engine, principal.tenant_id, key)
            else:
                await self._store(
                    engine, principal.tenant_id, key, status, headers, b"".join(chunks)
                )
        await self._purge_expired(engine)

    async def _claim(
        self, engine: AsyncEngine, tenant_id: Any, key: str, fingerprint: str
    ) -> dict[str, Any] | None:
        """None when this request may proceed; the stored response to replay otherwise."""
        table = self.table
        now = utcnow()
        where = and_(table.c.tenant_id == tenant_id, table.c.key == key)
        for _ in range(2):
            async with engine.begin() as conn:
                claim = insert_ignoring_conflicts(
                    conn.dialect.name,
                    table,
                    {
                        "tenant_id": tenant_id,
                        "key": key,
                        "fingerprint": fingerprint,
                        "state": _PENDING,
                        "created_at": now,
                        "expires_at": now + KEEP_FOR,
                    },
                    conflict_columns=["tenant_id", "key"],
                )
                if (await conn.execute(claim)).rowcount == 1:
                    return None
                row = (await conn.execute(select(table).where(where))).mappings().first()
                if row is None:
                    continue  # released between our insert and select: try again
                if row["expires_at"] <= now:
                    await conn.execute(table.delete().where(where))
                    continue
                if row["fingerprint"] != fingerprint:
                    raise _Refusal(
                        422,
                        "This Idempotency-Key was used for a different request; use a new key.",
                    )
                if row["state"] == _DONE:
                    return dict(row)
                if row["state"] == _LOST:
                    raise _Refusal(409, _APPLIED_ANSWER_LOST)
                if row["created_at"] > now - timedelta(seconds=LOCK_SECONDS):
                    raise _Refusal(
                        409, "A request with this Idempotency-Key is still being processed."
                    )
                if row["state"] == _WRITTEN:
                    # Its process died after the write committed, before storing the answer.
                    await conn.execute(table.update().where(where).values(state=_LOST))
                    raise _Refusal(409, _APPLIED_ANSWER_LOST)
                # Abandoned, before any write, by a process that died: take it over.
                await conn.execute(table.update().where(where).values(created_at=now))
                return None
        raise _Refusal(409, "A request with this Idempotency-Key is still being processed.")

    async def _store(
        self,
        engine: AsyncEngine,
        tenant_id: Any,
        key: str,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> None:
        kept = [
            [k.decode("latin-1"), v.decode("latin-1")]
            for k, v in headers
            if k.lower() in _STORED_HEADERS
        ]
        table = self.table
        async with engine.begin() as conn:
            await conn.execute(
                table.update()
                .where(table.c.tenant_id == tenant_id, table.c.key == key)
                .values(state=_DONE, status_code=status, headers=kept, body=body)
            )

    async def _release(self, engine: AsyncEngine, tenant_id: Any, key: str) -> None:
        """After a 5xx: the key is free again if nothing was written, so the client may retry;
        if the write committed, a retry must not run it again (its answer is lost)."""
        table = self.table
        where = (table.c.tenant_id == tenant_id, table.c.key == key)
        async with engine.begin() as conn:
            await conn.execute(table.delete().where(*where, table.c.state == _PENDING))
            await conn.execute(table.update().where(*where).values(state=_LOST))

    async def _purge_expired(self, engine: AsyncEngine) -> None:
        now = time.monotonic()
        if now - self._last_purge < _PURGE_EVERY_SECONDS:
            return
        self._last_purge = now
        async with engine.begin() as conn:
            await conn.execute(self.table.delete().where(self.table.c.expires_at <= utcnow()))


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replaying(body: bytes, downstream: Receive) -> Receive:
    """The body, already read, once; then the real channel (which reports a disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await downstream()

    return receive


async def _replay(send: Send, stored: dict[str, Any]) -> None:
    body: bytes = stored["body"] or b""
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in stored["headers"] or []]
    headers += [(b"content-length", str(len(body)).encode()), (b"idempotent-replayed", b"true")]
    await send({"type": "http.response.start", "status": stored["status_code"], "headers": headers})
    await send({"type": "http.response.body", "body": body})
