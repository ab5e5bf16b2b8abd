"""The ownership report the org service reads: tools with their owners, filtered by unit or
person, paged, and never another tenant's."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.auth import Principal
from tests.inventory.support import signed
from tests.support import TEST_SECRET, ClientFactory, new_principal

pytestmark = pytest.mark.asyncio

REPORT = "/v1/inventory/reports/ownership"


async def _create(
    factory: ClientFactory, principal: Principal, service: str, path: str, body: dict[str, Any]
) -> str:
    async with signed(factory, service, principal) as client:
        response = await client.post(path, json=body)
    assert response.status_code == 201, response.text
    created: str = response.json()["id"]
    return created


async def _stack(factory: ClientFactory, principal: Principal) -> dict[str, str]:
    ids = {
        "ops": await _create(
            factory, principal, "org", "/v1/org/units", {"name": "Ops", "type": "team"}
        ),
        "emea": await _create(
            factory, principal, "org", "/v1/org/units", {"name": "EMEA", "type": "region"}
        ),
    }
    ids["ada"] = await _create(
        factory, principal, "org", "/v1/org/people", {"name": "Ada", "email": "ada@acme.example"}
    )
    tools = {
        "Marketo": [{"role": "business_owner", "unit_id": ids["ops"]}],
        "Hootsuite": [
            {"role": "business_owner", "unit_id": ids["emea"], "person_id": ids["ada"]},
            {"role": "technical_owner", "unit_id": ids["ops"]},
        ],
        "Canva": [{"role": "business_owner", "person_id": ids["ada"]}],
        "Zapier": [],
    }
    for name, owners in tools.items():
        ids[name] = await _create(
            factory, principal, "inventory", "/v1/inventory/tools", {"name": name, "owners": owners}
        )
    return ids


async def test_the_report_lists_every_tool_with_its_owners_in_name_order(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    ids = await _stack(anonymous_client_factory, principal)
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        page = (await client.get(REPORT)).json()
    assert [item["tool_name"] for item in page["items"]] == [
        "Canva",
        "Hootsuite",
        "Marketo",
        "Zapier",
    ]
    hootsuite = page["items"][1]
    assert hootsuite["tool_id"] == ids["Hootsuite"]
    assert hootsuite["owners"] == [
        {"role": "business_owner", "person_id": ids["ada"], "unit_id": ids["emea"]},
        {"role": "technical_owner", "person_id": None, "unit_id": ids["ops"]},
    ]
    assert page["items"][3]["owners"] == []
    assert page["next_cursor"] is None


async def test_filters_by_unit_and_person_and_pages(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    ids = await _stack(anonymous_client_factory, principal)
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        by_ops = (await client.get(REPORT, params={"unit_id": ids["ops"]})).json()
        by_ada = (await client.get(REPORT, params={"person_id": ids["ada"]})).json()
        either = (
            await client.get(REPORT, params={"unit_id": ids["emea"], "person_id": ids["ada"]})
        ).json()
        first = (await client.get(REPORT, params={"limit": 3})).json()
        rest = (
            await client.get(REPORT, params={"limit": 3, "cursor": first["next_cursor"]})
        ).json()
    assert [t["tool_name"] for t in by_ops["items"]] == ["Hootsuite", "Marketo"]
    assert [t["tool_name"] for t in by_ada["items"]] == ["Canva", "Hootsuite"]
    assert [t["tool_name"] for t in either["items"]] == ["Canva", "Hootsuite"]
    assert [t["tool_name"] for t in first["items"] + rest["items"]] == [
        "Canva",
        "Hootsuite",
        "Marketo",
        "Zapier",
    ]
    assert rest["next_cursor"] is None


async def test_another_tenant_never_sees_the_tools(
    anonymous_client_factory: ClientFactory,
) -> None:
    owner, other = new_principal(), new_principal()
    ids = await _stack(anonymous_client_factory, owner)
    async with signed(anonymous_client_factory, "inventory", other) as client:
        everything = (await client.get(REPORT)).json()
        by_unit = (await client.get(REPORT, params={"unit_id": ids["ops"]})).json()
    assert everything["items"] == []
    assert by_unit["items"] == []


async def test_the_typed_client_reads_every_page_and_owned_tools(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    ids = await _stack(anonymous_client_factory, principal)
    client = InventoryClient(
        "http://inventory.test",
        internal_secret=TEST_SECRET,
        transport=httpx.ASGITransport(app=service_apps["inventory"]),
    )
    try:
        everything = await client.all_ownership(principal)
        owned, more = await client.tools_owned_by_units(principal, [ids["ops"]], limit=1)
    finally:
        await client.aclose()
    assert sorted(tool.tool_name for tool in everything) == [
        "Canva",
        "Hootsuite",
        "Marketo",
        "Zapier",
    ]
    assert [tool.tool_name for tool in owned] == ["Hootsuite"]
    assert more is True
