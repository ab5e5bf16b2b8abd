"""`/v1/org/units`: the tree — role and lead, change and move (no cycles), subtree and ancestors,
delete with or without reassignment; ETags, audit and outbox; tenants never see each other.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

UNITS = "/v1/org/units"
PEOPLE = "/v1/org/people"
AUDIT = "/v1/org/audit"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]


async def _unit(
    client: httpx.AsyncClient, name: str, parent: Json | None = None, **fields: Any
) -> Json:
    body = {"name": name, "type": "team", "parent_id": parent["id"] if parent else None, **fields}
    response = await client.post(UNITS, json=body)
    assert response.status_code == 201, response.text
    unit: Json = response.json()
    return unit


async def _person(client: httpx.AsyncClient, name: str, unit: Json | None = None) -> Json:
    body = {"name": name, "email": f"{uuid.uuid4().hex[:10]}@acme.example"}
    if unit is not None:
        body["unit_id"] = unit["id"]
    response = await client.post(PEOPLE, json=body)
    assert response.status_code == 201, response.text
    person: Json = response.json()
    return person


async def _get(client: httpx.AsyncClient, unit: Json) -> Json:
    response = await client.get(f"{UNITS}/{unit['id']}")
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def _tree(client: httpx.AsyncClient) -> dict[str, Json]:
    """root ─┬─ a ─┬─ a1 ── a1x
    │     └─ a2
    └─ b"""
    root = await _unit(client, "Root", type="organisation")
    a = await _unit(client, "A", root)
    b = await _unit(client, "B", root)
    a1 = await _unit(client, "A1", a)
    a2 = await _unit(client, "A2", a)
    a1x = await _unit(client, "A1x", a1)
    return {"root": root, "a": a, "b": b, "a1": a1, "a2": a2, "a1x": a1x}


async def _audit(client: httpx.AsyncClient, **params: str) -> list[Json]:
    return await walk_pages(client, AUDIT, limit=200, **params)


# --- fields ------------------------------------------------------------------------------------


async def test_role_lead_and_version_are_stored_and_read(client: httpx.AsyncClient) -> None:
    lead = await _person(client, "Lea Lead")
    response = await client.post(
        UNITS, json={"name": "Hub", "type": "team", "role": "hub", "lead_person_id": lead["id"]}
    )
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"1"'
    created = response.json()
    assert (created["role"], created["lead_person_id"], created["version"]) == (
        "hub",
        lead["id"],
        1,
    )
    read = await client.get(f"{UNITS}/{created['id']}")
    assert read.headers["etag"] == '"1"'
    assert read.json() == created


async def test_an_unknown_role_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post(UNITS, json={"name": "X", "type": "team", "role": "satellite"})
    assert_problem(response, 422, "/role")


async def test_a_lead_of_another_tenant_is_422(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    foreign = await _person(other, "Foreign Lead")
    response = await client.post(
        UNITS, json={"name": "X", "type": "team", "lead_person_id": foreign["id"]}
    )
    assert_problem(response, 422, "/lead_person_id")
    unit = await _unit(client, "Y")
    response = await client.patch(f"{UNITS}/{unit['id']}", json={"lead_person_id": foreign["id"]})
    assert_problem(response, 422, "/lead_person_id")
    assert (await _get(client, unit))["lead_person_id"] is None


# --- change and move ---------------------------------------------------------------------------


async def test_patch_changes_fields_and_bumps_the_etag(client: httpx.AsyncClient) -> None:
    unit = await _unit(client, "Ops")
    lead = await _person(client, "Ada")
    response = await client.patch(
        f"{UNITS}/{unit['id']}",
        json={
            "name": "Marketing Ops",
            "type": "marketing_ops_centre",
            "role": "spoke",
            "lead_person_id": lead["id"],
        },
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    body = response.json()
    assert (body["name"], body["type"], body["role"], body["lead_person_id"], body["version"]) == (
        "Marketing Ops",
        "marketing_ops_centre",
        "spoke",
        lead["id"],
        2,
    )
    assert await _get(client, unit) == body
    cleared = await client.patch(
        f"{UNITS}/{unit['id']}", json={"role": None, "lead_person_id": None}
    )
    assert (cleared.json()["role"], cleared.json()["lead_person_id"]) == (None, None)


async def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    unit = await _unit(client, "Ops")
    assert (await client.patch(f"{UNITS}/{unit['id']}", json={"role": "hub"})).status_code == 200
    response = await client.patch(
        f"{UNITS}/{unit['id']}", json={"name": "Other"}, headers={"If-Match": '"1"'}
    )
    assert_problem(response, 412)
    read = await _get(client, unit)
    assert (read["name"], read["version"]) == ("Ops", 2)


async def test_rename_to_a_taken_name_is_409_but_a_case_change_is_fine(
    client: httpx.AsyncClient,
) -> None:
    await _unit(client, "Demand Gen")
    unit = await _unit(client, "Content")
    assert_problem(await client.patch(f"{UNITS}/{unit['id']}", json={"name": "demand GEN"}), 409)
    assert (await _get(client, unit))["name"] == "Content"
    response = await client.patch(f"{UNITS}/{unit['id']}", json={"name": "CONTENT"})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "CONTENT"


async def test_name_and_type_cannot_be_null(client: httpx.AsyncClient) -> None:
    unit = await _unit(client, "Ops")
    assert_problem(await client.patch(f"{UNITS}/{unit['id']}", json={"name": None}), 422, "/name")
    assert_problem(await client.patch(f"{UNITS}/{unit['id']}", json={"type": None}), 422, "/type")
    assert_problem(await client.patch(f"{UNITS}/{unit['id']}", json={"colour": "red"}), 422)


async def test_move_changes_the_parent_and_announces_it(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    tree = await _tree(client)
    response = await client.patch(
        f"{UNITS}/{tree['a1']['id']}", json={"parent_id": tree["b"]["id"]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["parent_id"] == tree["b"]["id"]
    # The moved unit takes what is below it along.
    subtree = (await client.get(f"{UNITS}/{tree['b']['id']}/subtree")).json()["items"]
    assert [(u["name"], u["depth"]) for u in subtree] == [("B", 0), ("A1", 1), ("A1x", 2)]
    events = [
        e
        for e in await outbox_events(service_apps["org"], principal.tenant_id)
        if e["type"] in ("unit.updated", "unit.moved")
    ]
    assert [e["type"] for e in events] == ["unit.updated", "unit.moved"]
    assert events[1]["data"] == {
        "id": tree["a1"]["id"],
        "from_parent_id": tree["a"]["id"],
        "to_parent_id": tree["b"]["id"],
    }
    # A move to the root (null parent) is a move too.
    root_move = await client.patch(f"{UNITS}/{tree['a1']['id']}", json={"parent_id": None})
    assert root_move.json()["parent_id"] is None
    moves = [
        e
        for e in await outbox_events(service_apps["org"], principal.tenant_id)
        if e["type"] == "unit.moved"
    ]
    assert moves[-1]["data"]["to_parent_id"] is None


async def test_a_change_without_a_new_parent_is_not_a_move(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    tree = await _tree(client)
    response = await client.patch(
        f"{UNITS}/{tree['a1']['id']}", json={"role": "hub", "parent_id": tree["a"]["id"]}
    )
    assert response.status_code == 200, response.text
    types = [e["type"] for e in await outbox_events(service_apps["org"], principal.tenant_id)]
    assert "unit.updated" in types
    assert "unit.moved" not in types


@pytest.mark.parametrize("below", ["a1", "a1x"])
async def test_moving_a_unit_under_its_own_descendant_is_422(
    client: httpx.AsyncClient, below: str
) -> None:
    tree = await _tree(client)
    response = await client.patch(
        f"{UNITS}/{tree['a']['id']}", json={"parent_id": tree[below]["id"]}
    )
    body = assert_problem(response, 422, "/parent_id")
    assert "cycle" in body["errors"][0]["detail"]
    read = await _get(client, tree["a"])
    assert (read["parent_id"], read["version"]) == (tree["root"]["id"], 1)


async def test_a_unit_cannot_be_its_own_parent(client: httpx.AsyncClient) -> None:
    unit = await _unit(client, "Loop")
    response = await client.patch(f"{UNITS}/{unit['id']}", json={"parent_id": unit["id"]})
    body = assert_problem(response, 422, "/parent_id")
    assert "own parent" in body["errors"][0]["detail"]
    assert (await _get(client, unit))["parent_id"] is None


async def test_moving_under_an_unknown_unit_is_422(client: httpx.AsyncClient) -> None:
    unit = await _unit(client, "Lost")
    response = await client.patch(f"{UNITS}/{unit['id']}", json={"parent_id": str(uuid.uuid4())})
    assert_problem(response, 422, "/parent_id")


async def test_patch_of_an_unknown_unit_is_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.patch(f"{UNITS}/{uuid.uuid4()}", json={"role": "hub"}), 404)


# --- subtree and ancestors ---------------------------------------------------------------------


async def test_subtree_lists_the_unit_and_its_descendants_by_depth_then_name(
    client: httpx.AsyncClient,
) -> None:
    tree = await _tree(client)
    response = await client.get(f"{UNITS}/{tree['root']['id']}/subtree")
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["next_cursor"] is None
    assert [(u["name"], u["depth"]) for u in page["items"]] == [
        ("Root", 0),
        ("A", 1),
        ("B", 1),
        ("A1", 2),
        ("A2", 2),
        ("A1x", 3),
    ]
    assert page["items"][3]["parent_id"] == tree["a"]["id"]
    below_a = (await client.get(f"{UNITS}/{tree['a']['id']}/subtree")).json()["items"]
    assert [(u["name"], u["depth"]) for u in below_a] == [
        ("A", 0),
        ("A1", 1),
        ("A2", 1),
        ("A1x", 2),
    ]
    leaf = (await client.get(f"{UNITS}/{tree['b']['id']}/subtree")).json()["items"]
    assert [(u["name"], u["depth"]) for u in leaf] == [("B", 0)]


async def test_subtree_pages_with_a_cursor(client: httpx.AsyncClient) -> None:
    root = await _unit(client, "Root")
    names = [f"Team {i:02}" for i in range(7)]
    for name in reversed(names):
        child = await _unit(client, name, root)
    await _unit(client, "Deep", child)  # below "Team 00"
    first = await client.get(f"{UNITS}/{root['id']}/subtree", params={"limit": 3})
    assert first.status_code == 200
    assert len(first.json()["items"]) == 3
    assert first.json()["next_cursor"] is not None
    items = await walk_pages(client, f"{UNITS}/{root['id']}/subtree", limit=3)
    assert [u["name"] for u in items] == ["Root", *names, "Deep"]
    assert [u["depth"] for u in items] == [0, *[1] * 7, 2]


async def test_subtree_with_a_bad_cursor_is_422(client: httpx.AsyncClient) -> None:
    root = await _unit(client, "Root")
    response = await client.get(f"{UNITS}/{root['id']}/subtree", params={"cursor": "nope"})
    assert_problem(response, 422, "/cursor")


async def test_ancestors_go_from_the_parent_up_to_the_root(client: httpx.AsyncClient) -> None:
    tree = await _tree(client)
    response = await client.get(f"{UNITS}/{tree['a1x']['id']}/ancestors")
    assert response.status_code == 200, response.text
    assert [(u["name"], u["levels_up"]) for u in response.json()["items"]] == [
        ("A1", 1),
        ("A", 2),
        ("Root", 3),
    ]
    root = await client.get(f"{UNITS}/{tree['root']['id']}/ancestors")
    assert root.json() == {"items": []}


async def test_tree_reads_of_an_unknown_unit_are_404(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get(f"{UNITS}/{uuid.uuid4()}/subtree"), 404)
    assert_problem(await client.get(f"{UNITS}/{uuid.uuid4()}/ancestors"), 404)


# --- delete ------------------------------------------------------------------------------------


async def test_delete_of_a_leaf_removes_it_and_is_recorded(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    unit = await _unit(client, "Gone")
    assert_problem(await client.delete(f"{UNITS}/{unit['id']}", headers={"If-Match": '"7"'}), 412)
    response = await client.delete(f"{UNITS}/{unit['id']}", headers={"If-Match": '"1"'})
    assert response.status_code == 204
    assert_problem(await client.get(f"{UNITS}/{unit['id']}"), 404)
    entries = await _audit(client, object_type="unit", object_id=unit["id"])
    assert [e["action"] for e in entries] == ["delete", "create"]
    assert entries[0]["before"]["name"] == "Gone"
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert events[-1]["type"] == "unit.deleted"
    assert events[-1]["data"]["id"] == unit["id"]


async def test_delete_of_a_unit_with_children_or_people_is_409_with_counts(
    client: httpx.AsyncClient,
) -> None:
    tree = await _tree(client)
    body = assert_problem(await client.delete(f"{UNITS}/{tree['a']['id']}"), 409)
    assert "2 child units" in body["detail"]
    await _person(client, "Pat", tree["b"])
    body = assert_problem(await client.delete(f"{UNITS}/{tree['b']['id']}"), 409)
    assert "1 person" in body["detail"]
    assert "child" not in body["detail"]
    await _person(client, "Sam", tree["a"])
    body = assert_problem(await client.delete(f"{UNITS}/{tree['a']['id']}"), 409)
    assert "2 child units and 1 person" in body["detail"]
    assert (await _get(client, tree["a"]))["id"] == tree["a"]["id"]


async def test_delete_with_reassign_to_moves_children_and_people(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    tree = await _tree(client)
    pat = await _person(client, "Pat", tree["a"])
    sam = await _person(client, "Sam", tree["a"])
    response = await client.delete(
        f"{UNITS}/{tree['a']['id']}", params={"reassign_to": tree["b"]["id"]}
    )
    assert response.status_code == 204, response.text
    assert_problem(await client.get(f"{UNITS}/{tree['a']['id']}"), 404)
    for child in ("a1", "a2"):
        read = await _get(client, tree[child])
        assert (read["parent_id"], read["version"]) == (tree["b"]["id"], 2)
    for person in (pat, sam):
        read = (await client.get(f"{PEOPLE}/{person['id']}")).json()
        assert (read["unit_id"], read["version"]) == (tree["b"]["id"], 2)
    subtree = (await client.get(f"{UNITS}/{tree['root']['id']}/subtree")).json()["items"]
    assert [(u["name"], u["depth"]) for u in subtree] == [
        ("Root", 0),
        ("B", 1),
        ("A1", 2),
        ("A2", 2),
        ("A1x", 3),
    ]
    unit_audit = await _audit(client, object_type="unit")
    updates = {e["object_id"]: e for e in unit_audit if e["action"] == "update"}
    assert updates[tree["a1"]["id"]]["before"]["parent_id"] == tree["a"]["id"]
    assert updates[tree["a1"]["id"]]["after"]["parent_id"] == tree["b"]["id"]
    assert tree["a2"]["id"] in updates
    person_updates = [
        e for e in await _audit(client, object_type="person") if e["action"] == "update"
    ]
    assert {e["object_id"] for e in person_updates} == {pat["id"], sam["id"]}
    assert all(e["after"]["unit_id"] == tree["b"]["id"] for e in person_updates)
    deleted = await _audit(client, object_type="unit", object_id=tree["a"]["id"])
    assert deleted[0]["action"] == "delete"
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    types = [e["type"] for e in events]
    assert types.count("unit.moved") == 2
    assert types.count("person.updated") == 2
    assert types[-1] == "unit.deleted"
    moved = [e["data"] for e in events if e["type"] == "unit.moved"]
    assert {m["to_parent_id"] for m in moved} == {tree["b"]["id"]}
    assert {m["from_parent_id"] for m in moved} == {tree["a"]["id"]}


@pytest.mark.parametrize("target", ["a", "a1", "a1x", "unknown"])
async def test_reassign_to_itself_a_descendant_or_an_unknown_unit_is_422(
    client: httpx.AsyncClient, target: str
) -> None:
    tree = await _tree(client)
    await _person(client, "Pat", tree["a"])
    reassign_to = str(uuid.uuid4()) if target == "unknown" else tree[target]["id"]
    response = await client.delete(
        f"{UNITS}/{tree['a']['id']}", params={"reassign_to": reassign_to}
    )
    body = assert_problem(response, 422, "/reassign_to")
    assert body["errors"][0]["location"] == "query"
    # Nothing moved, nothing deleted.
    assert (await _get(client, tree["a1"]))["parent_id"] == tree["a"]["id"]
    assert (await _get(client, tree["a"]))["version"] == 1


# --- tenants -----------------------------------------------------------------------------------


async def test_another_tenant_cannot_read_move_under_or_delete_units(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    tree = await _tree(client)
    a = tree["a"]["id"]
    assert_problem(await other.get(f"{UNITS}/{a}/subtree"), 404)
    assert_problem(await other.get(f"{UNITS}/{a}/ancestors"), 404)
    assert_problem(await other.patch(f"{UNITS}/{a}", json={"name": "Mine"}), 404)
    assert_problem(await other.delete(f"{UNITS}/{a}"), 404)
    assert_problem(await other.delete(f"{UNITS}/{tree['a1x']['id']}"), 404)
    theirs = await _unit(other, "Theirs")
    assert_problem(
        await other.patch(f"{UNITS}/{theirs['id']}", json={"parent_id": a}), 422, "/parent_id"
    )
    assert_problem(
        await other.post(UNITS, json={"name": "Sneaky", "type": "team", "parent_id": a}),
        422,
        "/parent_id",
    )
    # Deleting their own unit cannot hand its content to ours either.
    await _unit(other, "Their child", theirs)
    assert_problem(
        await other.delete(f"{UNITS}/{theirs['id']}", params={"reassign_to": a}),
        422,
        "/reassign_to",
    )
    # Our tree is untouched and theirs holds only their units.
    assert (await _get(client, tree["a1x"]))["version"] == 1
    ours = (await client.get(f"{UNITS}/{tree['root']['id']}/subtree")).json()["items"]
    assert len(ours) == 6
    their_tree = (await other.get(f"{UNITS}/{theirs['id']}/subtree")).json()["items"]
    assert [u["name"] for u in their_tree] == ["Theirs", "Their child"]


async def test_a_unit_of_one_tenant_never_appears_in_anothers_tree(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    """Same names in both tenants: every step of the recursive queries stays in the tenant."""
    mine = await _tree(client)
    theirs = await _tree(other)
    my_ids = {u["id"] for u in mine.values()}
    their_ids = {u["id"] for u in theirs.values()}
    for unit in mine.values():
        items = (await client.get(f"{UNITS}/{unit['id']}/subtree")).json()["items"]
        up = (await client.get(f"{UNITS}/{unit['id']}/ancestors")).json()["items"]
        assert {u["id"] for u in items + up} <= my_ids
    for unit in theirs.values():
        items = (await other.get(f"{UNITS}/{unit['id']}/subtree")).json()["items"]
        assert {u["id"] for u in items} <= their_ids
