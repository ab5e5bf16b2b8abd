"""The HTTP conventions as a client of the gateway meets them: on proxied routes (answered by
the services) and on the gateway's own routes and fast path alike."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.integration.conftest import TenantKey
from tests.support import assert_problem

pytestmark = pytest.mark.asyncio


async def test_unknown_query_parameters_are_refused_through_the_gateway(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    proxied = await gateway_client.get(
        "/v1/inventory/tools", params={"stauts": "active"}, headers=tenant.headers
    )
    assert_problem(proxied, 422, "/stauts")
    own = await gateway_client.get("/v1/admin/keys", params={"bogus": "1"}, headers=tenant.headers)
    assert_problem(own, 422, "/bogus")
    assert own.json()["errors"][0]["location"] == "query"


async def test_the_fast_webhook_receive_leaves_unknown_parameters_to_the_route(
    gateway_client: httpx.AsyncClient,
) -> None:
    # Refused for its parameter before anything else is judged (an unknown connection is a 404).
    url = f"/v1/webhooks/in/{uuid.uuid4()}"
    refused = await gateway_client.post(url, params={"tokn": "x"}, content=b"{}")
    assert_problem(refused, 422, "/tokn")
    assert_problem(await gateway_client.post(url, params={"token": "x"}, content=b"{}"), 404)


async def test_405_through_the_gateway_lists_every_method(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    refused = await gateway_client.put("/v1/inventory/tools", headers=tenant.headers, json={})
    assert_problem(refused, 405)
    assert refused.headers["allow"] == "GET, HEAD, POST"
    own = await gateway_client.put("/v1/admin/keys", headers=tenant.headers, json={})
    assert_problem(own, 405)
    assert own.headers["allow"] == "GET, HEAD, POST"


async def test_head_through_the_gateway_answers_as_get_without_the_body(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = await gateway_client.post(
        "/v1/org/units", headers=tenant.headers, json={"name": "Head", "type": "business_unit"}
    )
    assert created.status_code == 201, created.text
    url = f"/v1/org/units/{created.json()['id']}"
    got = await gateway_client.get(url, headers=tenant.headers)
    head = await gateway_client.head(url, headers=tenant.headers)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    for name in ("etag", "content-length", "content-type", "ratelimit-limit"):
        assert head.headers[name] == got.headers[name], name
    own = await gateway_client.head("/v1/admin/keys", headers=tenant.headers)
    assert own.status_code == 200
    assert own.content == b""
    assert own.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    [
        "/v1/inventory/tools/",  # answered by the inventory service through the gateway
        "/v1/org/units/",
        "/v1/admin/keys/",  # the gateway's own
    ],
)
async def test_a_trailing_slash_redirects_to_a_relative_location_whatever_the_host(
    gateway_client: httpx.AsyncClient, tenant: TenantKey, path: str
) -> None:
    for host in (None, "attacker.example"):
        headers = {**tenant.headers, **({"host": host} if host else {})}
        response = await gateway_client.get(path, params={"limit": "5"}, headers=headers)
        assert response.status_code == 308, response.text
        # Neither the service's own address behind the gateway nor the Host sent.
        assert response.headers["location"] == path.rstrip("/") + "?limit=5"
    followed = await gateway_client.get(
        path.rstrip("/"), params={"limit": "5"}, headers=tenant.headers
    )
    assert followed.status_code == 200


async def test_a_trailing_slash_where_no_route_is_stays_a_404_problem(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    for path in ("/v1/inventory/nothing-here/", "/v1/admin/nothing/"):
        assert_problem(await gateway_client.get(path, headers=tenant.headers), 404)
