"""`POST /v1/webhooks/in/{connection_id}`, the providers' deliveries, in pure ASGI.

A shim that only adapts ASGI: it calls `service.acknowledge`, as the route in `router.py` does
(the connection's one query, verification, the committed insert, and the answer's bytes and
media type, written by one serialiser), and sends what it returns, or the problem it raises.
What it saves is FastAPI's routing and dependency solving, which profiling showed were a large
part of each acknowledgement. The route stays the documented operation and answers what this
does not take: an id not in canonical form, a body without Content-Length or over the limit, a
query parameter other than `token`. A failing database is raised, before anything is
acknowledged, for the app's `DatabaseFailureAnswer` to answer 503 + Retry-After: the sender
delivers again.
"""

from __future__ import annotations

import uuid

from starlette.datastructures import Headers, QueryParams
from starlette.types import ASGIApp, Receive, Scope, Send

from mops_shared.kit.conventions import query_is_only
from mops_shared.kit.errors import ClientGone, MopsError, send_problem
from mops_shared.kit.fast_path import canonical_id
from mops_shared.kit.metrics import ROUTE_KEY
from mops_webhooks.inbound import service
from mops_webhooks.inbound.credential_guard import source_address

PREFIX = "/v1/webhooks/in/"
_QUERY = ("token",)  # the route's one query parameter


class ReceiveFastPath:
    """ASGI middleware: takes the deliveries `handles` accepts, passes the rest on untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and handles(scope):
            scope[ROUTE_KEY] = PREFIX + "{connection_id}"
            try:
                await receive_delivery(scope, receive, send)
            except ClientGone:
                return  # the sender hung up mid-body: nothing was stored, no one to answer
            return
        await self.app(scope, receive, send)


def handles(scope: Scope) -> bool:
    """A delivery this path takes: POST, a canonical id, a declared length within the limit."""
    if scope["method"] != "POST" or canonical_id(scope["path"], PREFIX) is None:
        return False
    if not query_is_only(scope, _QUERY):
        return False  # the route refuses the unknown parameters
    limit: int = scope["app"].state.settings.max_receive_bytes
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value.isdigit() and int(value) <= limit
    return False


async def receive_delivery(scope: Scope, receive: Receive, send: Send) -> None:
    state = scope["app"].state
    body = await _body(receive)
    headers = Headers(scope=scope)
    try:
        answer = await service.acknowledge(
            state.read_engine,
            uuid.UUID(scope["path"][len(PREFIX) :]),  # canonical: `handles` checked
            body,
            headers,
            state.webhook_secrets,
            state.inbox_writer,
            state.credential_guard,
            source=source_address(headers, client[0] if (client := scope.get("client")) else None),
            token=QueryParams(scope["query_string"]).get("token"),
        )
    except MopsError as exc:
        extra = [(k.lower().encode(), v.encode()) for k, v in exc.headers.items()]
        await send_problem(send, scope, exc.status, detail=exc.detail, headers=extra)
        return
    await send(
        {
            "type": "http.response.start",
            "status": answer.status,
            "headers": [
                (b"content-type", answer.media_type.encode()),
                (b"content-length", str(len(answer.body)).encode()),
                *((k.lower().encode(), v.encode()) for k, v in answer.headers.items()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": answer.body})


async def _body(receive: Receive) -> bytes:
    # The server holds the client to its Content-Length, which `handles` checked.
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)
