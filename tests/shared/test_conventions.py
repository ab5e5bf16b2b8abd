"""The HTTP conventions the app frame gives every route of every service
(`mops_shared.kit.conventions`): unknown query parameters refused, HEAD wherever GET, 405 with
every allowed method."""

from __future__ import annotations

import httpx
import pytest

from tests.support import assert_problem

pytestmark = pytest.mark.asyncio

TOOLS = "/v1/inventory/tools"


async def test_a_misspelt_filter_is_refused_naming_the_parameter(
    inventory_client: httpx.AsyncClient,
) -> None:
    body = assert_problem(
        await inventory_client.get(TOOLS, params={"stauts": "active"}), 422, "/stauts"
    )
    assert body["errors"][0]["location"] == "query"
    assert "stauts" in body["detail"]


async def test_every_unknown_parameter_is_named_once_beside_known_ones(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.get(f"{TOOLS}?limit=5&zeta=1&alpha=2&zeta=3&a%2Fb=4")
    body = assert_problem(response, 422)
    assert [(e["location"], e["pointer"]) for e in body["errors"]] == [
        ("query", "/a~1b"),
        ("query", "/alpha"),
        ("query", "/zeta"),
    ]


async def test_the_parameters_routes_declare_still_work(
    inventory_client: httpx.AsyncClient,
    org_client: httpx.AsyncClient,
    scoring_client: httpx.AsyncClient,
) -> None:
    created = await inventory_client.post(TOOLS, json={"name": "Known params", "vendor": "V"})
    assert created.status_code == 201, created.text
    listed = await inventory_client.get(
        TOOLS, params={"limit": 1, "sort": "-name", "status": "active", "vendor": "V"}
    )
    assert listed.status_code == 200, listed.text
    assert [t["name"] for t in listed.json()["items"]] == ["Known params"]
    assert (await org_client.get("/v1/org/units", params={"limit": 2})).status_code == 200
    results = await scoring_client.get("/v1/scoring/results", params={"whole_tenant": "true"})
    assert results.status_code == 200, results.text


@pytest.mark.parametrize(
    ("service", "path"),
    [
        ("org", "/v1/org/units"),
        ("org", "/v1/org/metrics"),
        ("scoring", "/v1/scoring/results"),
        ("scoring", "/v1/scoring/frameworks"),
        ("inventory", "/v1/inventory/audit"),
    ],
)
async def test_every_service_refuses_unknown_parameters(
    service: str,
    path: str,
    inventory_client: httpx.AsyncClient,
    org_client: httpx.AsyncClient,
    scoring_client: httpx.AsyncClient,
) -> None:
    client = {"inventory": inventory_client, "org": org_client, "scoring": scoring_client}[service]
    assert_problem(await client.get(path, params={"bogus": "1"}), 422, "/bogus")


async def test_a_write_with_an_unknown_parameter_writes_nothing(
    inventory_client: httpx.AsyncClient,
) -> None:
    refused = await inventory_client.post(
        TOOLS, params={"dryrun": "true"}, json={"name": "Never written"}
    )
    assert_problem(refused, 422, "/dryrun")
    listed = await inventory_client.get(TOOLS, params={"name": "Never written"})
    assert listed.json()["items"] == []


async def test_the_fast_tool_read_leaves_unknown_parameters_to_the_route(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = await inventory_client.post(TOOLS, json={"name": "Fast one"})
    url = f"{TOOLS}/{created.json()['id']}"
    assert (await inventory_client.get(url)).status_code == 200
    assert_problem(await inventory_client.get(url, params={"expand": "all"}), 422, "/expand")


async def test_405_allows_every_method_of_every_route_on_the_path(
    inventory_client: httpx.AsyncClient,
) -> None:
    # The POST route comes first for this path: Starlette alone answered `Allow: POST`.
    refused = await inventory_client.delete(TOOLS)
    body = assert_problem(refused, 405)
    assert refused.headers["allow"] == "GET, HEAD, POST"
    assert body["detail"] == f"DELETE is not allowed on {TOOLS}"
    created = await inventory_client.post(TOOLS, json={"name": "Allowed methods"})
    one = await inventory_client.put(f"{TOOLS}/{created.json()['id']}", json={})
    assert_problem(one, 405)
    assert one.headers["allow"] == "GET, HEAD, PATCH, DELETE"


async def test_head_on_a_post_only_path_is_a_405_naming_head(
    scoring_client: httpx.AsyncClient,
) -> None:
    # Sent as HEAD, answered as GET: the detail still names what the client sent.
    path = "/v1/scoring/assessments/00000000-0000-4000-8000-000000000000/results"
    refused = await scoring_client.head(path)
    assert refused.status_code == 405
    assert refused.headers["allow"] == "POST"
    assert refused.content == b""


@pytest.mark.parametrize("query", ["", "?limit=1"])
async def test_head_answers_what_get_answers_without_the_body(
    query: str, inventory_client: httpx.AsyncClient
) -> None:
    await inventory_client.post(TOOLS, json={"name": "Headed"})
    got = await inventory_client.get(TOOLS + query)
    head = await inventory_client.head(TOOLS + query)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"] != "0"
    assert head.headers["content-type"] == got.headers["content-type"]


async def test_head_on_one_tool_carries_its_etag_and_its_errors(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = await inventory_client.post(TOOLS, json={"name": "Tagged head"})
    url = f"{TOOLS}/{created.json()['id']}"
    head = await inventory_client.head(url)
    assert head.status_code == 200
    assert head.headers["etag"] == created.headers["etag"]
    assert head.content == b""
    missing = await inventory_client.head(f"{TOOLS}/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.content == b""
