"""What the pure-ASGI fast paths (a resource read by id, the gateway's webhook receive) share:
they take a request only when its id is unambiguous, and leave the rest to the route."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from starlette.types import ASGIApp, Receive, Scope, Send

from mops_shared.kit.auth import PRINCIPAL_HEADER, has_scope, required_scope, verify_principal
from mops_shared.kit.errors import MopsError
from mops_shared.kit.etag import etag_of
from mops_shared.kit.reads import JSON_MEDIA_TYPE, read_connection

_CANONICAL_UUID_LENGTH = 36
_PRINCIPAL = PRINCIPAL_HEADER.encode()

# A domain's read of one resource as its wire JSON and version (None: the tenant has none such):
# the same function its GET route calls.
ReadById = Callable[[AsyncConnection, uuid.UUID, uuid.UUID], Awaitable[tuple[bytes, int] | None]]


def canonical_id(path: str, prefix: str) -> uuid.UUID | None:
    """The UUID ending `path` right after `prefix`, when it is written in canonical lowercase
    form; None otherwise (another spelling, another path), for the route to judge."""
    if not path.startswith(prefix) or len(path) != len(prefix) + _CANONICAL_UUID_LENGTH:
        return None
    raw = path[len(prefix) :]
    try:
        value = uuid.UUID(raw)
    except ValueError:
        return None
    return value if str(value) == raw else None


async def read_by_id(
    engine: AsyncEngine, read: ReadById, tenant_id: uuid.UUID, resource_id: uuid.UUID
) -> tuple[bytes, int] | None:
    """`read` on a read connection; None also when the database could not be asked (the route
    then answers, as it does when the database is away)."""
    try:
        async with read_connection(engine) as conn:
            return await read(conn, tenant_id, resource_id)
    except (OSError, TimeoutError, DBAPIError):
        return None


class ByIdFastPath:
    """ASGI middleware answering `GET <prefix><canonical uuid>` with the route's own read
    function, without FastAPI's routing, dependency solving and response handling (profiled:
    most of the CPU of a one-row read). It answers only the plain success; anything else (no or
    bad principal, a missing scope, an id not in canonical form, a resource not found, any
    query parameter: the route declares none) goes to the route, which gives its problems."""

    def __init__(self, app: ASGIApp, *, prefix: str, area: str, read: ReadById) -> None:
        self.app = app
        self.prefix = prefix
        self.read = read
        self.scope_needed = required_scope(area, "GET")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and not scope["query_string"]:
            resource_id = canonical_id(scope["path"], self.prefix)
            if resource_id is not None:
                answer = await self._answer(scope, resource_id)
                if answer is not None:
                    body, version = answer
                    await send(
                        {
                            "type": "http.response.start",
                            "status": 200,
                            "headers": [
                                (b"content-type", JSON_MEDIA_TYPE.encode()),
                                (b"content-length", str(len(body)).encode()),
                                (b"etag", etag_of(version).encode()),
                            ],
                        }
                    )
                    await send({"type": "http.response.body", "body": body})
                    return
        await self.app(scope, receive, send)

    async def _answer(self, scope: Scope, resource_id: uuid.UUID) -> tuple[bytes, int] | None:
        token = None
        for name, value in scope["headers"]:
            if name == _PRINCIPAL:
                token = value.decode("latin-1")
                break
        state = scope["app"].state
        try:
            principal = verify_principal(token, state.internal_secret)
        except MopsError:
            return None
        if not has_scope(principal.scopes, self.scope_needed):
            return None
        scope.setdefault("state", {})["tenant_id"] = str(principal.tenant_id)
        return await read_by_id(state.read_engine, self.read, principal.tenant_id, resource_id)
