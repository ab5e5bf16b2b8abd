"""`kit.fast_path.ByIdReads`: a by-id GET answered outside FastAPI's routing gives what the route
gives (it calls the same read function), and every case it does not take (another spelling of
the id, a query string, an unknown id, another tenant, no principal or a forged one, a missing
scope, a read failing but for its database) goes to the route, which answers as it always has;
a failing database is answered 503 + Retry-After at once."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.kit.fast_path import ByIdReads
from tests.support import (
    assert_problem,
    build_service_app,
    new_principal,
    principal_headers,
    running,
)

pytestmark = pytest.mark.asyncio

TOOLS = "/v1/inventory/tools/"


class Recorded:
    """The answers the fast path gave (the route's are not recorded), and a switch that makes
    its reads fail."""

    def __init__(self) -> None:
        self.answers: list[Any] = []
        self.failing: Exception | None = None


@pytest_asyncio.fixture
async def inventory(database_urls: dict[str, str]) -> AsyncIterator[tuple[FastAPI, Recorded]]:
    """An inventory app of its own (on the suite's database) whose fast path is recorded."""
    app = build_service_app("inventory", database_urls["inventory"])
    recorded = Recorded()
    [middleware] = [m for m in app.user_middleware if m.cls is ByIdReads]
    reads = middleware.kwargs["reads"]
    assert TOOLS in reads

    def recording(read: Any) -> Any:
        async def recorded_read(*args: Any) -> Any:
            if recorded.failing is not None:
                raise recorded.failing
            answer = await read(*args)
            recorded.answers.append(answer)
            return answer

        return recorded_read

    middleware.kwargs["reads"] = {prefix: recording(read) for prefix, read in reads.items()}
    async with running(app):
        yield app, recorded


def _client(app: FastAPI, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://svc.test", headers=headers or {}
    )


async def _tool(client: httpx.AsyncClient) -> httpx.Response:
    body = {"name": f"Fast {uuid.uuid4().hex[:8]}", "capabilities": ["CRM", "Email"]}
    created = await client.post("/v1/inventory/tools", json=body)
    assert created.status_code == 201, created.text
    return created


async def test_the_fast_path_answers_what_the_route_answers(
    inventory: tuple[FastAPI, Recorded],
) -> None:
    app, recorded = inventory
    async with _client(app, principal_headers(new_principal())) as client:
        created = await _tool(client)
        tool_id = created.json()["id"]
        by_route = await client.get(TOOLS + tool_id.upper())  # another spelling: the route
        assert recorded.answers == []
        fast = await client.get(TOOLS + tool_id)
    assert len(recorded.answers) == 1
    assert fast.status_code == by_route.status_code == 200
    assert fast.content == by_route.content == created.content
    assert fast.headers["etag"] == by_route.headers["etag"] == created.headers["etag"]
    assert fast.headers["content-type"] == by_route.headers["content-type"]
    assert fast.headers["x-request-id"]  # the request context wraps it as it wraps the route


async def test_what_the_fast_path_does_not_take_the_route_answers(
    inventory: tuple[FastAPI, Recorded],
) -> None:
    app, recorded = inventory
    owner = new_principal()
    async with _client(app, principal_headers(owner)) as client:
        tool_id = (await _tool(client)).json()["id"]
        unknown = await client.get(TOOLS + str(uuid.uuid4()))
        with_query = await client.get(TOOLS + tool_id, params={"fields": "name"})
    other_tenant = principal_headers(new_principal())
    org_only = frozenset({"org:read"})
    no_read_scope = principal_headers(new_principal(owner.tenant_id, scopes=org_only))
    async with _client(app, other_tenant) as client:
        cross = await client.get(TOOLS + tool_id)
    async with _client(app, no_read_scope) as client:
        forbidden = await client.get(TOOLS + tool_id)
    async with _client(app) as client:
        anonymous = await client.get(TOOLS + tool_id)
    async with _client(app, {"x-mops-principal": "forged.token"}) as client:
        forged = await client.get(TOOLS + tool_id)

    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    assert with_query.status_code == 422  # the route refuses parameters it does not know
    assert cross.status_code == 404  # another tenant's tool is as absent as an unknown one
    assert forbidden.status_code == 403
    assert anonymous.status_code == 401
    assert forged.status_code == 401
    assert recorded.answers == []


async def test_a_failing_read_goes_to_the_route(inventory: tuple[FastAPI, Recorded]) -> None:
    app, recorded = inventory
    async with _client(app, principal_headers(new_principal())) as client:
        created = await _tool(client)
        recorded.failing = RuntimeError("a bug in the fast read")
        answer = await client.get(TOOLS + created.json()["id"])
    assert answer.status_code == 200
    assert answer.content == created.content
    assert recorded.answers == []


async def test_a_failing_database_is_answered_503_without_trying_the_route(
    inventory: tuple[FastAPI, Recorded],
) -> None:
    app, recorded = inventory
    async with _client(app, principal_headers(new_principal())) as client:
        created = await _tool(client)
        recorded.failing = ConnectionRefusedError(111, "the database is gone")
        answer = await client.get(TOOLS + created.json()["id"])
    assert_problem(answer, 503)
    assert answer.headers["retry-after"] == "2"
