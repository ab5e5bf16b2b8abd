"""One body limit for every route the gateway serves, proxied or its own: the key first (a
request without one is refused unread), then the body counted as it arrives (413 as soon as it
passes the limit, or at once for a declared Content-Length over it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_gateway.main import create_app as create_gateway
from mops_shared.contracts.problem_types import problem_type_and_title
from tests.integration.conftest import TenantKey, client_for, gateway_settings, new_tenant
from tests.support import running, serve

pytestmark = pytest.mark.asyncio

LIMIT = 64 * 1024
RECEIVE_LIMIT = 4096
CHUNK = 16 * 1024
RECEIVE = "/v1/webhooks/in/00000000-0000-4000-8000-000000000000"
# A path of each family of routes the gateway serves, and whether it needs a key.
KEYED = ["/v1/admin/keys", "/v1/org/units", "/v1/inventory/categories", "/v1/webhooks/connections"]


class CountedBody:
    """A chunked request body of `chunks` pieces that counts how much the server pulled."""

    def __init__(self, chunks: int) -> None:
        self.chunks = chunks
        self.consumed = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.chunks):
            self.consumed += CHUNK
            yield b"x" * CHUNK


class Gateway:
    def __init__(self, app: FastAPI, client: httpx.AsyncClient, tenant: TenantKey) -> None:
        self.app, self.client, self.tenant = app, client, tenant
        self.forwarded: list[str] = []  # the paths that reached the upstream


@pytest_asyncio.fixture
async def gateway(database_urls: dict[str, str]) -> AsyncIterator[Gateway]:
    forwarded: list[str] = []

    async def upstream(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        forwarded.append(scope["path"])
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    served = await serve(upstream)
    app = create_gateway(
        gateway_settings(
            database_urls["gateway"],
            inventory_url=served.url,
            org_url=served.url,
            scoring_url=served.url,
            webhooks_url=served.url,
            max_body_bytes=LIMIT,
            webhook_max_body_bytes=RECEIVE_LIMIT,
        )
    )
    try:
        async with running(app), client_for(app) as client:
            found = Gateway(app, client, await new_tenant(app))
            found.forwarded = forwarded
            yield found
    finally:
        await served.stop()


def assert_too_large(response: httpx.Response, limit: int) -> None:
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == problem_type_and_title(413)[0]  # one problem type everywhere
    assert problem["detail"] == f"The request body exceeds {limit} bytes."


@pytest.mark.parametrize("path", KEYED)
async def test_without_a_key_a_huge_body_is_refused_unread(gateway: Gateway, path: str) -> None:
    body = CountedBody(chunks=300 * 64)  # 300 MiB, were it read
    response = await gateway.client.post(path, content=body)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert body.consumed == 0
    declared = await gateway.client.post(
        path, content=b"x" * 10, headers={"content-length": str(300 * 1024 * 1024)}
    )
    assert declared.status_code == 401  # the key before the declared length
    assert gateway.forwarded == []


@pytest.mark.parametrize("path", KEYED)
async def test_a_chunked_body_over_the_limit_is_413_as_soon_as_it_passes(
    gateway: Gateway, path: str
) -> None:
    body = CountedBody(chunks=300 * 64)
    response = await gateway.client.post(path, content=body, headers=gateway.tenant.headers)
    assert_too_large(response, LIMIT)
    assert body.consumed <= LIMIT + CHUNK  # stopped at the chunk that passed the limit
    assert gateway.forwarded == []


@pytest.mark.parametrize("path", KEYED)
async def test_a_declared_length_over_the_limit_is_413_before_reading(
    gateway: Gateway, path: str
) -> None:
    body = CountedBody(chunks=LIMIT // CHUNK + 1)
    response = await gateway.client.post(
        path,
        content=body,
        headers={**gateway.tenant.headers, "content-length": str(LIMIT + CHUNK)},
    )
    assert_too_large(response, LIMIT)
    assert body.consumed == 0
    assert gateway.forwarded == []


async def test_an_admin_body_over_the_limit_is_413_not_422(gateway: Gateway) -> None:
    """A well-formed JSON body just over the limit: refused for its size, never parsed."""
    padded = {"name": "k" * LIMIT, "scopes": ["org:read"]}
    response = await gateway.client.post(
        "/v1/admin/keys", json=padded, headers=gateway.tenant.headers
    )
    assert_too_large(response, LIMIT)
    # Within the limit, the body read by the gate is the one the route parses.
    created = await gateway.client.post(
        "/v1/admin/keys",
        json={"name": "small", "scopes": ["org:read"]},
        headers=gateway.tenant.headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "small"


async def test_routes_without_a_key_have_the_limit_too(gateway: Gateway) -> None:
    """The receive URL (its own, smaller limit) and the gateway's own keyless routes."""
    delivery = CountedBody(chunks=64)
    assert_too_large(await gateway.client.post(RECEIVE, content=delivery), RECEIVE_LIMIT)
    assert delivery.consumed <= RECEIVE_LIMIT + CHUNK
    health = CountedBody(chunks=300 * 64)
    assert_too_large(await gateway.client.post("/healthz", content=health), LIMIT)
    assert health.consumed <= LIMIT + CHUNK
    assert gateway.forwarded == []
    within = await gateway.client.post(RECEIVE, content=b"{}")
    assert within.status_code == 200
    assert gateway.forwarded == [RECEIVE]
