"""People's list, written from rows (`mops_shared.kit.reads`), is byte for byte what the ORM
path gave for the sample company: entities with their role ids, `PersonRead`/`PersonPage`
validation, then FastAPI's serialisation of the model. That path is kept here, as the
reference."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import col

from mops_org.people.models import Person
from mops_org.people.repository import PERSON_SORTS, load_role_ids
from mops_org.roles.models import PersonRole
from mops_shared.contracts.org import PersonPage, PersonRead
from mops_shared.kit.auth import Principal
from mops_shared.kit.pagination import keyset_page, split_page
from tests.support import SAMPLES

pytestmark = pytest.mark.asyncio

URL = "/v1/org/people"
# How FastAPI wrote a route's model (`serialize_response` with `dump_json`).
_PAGE_JSON = TypeAdapter(PersonPage)


async def _orm_page(
    app: FastAPI,
    tenant_id: uuid.UUID,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
    unit_id: uuid.UUID | None = None,
    role_id: uuid.UUID | None = None,
    active: bool | None = None,
) -> bytes:
    stmt = select(Person).where(col(Person.tenant_id) == tenant_id)
    if unit_id is not None:
        stmt = stmt.where(col(Person.unit_id) == unit_id)
    if active is not None:
        stmt = stmt.where(col(Person.active) == active)
    if role_id is not None:
        holders = select(col(PersonRole.person_id)).where(col(PersonRole.role_id) == role_id)
        stmt = stmt.where(col(Person.id).in_(holders))
    option = PERSON_SORTS[sort]
    async with app.state.sessionmaker() as session:
        rows = (await session.execute(keyset_page(stmt, option, limit, cursor))).scalars().all()
        people, next_cursor = split_page(rows, option, limit)
        await load_role_ids(session, tenant_id, people)
        page = PersonPage(
            items=[PersonRead.model_validate(p) for p in people], next_cursor=next_cursor
        )
    return _PAGE_JSON.dump_json(page, by_alias=True)


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


async def test_people_pages_are_the_orm_paths_bytes(
    app: FastAPI, client: httpx.AsyncClient, principal: Principal
) -> None:
    sample = json.loads((SAMPLES / "org_sample.json").read_text())
    assert (await client.post("/v1/org/imports", json=sample)).status_code == 200
    people = (await client.get(URL, params={"limit": 200})).json()["items"]
    roles = (await client.get("/v1/org/roles", params={"limit": 200})).json()["items"]
    # Several roles, in an order that is neither the roles' nor their ids'.
    several = [roles[3]["id"], roles[0]["id"], roles[7]["id"]]
    changed = await client.patch(f"{URL}/{people[0]['id']}", json={"role_ids": several})
    assert changed.status_code == 200, changed.text
    in_unit = next(p for p in people if p["unit_id"] is not None)
    tenant_id = principal.tenant_id

    assert await _pages(client, app, tenant_id) == 1  # 25 people
    assert await _pages(client, app, tenant_id, limit=4) == 7
    for sort in ("-name", "email", "-email", "created_at", "-created_at"):
        assert await _pages(client, app, tenant_id, sort=sort, limit=10) == 3
    assert await _pages(client, app, tenant_id, unit_id=in_unit["unit_id"]) == 1
    assert await _pages(client, app, tenant_id, role_id=several[1]) == 1
    assert await _pages(client, app, tenant_id, active=True, limit=10) >= 1
