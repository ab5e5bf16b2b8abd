"""Reports that list tools come a page at a time: walking the pages gives the whole report.

Each paged report is walked with a small page size and compared with the same report in one
page: same rows, same order, none twice, none lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from tests.inventory.support import Tenant, client_for

pytestmark = pytest.mark.asyncio

REPORTS = "/v1/inventory/reports"
PROBLEM = "application/problem+json"

# report, its query, the list it pages, and a key naming one of its rows
PAGED = [
    ("adoption", {}, "rows", "tool_id"),
    ("returns", {"since": "2000-01-01"}, "rows", "tool_id"),
    ("renewals", {"as_of": "2026-01-01", "within_days": 730}, "rows", "contract_id"),
    ("redundancy", {}, "capabilities", "capability_id"),
]


@pytest_asyncio.fixture
async def client(
    service_apps: dict[str, FastAPI], sample: Tenant
) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(service_apps["inventory"], "inventory", sample.headers) as c:
        yield c


async def get(client: httpx.AsyncClient, name: str, **params: Any) -> dict[str, Any]:
    response = await client.get(f"{REPORTS}/{name}", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def walk(
    client: httpx.AsyncClient, name: str, field: str, limit: int, **params: Any
) -> tuple[list[dict[str, Any]], int]:
    rows: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    while True:
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        body = await get(client, name, **query)
        assert len(body[field]) <= limit
        rows.extend(body[field])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return rows, pages
        assert pages < 100, "pagination did not end"


@pytest.mark.parametrize(("name", "params", "field", "key"), PAGED)
async def test_walking_the_pages_gives_the_whole_report(
    client: httpx.AsyncClient, name: str, params: dict[str, Any], field: str, key: str
) -> None:
    whole = await get(client, name, **params, limit=200)
    assert whole["next_cursor"] is None
    expected = whole[field]
    assert len(expected) >= 3, "the sample should give several rows"
    limit = 2 if name == "redundancy" else 7
    walked, pages = await walk(client, name, field, limit, **params)
    assert walked == expected
    assert len({row[key] for row in walked}) == len(walked)
    assert pages == -(-len(expected) // limit)  # no empty last page


async def test_a_page_is_no_longer_than_its_limit(client: httpx.AsyncClient) -> None:
    body = await get(client, "adoption", limit=5)
    assert len(body["rows"]) == 5
    assert body["next_cursor"] is not None


async def test_coverage_lists_walked_page_by_page_are_the_whole_lists(
    client: httpx.AsyncClient,
) -> None:
    lists = (
        "not_integrated",
        "not_connected_to_core",
        "not_sharing_data_with_core",
        "core_data_sharing_unknown",
    )
    whole = await get(client, "integration-coverage", limit=1000)
    assert whole["next_cursor"] is None
    assert len(whole["not_connected_to_core"]) > 5
    walked: dict[str, list[Any]] = {name: [] for name in lists}
    cursor: str | None = None
    pages = 0
    while True:
        body = await get(
            client, "integration-coverage", limit=5, **({"cursor": cursor} if cursor else {})
        )
        pages += 1
        for name in lists:
            walked[name].extend(body[name])
        # The counts are over the whole active stack on every page.
        for figure in ("active_tool_count", "integrated_tool_count", "connected_to_core_count"):
            assert body[figure] == whole[figure]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == -(-whole["active_tool_count"] // 5)
    for name in lists:
        assert walked[name] == whole[name], name
    assert whole["not_sharing_data_with_core_count"] == len(whole["not_sharing_data_with_core"])
    assert whole["core_data_sharing_unknown_count"] == len(whole["core_data_sharing_unknown"])
    assert whole["active_tool_count"] - whole["integrated_tool_count"] == len(
        whole["not_integrated"]
    )


async def test_redundancy_lists_the_most_expensive_tools_and_counts_them_all(
    client: httpx.AsyncClient,
) -> None:
    whole = await get(client, "redundancy")
    crowded = next(c for c in whole["capabilities"] if c["tool_count"] >= 3)
    top = await get(client, "redundancy", tools_per_capability=1)
    same = next(c for c in top["capabilities"] if c["capability_id"] == crowded["capability_id"])
    assert same["tool_count"] == crowded["tool_count"]
    assert same["tools"] == crowded["tools"][:1]
    costs = [t["annual_cost"][0]["amount_minor"] for t in crowded["tools"]]
    assert costs == sorted(costs, reverse=True)
    assert same["tools"][0]["annual_cost"][0]["amount_minor"] == max(costs)
    # The capability's figures do not depend on how many of its tools are listed.
    for figure in ("money_at_stake", "combined_annual_cost", "seats_active", "seats_purchased"):
        assert same[figure] == crowded[figure], figure
    assert crowded["seats_purchased"] is not None


@pytest.mark.parametrize("name", ["adoption", "returns", "renewals", "redundancy"])
async def test_a_cursor_of_another_report_or_garbage_is_refused(
    client: httpx.AsyncClient, name: str
) -> None:
    other = "adoption" if name != "adoption" else "renewals"
    other_params = {"as_of": "2026-01-01", "within_days": 730} if other == "renewals" else {}
    foreign = (await get(client, other, limit=1, **other_params))["next_cursor"]
    assert foreign is not None
    for cursor in (foreign, "not-a-cursor", "eyJzIjoxfQ"):
        response = await client.get(f"{REPORTS}/{name}", params={"cursor": cursor})
        assert response.status_code == 422, (cursor, response.text)
        assert response.headers["content-type"] == PROBLEM
        assert [e["pointer"] for e in response.json()["errors"]] == ["/cursor"]


@pytest.mark.parametrize("name", ["adoption", "returns", "renewals", "integration-coverage"])
@pytest.mark.parametrize("limit", [0, 1001])
async def test_a_limit_out_of_range_is_refused(
    client: httpx.AsyncClient, name: str, limit: int
) -> None:
    response = await client.get(f"{REPORTS}/{name}", params={"limit": limit})
    assert response.status_code == 422, response.text
    assert [e["pointer"] for e in response.json()["errors"]] == ["/limit"]
