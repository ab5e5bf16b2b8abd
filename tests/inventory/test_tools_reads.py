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

from mops_inventory.tools import repository, service
from mops_shared.contracts.inventory import ToolPage, ToolRead
from mops_shared.kit.auth import verify_principal
from mops_shared.kit.etag import etag_of
from tests.inventory.support import Tenant, client_for
from tests.support import TEST_SECRET

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
            fast = await client.get(f"{URL}/{tool_id}")  # the kit's by-id fast path
            routed = await client.get(f"{URL}/{tool_id.upper()}")  # the FastAPI route
            for response in (fast, routed):
                assert response.status_code == 200, response.text
                assert response.content == reference
                assert response.headers["etag"] == etag_of(response.json()["version"])
                assert response.headers["content-type"] == "application/json"
