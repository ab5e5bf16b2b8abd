"""The proxy's upstream client against raw HTTP servers: reuse, stale connections, streaming,
timeouts (the proxy's answers for these are in tests/integration/test_gateway_proxy.py)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from mops_gateway.upstream import (
    Header,
    UpstreamBusy,
    UpstreamFailed,
    UpstreamPool,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from tests.support import serve

pytestmark = pytest.mark.asyncio

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
OK = b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok"


@asynccontextmanager
async def raw_server(handler: Handler) -> AsyncIterator[str]:
    writers: list[asyncio.StreamWriter] = []

    async def tracked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        try:
            await handler(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(tracked, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for writer in writers:
            writer.close()
        server.close()
        await server.wait_closed()


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    """The request line and headers, and the body its Content-Length announces."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return head, await reader.readexactly(length)


class Answer:
    def __init__(self) -> None:
        self.status = 0
        self.headers: list[Header] = []
        self.pieces: list[tuple[bytes, bool]] = []

    async def start(self, status: int, headers: list[Header]) -> None:
        self.status, self.headers = status, headers

    async def body(self, chunk: bytes, last: bool) -> None:
        self.pieces.append((chunk, last))

    @property
    def content(self) -> bytes:
        return b"".join(chunk for chunk, _ in self.pieces)


def pool(url: str, size: int = 4, read_timeout: float = 2.0) -> UpstreamPool:
    return UpstreamPool(url, size=size, connect_timeout=0.5, read_timeout=read_timeout)


async def get(upstream: UpstreamPool, method: bytes = b"GET", body: bytes | None = None) -> Answer:
    answer = Answer()
    await upstream.request(method, b"/x?q=1", [], body, answer.start, answer.body)
    return answer


async def test_a_kept_alive_connection_serves_the_next_request() -> None:
    connections = 0
    heads: list[bytes] = []

    async def answer_each(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        while True:
            head, _ = await read_request(reader)
            heads.append(head)
            writer.write(OK)

    async with raw_server(answer_each) as url:
        upstream = pool(url)
        answers = [await get(upstream) for _ in range(3)]
        await upstream.close()
    assert [(a.status, a.content) for a in answers] == [(200, b"ok")] * 3
    assert answers[0].headers == [(b"content-type", b"text/plain"), (b"content-length", b"2")]
    assert answers[0].pieces == [(b"ok", True)]  # a whole small body: one piece, the last
    assert (connections, upstream.opened) == (1, 1)
    assert heads[0].startswith(b"GET /x?q=1 HTTP/1.1\r\nhost: 127.0.0.1:")


async def test_a_connection_the_server_closed_is_retried_for_a_get_only() -> None:
    """The server answers one request per connection, then closes the connection when the
    next request arrives, as a server whose keep-alive just expired does."""

    async def once_each(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(OK)
        await writer.drain()
        await read_request(reader)  # then closed, unanswered

    async with raw_server(once_each) as url:
        upstream = pool(url)
        assert (await get(upstream)).status == 200
        retried = await get(upstream)  # on the stale connection, then on a new one
        assert (retried.status, retried.content) == (200, b"ok")
        assert upstream.opened == 2
        with pytest.raises(UpstreamFailed):
            await get(upstream, b"POST", b"{}")  # not repeated: it may have been processed
        await upstream.close()


async def test_a_connection_closed_while_idle_is_not_used() -> None:
    async def answer_and_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(OK)  # keep-alive, as far as the headers say
        await writer.drain()

    async with raw_server(answer_and_close) as url:
        upstream = pool(url)
        assert (await get(upstream)).status == 200
        await asyncio.sleep(0.05)  # the close reaches the idle connection
        posted = await get(upstream, b"POST", b"{}")
        await upstream.close()
    assert posted.status == 200
    assert upstream.opened == 2


async def test_a_chunked_answer_is_streamed_as_it_arrives() -> None:
    first_seen = asyncio.Event()

    async def chunked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nfirst\r\n")
            await first_seen.wait()  # the rest only once the first piece went on
            writer.write(b"6\r\nsecond\r\n0\r\n\r\n")
            first_seen.clear()

    async with raw_server(chunked) as url:
        upstream = pool(url)
        answer, again = Answer(), Answer()
        for into in (answer, again):

            async def on_body(chunk: bytes, last: bool, into: Answer = into) -> None:
                await into.body(chunk, last)
                first_seen.set()

            await upstream.request(b"GET", b"/", [], None, into.start, on_body)
        await upstream.close()
    assert answer.pieces == [(b"first", False), (b"second", True)]
    assert (b"transfer-encoding", b"chunked") in answer.headers
    assert again.content == b"firstsecond"
    assert upstream.opened == 1  # read to its end, so kept


async def test_a_streamed_request_body_arrives_whole() -> None:
    received: list[bytes] = []

    async def echo_size(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        _, body = await read_request(reader)
        received.append(body)
        size = str(len(body)).encode()
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%s" % (len(size), size))

    async def pieces() -> AsyncIterator[bytes]:
        for _ in range(50):
            yield b"z" * 100_000

    async with raw_server(echo_size) as url:
        upstream = pool(url)
        answer = Answer()
        await upstream.request(
            b"PUT", b"/", [(b"content-length", b"5000000")], pieces(), answer.start, answer.body
        )
        await upstream.close()
    assert answer.content == b"5000000"
    assert received == [b"z" * 5_000_000]


async def test_no_answer_before_the_read_timeout_is_a_timeout() -> None:
    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await reader.read()  # until the client gives up

    async with raw_server(stall) as url:
        upstream = pool(url, read_timeout=0.2)
        with pytest.raises(UpstreamTimeout):
            await get(upstream)
        await upstream.close()


async def test_a_stall_in_the_middle_of_the_body_fails_after_the_start() -> None:
    async def stall_midway(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nhalf")
        await reader.read()

    async with raw_server(stall_midway) as url:
        upstream = pool(url, read_timeout=0.2)
        answer = Answer()
        with pytest.raises(UpstreamTimeout):
            await upstream.request(b"GET", b"/", [], None, answer.start, answer.body)
        await upstream.close()
    assert answer.status == 200  # started: the proxy can only drop the client's connection
    assert answer.pieces == [(b"half", False)]


async def test_waiting_for_a_free_connection_counts_against_the_connect_timeout() -> None:
    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        await reader.read()  # until the client gives up

    async with raw_server(stall) as url:
        upstream = pool(url, size=1, read_timeout=3.0)
        holder = asyncio.create_task(get(upstream))
        await asyncio.sleep(0.05)
        with pytest.raises(UpstreamBusy):  # the service is there: a 503, not a 504
            await get(upstream)  # the only connection is busy for longer than 0.5 s
        holder.cancel()
        with pytest.raises(asyncio.CancelledError):
            await holder
        await upstream.close()


async def test_a_refused_connection_is_unavailable() -> None:
    async def never(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        pass

    async with raw_server(never) as url:
        pass  # closed: nothing listens on its port any more
    upstream = pool(url)
    with pytest.raises(UpstreamUnavailable):
        await get(upstream)


async def test_an_answer_that_is_not_http_fails() -> None:
    async def garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"SMTP ready\r\n\r\n")
        await reader.read()

    async with raw_server(garbage) as url:
        upstream = pool(url)
        with pytest.raises(UpstreamFailed):
            await get(upstream)
        await upstream.close()


async def test_a_head_answer_has_no_body() -> None:
    async def head(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            await read_request(reader)
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 1234\r\n\r\n")

    async with raw_server(head) as url:
        upstream = pool(url)
        answer = await get(upstream, b"HEAD")
        await upstream.close()
    assert (answer.status, answer.pieces) == (200, [(b"", True)])


class Attempts:
    """An ASGI upstream under uvicorn: `/boom` answers 500 and then raises, as an app whose
    error middleware sent the 500 and re-raised (uvicorn then closes the connection without
    `Connection: close`); anything else answers 200."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        self.seen.append(scope["path"])
        while (await receive()).get("more_body"):
            pass
        status = 500 if scope["path"] == "/boom" else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
        if status == 500:
            raise RuntimeError("the app failed after its 500 went out")


async def test_a_500_after_which_the_upstream_closes_does_not_poison_the_pool() -> None:
    """Other requests after one that failed with a 500 all succeed, even those that are never
    retried (a POST without Idempotency-Key): the failed exchange's connection is not reused."""
    app = Attempts()
    served = await serve(app)
    upstream = pool(served.url, size=2)
    try:
        statuses = []
        for _ in range(20):
            boom = Answer()
            await upstream.request(b"GET", b"/boom", [], None, boom.start, boom.body)
            statuses.append(boom.status)
            statuses.append((await get(upstream, b"POST", b"{}")).status)
        assert statuses == [500, 200] * 20
        assert app.seen.count("/x") == 20  # each POST sent once
    finally:
        await upstream.close()
        await served.stop()


@pytest.mark.parametrize(
    "failure",
    [
        b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 2\r\n\r\nno\x00\x00\x00\x00",
        b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 10\r\n\r\nhalf",
        b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 2\r\n\r\nno",
        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n",
    ],
    ids=["garbage-after", "truncated-then-closed", "500-kept-alive", "bytes-beyond-the-answer"],
)
async def test_a_failed_exchange_leaves_its_connection_out_of_the_pool(failure: bytes) -> None:
    first = True

    async def fail_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal first
        while True:
            await read_request(reader)
            if first:
                first = False
                writer.write(failure)
                await writer.drain()
                if b"half" in failure:
                    return  # truncated: closed in the middle of the answer
                continue
            writer.write(OK)

    async with raw_server(fail_once) as url:
        upstream = pool(url)
        with contextlib.suppress(UpstreamFailed):
            await get(upstream)
        answers = [await get(upstream, b"POST", b"{}") for _ in range(5)]
        await upstream.close()
    assert [(a.status, a.content) for a in answers] == [(200, b"ok")] * 5
    assert upstream.opened == 2  # the failed exchange's connection, then one kept for the rest


async def test_bytes_arriving_on_an_idle_connection_close_it() -> None:
    async def answer_then_chatter(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        await read_request(reader)
        writer.write(OK)
        await writer.drain()
        await asyncio.sleep(0.02)
        writer.write(b"HTTP/1.1 200 OK\r\n")  # unasked: the start of an answer to nothing
        while True:
            await read_request(reader)
            writer.write(OK)

    async with raw_server(answer_then_chatter) as url:
        upstream = pool(url)
        assert (await get(upstream)).status == 200
        await asyncio.sleep(0.1)
        posted = await get(upstream, b"POST", b"{}")
        await upstream.close()
    assert (posted.status, posted.content) == (200, b"ok")
    assert upstream.opened == 2


async def _attempts_on_a_stale_connection(
    method: bytes, headers: list[Header], body: Any
) -> tuple[int, Answer | UpstreamFailed]:
    """How many times the upstream received the request sent on a kept-alive connection it
    closes when the next request arrives (its keep-alive just expired), and the outcome."""
    attempts = 0

    async def once_each(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal attempts
        head, _ = await read_request(reader)
        if not head.startswith(b"GET /warm"):
            attempts += 1
        writer.write(OK)
        await writer.drain()
        await read_request(reader)
        attempts += 1  # then closed, unanswered

    async with raw_server(once_each) as url:
        upstream = pool(url)
        warm = Answer()
        await upstream.request(b"GET", b"/warm", [], None, warm.start, warm.body)
        answer = Answer()
        outcome: Answer | UpstreamFailed = answer
        try:
            await upstream.request(method, b"/x", headers, body, answer.start, answer.body)
        except UpstreamFailed as exc:
            outcome = exc
        await upstream.close()
    return attempts, outcome


@pytest.mark.parametrize(
    ("method", "headers"),
    [
        (b"GET", []),
        (b"PUT", []),
        (b"DELETE", []),
        (b"POST", [(b"idempotency-key", b"k-1")]),
        (b"PATCH", [(b"idempotency-key", b"k-2")]),
    ],
)
async def test_an_idempotent_request_is_retried_once_on_a_fresh_connection(
    method: bytes, headers: list[Header]
) -> None:
    attempts, outcome = await _attempts_on_a_stale_connection(method, headers, b"{}")
    assert isinstance(outcome, Answer)
    assert (outcome.status, outcome.content) == (200, b"ok")
    assert attempts == 2  # the stale connection, then the fresh one


@pytest.mark.parametrize("method", [b"POST", b"PATCH"])
async def test_a_request_without_idempotency_key_is_never_retried(method: bytes) -> None:
    attempts, outcome = await _attempts_on_a_stale_connection(method, [], b"{}")
    assert isinstance(outcome, UpstreamFailed)
    assert attempts == 1


async def test_a_streamed_body_already_sent_is_not_retried() -> None:
    async def pieces() -> AsyncIterator[bytes]:
        yield b"{}"

    attempts, outcome = await _attempts_on_a_stale_connection(
        b"PUT", [(b"content-length", b"2")], pieces()
    )
    assert isinstance(outcome, UpstreamFailed)
    assert attempts == 1
