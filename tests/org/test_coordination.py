"""`/v1/org/coordination-mechanisms`: create, read, change, delete, filters; owner and
participating units of the tenant; ETags, audit and outbox; tenants; the summary the metrics use.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from mops_org.coordination.models import CoordinationParticipant
from mops_org.coordination.service import coordination_summary
from mops_shared.contracts.org_metrics import CoordinationKind, IntegrationLevel
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

MECHANISMS = "/v1/org/coordination-mechanisms"
UNITS = "/v1/org/units"
AUDIT = "/v1/org/audit"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]


async def _unit(client: httpx.AsyncClient, name: str) -> str:
    response = await client.post(UNITS, json={"name": name, "type": "team"})
    assert response.status_code == 201, response.text
    unit_id: str = response.json()["id"]
    return unit_id


async def _mechanism(
    client: httpx.AsyncClient,
    name: str,
    kind: str = "forum",
    level: str = "ad_hoc",
    **fields: Any,
) -> Json:
    response = await client.post(
        MECHANISMS, json={"name": name, "kind": kind, "level": level, **fields}
    )
    assert response.status_code == 201, response.text
    body: Json = response.json()
    return body


async def _participant_rows(app: FastAPI, tenant_id: uuid.UUID) -> int:
    async with app.state.sessionmaker() as session:
        count = await session.execute(
            select(func.count())
            .select_from(CoordinationParticipant)
            .where(CoordinationParticipant.tenant_id == tenant_id)  # type: ignore[arg-type]
        )
        return int(count.scalar_one())


# --- create and read ---------------------------------------------------------------------------


async def test_create_returns_the_mechanism_with_location_and_etag(
    client: httpx.AsyncClient,
) -> None:
    hub = await _unit(client, "Marketing Ops CoE")
    emea, apac = await _unit(client, "EMEA"), await _unit(client, "APAC")
    response = await client.post(
        MECHANISMS,
        json={
            "name": "  Martech council ",
            "kind": "forum",
            "cadence": "monthly",
            "level": "standardised",
            "description": "Stack decisions",
            "owner_unit_id": hub,
            "participating_unit_ids": [emea, apac],
        },
    )
    assert response.status_code == 201, response.text
    mechanism = response.json()
    assert response.headers["location"] == f"{MECHANISMS}/{mechanism['id']}"
    assert response.headers["etag"] == '"1"'
    assert mechanism["name"] == "Martech council"
    assert (mechanism["kind"], mechanism["cadence"], mechanism["level"]) == (
        "forum",
        "monthly",
        "standardised",
    )
    assert mechanism["owner_unit_id"] == hub
    # Participants come by unit name.
    assert mechanism["participating_unit_ids"] == [apac, emea]
    assert mechanism["version"] == 1

    read = await client.get(f"{MECHANISMS}/{mechanism['id']}")
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json() == mechanism


async def test_optional_fields_default_to_none_and_empty(client: httpx.AsyncClient) -> None:
    mechanism = await _mechanism(client, "Pilot", kind="pilot", level="ad_hoc")
    assert (mechanism["cadence"], mechanism["description"], mechanism["owner_unit_id"]) == (
        None,
        None,
        None,
    )
    assert mechanism["participating_unit_ids"] == []


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"name": "M", "kind": "party", "level": "ad_hoc"}, "/kind"),
        ({"name": "M", "kind": "forum", "level": "chaotic"}, "/level"),
        ({"name": "M", "kind": "forum", "level": "ad_hoc", "cadence": "daily"}, "/cadence"),
        ({"name": "M", "kind": "forum"}, "/level"),
        ({"name": "M", "level": "ad_hoc"}, "/kind"),
        ({"name": "", "kind": "forum", "level": "ad_hoc"}, "/name"),
        ({"name": "M", "kind": "forum", "level": "ad_hoc", "colour": "red"}, "/colour"),
        (
            {"name": "M", "kind": "forum", "level": "ad_hoc", "participating_unit_ids": ["x"]},
            "/participating_unit_ids/0",
        ),
    ],
)
async def test_bad_enums_and_fields_are_422_with_pointer(
    client: httpx.AsyncClient, body: Json, pointer: str
) -> None:
    problem = assert_problem(await client.post(MECHANISMS, json=body), 422)
    assert [(e["location"], e["pointer"]) for e in problem["errors"]] == [("body", pointer)]
    assert await walk_pages(client, MECHANISMS) == []


async def test_units_must_be_the_tenants_each_bad_id_at_its_pointer(
    client: httpx.AsyncClient, other: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    mine = await _unit(client, "Mine")
    theirs = await _unit(other, "Theirs")
    response = await client.post(
        MECHANISMS,
        json={
            "name": "M",
            "kind": "meeting",
            "level": "ad_hoc",
            "owner_unit_id": theirs,
            "participating_unit_ids": [mine, str(uuid.uuid4()), theirs],
        },
    )
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {"location": "body", "pointer": "/owner_unit_id", "detail": "no unit with this id"},
        {
            "location": "body",
            "pointer": "/participating_unit_ids/1",
            "detail": "no unit with this id",
        },
        {
            "location": "body",
            "pointer": "/participating_unit_ids/2",
            "detail": "no unit with this id",
        },
    ]
    # A unit listed twice breaks the document's `uniqueItems`: refused as the body is read.
    repeated = await client.post(
        MECHANISMS,
        json={
            "name": "M",
            "kind": "meeting",
            "level": "ad_hoc",
            "participating_unit_ids": [mine] * 2,
        },
    )
    assert assert_problem(repeated, 422)["errors"] == [
        {
            "location": "body",
            "pointer": "/participating_unit_ids",
            "detail": "each item may be listed once: item 1 is item 0 again",
        }
    ]
    assert await walk_pages(client, MECHANISMS) == []
    assert await _participant_rows(app, principal.tenant_id) == 0
    assert await walk_pages(client, AUDIT, object_type="coordination_mechanism") == []


async def test_a_create_with_an_idempotency_key_is_stored_once(
    client: httpx.AsyncClient,
) -> None:
    headers = {"idempotency-key": "coordination-1"}
    body = {"name": "Once", "kind": "pilot", "level": "ad_hoc"}
    first = await client.post(MECHANISMS, json=body, headers=headers)
    second = await client.post(MECHANISMS, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    assert [m["name"] for m in await walk_pages(client, MECHANISMS)] == ["Once"]


async def test_a_taken_name_is_409(client: httpx.AsyncClient) -> None:
    await _mechanism(client, "Council")
    duplicate = await client.post(
        MECHANISMS, json={"name": " COUNCIL ", "kind": "meeting", "level": "ad_hoc"}
    )
    assert_problem(duplicate, 409)
    other = await _mechanism(client, "Other")
    assert_problem(await client.patch(f"{MECHANISMS}/{other['id']}", json={"name": "council"}), 409)
    assert [m["name"] for m in await walk_pages(client, MECHANISMS)] == ["Council", "Other"]


# --- list --------------------------------------------------------------------------------------


async def test_list_pages_by_name_and_filters(client: httpx.AsyncClient) -> None:
    hub, emea, apac = [await _unit(client, name) for name in ("Hub", "EMEA", "APAC")]
    await _mechanism(client, "C forum", "forum", "standardised", owner_unit_id=hub)
    await _mechanism(
        client, "A process", "formal_process", "formalised", participating_unit_ids=[emea, hub]
    )
    await _mechanism(client, "B community", "community_of_practice", "ad_hoc")
    await _mechanism(client, "D forum", "forum", "ad_hoc", participating_unit_ids=[apac])

    async def names(**params: Any) -> list[str]:
        return [m["name"] for m in await walk_pages(client, MECHANISMS, **params)]

    assert await names(limit=1) == ["A process", "B community", "C forum", "D forum"]
    assert await names(sort="-name", limit=3) == ["D forum", "C forum", "B community", "A process"]
    assert await names(kind="forum") == ["C forum", "D forum"]
    assert await names(level="ad_hoc") == ["B community", "D forum"]
    assert await names(kind="forum", level="ad_hoc") == ["D forum"]
    # Owner or participant.
    assert await names(unit_id=hub) == ["A process", "C forum"]
    assert await names(unit_id=emea) == ["A process"]
    assert await names(unit_id=str(uuid.uuid4())) == []
    listed = (await client.get(MECHANISMS, params={"unit_id": apac})).json()["items"]
    assert listed[0]["participating_unit_ids"] == [apac]


@pytest.mark.parametrize(
    ("params", "pointer"),
    [
        ({"kind": "party"}, "/kind"),
        ({"level": "chaotic"}, "/level"),
        ({"unit_id": "x"}, "/unit_id"),
        ({"sort": "kind"}, "/sort"),
        ({"cursor": "bogus"}, "/cursor"),
    ],
)
async def test_bad_list_parameters_are_422(
    client: httpx.AsyncClient, params: Json, pointer: str
) -> None:
    error = assert_problem(await client.get(MECHANISMS, params=params), 422)["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", pointer)


# --- PATCH and DELETE --------------------------------------------------------------------------


async def test_patch_changes_the_fields_sent_and_replaces_participants(
    client: httpx.AsyncClient,
) -> None:
    hub, emea, apac = [await _unit(client, name) for name in ("Hub", "EMEA", "APAC")]
    mechanism = await _mechanism(
        client,
        "Council",
        cadence="monthly",
        owner_unit_id=hub,
        participating_unit_ids=[emea, apac],
    )
    response = await client.patch(
        f"{MECHANISMS}/{mechanism['id']}",
        json={
            "level": "formalised",
            "cadence": None,
            "owner_unit_id": None,
            "participating_unit_ids": [hub, emea],
        },
        headers={"if-match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    changed = response.json()
    assert (changed["level"], changed["cadence"], changed["owner_unit_id"]) == (
        "formalised",
        None,
        None,
    )
    assert changed["participating_unit_ids"] == [emea, hub]
    assert (changed["name"], changed["kind"], changed["version"]) == ("Council", "forum", 2)
    assert (await client.get(f"{MECHANISMS}/{mechanism['id']}")).json() == changed


async def test_patch_honours_if_match_and_refuses_bad_units(client: httpx.AsyncClient) -> None:
    mechanism = await _mechanism(client, "Council")
    assert_problem(
        await client.patch(
            f"{MECHANISMS}/{mechanism['id']}", json={"name": "X"}, headers={"if-match": '"7"'}
        ),
        412,
    )
    bad = await client.patch(
        f"{MECHANISMS}/{mechanism['id']}",
        json={"name": "Renamed", "participating_unit_ids": [str(uuid.uuid4())]},
    )
    assert assert_problem(bad, 422)["errors"][0]["pointer"] == "/participating_unit_ids/0"
    bad_owner = await client.patch(
        f"{MECHANISMS}/{mechanism['id']}", json={"owner_unit_id": str(uuid.uuid4())}
    )
    assert assert_problem(bad_owner, 422)["errors"][0]["pointer"] == "/owner_unit_id"
    assert (await client.get(f"{MECHANISMS}/{mechanism['id']}")).json() == mechanism


@pytest.mark.parametrize("field", ["name", "kind", "level", "participating_unit_ids"])
async def test_patch_setting_a_required_field_to_null_is_422(
    client: httpx.AsyncClient, field: str
) -> None:
    mechanism = await _mechanism(client, "Council")
    response = await client.patch(f"{MECHANISMS}/{mechanism['id']}", json={field: None})
    assert assert_problem(response, 422)["errors"][0]["pointer"] == f"/{field}"


async def test_a_patch_that_changes_nothing_keeps_the_version(client: httpx.AsyncClient) -> None:
    a, b = await _unit(client, "A"), await _unit(client, "B")
    mechanism = await _mechanism(client, "Council", participating_unit_ids=[a, b])
    same = await client.patch(
        f"{MECHANISMS}/{mechanism['id']}",
        json={"name": "Council", "level": "ad_hoc", "participating_unit_ids": [b, a]},
    )
    assert same.status_code == 200, same.text
    assert same.headers["etag"] == '"1"'
    assert same.json() == mechanism
    assert len(await walk_pages(client, AUDIT, object_type="coordination_mechanism")) == 1


async def test_delete_removes_the_mechanism_and_its_participants(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    unit = await _unit(client, "A")
    mechanism = await _mechanism(client, "Council", participating_unit_ids=[unit])
    assert await _participant_rows(app, principal.tenant_id) == 1
    assert_problem(
        await client.delete(f"{MECHANISMS}/{mechanism['id']}", headers={"if-match": '"2"'}), 412
    )
    response = await client.delete(f"{MECHANISMS}/{mechanism['id']}", headers={"if-match": '"1"'})
    assert response.status_code == 204
    assert_problem(await client.get(f"{MECHANISMS}/{mechanism['id']}"), 404)
    assert_problem(await client.delete(f"{MECHANISMS}/{mechanism['id']}"), 404)
    assert await _participant_rows(app, principal.tenant_id) == 0
    await _mechanism(client, "Council")  # the name is free again


async def test_deleting_a_unit_clears_the_owner_and_drops_the_participant(
    client: httpx.AsyncClient,
) -> None:
    gone, kept = await _unit(client, "Gone"), await _unit(client, "Kept")
    mechanism = await _mechanism(
        client, "Council", owner_unit_id=gone, participating_unit_ids=[gone, kept]
    )
    assert (await client.delete(f"{UNITS}/{gone}")).status_code == 204
    read = (await client.get(f"{MECHANISMS}/{mechanism['id']}")).json()
    assert (read["owner_unit_id"], read["participating_unit_ids"]) == (None, [kept])


# --- audit and outbox --------------------------------------------------------------------------


async def test_every_write_is_audited_and_announced(
    client: httpx.AsyncClient, principal: Principal, app: FastAPI
) -> None:
    unit = await _unit(client, "A")
    mechanism = await _mechanism(client, "Council", participating_unit_ids=[unit])
    changed = (
        await client.patch(f"{MECHANISMS}/{mechanism['id']}", json={"level": "formalised"})
    ).json()
    assert (await client.delete(f"{MECHANISMS}/{mechanism['id']}")).status_code == 204

    entries = list(reversed(await walk_pages(client, AUDIT, object_type="coordination_mechanism")))
    assert [e["action"] for e in entries] == ["create", "update", "delete"]
    assert all(e["object_id"] == mechanism["id"] for e in entries)
    assert (entries[0]["before"], entries[0]["after"]) == (None, mechanism)
    assert (entries[1]["before"], entries[1]["after"]) == (mechanism, changed)
    assert (entries[2]["before"], entries[2]["after"]) == (changed, None)

    events = [
        e
        for e in await outbox_events(app, principal.tenant_id)
        if e["type"].startswith("coordination")
    ]
    assert [e["type"] for e in events] == [
        "coordination_mechanism.created",
        "coordination_mechanism.updated",
        "coordination_mechanism.deleted",
    ]
    assert events[0]["data"] == mechanism
    assert events[1]["data"] == changed
    assert events[2]["data"] == {"id": mechanism["id"], "name": "Council"}


async def test_refused_writes_leave_no_audit_entry_and_no_event(
    client: httpx.AsyncClient, principal: Principal, app: FastAPI
) -> None:
    mechanism = await _mechanism(client, "Council")
    refused = [
        await client.post(MECHANISMS, json={"name": "council", "kind": "forum", "level": "ad_hoc"}),
        await client.post(
            MECHANISMS,
            json={
                "name": "N",
                "kind": "forum",
                "level": "ad_hoc",
                "owner_unit_id": str(uuid.uuid4()),
            },
        ),
        await client.patch(
            f"{MECHANISMS}/{mechanism['id']}", json={"name": "Y"}, headers={"if-match": '"9"'}
        ),
        await client.patch(f"{MECHANISMS}/{mechanism['id']}", json={"kind": "party"}),
    ]
    assert [r.status_code for r in refused] == [409, 422, 412, 422]
    events = await outbox_events(app, principal.tenant_id)
    assert [e["type"] for e in events] == ["coordination_mechanism.created"]
    assert len(await walk_pages(client, AUDIT)) == 1


# --- tenants -----------------------------------------------------------------------------------


async def test_mechanisms_of_another_tenant_are_invisible(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    unit = await _unit(client, "A")
    mechanism = await _mechanism(client, "Secret", owner_unit_id=unit)
    url = f"{MECHANISMS}/{mechanism['id']}"
    assert_problem(await other.get(url), 404)
    assert_problem(await other.patch(url, json={"name": "Hacked"}), 404)
    assert_problem(await other.delete(url), 404)
    assert (await other.get(MECHANISMS)).json()["items"] == []
    assert (await other.get(MECHANISMS, params={"unit_id": unit})).json()["items"] == []
    await _mechanism(other, "Secret")  # names are unique per tenant
    assert (await client.get(url)).json() == mechanism


# --- summary -----------------------------------------------------------------------------------


async def test_coordination_summary_counts_by_level_and_kind(
    client: httpx.AsyncClient, app: FastAPI, principal: Principal
) -> None:
    async with app.state.read_engine.connect() as conn:
        empty = await coordination_summary(conn, principal.tenant_id)
    assert empty.mechanisms == 0
    assert empty.by_level == dict.fromkeys(IntegrationLevel, 0)
    assert empty.by_kind == dict.fromkeys(CoordinationKind, 0)
    assert empty.maturity is None

    await _mechanism(client, "Martech council", "forum", "standardised")
    await _mechanism(client, "MA community", "community_of_practice", "ad_hoc")
    await _mechanism(client, "Campaign intake", "formal_process", "formalised")
    await _mechanism(client, "Weekly sync", "meeting", "ad_hoc")
    await _mechanism(client, "Brand standards", "standards", "formalised")
    # Another tenant's mechanisms count for nothing here.
    async with app.state.read_engine.connect() as conn:
        summary = await coordination_summary(conn, principal.tenant_id)
        assert (await coordination_summary(conn, uuid.uuid4())).mechanisms == 0
    assert summary.mechanisms == 5
    assert summary.by_level == {
        IntegrationLevel.ad_hoc: 2,
        IntegrationLevel.standardised: 1,
        IntegrationLevel.formalised: 2,
    }
    assert summary.by_kind == {
        CoordinationKind.meeting: 1,
        CoordinationKind.forum: 1,
        CoordinationKind.community_of_practice: 1,
        CoordinationKind.standards: 1,
        CoordinationKind.incentives: 0,
        CoordinationKind.formal_process: 1,
        CoordinationKind.advisory_board: 0,
        CoordinationKind.pilot: 0,
    }
    # (0 + 0 + 1 + 2 + 2) / 5 = 1.0 on a 0..2 scale, halved.
    assert summary.maturity == pytest.approx(0.5)
    assert summary.model_dump(mode="json")["by_level"] == {
        "ad_hoc": 2,
        "standardised": 1,
        "formalised": 2,
    }
