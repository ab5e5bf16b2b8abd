"""A lean keep-alive HTTP/1.1 client for the proxy: one pool of connections per upstream.

aiohttp's request machinery was 27 % of the gateway's CPU per proxied request (py-spy): URL
objects, header multidicts, payload objects, a stream reader. The proxy needs none of it: it
already holds the target and the headers as bytes, so a request is one `transport.write`, and
the answer is parsed by httptools (as uvicorn parses requests) straight into what ASGI sends.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import cast
from urllib.parse import urlsplit

import httptools

# Safe to send twice (RFC 9110 section 9.2.2); POST and PATCH only with an Idempotency-Key,
# which the services honour by answering a repeat with the first answer.
_IDEMPOTENT = frozenset({b"GET", b"HEAD", b"PUT", b"DELETE", b"OPTIONS"})
_IDEMPOTENT_WITH_KEY = frozenset({b"POST", b"PATCH"})
_EMPTY_BODY_LENGTH = frozenset({b"POST", b"PUT", b"PATCH"})  # as aiohttp: an explicit 0
# Below uvicorn's default keep-alive (5 s): a connection idle longer may be the one the server
# is closing right now, which a non-idempotent request could not be retried on.
_IDLE_SECONDS = 4.0
_HIGH_WATER = 256 * 1024  # response bytes buffered before the socket stops being read

Body = bytes | AsyncIterator[bytes] | None
Header = tuple[bytes, bytes]
Sink = Callable[[bytes, bool], Awaitable[None]]


class UpstreamError(Exception):
    """The upstream failed before its answer started (after that, the proxy cannot answer)."""


class UpstreamUnavailable(UpstreamError):
    """No connection: refused, unreachable, unknown host."""


class UpstreamBusy(UpstreamUnavailable):
    """Every connection to the upstream was in use for the whole connect timeout: the service
    is there but saturated (503 with Retry-After, as a busy service answers itself)."""


class UpstreamTimeout(UpstreamError):
    """No answer within the read timeout."""


class UpstreamFailed(UpstreamError):
    """The connection broke, or the answer was not HTTP."""


class _Connection(asyncio.Protocol):
    """One upstream socket, parsing the answers httptools reads off it."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.in_use = True  # between begin() and the pool taking it back as idle
        self.idle_since = 0.0
        self._parser = httptools.HttpResponseParser(self)
        self._waiter: asyncio.Future[None] | None = None
        self._drained: asyncio.Future[None] | None = None
        self._reset()

    def _reset(self) -> None:
        self.received = False  # any byte of the current answer
        self.body_streamed = False  # a piece of a streamed request body was taken: no resend
        self.overflow = False  # bytes after the end of the answer: out of step, not reusable
        self.status = 0
        self.headers: list[Header] = []
        self.headers_done = False
        self.complete = False
        self.keep_alive = False
        self.error: Exception | None = None
        self.chunks: list[bytes] = []
        self.buffered = 0
        self.paused = False
        self._delimited = False  # by Content-Length or chunked; else by the connection's close

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport subclasses, but they are transports.
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        if not self.in_use:  # a server sends nothing unasked: whatever this is, it is not ours
            self.close()
            return
        self.received = True
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self.error = UpstreamFailed("the upstream asked for a protocol upgrade")
            self.close()
        except httptools.HttpParserError as exc:
            self.error = UpstreamFailed(f"unparsable answer: {exc}")
            self.close()
        if self.buffered > _HIGH_WATER and not self.paused and self.transport is not None:
            self.paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        return False  # close

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.headers_done and not self.complete and not self._delimited:
            self.complete = True  # a body that runs until the close has ended
        self._wake()
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)

    def pause_writing(self) -> None:
        self._drained = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)
        self._drained = None

    # httptools callbacks
    def on_message_begin(self) -> None:
        if self.complete:
            self.overflow = True

    def on_header(self, name: bytes, value: bytes) -> None:
        name = name.lower()
        if name == b"content-length" or (
            name == b"transfer-encoding" and b"chunked" in value.lower()
        ):
            self._delimited = True
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        status = self._parser.get_status_code()
        if 100 <= status < 200:  # informational (100 Continue): the real answer follows
            self.headers = []
            self._delimited = False
            return
        self.status = status
        self.headers_done = True

    def on_body(self, body: bytes) -> None:
        self.chunks.append(body)
        self.buffered += len(body)

    def on_message_complete(self) -> None:
        if not self.headers_done:
            return  # the end of an informational answer
        self.complete = True
        self.keep_alive = self._parser.should_keep_alive()

    # used by the pool
    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def wait(self, timeout: float) -> None:
        """Until something arrives or the connection closes; UpstreamTimeout after `timeout`."""
        loop = asyncio.get_running_loop()
        waiter = self._waiter = loop.create_future()
        timer = loop.call_later(timeout, _expire, waiter)
        try:
            await waiter
        finally:
            timer.cancel()
            self._waiter = None

    def take(self) -> bytes:
        chunks = self.chunks
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        self.chunks = []
        self.buffered = 0
        if self.paused and self.transport is not None and not self.closed:
            self.paused = False
            self.transport.resume_reading()
        return data

    async def drain(self) -> None:
        if self._drained is not None:
            await self._drained

    def begin(self) -> None:
        """Ready for the next request on this connection."""
        self.in_use = True
        self._reset()
        self._parser = httptools.HttpResponseParser(self)


def _is_idempotent(method: bytes, headers: list[Header]) -> bool:
    if method in _IDEMPOTENT:
        return True
    return method in _IDEMPOTENT_WITH_KEY and any(
        name.lower() == b"idempotency-key" for name, _ in headers
    )


def _expire(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(UpstreamTimeout("no answer in time"))


class UpstreamPool:
    """Keep-alive connections to one upstream (`http://host:port`), at most `size` at once."""

    def __init__(
        self, base_url: str, *, size: int, connect_timeout: float, read_timeout: float
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"{base_url!r}: the proxy speaks plain http://host[:port] only")
        self.host = parts.hostname
        self.port = parts.port or 80
        self.host_header = parts.netloc.encode("latin-1")
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._slots = asyncio.Semaphore(size)
        self._idle: deque[_Connection] = deque()
        self.opened = 0  # connections made, for the tests of reuse

    async def request(
        self,
        method: bytes,
        target: bytes,
        headers: list[Header],
        body: Body,
        on_start: Callable[[int, list[Header]], Awaitable[None]],
        on_body: Sink,
    ) -> None:
        """Send the request, call `on_start` with the status and headers, then `on_body` with
        each piece of the body (True with the last). UpstreamError before `on_start`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.connect_timeout
        if self._slots.locked():  # the wait for a free slot counts against the connect timeout
            try:
                async with asyncio.timeout_at(deadline):
                    await self._slots.acquire()
            except TimeoutError:
                raise UpstreamBusy("no free connection in time") from None
        else:
            await self._slots.acquire()
        conn: _Connection | None = None
        try:
            head = self._head(method, target, headers, body)
            conn, reused = await self._connection(deadline)
            try:
                await self._send(conn, head, body)
                await self._await_start(conn)
            except UpstreamFailed:
                # A kept-alive connection the server closed before answering: the request is
                # sent again, once, on a new connection, but only if it is safe to repeat and
                # its body can be sent again.
                retry = (
                    reused
                    and not conn.received
                    and not conn.body_streamed
                    and _is_idempotent(method, headers)
                )
                if not retry:
                    raise
                conn.close()
                conn, _ = await self._connection(loop.time() + self.connect_timeout, fresh=True)
                await self._send(conn, head, body)
                await self._await_start(conn)
            await self._stream(conn, method, on_start, on_body)
        except BaseException:
            if conn is not None:
                conn.close()  # an exchange not read to its end leaves the connection unusable
            raise
        finally:
            self._slots.release()

    def _head(self, method: bytes, target: bytes, headers: list[Header], body: Body) -> bytes:
        lines = [method, b" ", target, b" HTTP/1.1\r\nhost: ", self.host_header]
        for name, value in headers:
            lines += (b"\r\n", name, b": ", value)
        if isinstance(body, bytes):
            lines += (b"\r\ncontent-length: ", str(len(body)).encode())
        elif body is None and method in _EMPTY_BODY_LENGTH:
            lines.append(b"\r\ncontent-length: 0")
        lines.append(b"\r\n\r\n")
        return b"".join(lines)

    async def _connection(self, deadline: float, fresh: bool = False) -> tuple[_Connection, bool]:
        loop = asyncio.get_running_loop()
        now = loop.time()
        while self._idle and not fresh:
            conn = self._idle.pop()  # the most recent: the least likely to be closing
            if not conn.closed and now - conn.idle_since < _IDLE_SECONDS:
                conn.begin()
                return conn, True
            conn.close()
        try:
            async with asyncio.timeout_at(deadline):
                _, conn = await loop.create_connection(_Connection, self.host, self.port)
        except TimeoutError:  # no connection at all: unreachable, as a refusal is
            raise UpstreamUnavailable("no connection in time") from None
        except OSError as exc:
            raise UpstreamUnavailable(repr(exc)) from exc
        self.opened += 1
        return conn, False

    async def _send(self, conn: _Connection, head: bytes, body: Body) -> None:
        transport = conn.transport
        if conn.closed or transport is None or transport.is_closing():
            raise UpstreamFailed("the connection was closed")
        if isinstance(body, bytes):
            transport.write(head + body if body else head)
            return
        transport.write(head)
        if body is None:
            return
        conn.body_streamed = True  # from here on, pieces are taken that cannot be sent again
        async for chunk in body:  # a declared length, checked by the server against the client
            if conn.closed:
                raise UpstreamFailed("the connection was closed while the body was written")
            transport.write(chunk)
            await conn.drain()

    async def _await_start(self, conn: _Connection) -> None:
        while not conn.headers_done:
            if conn.error is not None:
                raise conn.error
            if conn.closed:
                raise UpstreamFailed("the connection was closed before an answer")
            await conn.wait(self.read_timeout)

    async def _stream(
        self,
        conn: _Connection,
        method: bytes,
        on_start: Callable[[int, list[Header]], Awaitable[None]],
        on_body: Sink,
    ) -> None:
        await on_start(conn.status, conn.headers)
        if method == b"HEAD":  # no body follows, whatever the headers say
            await on_body(b"", True)
            conn.close()  # httptools would wait for the announced body: not reusable
            return
        while True:
            if conn.complete:
                await on_body(conn.take(), True)
                break
            if conn.chunks:
                await on_body(conn.take(), False)
                continue
            if conn.error is not None:
                raise conn.error
            if conn.closed:
                raise UpstreamFailed("the connection was closed in the middle of the answer")
            await conn.wait(self.read_timeout)
        # Only a clean exchange leaves a connection reusable. After a 5xx the server may be
        # closing it without saying so (uvicorn closes the connection when the app raised after
        # sending its 500), and the next request on it would find it closed.
        if conn.keep_alive and not conn.closed and not conn.overflow and conn.status < 500:
            conn.in_use = False
            conn.idle_since = asyncio.get_running_loop().time()
            self._idle.append(conn)
        else:
            conn.close()

    async def close(self) -> None:
        while self._idle:
            self._idle.pop().close()


class Upstreams:
    """The proxy's pools, one per area."""

    def __init__(
        self,
        urls: dict[str, str],
        *,
        pool_size: int,
        connect_timeout: float,
        read_timeout: float,
    ) -> None:
        self.pools = {
            area: UpstreamPool(
                url, size=pool_size, connect_timeout=connect_timeout, read_timeout=read_timeout
            )
            for area, url in urls.items()
        }

    async def close(self) -> None:
        for pool in self.pools.values():
            await pool.close()
