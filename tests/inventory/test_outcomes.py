"""Outcomes: results attributed to tools, counted once per (source, external id)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest

from tests.inventory.factories import create_tool
from tests.support import ClientFactory, tenant_client

pytestmark = pytest.mark.asyncio


def _revenue(tool_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "tool_id": tool_id,
        "kind": "revenue",
        "amount": {"amount_minor": 4_500_000, "currency": "USD"},
        "occurred_at": "2026-11-02T14:30:00Z",
        "source": "crm_webhook",
        "external_id": "deal-8812",
        "attributes": {"campaign": "Q4 search"},
    } | overrides


async def test_outcome_is_recorded_and_read_back(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Google Ads")
    created = await inventory_client.post("/v1/inventory/outcomes", json=_revenue(tool_id))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["amount"] == {"amount_minor": 4_500_000, "currency": "USD"}
    assert body["occurred_at"] == "2026-11-02T14:30:00Z"
    assert body["quantity"] == 1
    read = await inventory_client.get(f"/v1/inventory/outcomes/{body['id']}")
    assert read.json() == body


async def test_same_external_id_counts_once(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Google Ads")
    first = await inventory_client.post("/v1/inventory/outcomes", json=_revenue(tool_id))
    again = await inventory_client.post("/v1/inventory/outcomes", json=_revenue(tool_id))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    other_values = await inventory_client.post(
        "/v1/inventory/outcomes",
        json=_revenue(tool_id, amount={"amount_minor": 1, "currency": "USD"}),
    )
    assert other_values.status_code == 409
    # The same id from another source is another outcome.
    from_api = await inventory_client.post(
        "/v1/inventory/outcomes", json=_revenue(tool_id, source="api")
    )
    assert from_api.status_code == 201
    listed = (await inventory_client.get("/v1/inventory/outcomes")).json()["items"]
    assert len(listed) == 2


async def test_concurrent_replays_count_once(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Google Ads")
    responses = await asyncio.gather(
        *(inventory_client.post("/v1/inventory/outcomes", json=_revenue(tool_id)) for _ in range(5))
    )
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 200, 201]
    assert len({r.json()["id"] for r in responses}) == 1


async def test_outcomes_without_external_id_are_all_counted(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool_id = await create_tool(inventory_client, "Google Ads")
    lead = {"tool_id": tool_id, "kind": "lead", "occurred_at": "2026-11-01T09:00:00+02:00"}
    for _ in range(3):
        assert (await inventory_client.post("/v1/inventory/outcomes", json=lead)).status_code == 201
    items = (await inventory_client.get("/v1/inventory/outcomes")).json()["items"]
    assert len(items) == 3
    assert items[0]["occurred_at"] == "2026-11-01T07:00:00Z"  # stored and answered in UTC


@pytest.mark.parametrize(
    ("overrides", "pointer"),
    [
        ({"amount": None}, "/amount"),
        ({"kind": "profit"}, "/kind"),
        ({"occurred_at": "2026-11-02T14:30:00"}, "/occurred_at"),
        ({"amount": {"amount_minor": -5, "currency": "USD"}}, "/amount/amount_minor"),
        ({"quantity": 0}, "/quantity"),
        ({"source": "fax"}, "/source"),
        ({"tool_id": str(uuid.uuid4())}, "/tool_id"),
    ],
)
async def test_bad_outcomes_are_refused(
    inventory_client: httpx.AsyncClient, overrides: dict[str, Any], pointer: str
) -> None:
    tool_id = await create_tool(inventory_client, "Google Ads")
    response = await inventory_client.post(
        "/v1/inventory/outcomes", json=_revenue(tool_id) | overrides
    )
    assert response.status_code == 422, response.text
    assert pointer in {e["pointer"] for e in response.json()["errors"]}
    assert (await inventory_client.get("/v1/inventory/outcomes")).json()["items"] == []


async def test_filters_and_newest_first(inventory_client: httpx.AsyncClient) -> None:
    ads, mail = (
        await create_tool(inventory_client, "Google Ads"),
        await create_tool(inventory_client, "Mailchimp"),
    )
    for tool_id, kind, when, ext in (
        (ads, "lead", "2026-10-01T00:00:00Z", "a"),
        (mail, "lead", "2026-10-05T00:00:00Z", "b"),
        (ads, "opportunity", "2026-10-09T00:00:00Z", "c"),
    ):
        await inventory_client.post(
            "/v1/inventory/outcomes",
            json={"tool_id": tool_id, "kind": kind, "occurred_at": when, "external_id": ext},
        )
    everything = (await inventory_client.get("/v1/inventory/outcomes")).json()["items"]
    assert [o["external_id"] for o in everything] == ["c", "b", "a"]

    async def ids(**params: str) -> list[str]:
        page = (await inventory_client.get("/v1/inventory/outcomes", params=params)).json()
        return [o["external_id"] for o in page["items"]]

    assert await ids(tool_id=ads) == ["c", "a"]
    assert await ids(kind="lead") == ["b", "a"]
    assert await ids(since="2026-10-05T00:00:00Z") == ["c", "b"]
    assert await ids(until="2026-10-05T00:00:00Z") == ["a"]


async def test_outcomes_are_tenant_scoped(anonymous_client_factory: ClientFactory) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        tool_id = await create_tool(owner, "Google Ads")
        outcome = (await owner.post("/v1/inventory/outcomes", json=_revenue(tool_id))).json()
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        assert (await other.get(f"/v1/inventory/outcomes/{outcome['id']}")).status_code == 404
        assert (await other.get("/v1/inventory/outcomes")).json()["items"] == []
        foreign_tool = await other.post("/v1/inventory/outcomes", json=_revenue(tool_id))
        assert foreign_tool.status_code == 422
