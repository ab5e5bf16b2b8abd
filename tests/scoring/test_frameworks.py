"""`/v1/scoring/frameworks`: built-ins for everyone, a tenant's own for that tenant only.

The database is shared by the whole session, so tests that add built-in rows (seen by every
tenant) remove them before they end, and use keys no other test uses.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from mops_scoring.frameworks.models import Framework
from tests.support import ClientFactory, tenant_client, walk_pages

pytestmark = pytest.mark.asyncio

URL = "/v1/scoring/frameworks"
PROBLEM = "application/problem+json"


async def add_framework(
    app: FastAPI, tenant_id: uuid.UUID | None, key: str, version: int = 1
) -> uuid.UUID:
    async with app.state.sessionmaker() as session:
        framework = Framework(
            tenant_id=tenant_id,
            key=key,
            version=version,
            name=f"{key} v{version}",
            built_in=tenant_id is None,
            document={"dimensions": []},
        )
        session.add(framework)
        await session.commit()
        return framework.id


async def remove_frameworks(app: FastAPI, *ids: uuid.UUID) -> None:
    async with app.state.sessionmaker() as session:
        await session.execute(delete(Framework).where(Framework.id.in_(ids)))  # type: ignore[attr-defined]
        await session.commit()


@asynccontextmanager
async def built_in_frameworks(app: FastAPI, *keys: str) -> AsyncIterator[list[uuid.UUID]]:
    ids: list[uuid.UUID] = []
    try:
        for key in keys:
            ids.append(await add_framework(app, None, key))
        yield ids
    finally:
        await remove_frameworks(app, *ids)


def unique_key(label: str) -> str:
    return f"test_{label}_{uuid.uuid4().hex[:8]}"


async def test_fresh_tenant_gets_an_empty_page(scoring_client: httpx.AsyncClient) -> None:
    # No framework is built in yet (they come with their own issue): nothing to list.
    response = await scoring_client.get(URL)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"items": [], "next_cursor": None}


async def test_tenant_framework_is_visible_to_its_tenant_only(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    owner, other = uuid.uuid4(), uuid.uuid4()
    key = unique_key("own")
    framework_id = await add_framework(service_apps["scoring"], owner, key, version=3)

    async with tenant_client(anonymous_client_factory, "scoring", owner) as client:
        owned = await walk_pages(client, URL)
    async with tenant_client(anonymous_client_factory, "scoring", other) as client:
        others = await walk_pages(client, URL)

    assert [f["id"] for f in owned] == [str(framework_id)]
    assert owned[0]["key"] == key
    assert owned[0]["version"] == 3
    assert owned[0]["built_in"] is False
    assert set(owned[0]) == {"id", "key", "version", "name", "built_in", "created_at"}
    assert others == []


async def test_built_in_framework_is_visible_to_every_tenant(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["scoring"]
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    own_key = unique_key("own")
    own_id = await add_framework(app, tenant_a, own_key)

    async with built_in_frameworks(app, unique_key("shared")) as (built_in_id,):
        async with tenant_client(anonymous_client_factory, "scoring", tenant_a) as client:
            seen_by_a = {f["id"]: f for f in await walk_pages(client, URL)}
        async with tenant_client(anonymous_client_factory, "scoring", tenant_b) as client:
            seen_by_b = {f["id"]: f for f in await walk_pages(client, URL)}

    assert set(seen_by_a) == {str(built_in_id), str(own_id)}
    assert set(seen_by_b) == {str(built_in_id)}
    assert seen_by_b[str(built_in_id)]["built_in"] is True


async def test_built_in_key_and_version_are_unique(service_apps: dict[str, FastAPI]) -> None:
    # NULL tenant ids are distinct in the (tenant_id, key, version) constraint; the partial
    # index must still refuse a second built-in with the same key and version.
    app = service_apps["scoring"]
    key = unique_key("dup")
    async with built_in_frameworks(app, key):
        with pytest.raises(IntegrityError):
            await add_framework(app, None, key)


async def test_tenant_key_and_version_are_unique(service_apps: dict[str, FastAPI]) -> None:
    app = service_apps["scoring"]
    tenant_id = uuid.uuid4()
    key = unique_key("dup")
    await add_framework(app, tenant_id, key)
    await add_framework(app, uuid.uuid4(), key)  # another tenant may reuse the key

    with pytest.raises(IntegrityError):
        await add_framework(app, tenant_id, key)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("key", [("alpha", 1), ("alpha", 2), ("alpha", 10), ("beta", 1), ("gamma", 1)]),
        ("-key", [("gamma", 1), ("beta", 1), ("alpha", 10), ("alpha", 2), ("alpha", 1)]),
    ],
)
async def test_pages_walk_by_key_then_version(
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
    sort: str,
    expected: list[tuple[str, int]],
) -> None:
    app = service_apps["scoring"]
    tenant_id = uuid.uuid4()
    for key, version in [("beta", 1), ("alpha", 10), ("gamma", 1), ("alpha", 1), ("alpha", 2)]:
        await add_framework(app, tenant_id, key, version)

    async with tenant_client(anonymous_client_factory, "scoring", tenant_id) as client:
        first = (await client.get(URL, params={"limit": 2, "sort": sort})).json()
        items = await walk_pages(client, URL, limit=2, sort=sort)

    assert len(first["items"]) == 2
    assert first["next_cursor"] is not None
    assert [(f["key"], f["version"]) for f in items] == expected
    assert len({f["id"] for f in items}) == len(expected)


async def test_invalid_cursor_is_a_validation_problem(scoring_client: httpx.AsyncClient) -> None:
    response = await scoring_client.get(URL, params={"cursor": "garbage"})

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["pointer"] == "/cursor"


@pytest.mark.parametrize(("param", "value"), [("limit", "0"), ("sort", "name")])
async def test_bad_list_parameters_are_validation_problems(
    scoring_client: httpx.AsyncClient, param: str, value: str
) -> None:
    response = await scoring_client.get(URL, params={param: value})

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["pointer"] == f"/{param}"


async def test_without_principal_is_unauthorized(anonymous_client_factory: ClientFactory) -> None:
    async with anonymous_client_factory("scoring") as client:
        response = await client.get(URL)

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM


async def test_without_read_scope_is_forbidden(anonymous_client_factory: ClientFactory) -> None:
    scopes = frozenset({"scoring:write", "inventory:read"})
    async with tenant_client(anonymous_client_factory, "scoring", scopes=scopes) as client:
        response = await client.get(URL)

    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM
