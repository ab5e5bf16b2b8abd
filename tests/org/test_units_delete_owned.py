"""`DELETE /v1/org/units/{id}` asks the inventory first: refused (409, naming the tools) while a
tool names the unit as an owner, 503 when the inventory cannot be asked, and nothing deleted
either way; with `reassign_to` the unit's coordination mechanisms pass to the target.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import TEST_SECRET, assert_problem, new_principal, principal_headers, walk_pages

pytestmark = pytest.mark.asyncio

UNITS = "/v1/org/units"
MECHANISMS = "/v1/org/coordination-mechanisms"
TOOLS = "/v1/inventory/tools"
AUDIT = "/v1/org/audit"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]


@pytest_asyncio.fixture
async def tools(
    anonymous_client_factory: ClientFactory, principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """The inventory, signed as the same tenant as `client`."""
    async with anonymous_client_factory("inventory") as client:
        client.headers.update(principal_headers(principal))
        yield client


async def _unit(client: httpx.AsyncClient, name: str, type_: str = "team") -> Json:
    response = await client.post(UNITS, json={"name": name, "type": type_})
    assert response.status_code == 201, response.text
    unit: Json = response.json()
    return unit


async def _tool(tools: httpx.AsyncClient, name: str, unit: Json, **fields: Any) -> Json:
    owners = [{"role": "business_owner", "unit_id": unit["id"]}]
    response = await tools.post(TOOLS, json={"name": name, "owners": owners, **fields})
    assert response.status_code == 201, response.text
    tool: Json = response.json()
    return tool


async def _mechanism(
    client: httpx.AsyncClient, name: str, owner: Json | None, *participants: Json
) -> Json:
    body = {
        "name": name,
        "kind": "forum",
        "level": "standardised",
        "owner_unit_id": owner["id"] if owner else None,
        "participating_unit_ids": [unit["id"] for unit in participants],
    }
    response = await client.post(MECHANISMS, json=body)
    assert response.status_code == 201, response.text
    mechanism: Json = response.json()
    return mechanism


async def _exists(client: httpx.AsyncClient, unit: Json) -> bool:
    response = await client.get(f"{UNITS}/{unit['id']}")
    assert response.status_code in (200, 404), response.text
    return response.status_code == 200


async def test_a_unit_named_as_a_tool_owner_is_not_deleted_until_the_owner_changes(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    field = await _unit(client, "Field Marketing")
    other = await _unit(client, "Ops")
    marketo = await _tool(tools, "Marketo", field)
    await _tool(tools, "Old CMS", field, status="retired")  # retired tools still count

    body = assert_problem(await client.delete(f"{UNITS}/{field['id']}"), 409)
    assert "Field Marketing" in body["detail"]
    assert "Marketo, Old CMS" in body["detail"]
    assert "and more" not in body["detail"]
    assert await _exists(client, field)

    for tool in (
        marketo,
        (await tools.get(TOOLS, params={"status": "retired"})).json()["items"][0],
    ):
        response = await tools.patch(
            f"{TOOLS}/{tool['id']}",
            json={"owners": [{"role": "business_owner", "unit_id": other["id"]}]},
        )
        assert response.status_code == 200, response.text
    response = await client.delete(f"{UNITS}/{field['id']}")
    assert response.status_code == 204, response.text
    assert not await _exists(client, field)
    # The unit that now owns them is refused in turn.
    assert_problem(await client.delete(f"{UNITS}/{other['id']}"), 409)


async def test_the_refusal_names_ten_tools_and_says_there_are_more(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    unit = await _unit(client, "Digital")
    for i in range(11):
        await _tool(tools, f"Tool {i:02d}", unit)
    detail = assert_problem(await client.delete(f"{UNITS}/{unit['id']}"), 409)["detail"]
    assert ", ".join(f"Tool {i:02d}" for i in range(10)) + " and more" in detail
    assert "Tool 10" not in detail
    assert f"unit_id={unit['id']}" in detail


async def test_only_the_tenants_own_tools_count(
    client: httpx.AsyncClient, anonymous_client_factory: ClientFactory
) -> None:
    mine = await _unit(client, "Brand")
    other = new_principal()
    async with (
        anonymous_client_factory("org") as their_org,
        anonymous_client_factory("inventory") as their_tools,
    ):
        their_org.headers.update(principal_headers(other))
        their_tools.headers.update(principal_headers(other))
        theirs = await _unit(their_org, "Brand")
        await _tool(their_tools, "Canva", theirs)
    response = await client.delete(f"{UNITS}/{mine['id']}")
    assert response.status_code == 204, response.text


async def test_delete_is_503_and_deletes_nothing_when_the_inventory_is_down(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    unit = await _unit(client, "Social")
    app = service_apps["org"]
    wired = app.state.inventory_client
    app.state.inventory_client = InventoryClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    try:
        assert_problem(await client.delete(f"{UNITS}/{unit['id']}"), 503)
    finally:
        await app.state.inventory_client.aclose()
        app.state.inventory_client = wired
    assert await _exists(client, unit)
    events = await outbox_events(app, principal.tenant_id)
    assert [e["type"] for e in events] == ["unit.created"]


async def test_local_refusals_come_before_the_inventory_is_asked(
    client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    """A 404 or 412 answers as before even while the inventory is down."""
    unit = await _unit(client, "Events")
    app = service_apps["org"]
    wired = app.state.inventory_client
    app.state.inventory_client = InventoryClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    try:
        assert_problem(await client.delete(f"{UNITS}/{uuid.uuid4()}"), 404)
        assert_problem(
            await client.delete(f"{UNITS}/{unit['id']}", headers={"If-Match": '"9"'}), 412
        )
    finally:
        await app.state.inventory_client.aclose()
        app.state.inventory_client = wired


async def test_reassign_to_moves_owned_mechanisms_and_participations(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    gone = await _unit(client, "Gone")
    target = await _unit(client, "Target")
    other = await _unit(client, "Other")
    owned = await _mechanism(client, "Council", gone, gone, other)
    both = await _mechanism(client, "Forum", other, gone, target)  # target already takes part
    untouched = await _mechanism(client, "Guild", other, other)

    response = await client.delete(f"{UNITS}/{gone['id']}", params={"reassign_to": target["id"]})
    assert response.status_code == 204, response.text

    council = (await client.get(f"{MECHANISMS}/{owned['id']}")).json()
    assert council["owner_unit_id"] == target["id"]
    assert sorted(council["participating_unit_ids"]) == sorted([other["id"], target["id"]])
    assert council["version"] == 2
    forum = (await client.get(f"{MECHANISMS}/{both['id']}")).json()
    assert (forum["owner_unit_id"], forum["participating_unit_ids"], forum["version"]) == (
        other["id"],
        [target["id"]],
        2,
    )
    guild = (await client.get(f"{MECHANISMS}/{untouched['id']}")).json()
    assert guild["version"] == 1

    entries = await walk_pages(client, AUDIT, object_type="coordination_mechanism")
    updates = {e["object_id"]: e for e in entries if e["action"] == "update"}
    assert set(updates) == {owned["id"], both["id"]}
    assert updates[owned["id"]]["before"]["owner_unit_id"] == gone["id"]
    assert updates[owned["id"]]["after"]["owner_unit_id"] == target["id"]
    assert gone["id"] in updates[both["id"]]["before"]["participating_unit_ids"]
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    updated = [e["data"]["id"] for e in events if e["type"] == "coordination_mechanism.updated"]
    assert sorted(updated) == sorted([owned["id"], both["id"]])
    assert events[-1]["type"] == "unit.deleted"


async def test_without_reassign_to_mechanisms_lose_the_unit_on_the_record(
    client: httpx.AsyncClient,
) -> None:
    gone = await _unit(client, "Gone")
    other = await _unit(client, "Other")
    mechanism = await _mechanism(client, "Council", gone, gone, other)
    response = await client.delete(f"{UNITS}/{gone['id']}")
    assert response.status_code == 204, response.text
    read = (await client.get(f"{MECHANISMS}/{mechanism['id']}")).json()
    assert (read["owner_unit_id"], read["participating_unit_ids"], read["version"]) == (
        None,
        [other["id"]],
        2,
    )
