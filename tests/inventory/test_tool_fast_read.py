"""`GET /v1/inventory/tools/{id}` answered by `ToolReadFastPath`, outside FastAPI's routing.

What it answers must be what the route answers (the list gives the same tool through the ORM
and `ToolRead`); what it cannot answer (no principal, a missing scope, a foreign or unknown
tool, an id not in canonical form) must reach the route and get the route's problems.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import create_async_engine

from mops_inventory.tools import service
from mops_inventory.tools.fast_read import ToolReader
from mops_shared.kit.etag import etag_of
from tests.inventory.factories import create_person, create_unit
from tests.inventory.support import signed
from tests.support import ClientFactory, assert_problem, backend, new_principal, tenant_client

pytestmark = pytest.mark.asyncio

URL = "/v1/inventory/tools"


async def _listed(client: httpx.AsyncClient, name: str) -> dict[str, Any]:
    """The tool as the list gives it: the ORM, `to_reads` and `ToolRead`, not the fast path."""
    response = await client.get(URL, params={"name": name})
    assert response.status_code == 200, response.text
    (item,) = response.json()["items"]
    return dict(item)


async def test_the_fast_answer_is_the_routes_for_tools_of_every_shape(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Demand gen")
    person = await create_person(anonymous_client_factory, principal, "zoe@acme.example")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        for field in (
            {"key": "score", "label": "Score", "type": "number"},
            {"key": "note", "label": "Note", "type": "string"},
        ):
            assert (await client.post("/v1/inventory/custom-fields", json=field)).status_code == 201
        categories = (await client.get("/v1/inventory/categories", params={"limit": 1})).json()
        bodies: list[dict[str, Any]] = [
            {"name": "Bare"},
            {
                "name": "Émailing · Größe",
                "vendor": "Ünïcode SA",
                "category_id": categories["items"][0]["id"],
                "capabilities": ["Email", "SMS", "Push"],
                "description": "Line one\nline two « quoted »",
                "usage_notes": "",
                "owners": [
                    {"role": "business_owner", "person_id": None, "unit_id": unit},
                    {"role": "data_steward", "person_id": person, "unit_id": None},
                    {"role": "technical_owner", "person_id": person, "unit_id": unit},
                ],
                "shares_data_with_core": False,
                "processes_personal_data": True,
                "personal_data_categories": ["contact"],
                "website": "https://example.com/path?q=1",
                "tags": ["b", "a"],
                "custom_fields": {"score": 4.25, "note": "x"},
                "status": "evaluating",
            },
        ]
        for body in bodies:
            created = await client.post(URL, json=body)
            assert created.status_code == 201, created.text
            fast = await client.get(f"{URL}/{created.json()['id']}")

            assert fast.status_code == 200
            assert fast.headers["content-type"] == "application/json"
            assert fast.headers["etag"] == etag_of(created.json()["version"])
            assert fast.json() == await _listed(client, body["name"]) == created.json()


async def test_the_route_is_not_used_for_a_plain_read(
    inventory_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = (await inventory_client.post(URL, json={"name": "Only fast"})).json()

    async def route_used(*_: Any, **__: Any) -> Any:
        raise AssertionError("the FastAPI route answered")

    monkeypatch.setattr(service, "read_tool", route_used)
    response = await inventory_client.get(f"{URL}/{created['id']}")

    assert response.status_code == 200
    assert response.json()["name"] == "Only fast"
    assert response.headers["x-request-id"]  # the request context still wraps it


async def test_a_change_is_read_at_once_with_its_new_etag(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = (await inventory_client.post(URL, json={"name": "Changing"})).json()
    changed = await inventory_client.patch(
        f"{URL}/{created['id']}", json={"status": "sunsetting", "capabilities": ["CRM"]}
    )
    assert changed.status_code == 200, changed.text

    read = await inventory_client.get(f"{URL}/{created['id']}")

    assert read.headers["etag"] == etag_of(2)
    assert read.json() == changed.json()


async def test_another_tenants_tool_is_404_not_its_body(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        created = (await owner.post(URL, json={"name": "Private"})).json()
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        response = await other.get(f"{URL}/{created['id']}")

    assert assert_problem(response, 404)["type"] == "/problems/not-found"
    assert "Private" not in response.text


async def test_without_principal_or_scope_the_routes_problems_answer(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        tool_id = (await owner.post(URL, json={"name": "Guarded"})).json()["id"]
    async with anonymous_client_factory("inventory") as anonymous:
        unsigned = await anonymous.get(f"{URL}/{tool_id}")
        anonymous.headers["x-mops-principal"] = "v1.forged.signature"
        forged = await anonymous.get(f"{URL}/{tool_id}")
    async with tenant_client(
        anonymous_client_factory, "inventory", scopes=frozenset({"org:read"})
    ) as unscoped:
        lacking = await unscoped.get(f"{URL}/{tool_id}")

    assert_problem(unsigned, 401)
    assert_problem(forged, 401)
    assert_problem(lacking, 403)


async def test_an_id_in_another_spelling_is_answered_by_the_route(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = (await inventory_client.post(URL, json={"name": "Spelled"})).json()

    upper = await inventory_client.get(f"{URL}/{created['id'].upper()}")
    unknown = await inventory_client.get(f"{URL}/{uuid.uuid4()}")

    assert upper.status_code == 200
    assert upper.json() == created
    assert_problem(unknown, 404)


@pytest.mark.skipif(backend() != "postgres", reason="the driver pool exists on PostgreSQL only")
async def test_an_unreachable_database_gives_none_so_the_route_answers() -> None:
    # A port nothing listens on: the pool cannot open, and the read says so instead of raising.
    engine = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:9/none")
    reader = ToolReader(engine)
    try:
        assert await reader.read(uuid.uuid4(), uuid.uuid4()) is None
    finally:
        await reader.close()
        await engine.dispose()
