"""The tools' GET answers, written from rows (`mops_shared.kit.reads`), are byte for byte what
the ORM path gave for the sample company: entities, `to_reads`, `ToolRead`/`ToolPage`
validation, then FastAPI's serialisation of the model. That path is kept here, as the
reference."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import col

from mops_inventory.tools import repository, service
from mops_inventory.tools.models import ToolStatusChange
from mops_inventory.tools.schemas import StatusChange, StatusHistory
from mops_shared.contracts.inventory import ToolPage, ToolRead
from mops_shared.kit.auth import verify_principal
from mops_shared.kit.etag import etag_of
from tests.inventory.factories import create_person, create_unit
from tests.inventory.support import Tenant, client_for, signed
from tests.support import (
    TEST_SECRET,
    ClientFactory,
    assert_problem,
    new_principal,
    tenant_client,
)

pytestmark = pytest.mark.asyncio

URL = "/v1/inventory/tools"
# How FastAPI wrote a route's model (`serialize_response` with `dump_json`).
_PAGE_JSON = TypeAdapter(ToolPage)
_TOOL_JSON = TypeAdapter(ToolRead)


def _tenant_of(sample: Tenant) -> uuid.UUID:
    return verify_principal(sample.headers["x-mops-principal"], TEST_SECRET).tenant_id


async def _orm_page(
    app: FastAPI, tenant_id: uuid.UUID, *, sort: str, limit: int, cursor: str | None, **query: Any
) -> bytes:
    async with app.state.sessionmaker() as session:
        tools, next_cursor = await repository.list_page(
            session,
            tenant_id,
            sort=repository.TOOL_SORTS[sort],
            limit=limit,
            cursor=cursor,
            **query,
        )
        page = ToolPage(items=await service.to_reads(session, tools), next_cursor=next_cursor)
    return _PAGE_JSON.dump_json(page, by_alias=True)


async def _orm_tool(app: FastAPI, tenant_id: uuid.UUID, tool_id: str) -> bytes:
    async with app.state.sessionmaker() as session:
        tool = await repository.get_by_id(session, tenant_id, uuid.UUID(tool_id))
        assert tool is not None
        (read,) = await service.to_reads(session, [tool])
    return _TOOL_JSON.dump_json(read, by_alias=True)


async def _pages(
    client: httpx.AsyncClient, app: FastAPI, tenant_id: uuid.UUID, **query: Any
) -> int:
    """Walks the list with `query`, comparing each page with the reference; the pages seen."""
    cursor: str | None = None
    seen = 0
    sort = query.pop("sort", "name")
    limit = query.pop("limit", 50)
    while True:
        params = {"sort": sort, "limit": limit, **query, **({"cursor": cursor} if cursor else {})}
        response = await client.get(URL, params=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json"
        typed: dict[str, Any] = {
            k: uuid.UUID(v) if k.endswith("_id") else v for k, v in query.items()
        }
        reference = await _orm_page(app, tenant_id, sort=sort, limit=limit, cursor=cursor, **typed)
        assert response.content == reference, params
        seen += 1
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return seen


async def test_list_pages_are_the_orm_paths_bytes(
    service_apps: dict[str, FastAPI], sample: Tenant
) -> None:
    app = service_apps["inventory"]
    tenant_id = _tenant_of(sample)
    some_unit = sorted(sample.unit_ids.values())[0]
    async with client_for(app, "inventory", sample.headers) as client:
        assert await _pages(client, app, tenant_id) == 2  # 57 tools
        assert await _pages(client, app, tenant_id, limit=7) == 9
        for sort in ("-name", "created_at", "-created_at"):
            assert await _pages(client, app, tenant_id, sort=sort, limit=20) == 3
        assert await _pages(client, app, tenant_id, status="active") >= 1
        assert await _pages(client, app, tenant_id, capability="marketing AUTOMATION") == 1
        assert await _pages(client, app, tenant_id, owner_unit_id=some_unit) == 1
        assert await _pages(client, app, tenant_id, vendor="Salesforce") == 1
        assert await _pages(client, app, tenant_id, name="nothing like it") == 1


async def test_each_tool_by_id_is_the_orm_paths_bytes_with_its_etag(
    service_apps: dict[str, FastAPI], sample: Tenant
) -> None:
    app = service_apps["inventory"]
    tenant_id = _tenant_of(sample)
    async with client_for(app, "inventory", sample.headers) as client:
        for tool_id in sample.tool_ids.values():
            reference = await _orm_tool(app, tenant_id, tool_id)
            plain = await client.get(f"{URL}/{tool_id}")
            upper = await client.get(f"{URL}/{tool_id.upper()}")  # the same id, spelled otherwise
            for response in (plain, upper):
                assert response.status_code == 200, response.text
                assert response.content == reference
                assert response.headers["etag"] == etag_of(response.json()["version"])
                assert response.headers["content-type"] == "application/json"


async def _listed(client: httpx.AsyncClient, name: str) -> dict[str, Any]:
    """The tool as the list gives it (its capabilities and owners read apart, not aggregated
    in the by-id statement)."""
    response = await client.get(URL, params={"name": name})
    assert response.status_code == 200, response.text
    (item,) = response.json()["items"]
    return dict(item)


async def test_a_tool_of_every_shape_reads_as_listed_and_as_created(
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
            read = await client.get(f"{URL}/{created.json()['id']}")

            assert read.status_code == 200
            assert read.headers["content-type"] == "application/json"
            assert read.headers["etag"] == etag_of(created.json()["version"])
            assert read.json() == await _listed(client, body["name"]) == created.json()


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


async def test_without_principal_or_scope_the_problems_answer(
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


async def test_an_id_in_another_spelling_reads_the_tool_and_an_unknown_one_is_404(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = (await inventory_client.post(URL, json={"name": "Spelled"})).json()

    upper = await inventory_client.get(f"{URL}/{created['id'].upper()}")
    unknown = await inventory_client.get(f"{URL}/{uuid.uuid4()}")

    assert upper.status_code == 200
    assert upper.json() == created
    assert_problem(unknown, 404)


async def test_the_status_history_is_the_models_bytes(
    service_apps: dict[str, FastAPI], inventory_client: httpx.AsyncClient
) -> None:
    app = service_apps["inventory"]
    created = (await inventory_client.post(URL, json={"name": "Historied"})).json()
    for status in ("sunsetting", "retired"):
        patched = await inventory_client.patch(f"{URL}/{created['id']}", json={"status": status})
        assert patched.status_code == 200, patched.text

    response = await inventory_client.get(f"{URL}/{created['id']}/status-history")

    # The reference: the entities, validated into the model, written as FastAPI wrote it.
    async with app.state.sessionmaker() as session:
        changes = (
            await session.execute(
                select(ToolStatusChange)
                .where(col(ToolStatusChange.tool_id) == uuid.UUID(created["id"]))
                .order_by(col(ToolStatusChange.changed_at), col(ToolStatusChange.id))
            )
        ).scalars()
        history = StatusHistory(
            tool_id=created["id"], changes=[StatusChange.model_validate(c) for c in changes]
        )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == TypeAdapter(StatusHistory).dump_json(history, by_alias=True)
    assert [c["to_status"] for c in response.json()["changes"]] == [
        "active",
        "sunsetting",
        "retired",
    ]


async def test_the_status_history_of_another_tenants_tool_is_404(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        created = (await owner.post(URL, json={"name": "Private history"})).json()
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        response = await other.get(f"{URL}/{created['id']}/status-history")

    assert assert_problem(response, 404)["type"] == "/problems/not-found"
