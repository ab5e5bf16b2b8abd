"""`kit.fast_path.RouteReads`: a GET answered by calling its route's function outside FastAPI's
routing and dependency solving gives exactly what FastAPI gives for it (status, headers,
bytes), and every case it does not take (an unknown, invalid or unstorable parameter, an
unknown id, another tenant, no principal or a forged one, a missing scope, a read failing but
for its database) goes to the route, which answers as it always has; a failing database is
answered 503 + Retry-After at once. Every tenant GET of every service is taken but the two
that read a header."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.kit import fast_path
from mops_shared.kit.fast_path import RouteReads, _Candidate, _Routes, routes_of
from tests.support import (
    assert_problem,
    build_service_app,
    new_principal,
    principal_headers,
    running,
)

TOOLS = "/v1/inventory/tools"
# What FastAPI serves itself: the documents and probes (no principal), and the pictures,
# which read If-None-Match.
NOT_TENANT_READS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/healthz", "/readyz"}
READING_A_HEADER = {
    "/v1/scoring/results/{result_id}/grid.svg",
    "/v1/scoring/results/{result_id}/cx-matrix.svg",
}


def _lane(app: FastAPI) -> RouteReads:
    """The app's RouteReads, from its built middleware stack."""
    layer: Any = app.middleware_stack
    while layer is not None and not isinstance(layer, RouteReads):
        layer = getattr(layer, "app", None)
    assert isinstance(layer, RouteReads)
    return layer


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the fast path answers from now on."""
    served: list[str] = []
    original = RouteReads._served

    async def recorded(self: RouteReads, scope: Any, *args: Any) -> bool:
        answered = await original(self, scope, *args)
        if answered:
            served.append(scope["path"])
        return answered

    monkeypatch.setattr(RouteReads, "_served", recorded)
    return served


@pytest_asyncio.fixture
async def inventory(
    database_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[FastAPI, list[str]]]:
    """An inventory app of its own (on the suite's database) and the paths its fast path
    answered."""
    app = build_service_app("inventory", database_urls["inventory"])
    served = _recording(monkeypatch)
    async with running(app):
        yield app, served


@pytest_asyncio.fixture
async def org(
    database_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[FastAPI, list[str]]]:
    """An org app of its own, and the paths its fast path answered."""
    app = build_service_app("org", database_urls["org"])
    served = _recording(monkeypatch)
    async with running(app):
        yield app, served


def _client(app: FastAPI, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://svc.test", headers=headers or {}
    )


async def _tool(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"name": f"Fast {uuid.uuid4().hex[:8]}", "capabilities": ["CRM", "Email"], **fields}
    created = await client.post(TOOLS, json=body)
    assert created.status_code == 201, created.text
    return dict(created.json())


def _same(fast: httpx.Response, by_route: httpx.Response) -> None:
    assert fast.status_code == by_route.status_code
    assert fast.content == by_route.content
    for header in ("content-type", "content-length", "etag"):
        assert fast.headers.get(header) == by_route.headers.get(header), header


async def _answered_alike(
    app: FastAPI, client: httpx.AsyncClient, served: list[str], paths: list[str]
) -> list[httpx.Response]:
    """Each path read by the fast path (asserted), then by FastAPI alone: 200 and the same
    answer each time. The fast path's answers."""
    fast = [await client.get(path) for path in paths]
    assert served == [path.split("?")[0] for path in paths]
    _lane(app).routes = _Routes([])  # no route taken: FastAPI answers everything
    by_route = [await client.get(path) for path in paths]
    for one, other in zip(fast, by_route, strict=True):
        assert one.status_code == 200, one.text
        _same(one, other)
    return fast


@pytest.mark.asyncio
async def test_every_tenant_read_is_taken_but_those_reading_a_header() -> None:
    from mops_inventory.main import create_app as inventory
    from mops_org.main import create_app as org
    from mops_scoring.main import create_app as scoring
    from mops_webhooks.main import create_app as webhooks

    taken = 0
    for create in (inventory, org, scoring, webhooks):
        routes = routes_of(create())
        left = {c.path for c in routes.candidates if c.read is None}
        assert left - NOT_TENANT_READS <= READING_A_HEADER, left
        taken += sum(1 for c in routes.candidates if c.read is not None)
    assert taken >= 75


@pytest.mark.asyncio
async def test_the_fast_path_answers_what_fastapi_answers(
    inventory: tuple[FastAPI, list[str]],
) -> None:
    app, served = inventory
    async with _client(app, principal_headers(new_principal())) as client:
        tools = [await _tool(client, status=s) for s in ("active", "active", "retired")]
        paths = [
            f"{TOOLS}/{tools[0]['id']}",
            f"{TOOLS}?limit=2",
            f"{TOOLS}?limit=1&status=active&sort=-name",
            f"{TOOLS}?capability=crm&vendor=Acme",
            "/v1/inventory/reports/spend?by=category",
            "/v1/inventory/contracts",
        ]
        fast = await _answered_alike(app, client, served, paths)
    assert len(fast[2].json()["items"]) == 1


@pytest.mark.asyncio
async def test_repeated_and_renamed_parameters_are_read_as_fastapi_reads_them(
    org: tuple[FastAPI, list[str]],
) -> None:
    app, served = org
    async with _client(app, principal_headers(new_principal())) as client:
        people = []
        for i in range(3):
            body = {"name": f"Person {i}", "email": f"p{i}@acme.example"}
            created = await client.post("/v1/org/people", json=body)
            assert created.status_code == 201, created.text
            people.append(created.json())
        paths = [
            f"/v1/org/people?id={people[0]['id']}&id={people[2]['id']}",
            "/v1/org/people?email=P1@ACME.example&email=nobody@acme.example",
            "/v1/org/people?active=true&limit=2&sort=-email",
            f"/v1/org/people/{people[1]['id']}",
        ]
        fast = await _answered_alike(app, client, served, paths)
    assert {p["id"] for p in fast[0].json()["items"]} == {people[0]["id"], people[2]["id"]}
    assert [p["id"] for p in fast[1].json()["items"]] == [people[1]["id"]]
    assert [p["email"] for p in fast[2].json()["items"]] == ["p2@acme.example", "p1@acme.example"]


@pytest.mark.asyncio
async def test_refusals_are_the_routes_own(inventory: tuple[FastAPI, list[str]]) -> None:
    """Each refusal, with the fast path and without it: the same status, problem and bytes.
    A domain error (no principal, a scope, not found, a forged cursor) is answered by the
    fast path with the route's problem; an invalid or unknown parameter goes to the route."""
    app, served = inventory
    owner = new_principal()
    async with _client(app, principal_headers(owner)) as client:
        tool_id = (await _tool(client))["id"]
    org_only = frozenset({"org:read"})
    tenant = principal_headers(owner)
    cases: list[tuple[dict[str, str], str, int, bool]] = [
        # (headers, path, status, answered by the fast path)
        (tenant, f"{TOOLS}/{uuid.uuid4()}", 404, True),
        (tenant, f"{TOOLS}?stauts=active", 422, False),
        (tenant, f"{TOOLS}?limit=many", 422, False),
        (tenant, f"{TOOLS}?limit=10000", 422, False),
        (tenant, f"{TOOLS}/not-an-id", 422, False),
        (tenant, f"{TOOLS}?vendor=a%00b", 422, False),
        (tenant, f"{TOOLS}?status=sleeping", 422, False),
        (tenant, f"{TOOLS}?cursor=Zm9yZ2Vk", 422, True),
        (principal_headers(new_principal()), f"{TOOLS}/{tool_id}", 404, True),  # other tenant
        (principal_headers(new_principal(owner.tenant_id, scopes=org_only)), TOOLS, 403, True),
        ({}, TOOLS, 401, True),
        ({"x-mops-principal": "forged.token"}, f"{TOOLS}/{tool_id}", 401, True),
        ({}, f"{TOOLS}?stauts=active", 422, False),  # the unknown parameter is refused first
    ]
    answers = []
    for headers, path, status, taken in cases:
        async with _client(app, {**headers, "x-request-id": "same-in-both"}) as client:
            served.clear()
            fast = await client.get(path)
            assert served == ([path.split("?")[0]] if taken else []), path
            lane = _lane(app)
            routes, lane.routes = lane.routes, _Routes([])
            by_route = await client.get(path)
            lane.routes = routes
        assert_problem(fast, status)
        _same(fast, by_route)
        answers.append(fast)
    assert "/stauts" in answers[1].text  # the route names the unknown parameter


async def _read_failing_with(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> tuple[dict[str, Any], httpx.Response, int]:
    """A tool, and its read when the fast path's connection fails with `failure`; how many
    times the fast path asked for a connection."""
    tried: list[Any] = []

    def failing(engine: Any) -> Any:
        tried.append(engine)
        raise failure

    async with _client(app, principal_headers(new_principal())) as client:
        tool = await _tool(client)
        monkeypatch.setattr(fast_path, "read_connection", failing)
        answer = await client.get(f"{TOOLS}/{tool['id']}")
    return tool, answer, len(tried)


@pytest.mark.asyncio
async def test_a_failing_read_goes_to_the_route(
    inventory: tuple[FastAPI, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, served = inventory
    failure = RuntimeError("a bug in the fast path")
    tool, answer, tried = await _read_failing_with(app, monkeypatch, failure)
    assert answer.status_code == 200
    assert answer.json() == tool
    assert (tried, served) == (1, [])


@pytest.mark.asyncio
async def test_a_failing_database_is_answered_503_without_trying_the_route(
    inventory: tuple[FastAPI, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, served = inventory
    failure = ConnectionRefusedError(111, "the database is gone")
    _, answer, tried = await _read_failing_with(app, monkeypatch, failure)
    assert_problem(answer, 503)
    assert answer.headers["retry-after"] == "2"
    # The route did not wait for a connection a second time.
    assert (tried, served) == (1, [])


def test_the_first_route_whose_path_matches_decides_as_in_starlette() -> None:
    read: Any = object()
    pattern = re.compile(r"^/v1/org/units/(?P<unit_id>[^/]+)$")
    convertors = {"unit_id": _Identity()}
    routes = _Routes(
        [
            _Candidate("/v1/org/units/{unit_id}", pattern, convertors, read),
            _Candidate("/v1/org/units/tree", None, {}, None),  # shadowed by the pattern
            _Candidate("/v1/org/people", None, {}, None),
        ]
    )

    assert routes.match("/v1/org/units/tree") == (read, {"unit_id": "tree"})
    assert routes.match("/v1/org/units/u1") == (read, {"unit_id": "u1"})
    assert routes.match("/v1/org/people") == (None, {})
    assert routes.match("/v1/org/people/") is None
    assert routes.match("/v1/org/units/u1/people") is None


class _Identity:
    @staticmethod
    def convert(value: str) -> str:
        return value
