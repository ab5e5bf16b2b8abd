"""The request body limit of every route the gateway serves, proxied or its own.

One mechanism for both: a declared Content-Length over the limit is refused before anything is
read, and a body is counted as it arrives, so reading stops (413) as soon as the limit is
passed, whatever the client declared (chunked bodies declare nothing). Callers check the API
key first where one is needed: a request without a valid key is refused unread.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from starlette.types import Message, Receive, Scope, Send

from mops_shared.kit.errors import ClientGone, send_problem


class BodyTooLarge(Exception):
    pass


class BadContentLength(Exception):
    pass


@dataclass(frozen=True)
class BodyLimit:
    max_bytes: int

    def declared_length(self, scope: Scope) -> int | None:
        """The Content-Length, if any; BodyTooLarge over the limit, BadContentLength if it is
        not a number."""
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    raise BadContentLength from None
                if length > self.max_bytes:
                    raise BodyTooLarge
                return length
        return None

    async def read(self, receive: Receive) -> bytes:
        """The whole body, read until the limit is passed (BodyTooLarge) or the body ends."""
        chunks = []
        async for chunk in self.stream(receive):
            chunks.append(chunk)
        return b"".join(chunks)

    async def stream(self, receive: Receive) -> AsyncIterator[bytes]:
        """The body's pieces as they arrive; BodyTooLarge as soon as they pass the limit."""
        size = 0
        while True:
            message: Message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise BodyTooLarge
            if chunk:
                yield chunk
            if not message.get("more_body", False):
                return

    async def refuse(self, send: Send, scope: Scope, exc: BodyTooLarge | BadContentLength) -> None:
        if isinstance(exc, BadContentLength):
            await send_problem(send, scope, 400, detail="Content-Length is not a number.")
        else:
            detail = f"The request body exceeds {self.max_bytes} bytes."
            await send_problem(send, scope, 413, detail=detail)


def has_body(scope: Scope, declared_length: int | None) -> bool:
    """Whether a body follows the head: a declared non-zero length, or chunked pieces."""
    if declared_length is not None:
        return declared_length > 0
    return any(
        name == b"transfer-encoding" and b"chunked" in value.lower()
        for name, value in scope["headers"]
    )


def replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the app the body already read, then waits on the client's."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
