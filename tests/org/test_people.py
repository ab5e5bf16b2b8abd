"""`/v1/org/people`: create, read, change, delete, list, batch lookups; audit and outbox.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.contracts.clients import OrgClient
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import TEST_SECRET, assert_problem, new_principal, principal_headers, walk_pages

pytestmark = pytest.mark.asyncio

PEOPLE = "/v1/org/people"
UNITS = "/v1/org/units"
AUDIT = "/v1/org/audit"

Json = dict[str, Any]


@pytest_asyncio.fixture
async def client(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient], principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """Signed as `principal`, sending its request id as X-Request-ID as the gateway does."""
    async with anonymous_client_factory("org") as client:
        client.headers.update(principal_headers(principal))
        assert principal.request_id is not None
        client.headers["x-request-id"] = principal.request_id
        yield client


async def _person(client: httpx.AsyncClient, name: str, email: str, **fields: Any) -> Json:
    response = await client.post(PEOPLE, json={"name": name, "email": email, **fields})
    assert response.status_code == 201, response.text
    body: Json = response.json()
    return body


async def _unit(client: httpx.AsyncClient, name: str) -> str:
    response = await client.post(UNITS, json={"name": name, "type": "team"})
    assert response.status_code == 201, response.text
    unit_id: str = response.json()["id"]
    return unit_id


async def _audit(client: httpx.AsyncClient, **params: str) -> list[Json]:
    return await walk_pages(client, AUDIT, **params)


# --- create and read -----------------------------------------------------------------------


async def test_create_returns_the_person_with_location_and_etag(
    client: httpx.AsyncClient,
) -> None:
    unit = await _unit(client, "Marketing Ops")
    response = await client.post(
        PEOPLE, json={"name": "  Ada Lovelace ", "email": "Ada@ACME.Example", "unit_id": unit}
    )
    assert response.status_code == 201, response.text
    person = response.json()
    assert response.headers["location"] == f"{PEOPLE}/{person['id']}"
    assert response.headers["etag"] == '"1"'
    assert person["name"] == "Ada Lovelace"
    # email-validator's normal form: the domain lower-cased, the local part as given.
    assert person["email"] == "Ada@acme.example"
    assert person["unit_id"] == unit
    assert person["manager_id"] is None
    assert person["active"] is True
    assert person["version"] == 1

    read = await client.get(f"{PEOPLE}/{person['id']}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json() == person


async def test_get_of_an_unknown_person_is_404(client: httpx.AsyncClient) -> None:
    problem = assert_problem(await client.get(f"{PEOPLE}/{uuid.uuid4()}"), 404)
    assert problem["type"] == "/problems/not-found"


async def test_duplicate_email_without_case_is_409(client: httpx.AsyncClient) -> None:
    await _person(client, "Ada", "ada@acme.example")
    duplicate = await client.post(PEOPLE, json={"name": "Other Ada", "email": "ADA@Acme.EXAMPLE"})
    problem = assert_problem(duplicate, 409)
    assert "ada@acme.example" in problem["detail"].lower()
    listed = await walk_pages(client, PEOPLE)
    assert [p["name"] for p in listed] == ["Ada"]


async def test_concurrent_creates_of_one_email_store_one_person(
    client: httpx.AsyncClient,
) -> None:
    responses = await asyncio.gather(
        *(
            client.post(PEOPLE, json={"name": f"Racer {i}", "email": "race@acme.example"})
            for i in range(5)
        )
    )
    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409]
    assert len(await walk_pages(client, PEOPLE)) == 1


@pytest.mark.parametrize("email", ["not-an-email", "ada@", "@acme.example", "a b@acme.example"])
async def test_an_invalid_email_is_422_at_email(client: httpx.AsyncClient, email: str) -> None:
    problem = assert_problem(await client.post(PEOPLE, json={"name": "Ada", "email": email}), 422)
    assert [(e["location"], e["pointer"]) for e in problem["errors"]] == [("body", "/email")]
    assert await walk_pages(client, PEOPLE) == []


async def test_invalid_body_names_every_bad_field(client: httpx.AsyncClient) -> None:
    response = await client.post(
        PEOPLE, json={"name": "", "email": "nope", "active": "perhaps", "colour": "red"}
    )
    problem = assert_problem(response, 422)
    assert {e["pointer"] for e in problem["errors"]} == {"/name", "/email", "/active", "/colour"}


async def test_an_unknown_unit_is_422_at_unit_id(client: httpx.AsyncClient) -> None:
    response = await client.post(
        PEOPLE, json={"name": "Ada", "email": "ada@acme.example", "unit_id": str(uuid.uuid4())}
    )
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {"location": "body", "pointer": "/unit_id", "detail": "no unit with this id"}
    ]
    assert await walk_pages(client, PEOPLE) == []


async def test_an_unknown_manager_is_422_at_manager_id(client: httpx.AsyncClient) -> None:
    response = await client.post(
        PEOPLE,
        json={"name": "Ada", "email": "ada@acme.example", "manager_id": str(uuid.uuid4())},
    )
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {"location": "body", "pointer": "/manager_id", "detail": "no person with this id"}
    ]


# --- list ----------------------------------------------------------------------------------


async def test_list_pages_through_everyone_in_name_order(client: httpx.AsyncClient) -> None:
    names = [f"Person {i:02d}" for i in range(7)]
    for i, name in enumerate(reversed(names)):
        await _person(client, name, f"p{i}@acme.example")
    pages = 0
    seen: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        response = await client.get(PEOPLE, params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 3
        seen += [p["name"] for p in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == names
    assert pages == 3
    by_email = await walk_pages(client, PEOPLE, limit=2, sort="-email")
    assert [p["email"] for p in by_email] == [f"p{i}@acme.example" for i in reversed(range(7))]


async def test_list_filters_by_unit_active_and_manager(client: httpx.AsyncClient) -> None:
    ops = await _unit(client, "Ops")
    boss = await _person(client, "Boss", "boss@acme.example", unit_id=ops)
    await _person(client, "Ana", "ana@acme.example", unit_id=ops, manager_id=boss["id"])
    await _person(client, "Bob", "bob@acme.example", active=False, manager_id=boss["id"])
    await _person(client, "Cy", "cy@acme.example")

    async def names(**params: Any) -> list[str]:
        return [p["name"] for p in await walk_pages(client, PEOPLE, **params)]

    assert await names(unit_id=ops) == ["Ana", "Boss"]
    assert await names(active="false") == ["Bob"]
    assert await names(active="true") == ["Ana", "Boss", "Cy"]
    assert await names(manager_id=boss["id"]) == ["Ana", "Bob"]
    assert await names(unit_id=ops, active="true", manager_id=boss["id"]) == ["Ana"]


async def test_batch_lookup_by_ids_and_by_emails(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada", "Ada@acme.example")
    await _person(client, "Bob", "bob@acme.example")
    cy = await _person(client, "Cy", "cy@acme.example")
    by_id = await client.get(PEOPLE, params={"id": [cy["id"], ada["id"], str(uuid.uuid4())]})
    assert by_id.status_code == 200
    assert [p["name"] for p in by_id.json()["items"]] == ["Ada", "Cy"]
    assert by_id.json()["next_cursor"] is None

    by_email = await client.get(
        PEOPLE, params={"email": ["ADA@ACME.EXAMPLE", " cy@Acme.example", "nobody@acme.example"]}
    )
    assert by_email.status_code == 200
    assert [p["name"] for p in by_email.json()["items"]] == ["Ada", "Cy"]
    not_an_email = await client.get(PEOPLE, params={"email": ["not an email"]})
    assert not_an_email.status_code == 200
    assert not_an_email.json()["items"] == []


@pytest.mark.parametrize("param", ["id", "email"])
async def test_batch_lookup_of_more_than_200_is_422(client: httpx.AsyncClient, param: str) -> None:
    values = (
        [str(uuid.uuid4()) for _ in range(201)]
        if param == "id"
        else [f"p{i}@acme.example" for i in range(201)]
    )
    problem = assert_problem(await client.get(PEOPLE, params={param: values}), 422)
    assert (problem["errors"][0]["location"], problem["errors"][0]["pointer"]) == (
        "query",
        f"/{param}",
    )
    assert (await client.get(PEOPLE, params={param: values[:200]})).status_code == 200


@pytest.mark.parametrize(
    ("params", "pointer"),
    [
        ({"limit": 0}, "/limit"),
        ({"limit": 201}, "/limit"),
        ({"cursor": "bogus"}, "/cursor"),
        ({"sort": "age"}, "/sort"),
        ({"active": "perhaps"}, "/active"),
        ({"unit_id": "x"}, "/unit_id"),
    ],
)
async def test_bad_list_parameters_are_422_with_pointer(
    client: httpx.AsyncClient, params: dict[str, Any], pointer: str
) -> None:
    error = assert_problem(await client.get(PEOPLE, params=params), 422)["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", pointer)


# --- PATCH ---------------------------------------------------------------------------------


async def test_patch_changes_the_fields_sent_and_bumps_the_etag(
    client: httpx.AsyncClient,
) -> None:
    ops = await _unit(client, "Ops")
    boss = await _person(client, "Boss", "boss@acme.example")
    ada = await _person(client, "Ada", "ada@acme.example", unit_id=ops, manager_id=boss["id"])
    response = await client.patch(
        f"{PEOPLE}/{ada['id']}",
        json={"name": "Ada King", "email": "ada.king@acme.example", "unit_id": None},
        headers={"if-match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    changed = response.json()
    assert changed["name"] == "Ada King"
    assert changed["email"] == "ada.king@acme.example"
    assert changed["unit_id"] is None
    assert changed["manager_id"] == boss["id"]  # not sent: unchanged
    assert changed["version"] == 2
    assert (await client.get(f"{PEOPLE}/{ada['id']}")).json() == changed
    # The old address is free again, the new one taken.
    await _person(client, "New Ada", "ADA@acme.example")
    assert_problem(
        await client.post(PEOPLE, json={"name": "X", "email": "Ada.King@acme.example"}), 409
    )


@pytest.mark.parametrize(
    "body",
    [{}, {"name": "Ada", "active": True}, {"unit_id": "UNIT", "manager_id": None}],
)
async def test_patch_that_changes_nothing_keeps_the_version_and_writes_nothing(
    client: httpx.AsyncClient, body: Json
) -> None:
    ops = await _unit(client, "Ops")
    ada = await _person(client, "Ada", "ada@acme.example", unit_id=ops)
    audited = len(await _audit(client))
    sent = {k: (ops if v == "UNIT" else v) for k, v in body.items()}
    response = await client.patch(f"{PEOPLE}/{ada['id']}", json=sent)
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"1"'
    assert response.json() == ada
    assert len(await _audit(client)) == audited


async def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    assert (await client.patch(f"{PEOPLE}/{ada['id']}", json={"active": False})).status_code == 200
    stale = await client.patch(
        f"{PEOPLE}/{ada['id']}", json={"name": "Stale"}, headers={"if-match": '"1"'}
    )
    assert_problem(stale, 412)
    read = (await client.get(f"{PEOPLE}/{ada['id']}")).json()
    assert (read["name"], read["active"], read["version"]) == ("Ada", False, 2)


async def test_patch_to_another_persons_email_is_409(client: httpx.AsyncClient) -> None:
    await _person(client, "Ada", "ada@acme.example")
    bob = await _person(client, "Bob", "bob@acme.example")
    assert_problem(
        await client.patch(f"{PEOPLE}/{bob['id']}", json={"email": "ADA@acme.example"}), 409
    )
    # Its own email in another case is fine.
    same = await client.patch(f"{PEOPLE}/{bob['id']}", json={"email": "BOB@acme.example"})
    assert same.status_code == 200, same.text


@pytest.mark.parametrize("field", ["name", "email", "active"])
async def test_patch_setting_a_required_field_to_null_is_422(
    client: httpx.AsyncClient, field: str
) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    problem = assert_problem(await client.patch(f"{PEOPLE}/{ada['id']}", json={field: None}), 422)
    assert problem["errors"][0]["pointer"] == f"/{field}"


async def test_patch_with_an_unknown_field_or_bad_values_is_422(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    response = await client.patch(
        f"{PEOPLE}/{ada['id']}",
        json={"email": "nope", "unit_id": str(uuid.uuid4()), "tenant_id": str(uuid.uuid4())},
    )
    problem = assert_problem(response, 422)
    # Below /email: Pydantic names the arms of `Email | SkipJsonSchema[None]` it tried.
    assert {e["pointer"].split("/")[1] for e in problem["errors"]} == {"email", "tenant_id"}
    unknown_unit = await client.patch(f"{PEOPLE}/{ada['id']}", json={"unit_id": str(uuid.uuid4())})
    assert assert_problem(unknown_unit, 422)["errors"][0]["pointer"] == "/unit_id"
    assert (await client.get(f"{PEOPLE}/{ada['id']}")).json() == ada


async def test_a_person_cannot_manage_themselves(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    response = await client.patch(f"{PEOPLE}/{ada['id']}", json={"manager_id": ada["id"]})
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {
            "location": "body",
            "pointer": "/manager_id",
            "detail": "a person cannot be their own manager",
        }
    ]


async def test_a_cycle_in_the_manager_chain_is_422(client: httpx.AsyncClient) -> None:
    top = await _person(client, "Top", "top@acme.example")
    middle = await _person(client, "Middle", "middle@acme.example", manager_id=top["id"])
    bottom = await _person(client, "Bottom", "bottom@acme.example", manager_id=middle["id"])
    # Top reporting to Bottom would close the loop Top -> Bottom -> Middle -> Top.
    response = await client.patch(f"{PEOPLE}/{top['id']}", json={"manager_id": bottom["id"]})
    problem = assert_problem(response, 422)
    assert problem["errors"][0]["pointer"] == "/manager_id"
    assert "cycle" in problem["errors"][0]["detail"]
    assert (await client.get(f"{PEOPLE}/{top['id']}")).json()["manager_id"] is None
    # A two-person loop as well.
    direct = await client.patch(f"{PEOPLE}/{middle['id']}", json={"manager_id": bottom["id"]})
    assert "cycle" in assert_problem(direct, 422)["errors"][0]["detail"]
    # Re-parenting without a loop is fine.
    fine = await client.patch(f"{PEOPLE}/{bottom['id']}", json={"manager_id": top["id"]})
    assert fine.status_code == 200, fine.text


async def test_patch_of_an_unknown_person_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.patch(f"{PEOPLE}/{uuid.uuid4()}", json={"name": "X"}), 404)


# --- DELETE --------------------------------------------------------------------------------


async def test_delete_removes_the_person(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    response = await client.delete(f"{PEOPLE}/{ada['id']}")
    assert response.status_code == 204
    assert response.content == b""
    assert_problem(await client.get(f"{PEOPLE}/{ada['id']}"), 404)
    assert_problem(await client.delete(f"{PEOPLE}/{ada['id']}"), 404)
    # The email is free again.
    await _person(client, "Ada again", "ada@acme.example")


async def test_delete_honours_if_match(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    await client.patch(f"{PEOPLE}/{ada['id']}", json={"name": "Ada K"})
    assert_problem(await client.delete(f"{PEOPLE}/{ada['id']}", headers={"if-match": '"1"'}), 412)
    assert (await client.get(f"{PEOPLE}/{ada['id']}")).status_code == 200
    current = await client.delete(f"{PEOPLE}/{ada['id']}", headers={"if-match": '"2"'})
    assert current.status_code == 204


async def test_deleting_a_manager_of_active_people_is_409_naming_them(
    client: httpx.AsyncClient,
) -> None:
    boss = await _person(client, "Boss", "boss@acme.example")
    await _person(client, "Ana Active", "ana@acme.example", manager_id=boss["id"])
    gone = await _person(
        client, "Ivan Inactive", "ivan@acme.example", manager_id=boss["id"], active=False
    )
    problem = assert_problem(await client.delete(f"{PEOPLE}/{boss['id']}"), 409)
    assert "Ana Active" in problem["detail"]
    assert "Ivan Inactive" not in problem["detail"]
    assert (await client.get(f"{PEOPLE}/{boss['id']}")).status_code == 200

    # Once nobody active reports to them, they can go; inactive reports lose their manager.
    ana = (await client.get(PEOPLE, params={"email": "ana@acme.example"})).json()["items"][0]
    assert (await client.patch(f"{PEOPLE}/{ana['id']}", json={"active": False})).status_code == 200
    assert (await client.delete(f"{PEOPLE}/{boss['id']}")).status_code == 204
    ivan = (await client.get(f"{PEOPLE}/{gone['id']}")).json()
    assert (ivan["manager_id"], ivan["version"]) == (None, 2)


# --- audit and outbox ----------------------------------------------------------------------


async def test_every_write_is_audited_and_announced(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    ada = await _person(client, "Ada", "ada@acme.example")
    changed = (await client.patch(f"{PEOPLE}/{ada['id']}", json={"name": "Ada K"})).json()
    assert (await client.delete(f"{PEOPLE}/{ada['id']}")).status_code == 204

    entries = list(reversed(await _audit(client, object_type="person")))  # newest first
    assert [e["action"] for e in entries] == ["create", "update", "delete"]
    assert all(e["object_id"] == ada["id"] for e in entries)
    assert all(e["actor_key_id"] == str(principal.key_id) for e in entries)
    assert all(e["request_id"] == principal.request_id for e in entries)
    assert (entries[0]["before"], entries[0]["after"]) == (None, ada)
    assert (entries[1]["before"], entries[1]["after"]) == (ada, changed)
    assert (entries[2]["before"], entries[2]["after"]) == (changed, None)

    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [e["type"] for e in events] == ["person.created", "person.updated", "person.deleted"]
    assert events[0]["data"] == ada
    assert events[1]["data"] == changed
    assert events[2]["data"] == {"id": ada["id"], "name": "Ada K", "email": "ada@acme.example"}
    assert all(e["published_at"] is None for e in events)


async def test_refused_writes_leave_no_audit_entry_and_no_event(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    boss = await _person(client, "Boss", "boss@acme.example")
    await _person(client, "Ana", "ana@acme.example", manager_id=boss["id"])
    refused = [
        await client.post(PEOPLE, json={"name": "Dup", "email": "BOSS@acme.example"}),
        await client.post(
            PEOPLE, json={"name": "X", "email": "x@acme.example", "unit_id": str(uuid.uuid4())}
        ),
        await client.patch(f"{PEOPLE}/{boss['id']}", json={"manager_id": boss["id"]}),
        await client.patch(f"{PEOPLE}/{boss['id']}", json={"name": "Y"}, headers={"if-match": "1"}),
        await client.delete(f"{PEOPLE}/{boss['id']}"),
    ]
    assert [r.status_code for r in refused] == [409, 422, 422, 412, 409]
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert Counter(e["type"] for e in events) == Counter({"person.created": 2})
    assert len(await _audit(client)) == 2


# --- tenants -------------------------------------------------------------------------------


async def test_people_of_another_tenant_are_invisible(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    tenant_a, tenant_b = principal_headers(new_principal()), principal_headers(new_principal())
    async with anonymous_client_factory("org") as client:
        created = await client.post(
            PEOPLE, json={"name": "Secret", "email": "secret@acme.example"}, headers=tenant_a
        )
        assert created.status_code == 201
        person = created.json()
        unit_a = (
            await client.post(UNITS, json={"name": "A team", "type": "team"}, headers=tenant_a)
        ).json()["id"]

        url = f"{PEOPLE}/{person['id']}"
        assert (await client.get(url, headers=tenant_b)).status_code == 404
        assert (
            await client.patch(url, json={"name": "Hacked"}, headers=tenant_b)
        ).status_code == 404
        assert (await client.delete(url, headers=tenant_b)).status_code == 404
        listed = await client.get(PEOPLE, headers=tenant_b)
        assert listed.json()["items"] == []
        by_id = await client.get(PEOPLE, params={"id": person["id"]}, headers=tenant_b)
        assert by_id.json()["items"] == []
        by_email = await client.get(
            PEOPLE, params={"email": "secret@acme.example"}, headers=tenant_b
        )
        assert by_email.json()["items"] == []
        # B can neither report to A's person nor sit in A's unit.
        refused = await client.post(
            PEOPLE,
            json={
                "name": "B",
                "email": "b@acme.example",
                "manager_id": person["id"],
                "unit_id": unit_a,
            },
            headers=tenant_b,
        )
        assert refused.status_code == 422
        assert {e["pointer"] for e in refused.json()["errors"]} == {"/manager_id", "/unit_id"}
        # B may use the same email: uniqueness is per tenant.
        same = await client.post(
            PEOPLE, json={"name": "Other", "email": "secret@acme.example"}, headers=tenant_b
        )
        assert same.status_code == 201
        # A still has its person untouched.
        assert (await client.get(url, headers=tenant_a)).json() == person


async def test_scopes_are_enforced(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    reader = principal_headers(new_principal(scopes=frozenset({"org:read"})))
    async with anonymous_client_factory("org") as client:
        assert (await client.get(PEOPLE, headers=reader)).status_code == 200
        denied = await client.post(
            PEOPLE, json={"name": "X", "email": "x@acme.example"}, headers=reader
        )
        assert denied.status_code == 403
        assert (await client.get(PEOPLE)).status_code == 401


# --- the typed client ----------------------------------------------------------------------


async def test_org_client_batches_people_by_id_and_by_email(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    created = [await _person(client, f"P{i:03d}", f"P{i:03d}@Acme.example") for i in range(205)]
    foreign = await _person_of_another_tenant(service_apps["org"])
    calls: list[httpx.URL] = []

    async def counting(request: httpx.Request) -> None:
        calls.append(request.url)

    transport = httpx.ASGITransport(app=service_apps["org"])
    org = OrgClient("http://org.test", internal_secret=TEST_SECRET, transport=transport)
    org._http.event_hooks["request"].append(counting)
    try:
        wanted = [uuid.UUID(p["id"]) for p in created] + [uuid.UUID(foreign), uuid.uuid4()]
        people = await org.get_people(principal, wanted)
        assert len(calls) == 2  # 207 ids: 200 + 7
        assert set(people) == {uuid.UUID(p["id"]) for p in created}
        assert people[uuid.UUID(created[0]["id"])].email == "P000@acme.example"

        calls.clear()
        emails = [f"p{i:03d}@ACME.EXAMPLE" for i in range(205)] + ["foreign@acme.example"]
        by_email = await org.find_people_by_email(principal, emails)
        assert len(calls) == 2
        assert set(by_email) == {f"p{i:03d}@acme.example" for i in range(205)}
        assert by_email["p007@acme.example"].name == "P007"

        calls.clear()
        assert await org.get_people(principal, []) == {}
        assert await org.find_people_by_email(principal, []) == {}
        assert calls == []
    finally:
        await org.aclose()


async def _person_of_another_tenant(app: FastAPI) -> str:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://org.test",
        headers=principal_headers(new_principal()),
    ) as other:
        response = await other.post(
            PEOPLE, json={"name": "Foreign", "email": "foreign@acme.example"}
        )
        assert response.status_code == 201, response.text
        person_id: str = response.json()["id"]
        return person_id
