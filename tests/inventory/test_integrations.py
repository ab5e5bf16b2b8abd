"""`/v1/inventory/integrations`: directed edges tool → tool, their rules, pages, ETags, traces."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from sqlalchemy import Table, func, select

from mops_inventory.db import writes
from mops_inventory.integrations.models import Integration
from mops_shared.kit.auth import Principal
from tests.inventory.factories import create_tool
from tests.support import ClientFactory, new_principal, principal_headers, tenant_client, walk_pages

pytestmark = pytest.mark.asyncio

URL = "/v1/inventory/integrations"
TOOLS = "/v1/inventory/tools"
AUDIT = "/v1/inventory/audit"
PROBLEM = "application/problem+json"


@pytest.fixture
def principal() -> Principal:
    return new_principal()


@pytest_asyncio.fixture
async def client(
    anonymous_client_factory: ClientFactory, principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """Signed as `principal`, whose tenant the tests look up in the database."""
    async with anonymous_client_factory("inventory") as client:
        client.headers.update(principal_headers(principal))
        yield client


async def _tools(client: httpx.AsyncClient, *names: str) -> list[str]:
    return [await create_tool(client, name) for name in names]


async def _connect(
    client: httpx.AsyncClient, source: str, target: str, **fields: Any
) -> dict[str, Any]:
    response = await client.post(
        URL, json={"source_tool_id": source, "target_tool_id": target, **fields}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def _count(app: FastAPI, table: Table, tenant_id: uuid.UUID) -> int:
    async with app.state.sessionmaker() as session:
        stmt = select(func.count()).select_from(table).where(table.c.tenant_id == tenant_id)
        count: int = (await session.execute(stmt)).scalar_one()
        return count


async def _written(app: FastAPI, tenant_id: uuid.UUID) -> tuple[int, int, int]:
    """(integrations, audit entries, outbox events) of the tenant."""
    integrations = Integration.__table__  # type: ignore[attr-defined]
    return (
        await _count(app, integrations, tenant_id),
        await _count(app, writes.audit, tenant_id),
        await _count(app, writes.outbox, tenant_id),
    )


async def _events(app: FastAPI, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    table = writes.outbox
    async with app.state.sessionmaker() as session:
        result = await session.execute(
            select(table.c.type, table.c.data)
            .where(table.c.tenant_id == tenant_id, table.c.type.like("integration.%"))
            .order_by(table.c.occurred_at)
        )
        return [dict(row) for row in result.mappings()]


def _pointers(response: httpx.Response) -> list[str]:
    assert response.headers["content-type"] == PROBLEM
    return [error["pointer"] for error in response.json()["errors"]]


# Create


async def test_create_returns_the_edge_with_both_tool_names(client: httpx.AsyncClient) -> None:
    hubspot, salesforce = await _tools(client, "HubSpot", "Salesforce")

    response = await client.post(
        URL,
        json={
            "source_tool_id": hubspot,
            "target_tool_id": salesforce,
            "data_carried": [" leads ", "contacts", "Leads"],
            "sync_mode": "realtime",
            "notes": "Native connector",
        },
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"{URL}/{body['id']}"
    assert response.headers["etag"] == '"1"'
    assert body["source_tool_id"] == hubspot
    assert body["source_tool_name"] == "HubSpot"
    assert body["target_tool_id"] == salesforce
    assert body["target_tool_name"] == "Salesforce"
    assert body["data_carried"] == ["leads", "contacts"]  # trimmed, repeats dropped
    assert body["sync_mode"] == "realtime"
    assert body["status"] == "active"
    assert body["notes"] == "Native connector"
    assert body["version"] == 1
    read = await client.get(f"{URL}/{body['id']}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json() == body


async def test_create_defaults_to_batch_active_and_nothing_carried(
    client: httpx.AsyncClient,
) -> None:
    source, target = await _tools(client, "Segment", "Amplitude")

    body = await _connect(client, source, target)

    assert body["sync_mode"] == "batch"
    assert body["status"] == "active"
    assert body["data_carried"] == []
    assert body["notes"] is None


async def test_names_follow_a_renamed_tool(client: httpx.AsyncClient) -> None:
    source, target = await _tools(client, "Old name", "Target")
    created = await _connect(client, source, target)

    renamed = await client.patch(f"{TOOLS}/{source}", json={"name": "New name"})
    assert renamed.status_code == 200, renamed.text

    body = (await client.get(f"{URL}/{created['id']}")).json()
    assert body["source_tool_name"] == "New name"


async def test_a_tool_cannot_integrate_with_itself(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    (tool,) = await _tools(client, "Marketo")
    before = await _written(app, principal.tenant_id)

    response = await client.post(URL, json={"source_tool_id": tool, "target_tool_id": tool})

    assert response.status_code == 422
    assert _pointers(response) == ["/target_tool_id"]
    assert response.json()["errors"][0]["detail"] == "a tool cannot integrate with itself"
    assert await _written(app, principal.tenant_id) == before


@pytest.mark.parametrize(
    ("unknown", "pointers"),
    [
        ("source", ["/source_tool_id"]),
        ("target", ["/target_tool_id"]),
        ("both", ["/source_tool_id", "/target_tool_id"]),
    ],
)
async def test_unknown_tools_are_refused_with_their_pointers(
    client: httpx.AsyncClient,
    app: FastAPI,
    principal: Principal,
    unknown: str,
    pointers: list[str],
) -> None:
    known = await create_tool(client, "Known")
    source = str(uuid.uuid4()) if unknown in ("source", "both") else known
    target = str(uuid.uuid4()) if unknown in ("target", "both") else known
    before = await _written(app, principal.tenant_id)

    response = await client.post(URL, json={"source_tool_id": source, "target_tool_id": target})

    assert response.status_code == 422
    assert _pointers(response) == pointers
    assert await _written(app, principal.tenant_id) == before


async def test_a_tool_of_another_tenant_is_unknown(
    client: httpx.AsyncClient,
    anonymous_client_factory: ClientFactory,
    app: FastAPI,
    principal: Principal,
) -> None:
    mine = await create_tool(client, "Mine")
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        theirs = await create_tool(other, "Theirs")
    before = await _written(app, principal.tenant_id)

    as_source = await client.post(URL, json={"source_tool_id": theirs, "target_tool_id": mine})
    as_target = await client.post(URL, json={"source_tool_id": mine, "target_tool_id": theirs})

    assert as_source.status_code == as_target.status_code == 422
    assert _pointers(as_source) == ["/source_tool_id"]
    assert _pointers(as_target) == ["/target_tool_id"]
    assert await _written(app, principal.tenant_id) == before


async def test_the_same_direction_twice_is_a_conflict(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    source, target = await _tools(client, "Source", "Target")
    await _connect(client, source, target)
    before = await _written(app, principal.tenant_id)

    response = await client.post(
        URL, json={"source_tool_id": source, "target_tool_id": target, "sync_mode": "manual"}
    )

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM
    assert "'Source' to 'Target'" in response.json()["detail"]
    assert await _written(app, principal.tenant_id) == before


async def test_concurrent_creates_of_one_edge_store_it_once(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    source, target = await _tools(client, "Source", "Target")
    body = {"source_tool_id": source, "target_tool_id": target}

    responses = await asyncio.gather(*(client.post(URL, json=body) for _ in range(4)))

    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409]
    assert await _written(app, principal.tenant_id) == (1, 3, 3)  # 2 tools + 1 integration


async def test_the_reverse_direction_is_another_integration(client: httpx.AsyncClient) -> None:
    a, b = await _tools(client, "A", "B")

    forward = await _connect(client, a, b, data_carried=["leads"])
    backward = await _connect(client, b, a, data_carried=["scores"])

    assert forward["id"] != backward["id"]
    assert (backward["source_tool_name"], backward["target_tool_name"]) == ("B", "A")
    assert len((await client.get(URL)).json()["items"]) == 2


@pytest.mark.parametrize(
    ("fields", "pointer"),
    [
        ({"sync_mode": "hourly"}, "/sync_mode"),
        ({"status": "deleted"}, "/status"),
        ({"data_carried": ["  "]}, "/data_carried/0"),
        ({"data_carried": ["leads", "x" * 61]}, "/data_carried/1"),
        ({"data_carried": [f"kind {i}" for i in range(51)]}, "/data_carried"),
        ({"data_carried": "leads"}, "/data_carried"),
        ({"notes": "x" * 10_001}, "/notes"),
        ({"owner": "me"}, "/owner"),
        ({"source_tool_id": "not-a-uuid"}, "/source_tool_id"),
        ({"target_tool_id": None}, "/target_tool_id"),
    ],
)
async def test_malformed_bodies_get_a_pointer_and_write_nothing(
    client: httpx.AsyncClient,
    app: FastAPI,
    principal: Principal,
    fields: dict[str, Any],
    pointer: str,
) -> None:
    source, target = await _tools(client, "Source", "Target")
    before = await _written(app, principal.tenant_id)

    response = await client.post(
        URL, json={"source_tool_id": source, "target_tool_id": target} | fields
    )

    assert response.status_code == 422, response.text
    assert pointer in _pointers(response)
    assert await _written(app, principal.tenant_id) == before


async def test_a_body_without_the_tools_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(URL, json={"data_carried": ["leads"]})

    assert response.status_code == 422
    assert set(_pointers(response)) == {"/source_tool_id", "/target_tool_id"}


async def test_a_retried_create_with_the_same_idempotency_key_creates_one_edge(
    client: httpx.AsyncClient,
) -> None:
    source, target = await _tools(client, "Source", "Target")
    body = {"source_tool_id": source, "target_tool_id": target}
    headers = {"Idempotency-Key": uuid.uuid4().hex}

    first = await client.post(URL, json=body, headers=headers)
    second = await client.post(URL, json=body, headers=headers)

    assert first.status_code == second.status_code == 201
    assert second.headers.get("idempotent-replayed") == "true"
    assert second.json() == first.json()
    assert len((await client.get(URL)).json()["items"]) == 1


# List


async def test_filters_select_by_either_end_source_target_status_and_mode(
    client: httpx.AsyncClient,
) -> None:
    crm, map_, cdp, ads = await _tools(client, "CRM", "MAP", "CDP", "Ads")
    map_crm = await _connect(client, map_, crm, sync_mode="realtime")
    crm_cdp = await _connect(client, crm, cdp, status="broken")
    cdp_ads = await _connect(client, cdp, ads, sync_mode="manual", status="planned")
    ads_map = await _connect(client, ads, map_)

    async def ids(**params: str) -> set[str]:
        response = await client.get(URL, params=params)
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    assert await ids() == {map_crm["id"], crm_cdp["id"], cdp_ads["id"], ads_map["id"]}
    assert await ids(tool_id=crm) == {map_crm["id"], crm_cdp["id"]}
    assert await ids(tool_id=ads) == {cdp_ads["id"], ads_map["id"]}
    assert await ids(source_tool_id=crm) == {crm_cdp["id"]}
    assert await ids(target_tool_id=crm) == {map_crm["id"]}
    assert await ids(source_tool_id=map_, target_tool_id=crm) == {map_crm["id"]}
    assert await ids(source_tool_id=crm, target_tool_id=map_) == set()
    assert await ids(status="broken") == {crm_cdp["id"]}
    assert await ids(status="active") == {map_crm["id"], ads_map["id"]}
    assert await ids(sync_mode="batch") == {crm_cdp["id"], ads_map["id"]}
    assert await ids(sync_mode="manual", status="planned") == {cdp_ads["id"]}
    assert await ids(tool_id=cdp, status="planned") == {cdp_ads["id"]}
    assert await ids(tool_id=str(uuid.uuid4())) == set()


@pytest.mark.parametrize(
    ("params", "pointer"),
    [
        ({"status": "gone"}, "/status"),
        ({"sync_mode": "hourly"}, "/sync_mode"),
        ({"tool_id": "x"}, "/tool_id"),
        ({"sort": "name"}, "/sort"),
        ({"cursor": "not-a-cursor"}, "/cursor"),
        ({"limit": "0"}, "/limit"),
    ],
)
async def test_bad_list_parameters_are_validation_problems(
    client: httpx.AsyncClient, params: dict[str, str], pointer: str
) -> None:
    response = await client.get(URL, params=params)

    assert response.status_code == 422
    assert pointer in _pointers(response)


async def test_pagination_walks_every_edge_once_in_creation_order(
    client: httpx.AsyncClient,
) -> None:
    hub = await create_tool(client, "Hub")
    spokes = await _tools(client, *(f"Spoke {i}" for i in range(5)))
    created = [(await _connect(client, hub, spoke))["id"] for spoke in spokes]

    first = await client.get(URL, params={"limit": 2})
    assert len(first.json()["items"]) == 2
    assert first.json()["next_cursor"] is not None

    assert [i["id"] for i in await walk_pages(client, URL, limit=2)] == created
    newest_first = await walk_pages(client, URL, limit=2, sort="-created_at")
    assert [i["id"] for i in newest_first] == created[::-1]
    filtered = await walk_pages(client, URL, limit=2, tool_id=hub, sort="-created_at")
    assert [i["id"] for i in filtered] == created[::-1]


async def test_tool_names_cost_one_query_per_page_not_one_per_item(
    client: httpx.AsyncClient, statements: list[str]
) -> None:
    tools = await _tools(client, *(f"Tool {i}" for i in range(7)))
    for source, target in itertools.pairwise(tools):
        await _connect(client, source, target)

    async def queries(limit: int) -> int:
        statements.clear()
        response = await client.get(URL, params={"limit": limit})
        assert len(response.json()["items"]) == limit
        return len(statements)

    assert await queries(1) == await queries(6)
    statements.clear()
    await client.get(URL, params={"limit": 6})
    assert sum(" tools" in sql for sql in statements) == 1


# Change and delete


async def test_patch_changes_the_fields_sent_and_bumps_the_version(
    client: httpx.AsyncClient,
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target, data_carried=["leads"], notes="keep me")

    response = await client.patch(
        f"{URL}/{created['id']}",
        json={"status": "broken", "data_carried": ["leads", "events"]},
        headers={"If-Match": '"1"'},
    )

    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    body = response.json()
    assert body["version"] == 2
    assert body["status"] == "broken"
    assert body["data_carried"] == ["leads", "events"]
    assert body["notes"] == "keep me"
    assert body["sync_mode"] == "batch"
    assert body["source_tool_name"] == "Source"
    assert datetime.fromisoformat(body["updated_at"]) > datetime.fromisoformat(
        created["updated_at"]
    )
    assert body["created_at"] == created["created_at"]
    assert (await client.get(f"{URL}/{created['id']}")).json() == body

    cleared = await client.patch(f"{URL}/{created['id']}", json={"notes": None})
    assert cleared.status_code == 200
    assert cleared.json()["notes"] is None
    assert cleared.json()["version"] == 3


async def test_patch_with_a_stale_etag_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target)
    assert (await client.patch(f"{URL}/{created['id']}", json={"status": "planned"})).is_success
    before = await _written(app, principal.tenant_id)

    response = await client.patch(
        f"{URL}/{created['id']}", json={"status": "retired"}, headers={"If-Match": '"1"'}
    )

    assert response.status_code == 412
    assert response.headers["content-type"] == PROBLEM
    assert (await client.get(f"{URL}/{created['id']}")).json()["status"] == "planned"
    assert await _written(app, principal.tenant_id) == before


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"source_tool_id": "00000000-0000-0000-0000-000000000001"}, "/source_tool_id"),
        ({"target_tool_id": "00000000-0000-0000-0000-000000000001"}, "/target_tool_id"),
        ({"status": None}, "/status"),
        ({"sync_mode": None}, "/sync_mode"),
        ({"data_carried": None}, "/data_carried"),
        ({"sync_mode": "weekly"}, "/sync_mode"),
        ({"data_carried": [""]}, "/data_carried/0"),
    ],
)
async def test_patch_refuses_changing_the_tools_and_nulling_required_fields(
    client: httpx.AsyncClient,
    app: FastAPI,
    principal: Principal,
    body: dict[str, Any],
    pointer: str,
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target)
    before = await _written(app, principal.tenant_id)

    response = await client.patch(f"{URL}/{created['id']}", json=body)

    assert response.status_code == 422, response.text
    assert pointer in _pointers(response)
    assert (await client.get(f"{URL}/{created['id']}")).json() == created
    assert await _written(app, principal.tenant_id) == before


async def test_delete_honours_if_match_then_the_edge_is_gone(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target)
    item = f"{URL}/{created['id']}"

    stale = await client.delete(item, headers={"If-Match": '"7"'})
    assert stale.status_code == 412
    assert (await client.get(item)).status_code == 200

    deleted = await client.delete(item, headers={"If-Match": '"1"'})
    assert deleted.status_code == 204
    assert deleted.content == b""

    missing = await client.get(item)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    assert (await client.delete(item)).status_code == 404
    assert (await client.patch(item, json={"status": "active"})).status_code == 404
    assert (await client.get(URL)).json()["items"] == []
    assert await _count(app, Integration.__table__, principal.tenant_id) == 0  # type: ignore[attr-defined]


async def test_deleting_a_tool_removes_its_integrations_at_both_ends(
    client: httpx.AsyncClient,
) -> None:
    crm, map_, cdp = await _tools(client, "CRM", "MAP", "CDP")
    into_crm = await _connect(client, map_, crm)
    out_of_crm = await _connect(client, crm, cdp)
    kept = await _connect(client, map_, cdp)

    assert (await client.delete(f"{TOOLS}/{crm}")).status_code == 204

    assert [i["id"] for i in (await client.get(URL)).json()["items"]] == [kept["id"]]
    assert (await client.get(f"{URL}/{into_crm['id']}")).status_code == 404
    assert (await client.get(f"{URL}/{out_of_crm['id']}")).status_code == 404
    assert (await client.get(URL, params={"tool_id": crm})).json()["items"] == []


# Audit and events


async def test_every_change_is_audited_with_before_and_after(
    client: httpx.AsyncClient, principal: Principal
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target)
    updated = (await client.patch(f"{URL}/{created['id']}", json={"status": "broken"})).json()
    assert (await client.delete(f"{URL}/{created['id']}")).status_code == 204

    response = await client.get(AUDIT, params={"object_type": "integration"})

    assert response.status_code == 200, response.text
    entries = response.json()["items"]  # newest first
    assert [e["action"] for e in entries] == ["delete", "update", "create"]
    assert {e["object_id"] for e in entries} == {created["id"]}
    assert {e["actor_key_id"] for e in entries} == {str(principal.key_id)}
    delete, update, create = entries
    assert (create["before"], create["after"]) == (None, created)
    assert (update["before"], update["after"]) == (created, updated)
    assert (delete["before"], delete["after"]) == (updated, None)


async def test_every_change_announces_an_event_in_the_outbox(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target)
    updated = (await client.patch(f"{URL}/{created['id']}", json={"sync_mode": "manual"})).json()
    assert (await client.delete(f"{URL}/{created['id']}")).status_code == 204

    events = await _events(app, principal.tenant_id)

    assert [e["type"] for e in events] == [
        "integration.created",
        "integration.updated",
        "integration.deleted",
    ]
    assert events[0]["data"] == created
    assert events[1]["data"] == updated
    assert events[2]["data"] == {
        "id": created["id"],
        "source_tool_id": source,
        "target_tool_id": target,
    }


# Tenants


async def test_another_tenant_neither_sees_nor_touches_the_edge(
    client: httpx.AsyncClient, anonymous_client_factory: ClientFactory
) -> None:
    source, target = await _tools(client, "Source", "Target")
    created = await _connect(client, source, target)
    item = f"{URL}/{created['id']}"

    async with tenant_client(anonymous_client_factory, "inventory") as other:
        assert (await other.get(item)).status_code == 404
        assert (await other.patch(item, json={"status": "retired"})).status_code == 404
        assert (await other.delete(item)).status_code == 404
        assert (await other.get(URL)).json()["items"] == []
        assert (await other.get(URL, params={"tool_id": source})).json()["items"] == []

    assert (await client.get(item)).json() == created


async def test_deleting_a_tool_records_the_removal_of_its_integrations(
    inventory_client: httpx.AsyncClient,
) -> None:
    a, b, c = [
        (await inventory_client.post("/v1/inventory/tools", json={"name": n})).json()["id"]
        for n in ("Segment", "Braze", "Looker")
    ]
    edges = []
    for source, target in ((a, b), (c, a), (b, c)):
        created = await inventory_client.post(
            "/v1/inventory/integrations", json={"source_tool_id": source, "target_tool_id": target}
        )
        edges.append(created.json()["id"])
    assert (await inventory_client.delete(f"/v1/inventory/tools/{a}")).status_code == 204
    for removed in edges[:2]:
        entries = (
            await inventory_client.get("/v1/inventory/audit", params={"object_id": removed})
        ).json()["items"]
        assert [e["action"] for e in entries] == ["delete", "create"]
    kept = (
        await inventory_client.get("/v1/inventory/audit", params={"object_id": edges[2]})
    ).json()["items"]
    assert [e["action"] for e in kept] == ["create"]
