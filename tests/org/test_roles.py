"""`/v1/org/roles`: the built-in catalogue every tenant shares, the tenant's own roles (create,
read, change, delete), and people's `role_ids`; ETags, audit and outbox; tenants never see each
other's roles.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event

from mops_org.roles.repository import roles_by_key
from mops_shared.contracts.common import spelling_key
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import assert_problem, new_principal, principal_headers, walk_pages

pytestmark = pytest.mark.asyncio

ROLES = "/v1/org/roles"
PEOPLE = "/v1/org/people"
AUDIT = "/v1/org/audit"

BUILTIN = {
    "Content Manager",
    "Content Marketer",
    "Digital Strategist",
    "Experience Optimisation Specialist",
    "Head of Marketing Operations",
    "Marketing Analyst",
    "Marketing Operations Specialist",
    "Privacy Counsel",
    "Strategist",
}
MARKETING_ANALYST = "aad21883-cc7b-55c3-80af-1ffe445c6b7e"
CONTENT_MANAGER = "e75531fc-ba2c-5d60-b4a4-6132d06b4d08"
PRIVACY_COUNSEL = "3354918f-b258-5d78-bcec-9d9393e226a3"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]


async def _role(client: httpx.AsyncClient, name: str, **fields: Any) -> Json:
    response = await client.post(ROLES, json={"name": name, **fields})
    assert response.status_code == 201, response.text
    role: Json = response.json()
    return role


async def _person(client: httpx.AsyncClient, name: str, **fields: Any) -> Json:
    body = {"name": name, "email": f"{uuid.uuid4().hex[:10]}@acme.example", **fields}
    response = await client.post(PEOPLE, json=body)
    assert response.status_code == 201, response.text
    person: Json = response.json()
    return person


async def _tenant_roles(client: httpx.AsyncClient) -> list[str]:
    return [r["name"] for r in await walk_pages(client, ROLES, builtin="false")]


# --- the built-in catalogue ----------------------------------------------------------------


async def test_the_builtin_roles_are_listed_to_every_tenant(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    for tenant in (client, other):
        builtins = await walk_pages(tenant, ROLES, builtin="true")
        assert {r["name"] for r in builtins} == BUILTIN
        assert all(r["builtin"] and r["required_skills"] for r in builtins)
        assert await _tenant_roles(tenant) == []
    analyst = (await client.get(f"{ROLES}/{MARKETING_ANALYST}")).json()
    assert analyst["name"] == "Marketing Analyst"
    assert analyst["required_skills"] == [
        {"skill": "attribution", "min_proficiency": 2},
        {"skill": "sql", "min_proficiency": 3},
        {"skill": "web analytics", "min_proficiency": 3},
    ]
    legal = await walk_pages(client, ROLES, legal="true")
    assert [(r["name"], r["id"]) for r in legal] == [("Privacy Counsel", PRIVACY_COUNSEL)]


async def test_the_list_mixes_builtin_and_tenant_roles_in_name_order(
    client: httpx.AsyncClient,
) -> None:
    await _role(client, "Brand Manager")
    await _role(client, "zeta Lead")
    names: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: Json = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(ROLES, params=params)).json()
        names += [r["name"] for r in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert names == sorted(BUILTIN | {"Brand Manager", "zeta Lead"}, key=str.casefold)
    assert pages == 3
    backwards = await walk_pages(client, ROLES, sort="-name", limit=5)
    assert [r["name"] for r in backwards] == list(reversed(names))


async def test_batch_lookup_by_id_returns_only_the_roles_the_tenant_sees(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    mine = await _role(client, "Brand Manager")
    theirs = await _role(other, "Brand Manager")
    response = await client.get(
        ROLES, params={"id": [theirs["id"], CONTENT_MANAGER, mine["id"], str(uuid.uuid4())]}
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["items"]] == [mine["id"], CONTENT_MANAGER]


async def test_roles_by_key_gives_the_builtin_and_the_tenants_roles(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    mine = await _role(client, "Marketing Data Manager")
    await _role(await _other_tenant_client(service_apps), "Other Tenant Role")
    async with service_apps["org"].state.sessionmaker() as session:
        roles = await roles_by_key(session, principal.tenant_id)
    assert set(roles) == {spelling_key(name) for name in BUILTIN} | {"marketing data manager"}
    assert str(roles["marketing data manager"].id) == mine["id"]
    assert roles[spelling_key("Experience Optimization Specialist")].builtin


async def _other_tenant_client(service_apps: dict[str, FastAPI]) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=service_apps["org"]),
        base_url="http://org.test",
        headers=principal_headers(new_principal()),
    )


# --- create --------------------------------------------------------------------------------


async def test_create_returns_the_role_with_location_etag_audit_and_event(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    response = await client.post(
        ROLES,
        json={
            "name": "  Marketing Data Manager ",
            "description": "Owns the customer data.",
            "required_skills": [
                {"skill": "SQL", "min_proficiency": 2},
                {"skill": "customer data", "min_proficiency": 3},
            ],
        },
    )
    assert response.status_code == 201, response.text
    role = response.json()
    assert response.headers["location"] == f"{ROLES}/{role['id']}"
    assert response.headers["etag"] == '"1"'
    assert (role["name"], role["builtin"], role["legal"], role["version"]) == (
        "Marketing Data Manager",
        False,
        False,
        1,
    )
    assert role["required_skills"] == [
        {"skill": "customer data", "min_proficiency": 3},
        {"skill": "SQL", "min_proficiency": 2},
    ]
    read = await client.get(f"{ROLES}/{role['id']}")
    assert (read.json(), read.headers["etag"]) == (role, '"1"')

    entries = await walk_pages(client, AUDIT, object_type="role")
    assert [(e["action"], e["object_id"], e["after"]) for e in entries] == [
        ("create", role["id"], role)
    ]
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [(e["type"], e["data"]) for e in events] == [("role.created", role)]


@pytest.mark.parametrize(
    ("name", "clash"),
    [
        ("Experience Optimization Specialist", "Experience Optimisation Specialist"),
        ("  content   MANAGER ", "Content Manager"),
    ],
)
async def test_a_name_clashing_with_a_builtin_role_is_409(
    client: httpx.AsyncClient, name: str, clash: str
) -> None:
    problem = assert_problem(await client.post(ROLES, json={"name": name}), 409)
    assert "built-in" in problem["detail"]
    assert clash in problem["detail"]
    assert await _tenant_roles(client) == []
    assert (await walk_pages(client, AUDIT)) == []


async def test_a_name_clashing_with_a_tenant_role_is_409_but_other_tenants_may_use_it(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    await _role(client, "Personalization Lead")
    problem = assert_problem(await client.post(ROLES, json={"name": "personalisation lead"}), 409)
    assert "Personalization Lead" in problem["detail"]
    assert await _tenant_roles(client) == ["Personalization Lead"]
    await _role(other, "Personalisation Lead")


async def test_bad_required_skills_are_422_naming_each_and_nothing_is_written(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        ROLES,
        json={
            "name": "Data Lead",
            "required_skills": [
                {"skill": "SQL", "min_proficiency": 2},
                {"skill": "sql ", "min_proficiency": 3},
            ],
        },
    )
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {
            "location": "body",
            "pointer": "/required_skills/1/skill",
            "detail": "listed twice (also at /required_skills/0)",
        }
    ]
    out_of_range = await client.post(
        ROLES,
        json={
            "name": "Data Lead",
            "required_skills": [
                {"skill": "sql", "min_proficiency": 5},
                {"skill": "crm", "min_proficiency": -1},
            ],
            "tenant_id": str(uuid.uuid4()),
        },
    )
    pointers = {e["pointer"] for e in assert_problem(out_of_range, 422)["errors"]}
    assert pointers == {
        "/required_skills/0/min_proficiency",
        "/required_skills/1/min_proficiency",
        "/tenant_id",
    }
    assert await _tenant_roles(client) == []


# --- built-in roles are read-only ----------------------------------------------------------


async def test_builtin_roles_cannot_be_changed_or_deleted(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    before = (await client.get(f"{ROLES}/{CONTENT_MANAGER}")).json()
    patched = await client.patch(f"{ROLES}/{CONTENT_MANAGER}", json={"legal": True})
    assert "create a role of your own" in assert_problem(patched, 409)["detail"].lower()
    deleted = await client.delete(f"{ROLES}/{CONTENT_MANAGER}", headers={"if-match": '"1"'})
    assert "built-in" in assert_problem(deleted, 409)["detail"]
    assert (await client.get(f"{ROLES}/{CONTENT_MANAGER}")).json() == before
    assert await outbox_events(service_apps["org"], principal.tenant_id) == []


# --- PATCH ---------------------------------------------------------------------------------


async def test_patch_replaces_required_skills_wholesale_and_bumps_the_etag(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    role = await _role(
        client,
        "Data Lead",
        required_skills=[
            {"skill": "sql", "min_proficiency": 2},
            {"skill": "crm", "min_proficiency": 1},
        ],
    )
    response = await client.patch(
        f"{ROLES}/{role['id']}",
        json={
            "name": "Data Leader",
            "legal": True,
            "required_skills": [{"skill": "customer data", "min_proficiency": 4}],
        },
        headers={"if-match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    changed = response.json()
    assert (changed["name"], changed["legal"], changed["description"]) == (
        "Data Leader",
        True,
        None,
    )
    assert changed["required_skills"] == [{"skill": "customer data", "min_proficiency": 4}]
    assert (await client.get(f"{ROLES}/{role['id']}")).json() == changed

    # Only the description sent: the skills stay.
    described = await client.patch(f"{ROLES}/{role['id']}", json={"description": "Data."})
    assert described.json()["required_skills"] == changed["required_skills"]
    assert described.json()["version"] == 3

    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [e["type"] for e in events] == ["role.created", "role.updated", "role.updated"]
    entries = list(reversed(await walk_pages(client, AUDIT, object_type="role")))
    assert (entries[1]["before"], entries[1]["after"]) == (role, changed)


async def test_a_patch_that_changes_nothing_keeps_the_version_and_records_nothing(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    role = await _role(
        client, "Data Lead", required_skills=[{"skill": "sql", "min_proficiency": 2}]
    )
    same = await client.patch(
        f"{ROLES}/{role['id']}",
        json={"name": "Data Lead", "required_skills": [{"skill": "sql", "min_proficiency": 2}]},
    )
    assert same.status_code == 200, same.text
    assert (same.json(), same.headers["etag"]) == (role, '"1"')
    assert len(await outbox_events(service_apps["org"], principal.tenant_id)) == 1


async def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    role = await _role(client, "Data Lead")
    assert (await client.patch(f"{ROLES}/{role['id']}", json={"legal": True})).status_code == 200
    stale = await client.patch(
        f"{ROLES}/{role['id']}", json={"name": "Stale"}, headers={"if-match": '"1"'}
    )
    assert_problem(stale, 412)
    read = (await client.get(f"{ROLES}/{role['id']}")).json()
    assert (read["name"], read["version"]) == ("Data Lead", 2)


async def test_patch_to_a_builtin_name_or_nulls_is_refused(client: httpx.AsyncClient) -> None:
    role = await _role(client, "Data Lead")
    assert_problem(await client.patch(f"{ROLES}/{role['id']}", json={"name": "Strategist"}), 409)
    for field in ("name", "legal", "required_skills"):
        problem = assert_problem(
            await client.patch(f"{ROLES}/{role['id']}", json={field: None}), 422
        )
        assert problem["errors"][0]["pointer"] == f"/{field}"
    assert (await client.get(f"{ROLES}/{role['id']}")).json() == role


# --- DELETE --------------------------------------------------------------------------------


async def test_delete_is_refused_while_people_hold_the_role_naming_ten(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    role = await _role(client, "Data Lead")
    holders = [
        await _person(client, f"Holder {i:02d}", role_ids=[role["id"]], active=i != 0)
        for i in range(12)
    ]
    problem = assert_problem(await client.delete(f"{ROLES}/{role['id']}"), 409)
    assert "held by 12 people" in problem["detail"]
    assert all(f"Holder {i:02d}" in problem["detail"] for i in range(10))
    assert "Holder 10" not in problem["detail"]
    assert "and 2 more" in problem["detail"]
    assert (await client.get(f"{ROLES}/{role['id']}")).status_code == 200

    for person in holders:
        patched = await client.patch(f"{PEOPLE}/{person['id']}", json={"role_ids": []})
        assert patched.status_code == 200, patched.text
    assert_problem(await client.delete(f"{ROLES}/{role['id']}", headers={"if-match": '"2"'}), 412)
    assert (
        await client.delete(f"{ROLES}/{role['id']}", headers={"if-match": '"1"'})
    ).status_code == 204
    assert_problem(await client.get(f"{ROLES}/{role['id']}"), 404)
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert events[-1]["type"] == "role.deleted"
    assert events[-1]["data"] == {"id": role["id"], "name": "Data Lead"}
    entry = (await walk_pages(client, AUDIT, object_type="role"))[0]
    assert (entry["action"], entry["before"], entry["after"]) == ("delete", role, None)
    # The name is free again.
    await _role(client, "Data Lead")


# --- tenants -------------------------------------------------------------------------------


async def test_a_tenants_role_is_invisible_to_another_tenant(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    role = await _role(client, "Secret Role")
    url = f"{ROLES}/{role['id']}"
    assert_problem(await other.get(url), 404)
    assert_problem(await other.patch(url, json={"name": "Hacked"}), 404)
    assert_problem(await other.delete(url), 404)
    assert_problem(await other.get(f"{url}/skill-gaps"), 404)
    assert await _tenant_roles(other) == []
    # Nor can the other tenant give it to its people, or filter by it.
    refused = await other.post(
        PEOPLE, json={"name": "B", "email": "b@acme.example", "role_ids": [role["id"]]}
    )
    assert assert_problem(refused, 422)["errors"] == [
        {"location": "body", "pointer": "/role_ids/0", "detail": "no role with this id"}
    ]
    await _person(client, "Holder", role_ids=[role["id"]])
    assert (await other.get(PEOPLE, params={"role_id": role["id"]})).json()["items"] == []
    assert (await client.get(url)).json() == role


# --- people's roles ------------------------------------------------------------------------


async def test_unknown_and_repeated_role_ids_are_422_at_their_position(
    client: httpx.AsyncClient,
) -> None:
    unknown = str(uuid.uuid4())
    response = await client.post(
        PEOPLE,
        json={
            "name": "Ada",
            "email": "ada@acme.example",
            "role_ids": [CONTENT_MANAGER, unknown],
        },
    )
    assert assert_problem(response, 422)["errors"] == [
        {"location": "body", "pointer": "/role_ids/1", "detail": "no role with this id"},
    ]
    # A role listed twice breaks the document's `uniqueItems`: refused as the body is read.
    repeated = await client.post(
        PEOPLE,
        json={"name": "Ada", "email": "ada@acme.example", "role_ids": [CONTENT_MANAGER] * 2},
    )
    assert assert_problem(repeated, 422)["errors"] == [
        {
            "location": "body",
            "pointer": "/role_ids",
            "detail": "each item may be listed once: item 1 is item 0 again",
        },
    ]
    assert await walk_pages(client, PEOPLE) == []
    ada = await _person(client, "Ada", role_ids=[CONTENT_MANAGER])
    patched = await client.patch(f"{PEOPLE}/{ada['id']}", json={"role_ids": [unknown]})
    assert assert_problem(patched, 422)["errors"][0]["pointer"] == "/role_ids/0"
    null = await client.patch(f"{PEOPLE}/{ada['id']}", json={"role_ids": None})
    assert assert_problem(null, 422)["errors"][0]["pointer"] == "/role_ids"
    assert (await client.get(f"{PEOPLE}/{ada['id']}")).json() == ada


async def test_role_ids_keep_their_order_and_are_replaced_when_sent(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    lead = await _role(client, "Data Lead")
    order = [lead["id"], PRIVACY_COUNSEL, MARKETING_ANALYST]
    ada = await _person(client, "Ada", role_ids=order)
    assert ada["role_ids"] == order
    assert (await client.get(f"{PEOPLE}/{ada['id']}")).json()["role_ids"] == order
    bob = await _person(client, "Bob")
    assert bob["role_ids"] == []

    reordered = [MARKETING_ANALYST, lead["id"]]
    response = await client.patch(
        f"{PEOPLE}/{ada['id']}", json={"role_ids": reordered}, headers={"if-match": '"1"'}
    )
    assert response.status_code == 200, response.text
    assert (response.json()["role_ids"], response.json()["version"]) == (reordered, 2)
    renamed = await client.patch(f"{PEOPLE}/{ada['id']}", json={"name": "Ada K"})
    assert renamed.json()["role_ids"] == reordered  # not sent: kept

    listed = {p["name"]: p["role_ids"] for p in await walk_pages(client, PEOPLE)}
    assert listed == {"Ada K": reordered, "Bob": []}
    holders = await walk_pages(client, PEOPLE, role_id=lead["id"])
    assert [p["name"] for p in holders] == ["Ada K"]
    assert await walk_pages(client, PEOPLE, role_id=PRIVACY_COUNSEL) == []

    events = await outbox_events(service_apps["org"], principal.tenant_id)
    updated = [e["data"] for e in events if e["type"] == "person.updated"]
    assert updated[0]["role_ids"] == reordered
    # Newest first: the rename, the new roles, the create.
    entry = (await walk_pages(client, AUDIT, object_id=ada["id"]))[1]
    assert (entry["before"]["role_ids"], entry["after"]["role_ids"]) == (order, reordered)


async def test_a_page_of_people_loads_their_roles_in_one_query(
    client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    for i in range(30):
        await _person(client, f"P{i:02d}", role_ids=[CONTENT_MANAGER, MARKETING_ANALYST][: i % 3])
    with _statements_on(service_apps["org"], "person_roles") as statements:
        page = (await client.get(PEOPLE, params={"limit": 30})).json()
    assert len(page["items"]) == 30
    assert len(statements) == 1
    assert Counter(len(p["role_ids"]) for p in page["items"]) == Counter({0: 10, 1: 10, 2: 10})


async def test_deleting_a_person_releases_their_roles(client: httpx.AsyncClient) -> None:
    role = await _role(client, "Data Lead")
    ada = await _person(client, "Ada", role_ids=[role["id"]])
    assert (await client.delete(f"{PEOPLE}/{ada['id']}")).status_code == 204
    assert (await client.delete(f"{ROLES}/{role['id']}")).status_code == 204


@contextmanager
def _statements_on(app: FastAPI, table: str) -> Iterator[list[str]]:
    """The SQL statements naming `table` run while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if table in statement:
            seen.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)
