"""`/v1/org/training-programmes`: programmes with ordered waves (basics first), tool ids checked
with the inventory, enrolments and completions (no advanced wave before the basics), a person's
training; ETags, audit and outbox; tenants never see each other.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import socket
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import (
    TEST_SECRET,
    ClientFactory,
    assert_problem,
    new_principal,
    principal_headers,
    walk_pages,
)

pytestmark = pytest.mark.asyncio

PROGRAMMES = "/v1/org/training-programmes"
PEOPLE = "/v1/org/people"
AUDIT = "/v1/org/audit"
TOOLS = "/v1/inventory/tools"

Json = dict[str, Any]


@pytest_asyncio.fixture
async def inventory(
    anonymous_client_factory: ClientFactory, principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """The inventory, signed as the same tenant as `client`."""
    async with anonymous_client_factory("inventory") as client:
        client.headers.update(principal_headers(principal))
        yield client


@pytest_asyncio.fixture
async def inventory_down(service_apps: dict[str, FastAPI]) -> AsyncIterator[None]:
    """The org app's inventory client pointed at a port nobody serves, restored after."""
    app = service_apps["org"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    working = app.state.inventory_client
    app.state.inventory_client = InventoryClient(
        f"http://127.0.0.1:{port}", internal_secret=TEST_SECRET
    )
    try:
        yield
    finally:
        await app.state.inventory_client.aclose()
        app.state.inventory_client = working


async def _tool(inventory: httpx.AsyncClient, name: str) -> str:
    response = await inventory.post(TOOLS, json={"name": name})
    assert response.status_code == 201, response.text
    tool_id: str = response.json()["id"]
    return tool_id


async def _person(client: httpx.AsyncClient, name: str) -> Json:
    body = {"name": name, "email": f"{uuid.uuid4().hex[:10]}@acme.example"}
    response = await client.post(PEOPLE, json=body)
    assert response.status_code == 201, response.text
    person: Json = response.json()
    return person


def _wave(name: str, level: str, tool_ids: list[str] | None = None, **fields: Any) -> Json:
    return {"name": name, "level": level, "tool_ids": tool_ids or [], **fields}


async def _programme(client: httpx.AsyncClient, name: str, waves: list[Json]) -> Json:
    response = await client.post(PROGRAMMES, json={"name": name, "waves": waves})
    assert response.status_code == 201, response.text
    programme: Json = response.json()
    return programme


async def _enrol(client: httpx.AsyncClient, programme: Json, person: Json, wave: Json) -> Json:
    response = await client.post(
        f"{PROGRAMMES}/{programme['id']}/enrolments",
        json={"person_id": person["id"], "wave_id": wave["id"]},
    )
    assert response.status_code == 201, response.text
    enrolment: Json = response.json()
    return enrolment


def _completion_url(programme: Json, enrolment: Json) -> str:
    return f"{PROGRAMMES}/{programme['id']}/enrolments/{enrolment['id']}/completion"


async def _training_events(app: FastAPI, tenant_id: uuid.UUID) -> Counter[str]:
    return Counter(
        e["type"] for e in await outbox_events(app, tenant_id) if e["type"].startswith("training_")
    )


# --- programmes ----------------------------------------------------------------------------


async def test_create_returns_the_programme_with_its_waves_in_order(
    client: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    principal: Principal,
    service_apps: dict[str, FastAPI],
) -> None:
    marketo = await _tool(inventory, "Marketo Engage")
    ga4 = await _tool(inventory, "Google Analytics 4")
    response = await client.post(
        PROGRAMMES,
        json={
            "name": "  Martech enablement ",
            "description": "Basics first.",
            "waves": [
                _wave(
                    "Wave 1",
                    "basic",
                    [marketo, ga4],
                    skills=[{"skill": "marketing automation", "proficiency": 2}],
                ),
                _wave("Wave 2", "advanced", [marketo]),
            ],
        },
    )
    assert response.status_code == 201, response.text
    programme = response.json()
    assert response.headers["location"] == f"{PROGRAMMES}/{programme['id']}"
    assert response.headers["etag"] == '"1"'
    assert programme["name"] == "Martech enablement"
    assert programme["version"] == 1
    waves = programme["waves"]
    assert [(w["position"], w["name"], w["level"]) for w in waves] == [
        (0, "Wave 1", "basic"),
        (1, "Wave 2", "advanced"),
    ]
    assert waves[0]["tool_ids"] == [marketo, ga4]
    assert waves[0]["skills"] == [{"skill": "marketing automation", "proficiency": 2}]
    assert waves[1]["unresolved_tools"] == []

    read = await client.get(f"{PROGRAMMES}/{programme['id']}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json() == programme

    entries = await walk_pages(client, AUDIT, object_type="training_programme")
    assert [(e["action"], e["after"]) for e in entries] == [("create", programme)]
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [(e["type"], e["data"]) for e in events] == [("training_programme.created", programme)]


@pytest.mark.parametrize(
    ("levels", "pointers"),
    [
        (["advanced", "basic"], ["/waves/1/level"]),
        (["basic", "advanced", "basic", "basic"], ["/waves/2/level", "/waves/3/level"]),
        (["advanced", "advanced"], ["/waves"]),
    ],
)
async def test_wave_order_violations_are_422_with_pointer_and_store_nothing(
    client: httpx.AsyncClient, levels: list[str], pointers: list[str]
) -> None:
    waves = [_wave(f"Wave {i}", level) for i, level in enumerate(levels)]
    problem = assert_problem(await client.post(PROGRAMMES, json={"name": "P", "waves": waves}), 422)
    assert [e["pointer"] for e in problem["errors"]] == pointers
    assert all(e["location"] == "body" for e in problem["errors"])
    if pointers[0] != "/waves":
        detail = problem["errors"][0]["detail"]
        assert "basic wave cannot come after the advanced wave" in detail
        assert "'Wave 1'" in detail or "'Wave 0'" in detail
    else:
        assert "at least one basic wave" in problem["errors"][0]["detail"]
    assert await walk_pages(client, PROGRAMMES) == []


async def test_a_bad_level_or_proficiency_is_422(client: httpx.AsyncClient) -> None:
    waves = [
        _wave("A", "expert"),
        _wave("B", "basic", skills=[{"skill": "sql", "proficiency": 5}]),
    ]
    problem = assert_problem(await client.post(PROGRAMMES, json={"name": "P", "waves": waves}), 422)
    assert {e["pointer"] for e in problem["errors"]} == {
        "/waves/0/level",
        "/waves/1/skills/0/proficiency",
    }


async def test_duplicate_wave_names_tools_and_skills_are_422(
    client: httpx.AsyncClient, inventory: httpx.AsyncClient
) -> None:
    tool = await _tool(inventory, "Segment")
    waves = [
        _wave(
            "Basics",
            "basic",
            [tool, tool],
            skills=[{"skill": "SQL", "proficiency": 1}, {"skill": " sql ", "proficiency": 2}],
        ),
        _wave("BASICS", "basic"),
    ]
    # A tool listed twice breaks the document's `uniqueItems`: refused as the body is read.
    problem = assert_problem(await client.post(PROGRAMMES, json={"name": "P", "waves": waves}), 422)
    assert problem["errors"] == [
        {
            "location": "body",
            "pointer": "/waves/0/tool_ids",
            "detail": "each item may be listed once: item 1 is item 0 again",
        }
    ]
    # Names and skills compared without case are rules beyond the schema: the service's.
    waves[0]["tool_ids"] = [tool]
    problem = assert_problem(await client.post(PROGRAMMES, json={"name": "P", "waves": waves}), 422)
    assert [e["pointer"] for e in problem["errors"]] == ["/waves/0/skills/1/skill", "/waves/1/name"]


async def test_unknown_tool_ids_are_422_at_their_pointer(
    client: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    anonymous_client_factory: ClientFactory,
) -> None:
    known = await _tool(inventory, "Contentful")
    async with anonymous_client_factory("inventory") as elsewhere:
        elsewhere.headers.update(principal_headers(new_principal()))
        response = await elsewhere.post(TOOLS, json={"name": "Someone else's"})
        foreign = response.json()["id"]
    waves = [
        _wave("Basics", "basic", [known]),
        _wave("Advanced", "advanced", [known, str(uuid.uuid4()), foreign]),
    ]
    problem = assert_problem(await client.post(PROGRAMMES, json={"name": "P", "waves": waves}), 422)
    assert problem["errors"] == [
        {"location": "body", "pointer": p, "detail": "no inventory tool with this id"}
        for p in ("/waves/1/tool_ids/1", "/waves/1/tool_ids/2")
    ]
    assert await walk_pages(client, PROGRAMMES) == []


@pytest.mark.usefixtures("inventory_down")
async def test_an_unreachable_inventory_is_503_and_nothing_is_written(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    waves = [_wave("Basics", "basic", [str(uuid.uuid4())])]
    problem = assert_problem(await client.post(PROGRAMMES, json={"name": "P", "waves": waves}), 503)
    assert "inventory" in problem["detail"]
    assert await walk_pages(client, PROGRAMMES) == []
    assert await outbox_events(service_apps["org"], principal.tenant_id) == []
    # Without tool ids there is nothing to ask the inventory.
    assert (await client.post(PROGRAMMES, json={"name": "No tools"})).status_code == 201


async def test_duplicate_programme_name_without_case_is_409(client: httpx.AsyncClient) -> None:
    await _programme(client, "Martech enablement", [])
    problem = assert_problem(
        await client.post(PROGRAMMES, json={"name": "MARTECH  enablement"}), 409
    )
    assert "MARTECH  enablement" in problem["detail"]
    assert len(await walk_pages(client, PROGRAMMES)) == 1


async def test_list_pages_by_name_with_waves(client: httpx.AsyncClient) -> None:
    for name in ("Charlie", "alpha", "Bravo"):
        await _programme(client, name, [_wave(f"{name} basics", "basic")])
    listed = await walk_pages(client, PROGRAMMES, limit=2)
    assert [p["name"] for p in listed] == ["alpha", "Bravo", "Charlie"]
    assert [p["waves"][0]["name"] for p in listed] == [
        "alpha basics",
        "Bravo basics",
        "Charlie basics",
    ]
    backwards = await walk_pages(client, PROGRAMMES, limit=1, sort="-name")
    assert [p["name"] for p in backwards] == ["Charlie", "Bravo", "alpha"]
    assert_problem(await client.get(PROGRAMMES, params={"sort": "created_at"}), 422)


async def test_patch_replaces_waves_keeping_ids_by_id_or_name(
    client: httpx.AsyncClient, inventory: httpx.AsyncClient
) -> None:
    tool = await _tool(inventory, "Optimizely")
    programme = await _programme(
        client, "P", [_wave("One", "basic"), _wave("Two", "basic"), _wave("Three", "advanced")]
    )
    one, two, three = programme["waves"]
    response = await client.patch(
        f"{PROGRAMMES}/{programme['id']}",
        json={
            "waves": [
                {**_wave("Deux", "basic"), "id": two["id"]},
                _wave("one", "basic", [tool]),
                _wave("Four", "advanced"),
            ]
        },
        headers={"if-match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    waves = response.json()["waves"]
    assert [(w["position"], w["name"]) for w in waves] == [(0, "Deux"), (1, "one"), (2, "Four")]
    assert waves[0]["id"] == two["id"]
    assert waves[1]["id"] == one["id"]
    assert waves[1]["tool_ids"] == [tool]
    assert waves[2]["id"] not in {one["id"], two["id"], three["id"]}
    assert (await client.get(f"{PROGRAMMES}/{programme['id']}")).json() == response.json()


async def test_patch_that_changes_nothing_keeps_the_version(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    programme = await _programme(client, "P", [_wave("One", "basic")])
    same = await client.patch(
        f"{PROGRAMMES}/{programme['id']}",
        json={"name": "P", "waves": [_wave("One", "basic")]},
    )
    assert same.status_code == 200, same.text
    assert same.headers["etag"] == '"1"'
    assert same.json() == programme
    assert await _training_events(service_apps["org"], principal.tenant_id) == Counter(
        {"training_programme.created": 1}
    )


async def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    programme = await _programme(client, "P", [])
    url = f"{PROGRAMMES}/{programme['id']}"
    assert (await client.patch(url, json={"description": "v2"})).status_code == 200
    assert_problem(
        await client.patch(url, json={"name": "Stale"}, headers={"if-match": '"1"'}), 412
    )
    read = (await client.get(url)).json()
    assert (read["name"], read["description"], read["version"]) == ("P", "v2", 2)
    assert_problem(await client.delete(url, headers={"if-match": '"1"'}), 412)
    assert (await client.get(url)).status_code == 200


async def test_patch_applies_the_wave_rules(client: httpx.AsyncClient) -> None:
    programme = await _programme(client, "P", [_wave("One", "basic")])
    url = f"{PROGRAMMES}/{programme['id']}"
    bad_order = await client.patch(
        url, json={"waves": [_wave("Adv", "advanced"), _wave("One", "basic")]}
    )
    assert [e["pointer"] for e in assert_problem(bad_order, 422)["errors"]] == ["/waves/1/level"]
    bad_id = await client.patch(
        url, json={"waves": [{**_wave("X", "basic"), "id": str(uuid.uuid4())}]}
    )
    assert [e["pointer"] for e in assert_problem(bad_id, 422)["errors"]] == ["/waves/0/id"]
    assert [
        e["pointer"]
        for e in assert_problem(await client.patch(url, json={"name": None}), 422)["errors"]
    ] == ["/name"]
    assert (await client.get(url)).json() == programme


async def test_removing_a_wave_with_enrolments_is_409_naming_it(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    programme = await _programme(
        client, "P", [_wave("Basics", "basic"), _wave("Extra", "basic"), _wave("Adv", "advanced")]
    )
    basics, extra, adv = programme["waves"]
    ada = await _person(client, "Ada")
    await _enrol(client, programme, ada, basics)
    url = f"{PROGRAMMES}/{programme['id']}"
    refused = await client.patch(
        url, json={"waves": [_wave("Extra", "basic"), _wave("Adv", "advanced")]}
    )
    problem = assert_problem(refused, 409)
    assert "'Basics' (1 enrolment)" in problem["detail"]
    assert "Extra" not in problem["detail"]
    assert (await client.get(url)).json() == programme

    # Dropping the wave without enrolments is fine; the enrolled one is kept (by its name).
    kept = await client.patch(
        url, json={"waves": [_wave("Basics", "basic"), _wave("Adv", "advanced")]}
    )
    assert kept.status_code == 200, kept.text
    assert [w["id"] for w in kept.json()["waves"]] == [basics["id"], adv["id"]]
    assert extra["id"] not in {w["id"] for w in kept.json()["waves"]}
    assert await _training_events(service_apps["org"], principal.tenant_id) == Counter(
        {
            "training_programme.created": 1,
            "training_programme.updated": 1,
            "training_enrolment.created": 1,
        }
    )


async def test_delete_removes_the_programme_and_its_enrolments(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    programme = await _programme(client, "P", [_wave("Basics", "basic")])
    ada = await _person(client, "Ada")
    await _enrol(client, programme, ada, programme["waves"][0])
    url = f"{PROGRAMMES}/{programme['id']}"
    assert (await client.delete(url, headers={"if-match": '"1"'})).status_code == 204
    assert_problem(await client.get(url), 404)
    assert_problem(await client.delete(url), 404)
    training = (await client.get(f"{PEOPLE}/{ada['id']}/training")).json()
    assert training["items"] == []
    events = [
        e
        for e in await outbox_events(service_apps["org"], principal.tenant_id)
        if "programme" in e["type"]
    ]
    assert events[-1]["type"] == "training_programme.deleted"
    assert events[-1]["data"] == {"id": programme["id"], "name": "P"}


# --- enrolments and completions --------------------------------------------------------------


async def test_enrolment_is_created_listed_and_refused_twice(client: httpx.AsyncClient) -> None:
    programme = await _programme(client, "P", [_wave("Basics", "basic"), _wave("Adv", "advanced")])
    basics, adv = programme["waves"]
    ada, bob = await _person(client, "Ada"), await _person(client, "Bob")
    url = f"{PROGRAMMES}/{programme['id']}/enrolments"
    response = await client.post(url, json={"person_id": ada["id"], "wave_id": basics["id"]})
    assert response.status_code == 201, response.text
    enrolment = response.json()
    assert response.headers["location"] == f"{url}/{enrolment['id']}"
    assert enrolment["wave_name"] == "Basics"
    assert enrolment["wave_level"] == "basic"
    assert (enrolment["completed"], enrolment["completed_at"]) == (False, None)
    assert (await client.get(f"{url}/{enrolment['id']}")).json() == enrolment

    duplicate = await client.post(url, json={"person_id": ada["id"], "wave_id": basics["id"]})
    assert "Ada" in assert_problem(duplicate, 409)["detail"]
    await _enrol(client, programme, ada, adv)
    await _enrol(client, programme, bob, basics)

    assert len(await walk_pages(client, url, limit=2)) == 3
    by_wave = await walk_pages(client, url, wave_id=basics["id"])
    assert {e["person_id"] for e in by_wave} == {ada["id"], bob["id"]}
    by_person = await walk_pages(client, url, person_id=ada["id"])
    assert {e["wave_id"] for e in by_person} == {basics["id"], adv["id"]}
    assert await walk_pages(client, url, completed="true") == []
    assert len(await walk_pages(client, url, completed="false")) == 3


async def test_enrolment_references_must_be_the_tenants_and_the_programmes(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    programme = await _programme(client, "P", [_wave("Basics", "basic")])
    elsewhere = await _programme(client, "Q", [_wave("Q basics", "basic")])
    stranger = await _person(other, "Stranger")
    url = f"{PROGRAMMES}/{programme['id']}/enrolments"
    response = await client.post(
        url, json={"person_id": stranger["id"], "wave_id": elsewhere["waves"][0]["id"]}
    )
    assert assert_problem(response, 422)["errors"] == [
        {"location": "body", "pointer": "/person_id", "detail": "no person with this id"},
        {
            "location": "body",
            "pointer": "/wave_id",
            "detail": "no wave with this id in this programme",
        },
    ]
    assert await walk_pages(client, url) == []
    unknown = await client.post(
        f"{PROGRAMMES}/{uuid.uuid4()}/enrolments",
        json={"person_id": str(uuid.uuid4()), "wave_id": str(uuid.uuid4())},
    )
    assert_problem(unknown, 404)


async def test_an_advanced_wave_needs_every_basic_wave_completed_first(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    programme = await _programme(
        client,
        "P",
        [_wave("Basics 1", "basic"), _wave("Basics 2", "basic"), _wave("Adv", "advanced")],
    )
    basic_1, basic_2, adv = programme["waves"]
    ada = await _person(client, "Ada")
    first = await _enrol(client, programme, ada, basic_1)
    second = await _enrol(client, programme, ada, basic_2)
    advanced = await _enrol(client, programme, ada, adv)

    refused = assert_problem(await client.post(_completion_url(programme, advanced)), 409)
    assert "'Basics 1'" in refused["detail"]
    assert "'Basics 2'" in refused["detail"]
    assert "Ada" in refused["detail"]
    enrolment_url = f"{PROGRAMMES}/{programme['id']}/enrolments/{advanced['id']}"
    assert (await client.get(enrolment_url)).json()["completed"] is False

    done = await client.post(
        _completion_url(programme, first), json={"completed_at": "2026-01-10T09:00:00Z"}
    )
    assert done.status_code == 200, done.text
    assert done.json()["completed"] is True
    assert done.json()["completed_at"] == "2026-01-10T09:00:00Z"
    still = assert_problem(await client.post(_completion_url(programme, advanced)), 409)
    assert "'Basics 2'" in still["detail"]
    assert "'Basics 1'" not in still["detail"]
    assert (await client.get(enrolment_url)).json()["completed"] is False

    assert (await client.post(_completion_url(programme, second))).status_code == 200
    completed = await client.post(_completion_url(programme, advanced))
    assert completed.status_code == 200, completed.text
    assert completed.json()["completed"] is True

    assert await _training_events(service_apps["org"], principal.tenant_id) == Counter(
        {
            "training_programme.created": 1,
            "training_enrolment.created": 3,
            "training_enrolment.completed": 3,
        }
    )
    # Completing it again changes nothing: the first completion stands, no new event.
    again = await client.post(
        _completion_url(programme, advanced), json={"completed_at": "2026-01-01T00:00:00Z"}
    )
    assert again.json() == completed.json()
    entries = await walk_pages(client, AUDIT, object_type="training_enrolment")
    assert Counter(e["action"] for e in entries) == Counter({"create": 3, "update": 3})


async def test_an_advanced_completion_dated_before_the_basics_is_refused(
    client: httpx.AsyncClient,
) -> None:
    programme = await _programme(client, "P", [_wave("Basics", "basic"), _wave("Adv", "advanced")])
    basics, adv = programme["waves"]
    ada = await _person(client, "Ada")
    first = await _enrol(client, programme, ada, basics)
    advanced = await _enrol(client, programme, ada, adv)
    await client.post(
        _completion_url(programme, first), json={"completed_at": "2026-03-01T00:00:00Z"}
    )
    early = await client.post(
        _completion_url(programme, advanced), json={"completed_at": "2026-02-01T00:00:00+01:00"}
    )
    assert "completed only on 2026-03-01" in assert_problem(early, 409)["detail"]
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    problem = assert_problem(
        await client.post(_completion_url(programme, advanced), json={"completed_at": future}), 422
    )
    assert problem["errors"][0]["pointer"] == "/completed_at"
    naive = await client.post(
        _completion_url(programme, advanced), json={"completed_at": "2026-04-01T00:00:00"}
    )
    assert assert_problem(naive, 422)["errors"][0]["pointer"] == "/completed_at"
    later = await client.post(
        _completion_url(programme, advanced), json={"completed_at": "2026-03-02T00:00:00Z"}
    )
    assert later.status_code == 200, later.text


async def test_delete_enrolment_and_the_persons_training(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    zeta = await _programme(client, "Zeta", [_wave("Z basics", "basic")])
    alpha = await _programme(
        client, "Alpha", [_wave("A basics", "basic"), _wave("A adv", "advanced")]
    )
    ada = await _person(client, "Ada")
    z = await _enrol(client, zeta, ada, zeta["waves"][0])
    a_basic = await _enrol(client, alpha, ada, alpha["waves"][0])
    await _enrol(client, alpha, ada, alpha["waves"][1])
    await client.post(_completion_url(alpha, a_basic))

    training = await client.get(f"{PEOPLE}/{ada['id']}/training")
    assert training.status_code == 200, training.text
    items = training.json()["items"]
    assert [
        (i["programme_name"], i["wave_name"], i["wave_level"], i["completed"]) for i in items
    ] == [
        ("Alpha", "A basics", "basic", True),
        ("Alpha", "A adv", "advanced", False),
        ("Zeta", "Z basics", "basic", False),
    ]
    assert [i["wave_position"] for i in items] == [0, 1, 0]

    url = f"{PROGRAMMES}/{zeta['id']}/enrolments/{z['id']}"
    assert (await client.delete(url)).status_code == 204
    assert_problem(await client.get(url), 404)
    assert_problem(await client.delete(url), 404)
    remaining = (await client.get(f"{PEOPLE}/{ada['id']}/training")).json()["items"]
    assert [i["programme_name"] for i in remaining] == ["Alpha", "Alpha"]
    deleted = [
        e
        for e in await outbox_events(service_apps["org"], principal.tenant_id)
        if e["type"] == "training_enrolment.deleted"
    ]
    assert [e["data"] for e in deleted] == [
        {
            "id": z["id"],
            "programme_id": zeta["id"],
            "wave_id": zeta["waves"][0]["id"],
            "person_id": ada["id"],
        }
    ]
    assert_problem(await client.get(f"{PEOPLE}/{uuid.uuid4()}/training"), 404)


# --- tenants -------------------------------------------------------------------------------


async def test_programmes_and_enrolments_of_another_tenant_are_invisible(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    programme = await _programme(client, "Secret", [_wave("Basics", "basic")])
    ada = await _person(client, "Ada")
    enrolment = await _enrol(client, programme, ada, programme["waves"][0])
    url = f"{PROGRAMMES}/{programme['id']}"
    enrolments = f"{url}/enrolments"
    assert_problem(await other.get(url), 404)
    assert_problem(await other.patch(url, json={"name": "Hacked"}), 404)
    assert_problem(await other.delete(url), 404)
    assert (await other.get(PROGRAMMES)).json()["items"] == []
    assert_problem(await other.get(enrolments), 404)
    assert_problem(await other.get(f"{enrolments}/{enrolment['id']}"), 404)
    assert_problem(await other.post(f"{enrolments}/{enrolment['id']}/completion"), 404)
    assert_problem(await other.delete(f"{enrolments}/{enrolment['id']}"), 404)
    stranger = await _person(other, "Stranger")
    assert_problem(
        await other.post(
            enrolments, json={"person_id": stranger["id"], "wave_id": programme["waves"][0]["id"]}
        ),
        404,
    )
    assert_problem(await other.get(f"{PEOPLE}/{ada['id']}/training"), 404)
    assert (await client.get(f"{enrolments}/{enrolment['id']}")).json() == enrolment
    assert (await client.get(url)).json() == programme
