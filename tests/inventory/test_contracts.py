"""Contracts and licence usage of tools."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.inventory.factories import create_tool
from tests.support import ClientFactory, tenant_client

pytestmark = pytest.mark.asyncio

PROBLEM = "application/problem+json"


def _contract(**overrides: Any) -> dict[str, Any]:
    return {
        "annual_cost": {"amount_minor": 18_500_000, "currency": "USD"},
        "term_start": "2026-01-16",
        "term_end": "2027-01-15",
        "renewal_date": "2027-01-15",
        "notice_period_days": 60,
        "auto_renew": True,
        "seats_purchased": 40,
    } | overrides


async def test_contract_is_created_with_its_notice_deadline(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    response = await inventory_client.post(
        f"/v1/inventory/tools/{tool_id}/contracts", json=_contract()
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"/v1/inventory/contracts/{body['id']}"
    assert response.headers["etag"] == '"1"'
    assert body["annual_cost"] == {"amount_minor": 18_500_000, "currency": "USD"}
    assert body["notice_deadline"] == "2026-11-16"  # 60 days before 2027-01-15
    assert body["tool_id"] == tool_id
    read = await inventory_client.get(f"/v1/inventory/contracts/{body['id']}")
    assert read.json() == body


async def test_contract_without_notice_has_no_deadline(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    body = (
        await inventory_client.post(
            f"/v1/inventory/tools/{tool_id}/contracts",
            json=_contract(notice_period_days=None),
        )
    ).json()
    assert body["notice_deadline"] is None


@pytest.mark.parametrize(
    ("overrides", "pointer"),
    [
        ({"annual_cost": {"amount_minor": -1, "currency": "USD"}}, "/annual_cost/amount_minor"),
        ({"annual_cost": {"amount_minor": 100, "currency": "ZZZ"}}, "/annual_cost/currency"),
        ({"annual_cost": {"amount_minor": 100, "currency": "usd"}}, "/annual_cost/currency"),
        ({"annual_cost": {"amount_minor": 1.5, "currency": "USD"}}, "/annual_cost/amount_minor"),
        ({"notice_period_days": -3}, "/notice_period_days"),
        ({"seats_purchased": -1}, "/seats_purchased"),
        ({"renewal_date": "31/12/2026"}, "/renewal_date"),
        ({"colour": "red"}, "/colour"),
    ],
)
async def test_bad_contracts_are_refused_with_a_pointer(
    inventory_client: httpx.AsyncClient, overrides: dict[str, Any], pointer: str
) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    response = await inventory_client.post(
        f"/v1/inventory/tools/{tool_id}/contracts", json=_contract(**overrides)
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert pointer in {e["pointer"] for e in response.json()["errors"]}
    listed = await inventory_client.get("/v1/inventory/contracts", params={"tool_id": tool_id})
    assert listed.json()["items"] == []


async def test_term_end_before_start_is_refused(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    response = await inventory_client.post(
        f"/v1/inventory/tools/{tool_id}/contracts",
        json=_contract(term_start="2027-01-01", term_end="2026-01-01"),
    )
    assert response.status_code == 422
    assert "term_end is before term_start" in response.json()["detail"]


async def test_contract_of_unknown_or_foreign_tool_is_404(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        tool_id = await create_tool(owner, "Marketo Engage")
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        for target in (tool_id, str(uuid.uuid4())):
            response = await other.post(f"/v1/inventory/tools/{target}/contracts", json=_contract())
            assert response.status_code == 404


async def test_update_honours_if_match_and_revalidates_the_term(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    created = (
        await inventory_client.post(f"/v1/inventory/tools/{tool_id}/contracts", json=_contract())
    ).json()
    url = f"/v1/inventory/contracts/{created['id']}"
    stale = await inventory_client.patch(
        url, json={"auto_renew": False}, headers={"if-match": '"7"'}
    )
    assert stale.status_code == 412
    changed = await inventory_client.patch(
        url,
        json={"annual_cost": {"amount_minor": 20_000_000, "currency": "USD"}},
        headers={"if-match": '"1"'},
    )
    assert changed.status_code == 200
    assert changed.headers["etag"] == '"2"'
    assert changed.json()["annual_cost"]["amount_minor"] == 20_000_000
    assert changed.json()["auto_renew"] is True  # not sent, unchanged
    backwards = await inventory_client.patch(url, json={"term_end": "2025-01-01"})
    assert backwards.status_code == 422
    assert backwards.json()["errors"][0]["pointer"] == "/term_end"
    null_cost = await inventory_client.patch(url, json={"annual_cost": None})
    assert null_cost.status_code == 422
    current = (await inventory_client.get(url)).json()
    assert current["term_end"] == "2027-01-15"
    assert current["version"] == 2


async def test_list_filters_by_tool_and_sorts_by_renewal(
    inventory_client: httpx.AsyncClient,
) -> None:
    first, second = (
        await create_tool(inventory_client, "A"),
        await create_tool(inventory_client, "B"),
    )
    for tool_id, renewal in ((first, "2027-06-30"), (second, "2026-12-31"), (first, "2028-01-01")):
        await inventory_client.post(
            f"/v1/inventory/tools/{tool_id}/contracts",
            json=_contract(term_start=None, term_end=None, renewal_date=renewal),
        )
    by_renewal = (
        await inventory_client.get("/v1/inventory/contracts", params={"sort": "renewal_date"})
    ).json()["items"]
    assert [c["renewal_date"] for c in by_renewal] == ["2026-12-31", "2027-06-30", "2028-01-01"]
    of_first = (
        await inventory_client.get("/v1/inventory/contracts", params={"tool_id": first})
    ).json()["items"]
    assert {c["tool_id"] for c in of_first} == {first}
    assert len(of_first) == 2


async def test_deleting_a_tool_deletes_its_contracts(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    contract = (
        await inventory_client.post(f"/v1/inventory/tools/{tool_id}/contracts", json=_contract())
    ).json()
    assert (await inventory_client.delete(f"/v1/inventory/tools/{tool_id}")).status_code == 204
    gone = await inventory_client.get(f"/v1/inventory/contracts/{contract['id']}")
    assert gone.status_code == 404


async def test_contract_changes_are_audited(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    contract = (
        await inventory_client.post(f"/v1/inventory/tools/{tool_id}/contracts", json=_contract())
    ).json()
    await inventory_client.delete(f"/v1/inventory/contracts/{contract['id']}")
    entries = (
        await inventory_client.get("/v1/inventory/audit", params={"object_id": contract["id"]})
    ).json()["items"]
    assert [e["action"] for e in entries] == ["delete", "create"]
    assert entries[1]["after"]["annual_cost"]["amount_minor"] == 18_500_000
    assert entries[0]["after"] is None


async def test_licence_usage_is_one_count_per_day(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    url = f"/v1/inventory/tools/{tool_id}/licence-usage"
    for as_of, seats in (("2026-10-01", 25), ("2026-11-01", 31), ("2026-09-01", 20)):
        assert (
            await inventory_client.post(url, json={"as_of": as_of, "seats_active": seats})
        ).status_code == 201
    replaced = await inventory_client.post(url, json={"as_of": "2026-11-01", "seats_active": 33})
    assert replaced.status_code == 200
    series = (await inventory_client.get(url)).json()["items"]
    assert [(u["as_of"], u["seats_active"]) for u in series] == [
        ("2026-09-01", 20),
        ("2026-10-01", 25),
        ("2026-11-01", 33),
    ]
    recent = (await inventory_client.get(url, params={"since": "2026-10-01"})).json()["items"]
    assert [u["as_of"] for u in recent] == ["2026-10-01", "2026-11-01"]
    page = (await inventory_client.get(url, params={"limit": 2})).json()
    assert len(page["items"]) == 2
    assert page["next_cursor"] is not None


async def test_bad_licence_usage_is_refused(inventory_client: httpx.AsyncClient) -> None:
    tool_id = await create_tool(inventory_client, "Marketo Engage")
    url = f"/v1/inventory/tools/{tool_id}/licence-usage"
    negative = await inventory_client.post(url, json={"as_of": "2026-11-01", "seats_active": -1})
    assert negative.status_code == 422
    unknown = await inventory_client.post(
        f"/v1/inventory/tools/{uuid.uuid4()}/licence-usage",
        json={"as_of": "2026-11-01", "seats_active": 1},
    )
    assert unknown.status_code == 404
    assert (await inventory_client.get(url)).json()["items"] == []
