"""A failing database is answered 503 problem+json with Retry-After, never 500: in a route, in
the ASGI layers outside FastAPI's handlers, and when the pool has no connection to give."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from starlette.types import Receive, Scope, Send

from mops_shared.kit.errors import (
    DATABASE_RETRY_AFTER_SECONDS,
    DatabaseFailureAnswer,
    install_problem_handlers,
    is_database_unavailable,
)
from tests.support import (
    assert_problem,
    build_service_app,
    drop_postgres_database,
    migrate_async,
    new_database,
    new_principal,
    principal_headers,
    running,
)

pytestmark = pytest.mark.asyncio


class _DriverError(Exception):
    """A driver's error as asyncpg (through SQLAlchemy's adapter) carries it: a SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


def _wrapped(sqlstate: str) -> DBAPIError:
    """As SQLAlchemy raises it: the driver's error in `.orig`, the SQLSTATE on the driver's."""
    return DBAPIError("SELECT 1", None, _DriverError(sqlstate))


def _invalidated() -> DBAPIError:
    error = DBAPIError("SELECT 1", None, Exception("connection was closed in the middle"))
    error.connection_invalidated = True
    return error


def _chained_cause() -> DBAPIError:
    """The SQLSTATE only on the cause of the driver's error (asyncpg's own, chained)."""
    adapted = Exception("too many clients already")
    adapted.__cause__ = _DriverError("53300")
    return DBAPIError("SELECT 1", None, adapted)


UNAVAILABLE: dict[str, BaseException] = {
    "too many clients already (53300)": _wrapped("53300"),
    "role or database CONNECTION LIMIT exceeded (53300, on the cause)": _chained_cause(),
    "out of memory (53200)": _wrapped("53200"),
    "cannot connect now (57P03)": _wrapped("57P03"),
    "admin shutdown (57P01)": _wrapped("57P01"),
    "crash shutdown (57P02)": _wrapped("57P02"),
    "statement timeout, query canceled (57014)": _wrapped("57014"),
    "connection failure (08006)": _wrapped("08006"),
    "connection invalidated": _invalidated(),
    "pool checkout timeout": PoolTimeout("QueuePool limit of size 8 overflow 0 reached"),
    "connection refused": ConnectionRefusedError(111, "Connect call failed"),
    "connection reset": ConnectionResetError(104, "Connection reset by peer"),
    "connect timed out": TimeoutError(),
    "host does not resolve": socket.gaierror(-2, "Name or service not known"),
    "SQLite locked past busy_timeout": DBAPIError(
        "INSERT", None, sqlite3.OperationalError("database is locked")
    ),
}

# A request's own fault or mops's: still the 500 of an unexpected error.
NOT_UNAVAILABLE: dict[str, BaseException] = {
    "unique violation (23505)": IntegrityError("INSERT", None, _DriverError("23505")),
    "syntax error (42601)": _wrapped("42601"),
    "file not found": FileNotFoundError("alembic.ini"),
    "a plain bug": ValueError("bug"),
}


def _app_raising(error: BaseException) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/fail")
    async def fail() -> None:
        raise error

    return app


def _client(app: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def _assert_database_unavailable(response: httpx.Response) -> None:
    assert_problem(response, 503)
    assert response.headers["retry-after"] == str(DATABASE_RETRY_AFTER_SECONDS)


@pytest.mark.parametrize("error", UNAVAILABLE.values(), ids=UNAVAILABLE.keys())
async def test_a_route_meeting_a_failing_database_answers_503_with_retry_after(
    error: BaseException,
) -> None:
    assert is_database_unavailable(error)
    async with _client(_app_raising(error)) as client:
        response = await client.get("/fail")

    _assert_database_unavailable(response)


@pytest.mark.parametrize("error", NOT_UNAVAILABLE.values(), ids=NOT_UNAVAILABLE.keys())
async def test_other_errors_stay_the_500_of_an_unexpected_error(error: BaseException) -> None:
    assert not is_database_unavailable(error)
    async with _client(_app_raising(error)) as client:
        response = await client.get("/fail")

    assert_problem(response, 500)
    assert "retry-after" not in response.headers


def _asgi_raising(error: BaseException) -> Any:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise error

    return app


async def test_a_failing_database_in_an_asgi_layer_answers_503_with_retry_after() -> None:
    # The fast paths, idempotency and the webhooks' receive path run outside FastAPI's handlers.
    async with _client(DatabaseFailureAnswer(_asgi_raising(_wrapped("53300")))) as client:
        response = await client.get("/v1/org/units")

    _assert_database_unavailable(response)
    assert response.json()["instance"] == "/v1/org/units"


async def test_an_asgi_layer_lets_other_errors_go_on_up() -> None:
    sent: list[Any] = []

    async def receive() -> Any:
        return {"type": "http.request", "body": b""}

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/v1/org/units", "headers": []}
    with pytest.raises(ValueError, match="bug"):
        await DatabaseFailureAnswer(_asgi_raising(ValueError("bug")))(scope, receive, send)
    assert sent == []  # left to the error middleware above: the 500 and its log


@contextlib.asynccontextmanager
async def _service_database(service: str, workdir: Path) -> AsyncIterator[str]:
    url, pg_name = await new_database(service, workdir)
    try:
        await migrate_async(service, url)
        yield url
    finally:
        if pg_name:
            await drop_postgres_database(pg_name)


@contextlib.asynccontextmanager
async def _every_connection_held(engine: AsyncEngine) -> AsyncIterator[None]:
    """Checks out connections until the pool has none left to give (its checkout times out)."""
    held: list[AsyncConnection] = []
    try:
        while True:
            try:
                held.append(await engine.connect())
            except PoolTimeout:
                break
        yield
    finally:
        for conn in held:
            await conn.close()


async def test_a_request_finding_every_pooled_connection_in_use_answers_503_not_504(
    tmp_path: Path,
) -> None:
    """The pool's checkout timeout is the service's answer (503 + Retry-After), shorter than any
    client's own timeout (which would be a 504): through the by-id fast path and a route."""
    async with _service_database("org", tmp_path) as url:
        app = build_service_app("org", url, database_pool_size=1, database_pool_timeout=0.2)
        async with running(app), _client(app) as client:
            client.headers.update(principal_headers(new_principal()))
            created = await client.post("/v1/org/units", json={"name": "Held", "type": "team"})
            assert created.status_code == 201, created.text
            unit = created.json()["id"]
            async with _every_connection_held(app.state.engine):
                by_id = await client.get(f"/v1/org/units/{unit}")
                listed = await client.get("/v1/org/units")
                written = await client.post("/v1/org/units", json={"name": "No", "type": "team"})
            again = await client.get(f"/v1/org/units/{unit}")

    for response in (by_id, listed, written):
        _assert_database_unavailable(response)
    assert again.status_code == 200  # the pool recovers once connections come back
    assert uuid.UUID(again.json()["id"]) == uuid.UUID(unit)
