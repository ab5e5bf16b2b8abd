"""`/v1/inventory/categories`: the landscape seeded per tenant, pagination, sorting, isolation."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from mops_inventory.categories.models import Category
from mops_inventory.categories.service import LandscapeSeeder
from mops_shared.contracts.common import name_key
from tests.support import ClientFactory, new_principal, principal_headers, tenant_client, walk_pages

pytestmark = pytest.mark.asyncio

URL = "/v1/inventory/categories"
PROBLEM = "application/problem+json"

# The landscape in the order it is seeded, spelled out here so a change to the seed shows up.
LANDSCAPE = [
    "Advertising & Promotion",
    "Content & Experience",
    "Social & Relationships",
    "Commerce & Sales",
    "Data",
    "Management",
]


async def add_subcategory(
    app: FastAPI, tenant_id: uuid.UUID, parent_id: uuid.UUID, name: str
) -> uuid.UUID:
    async with app.state.sessionmaker() as session:
        category = Category(
            tenant_id=tenant_id, parent_id=parent_id, name=name, name_key=name_key(name)
        )
        session.add(category)
        await session.commit()
        return category.id


async def count_rows(app: FastAPI, tenant_id: uuid.UUID) -> int:
    async with app.state.sessionmaker() as session:
        count = await session.scalar(
            select(func.count()).select_from(Category).where(Category.tenant_id == tenant_id)  # type: ignore[arg-type]
        )
        return int(count or 0)


async def test_first_list_seeds_the_six_landscape_categories(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"items", "next_cursor"}
    assert body["next_cursor"] is None
    assert [c["name"] for c in body["items"]] == sorted(LANDSCAPE, key=str.casefold)
    assert all(c["built_in"] is True and c["parent_id"] is None for c in body["items"])
    assert len({c["id"] for c in body["items"]}) == 6


async def test_seeding_happens_once_per_tenant(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    tenant_id = uuid.uuid4()
    async with tenant_client(anonymous_client_factory, "inventory", tenant_id) as client:
        first = await client.get(URL)
        second = await client.get(URL)

    assert [c["id"] for c in first.json()["items"]] == [c["id"] for c in second.json()["items"]]
    assert await count_rows(service_apps["inventory"], tenant_id) == 6


async def test_concurrent_first_requests_seed_exactly_once(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    tenant_id = uuid.uuid4()
    async with tenant_client(anonymous_client_factory, "inventory", tenant_id) as client:
        responses = await asyncio.gather(*(client.get(URL) for _ in range(5)))

    assert [r.status_code for r in responses] == [200] * 5
    ids = {frozenset(c["id"] for c in r.json()["items"]) for r in responses}
    assert len(ids) == 1  # every request saw the same six rows
    assert len(next(iter(ids))) == 6
    assert await count_rows(service_apps["inventory"], tenant_id) == 6


async def test_seeders_of_separate_processes_race_safely(service_apps: dict[str, FastAPI]) -> None:
    # Fresh seeders remember nothing, as in separate processes: only the database arbitrates.
    app = service_apps["inventory"]
    tenant_id = uuid.uuid4()

    async def seed() -> None:
        async with app.state.sessionmaker() as session:
            await LandscapeSeeder().ensure(session, tenant_id)

    await asyncio.gather(*(seed() for _ in range(4)))
    await seed()  # a later process finds the tenant seeded

    assert await count_rows(app, tenant_id) == 6


async def test_pagination_walks_every_category_once(inventory_client: httpx.AsyncClient) -> None:
    first = await inventory_client.get(URL, params={"limit": 2})
    assert len(first.json()["items"]) == 2
    assert first.json()["next_cursor"] is not None

    items = await walk_pages(inventory_client, URL, limit=2)

    assert len(items) == 6
    assert len({c["id"] for c in items}) == 6
    assert [c["name"] for c in items] == sorted(LANDSCAPE, key=str.casefold)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", sorted(LANDSCAPE, key=str.casefold)),
        ("-name", sorted(LANDSCAPE, key=str.casefold, reverse=True)),
        ("created_at", LANDSCAPE),
        ("-created_at", LANDSCAPE[::-1]),
    ],
)
async def test_sorts_hold_across_pages(
    inventory_client: httpx.AsyncClient, sort: str, expected: list[str]
) -> None:
    items = await walk_pages(inventory_client, URL, limit=2, sort=sort)

    assert [c["name"] for c in items] == expected


async def test_unknown_sort_is_a_validation_problem(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.get(URL, params={"sort": "vendor"})

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["pointer"] == "/sort"


@pytest.mark.parametrize("cursor", ["not-a-cursor", "e30", "eyJzIjoibmFtZSIsInYiOlsxXX0"])
async def test_invalid_cursor_is_a_validation_problem(
    inventory_client: httpx.AsyncClient, cursor: str
) -> None:
    response = await inventory_client.get(URL, params={"cursor": cursor})

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 422
    assert problem["errors"][0]["location"] == "query"
    assert problem["errors"][0]["pointer"] == "/cursor"


async def test_cursor_of_another_sort_is_refused(inventory_client: httpx.AsyncClient) -> None:
    page = (await inventory_client.get(URL, params={"limit": 2, "sort": "name"})).json()

    response = await inventory_client.get(
        URL, params={"limit": 2, "sort": "created_at", "cursor": page["next_cursor"]}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/cursor"


@pytest.mark.parametrize("limit", ["0", "201", "many"])
async def test_out_of_range_limit_is_a_validation_problem(
    inventory_client: httpx.AsyncClient, limit: str
) -> None:
    response = await inventory_client.get(URL, params={"limit": limit})

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["errors"][0]["pointer"] == "/limit"


async def test_get_returns_one_category(inventory_client: httpx.AsyncClient) -> None:
    listed = (await inventory_client.get(URL)).json()["items"][0]

    response = await inventory_client.get(f"{URL}/{listed['id']}")

    assert response.status_code == 200
    assert response.json() == listed


async def test_get_of_unknown_id_is_not_found(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.get(f"{URL}/{uuid.uuid4()}")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/not-found"


async def test_get_of_malformed_id_is_a_validation_problem(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.get(f"{URL}/not-a-uuid")

    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "location": "path",
        "pointer": "/category_id",
        "detail": response.json()["errors"][0]["detail"],
    }


async def test_parent_filter_lists_only_children(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    tenant_id = uuid.uuid4()
    async with tenant_client(anonymous_client_factory, "inventory", tenant_id) as client:
        data = next(c for c in (await client.get(URL)).json()["items"] if c["name"] == "Data")
        child = await add_subcategory(
            service_apps["inventory"], tenant_id, uuid.UUID(data["id"]), "Customer Data Platforms"
        )

        children = (await client.get(URL, params={"parent_id": data["id"]})).json()
        everything = await walk_pages(client, URL)

    assert [c["id"] for c in children["items"]] == [str(child)]
    assert children["items"][0]["built_in"] is False
    assert children["items"][0]["parent_id"] == data["id"]
    assert len(everything) == 7


async def test_tenants_never_see_each_others_categories(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    async with tenant_client(anonymous_client_factory, "inventory", tenant_a) as client_a:
        a_items = (await client_a.get(URL)).json()["items"]
        a_data = next(c for c in a_items if c["name"] == "Data")
        a_child = await add_subcategory(
            service_apps["inventory"], tenant_a, uuid.UUID(a_data["id"]), "Tag Management"
        )

    async with tenant_client(anonymous_client_factory, "inventory", tenant_b) as client_b:
        b_items = await walk_pages(client_b, URL)
        by_parent = (await client_b.get(URL, params={"parent_id": a_data["id"]})).json()
        get_a_builtin = await client_b.get(f"{URL}/{a_data['id']}")
        get_a_child = await client_b.get(f"{URL}/{a_child}")

    b_ids = {c["id"] for c in b_items}
    assert len(b_items) == 6
    assert not b_ids & {c["id"] for c in a_items}
    assert str(a_child) not in b_ids
    assert by_parent["items"] == []
    assert get_a_builtin.status_code == 404
    assert get_a_child.status_code == 404
    assert get_a_child.headers["content-type"] == PROBLEM


async def test_without_principal_is_unauthorized(anonymous_client_factory: ClientFactory) -> None:
    async with anonymous_client_factory("inventory") as client:
        response = await client.get(URL)

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "/problems/unauthorized"


async def test_forged_principal_is_unauthorized(anonymous_client_factory: ClientFactory) -> None:
    async with anonymous_client_factory("inventory") as client:
        token = principal_headers(new_principal())["x-mops-principal"]
        response = await client.get(URL, headers={"x-mops-principal": token[:-2] + "xx"})

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM


async def test_without_read_scope_is_forbidden(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    tenant_id = uuid.uuid4()
    scopes = frozenset({"inventory:write", "org:read", "scoring:read"})
    async with tenant_client(anonymous_client_factory, "inventory", tenant_id, scopes) as client:
        listed = await client.get(URL)
        got = await client.get(f"{URL}/{uuid.uuid4()}")

    assert listed.status_code == 403
    assert got.status_code == 403
    assert listed.headers["content-type"] == PROBLEM
    assert listed.json()["type"] == "/problems/forbidden"
    assert await count_rows(service_apps["inventory"], tenant_id) == 0  # refused before seeding


async def test_tenant_adds_a_subcategory_once(inventory_client: httpx.AsyncClient) -> None:
    data = next(c for c in (await inventory_client.get(URL)).json()["items"] if c["name"] == "Data")
    created = await inventory_client.post(
        URL, json={"name": "Reverse ETL", "parent_id": data["id"]}
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["parent_id"], body["built_in"]) == (data["id"], False)
    children = (await inventory_client.get(URL, params={"parent_id": data["id"]})).json()["items"]
    assert [c["name"] for c in children] == ["Reverse ETL"]
    again = await inventory_client.post(URL, json={"name": "reverse etl", "parent_id": data["id"]})
    assert again.status_code == 409
    clash = await inventory_client.post(URL, json={"name": "data", "parent_id": data["id"]})
    assert clash.status_code == 409
    orphan = await inventory_client.post(URL, json={"name": "X", "parent_id": str(uuid.uuid4())})
    assert orphan.status_code == 422
    assert orphan.json()["errors"][0]["pointer"] == "/parent_id"
