"""`/v1/org/profile` and `/v1/org/profile/inferred-model`: the declared profile (ETag, If-Match,
unchanged PUTs, enums, audit and outbox) and the operating model inferred from where people and
tool ownership sit, for hand-built organisations hitting every rule.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_org.profile.inference import classify_units, infer_model, model_basis
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.org_profile import ModelBasis, OperatingModel
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import TEST_SECRET, assert_problem, new_principal, principal_headers, walk_pages

pytestmark = pytest.mark.asyncio

PROFILE = "/v1/org/profile"
INFERRED = "/v1/org/profile/inferred-model"
UNITS = "/v1/org/units"
PEOPLE = "/v1/org/people"
TOOLS = "/v1/inventory/tools"
AUDIT = "/v1/org/audit"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]

FULL = {
    "name": "Acme Marketing",
    "model": "hybrid_matrix",
    "commerce_structure": "integrated_channel",
    "notes": "A CoE serves the business units.",
}


@pytest_asyncio.fixture
async def tools(
    anonymous_client_factory: ClientFactory, principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """The inventory, signed as the same tenant as `client`."""
    async with anonymous_client_factory("inventory") as client:
        client.headers.update(principal_headers(principal))
        yield client


async def _profile(client: httpx.AsyncClient) -> tuple[Json, str]:
    response = await client.get(PROFILE)
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body, response.headers["etag"]


# --- the declared profile ----------------------------------------------------------------------


async def test_before_any_write_the_profile_is_null_at_version_0(
    client: httpx.AsyncClient,
) -> None:
    body, etag = await _profile(client)
    assert etag == '"0"'
    assert body == {
        "name": None,
        "model": None,
        "commerce_structure": None,
        "notes": None,
        "version": 0,
        "created_at": None,
        "updated_at": None,
    }


async def test_put_creates_then_replaces_the_whole_profile(client: httpx.AsyncClient) -> None:
    response = await client.put(PROFILE, json=FULL)
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"1"'
    created = response.json()
    assert {k: created[k] for k in FULL} == FULL
    assert created["version"] == 1
    assert created["created_at"]
    assert created["updated_at"]
    assert await _profile(client) == (created, '"1"')

    # A field left out is cleared: PUT replaces, it does not merge.
    response = await client.put(PROFILE, json={"model": "centralized"})
    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    replaced = response.json()
    assert (replaced["model"], replaced["name"], replaced["commerce_structure"]) == (
        "centralized",
        None,
        None,
    )
    assert replaced["created_at"] == created["created_at"]


async def test_if_match_is_honoured_from_the_first_write(client: httpx.AsyncClient) -> None:
    # Never written: only "0" (or *) matches.
    assert_problem(await client.put(PROFILE, json=FULL, headers={"If-Match": '"1"'}), 412)
    assert (await _profile(client))[1] == '"0"'
    first = await client.put(PROFILE, json=FULL, headers={"If-Match": '"0"'})
    assert first.status_code == 200, first.text

    stale = await client.put(PROFILE, json={**FULL, "notes": "late"}, headers={"If-Match": '"0"'})
    assert_problem(stale, 412)
    body, etag = await _profile(client)
    assert (etag, body["notes"]) == ('"1"', FULL["notes"])

    fresh = await client.put(PROFILE, json={**FULL, "notes": "on time"}, headers={"If-Match": etag})
    assert fresh.status_code == 200, fresh.text
    assert (fresh.headers["etag"], fresh.json()["notes"]) == ('"2"', "on time")


async def test_an_unchanged_put_keeps_the_version_and_records_nothing(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    # Nothing declared yet and nothing sent: nothing to write.
    empty = await client.put(PROFILE, json={})
    assert (empty.status_code, empty.headers["etag"], empty.json()["version"]) == (200, '"0"', 0)
    assert await outbox_events(service_apps["org"], principal.tenant_id) == []

    await client.put(PROFILE, json=FULL)
    again = await client.put(PROFILE, json=FULL, headers={"If-Match": '"1"'})
    assert again.status_code == 200, again.text
    assert again.headers["etag"] == '"1"'
    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [e["type"] for e in events] == ["org_profile.updated"]
    assert len(await walk_pages(client, AUDIT, object_type="org_profile")) == 1


async def test_unknown_enums_and_fields_are_422_with_pointers_and_write_nothing(
    client: httpx.AsyncClient,
) -> None:
    body = assert_problem(
        await client.put(
            PROFILE,
            json={"model": "matrix", "commerce_structure": "marketplace", "colour": "blue"},
        ),
        422,
    )
    assert sorted(e["pointer"] for e in body["errors"]) == [
        "/colour",
        "/commerce_structure",
        "/model",
    ]
    assert_problem(await client.put(PROFILE, json={"name": ""}), 422)
    assert (await _profile(client))[1] == '"0"'


async def test_writes_are_audited_and_announced(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    await client.put(PROFILE, json=FULL)
    await client.put(PROFILE, json={**FULL, "model": "hub_and_spoke"})

    entries = await walk_pages(client, AUDIT, object_type="org_profile")
    assert [e["action"] for e in entries] == ["update", "create"]
    assert {e["object_id"] for e in entries} == {str(principal.tenant_id)}
    update, create = entries
    assert create["before"] is None
    assert create["after"]["model"] == "hybrid_matrix"
    assert (update["before"]["model"], update["after"]["model"]) == (
        "hybrid_matrix",
        "hub_and_spoke",
    )
    assert (update["before"]["version"], update["after"]["version"]) == (1, 2)

    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [e["type"] for e in events] == ["org_profile.updated"] * 2
    assert [e["data"]["model"] for e in events] == ["hybrid_matrix", "hub_and_spoke"]


async def test_each_tenant_has_its_own_profile(
    client: httpx.AsyncClient, anonymous_client_factory: ClientFactory
) -> None:
    await client.put(PROFILE, json=FULL)
    async with anonymous_client_factory("org") as other:
        other.headers.update(principal_headers(new_principal()))
        body, etag = await _profile(other)
        assert (etag, body["model"]) == ('"0"', None)
        # Its first write is its own version 1, whatever this tenant's version is.
        await client.put(PROFILE, json={**FULL, "notes": "v2"})
        response = await other.put(PROFILE, json={"model": "independent"})
        assert response.headers["etag"] == '"1"'
    assert (await _profile(client))[0]["model"] == "hybrid_matrix"


async def test_the_routes_are_documented(service_apps: dict[str, FastAPI]) -> None:
    paths = service_apps["org"].openapi()["paths"]
    put = paths[PROFILE]["put"]
    assert put["operationId"] == "org_put_profile"
    assert {"412", "422"} <= set(put["responses"])
    inferred = paths[INFERRED]["get"]
    assert inferred["operationId"] == "org_get_inferred_model"
    assert "0.85" in inferred["description"]
    assert "hub_and_spoke" in inferred["description"]
    assert "503" in inferred["responses"]


# --- the inferred model ------------------------------------------------------------------------


async def _unit(
    client: httpx.AsyncClient, name: str, type_: str, parent: Json | None = None, **fields: Any
) -> Json:
    body = {"name": name, "type": type_, "parent_id": parent["id"] if parent else None, **fields}
    response = await client.post(UNITS, json=body)
    assert response.status_code == 201, response.text
    unit: Json = response.json()
    return unit


async def _people(
    client: httpx.AsyncClient, count: int, unit: Json | None, *, active: bool = True
) -> list[Json]:
    people = []
    for _ in range(count):
        body: Json = {"name": "P", "email": f"{uuid.uuid4().hex[:12]}@acme.example"}
        body.update({"unit_id": unit["id"] if unit else None, "active": active})
        response = await client.post(PEOPLE, json=body)
        assert response.status_code == 201, response.text
        people.append(response.json())
    return people


async def _tool(tools: httpx.AsyncClient, name: str, *owners: Json, **fields: Any) -> Json:
    response = await tools.post(TOOLS, json={"name": name, "owners": list(owners), **fields})
    assert response.status_code == 201, response.text
    tool: Json = response.json()
    return tool


def _owner(
    unit: Json | None = None, person: Json | None = None, role: str = "business_owner"
) -> Json:
    return {
        "role": role,
        "unit_id": unit["id"] if unit else None,
        "person_id": person["id"] if person else None,
    }


async def _inferred(client: httpx.AsyncClient) -> Json:
    response = await client.get(INFERRED)
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def test_without_people_in_units_or_owned_tools_there_is_not_enough_data(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    await _unit(client, "Group", "organisation")
    await _people(client, 2, None)  # people in no unit say nothing about where marketing sits
    await _tool(tools, "Orphan")
    await client.put(PROFILE, json={"model": "centralized"})
    body = await _inferred(client)
    assert (body["declared"], body["inferred"], body["agrees"]) == ("centralized", None, None)
    assert body["reasons"] == [
        "no active person is in a marketing unit and no tool has a marketing owning unit: "
        "not enough data"
    ]
    assert body["basis"] == {
        "central_people": 0,
        "edge_people": 0,
        "outside_people": 0,
        "unassigned_people": 2,
        "central_people_share": None,
        "central_tools": 0,
        "edge_tools": 0,
        "shared_tools": 0,
        "outside_tools": 0,
        "unowned_tools": 1,
        "central_tool_share": None,
        "hub_units": 0,
        "spoke_units": 0,
        "centre_people": 0,
        "embedded_people": 0,
        "served_edge_units": 0,
    }


async def test_the_sample_shape_is_hybrid_matrix_and_agrees_with_its_declaration(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    """As samples/org_sample.json: a marketing function holding the centres, its teams and
    two regions; two business units; sales, IT and legal functions, which are not marketing."""
    group = await _unit(client, "Group", "organisation")
    marketing = await _unit(client, "Global Marketing", "function", group)
    coe = await _unit(client, "Marketing Ops CoE", "marketing_ops_centre", marketing)
    digital = await _unit(client, "Digital", "team", marketing)
    emea = await _unit(client, "EMEA", "region", marketing)
    bu = await _unit(client, "Consumer BU", "business_unit", group)
    sales = await _unit(client, "Sales", "function", group)
    sales_team = await _unit(client, "Sales Development", "team", sales)
    it = await _unit(client, "IT", "function", group)
    it_platform = await _unit(client, "IT Data Platform", "team", it)
    await _people(client, 1, marketing)
    await _people(client, 9, coe)
    await _people(client, 6, digital)
    await _people(client, 3, bu)
    await _people(client, 2, emea)
    await _people(client, 1, sales_team)
    await _people(client, 2, it_platform)
    await _tool(tools, "CDP", _owner(it_platform))  # IT's: outside marketing
    await _tool(tools, "Dialer", _owner(sales_team))
    await _tool(tools, "Marketo", _owner(coe))
    await _tool(
        tools, "Shared CRM", _owner(coe), _owner(it_platform, role="technical_owner")
    )  # owned by marketing and IT: central on marketing's side
    await client.put(PROFILE, json={"model": "hybrid_matrix"})

    body = await _inferred(client)
    assert (body["declared"], body["inferred"], body["agrees"]) == (
        "hybrid_matrix",
        "hybrid_matrix",
        True,
    )
    basis = body["basis"]
    # The 3 people of sales and IT count on neither side: 16 of 21 marketing people central.
    assert (basis["central_people"], basis["edge_people"], basis["outside_people"]) == (16, 5, 3)
    assert basis["central_people_share"] == pytest.approx(16 / 21)
    assert (basis["central_tools"], basis["outside_tools"]) == (2, 2)
    assert basis["central_tool_share"] == 1.0
    assert basis["centre_people"] == 9
    assert body["reasons"][-1] == "neither mostly central nor mostly at the edge: hybrid_matrix"
    assert "76.2% of people (16 of 21) are in central units, below 85%" in body["reasons"][1]

    metrics = await client.get("/v1/org/metrics")
    assert metrics.status_code == 200, metrics.text
    sides = metrics.json()["unit_sides"]
    assert sorted(sides["outside"]) == sorted(u["id"] for u in (sales, sales_team, it, it_platform))
    assert uuid.UUID(marketing["id"]) in {uuid.UUID(u) for u in sides["central"]}
    people = metrics.json()["people"]
    assert (people["central"], people["edge"], people["outside"], people["active"]) == (
        16,
        5,
        3,
        24,
    )


async def test_without_a_centre_functions_count_as_central(client: httpx.AsyncClient) -> None:
    """Nothing tells marketing's function from the others: all are counted central."""
    marketing = await _unit(client, "Marketing", "function")
    it = await _unit(client, "IT", "function")
    bu = await _unit(client, "BU", "business_unit")
    await _people(client, 4, marketing)
    await _people(client, 4, it)
    await _people(client, 2, bu)
    basis = (await _inferred(client))["basis"]
    assert (basis["central_people"], basis["edge_people"], basis["outside_people"]) == (8, 2, 0)


async def test_mostly_central_people_and_no_tools_is_centralized(
    client: httpx.AsyncClient,
) -> None:
    coe = await _unit(client, "CoE", "centre_of_excellence")
    bu = await _unit(client, "BU", "business_unit")
    await _people(client, 17, coe)
    await _people(client, 3, bu)  # 17 / 20 = 0.85 exactly: the threshold counts
    await _people(client, 4, bu, active=False)  # inactive people are not counted
    await client.put(PROFILE, json={"model": "independent"})

    body = await _inferred(client)
    assert (body["inferred"], body["agrees"]) == ("centralized", False)
    assert (body["basis"]["central_people"], body["basis"]["edge_people"]) == (17, 3)
    assert body["reasons"][-1].endswith(": centralized")


async def test_units_below_a_business_unit_or_region_are_edge_and_mostly_edge_is_independent(
    client: httpx.AsyncClient,
) -> None:
    group = await _unit(client, "Group", "organisation")
    bu = await _unit(client, "BU", "business_unit", group)
    bu_team = await _unit(client, "BU team", "team", bu)
    bu_squad = await _unit(client, "BU squad", "team", bu_team)
    emea = await _unit(client, "EMEA", "region", group)
    emea_coe = await _unit(client, "EMEA CoE", "centre_of_excellence", emea)
    await _people(client, 1, group)
    await _people(client, 1, bu_team)
    await _people(client, 1, bu_squad)
    await _people(client, 1, emea_coe)
    await _people(client, 1, None)

    body = await _inferred(client)
    assert body["basis"]["central_people"] == 1
    assert body["basis"]["edge_people"] == 3
    assert body["basis"]["unassigned_people"] == 1
    assert body["basis"]["central_people_share"] == pytest.approx(0.25)
    assert (body["declared"], body["inferred"], body["agrees"]) == (None, "independent", None)


async def test_a_hub_and_a_spoke_make_hub_and_spoke_whatever_the_shares(
    client: httpx.AsyncClient,
) -> None:
    hub = await _unit(client, "Hub", "marketing_ops_centre", role="hub")
    await _unit(client, "Spoke", "business_unit", role="spoke")
    await _people(client, 3, hub)  # all central: centralized, were it not for the roles

    body = await _inferred(client)
    assert body["inferred"] == "hub_and_spoke"
    assert (body["basis"]["hub_units"], body["basis"]["spoke_units"]) == (1, 1)
    assert body["reasons"] == ["1 hub unit and 1 spoke unit: hub_and_spoke"]

    # A hub without spokes is not enough.
    await _unit(client, "Other hub", "team", role="hub")
    spokes = (await client.get(UNITS, params={"type": "business_unit"})).json()["items"]
    response = await client.patch(f"{UNITS}/{spokes[0]['id']}", json={"role": None})
    assert response.status_code == 200, response.text
    body = await _inferred(client)
    assert (body["basis"]["hub_units"], body["basis"]["spoke_units"]) == (2, 0)
    assert body["inferred"] == "centralized"


async def _person(client: httpx.AsyncClient, unit: Json, **fields: Any) -> Json:
    body = {"name": "P", "email": f"{uuid.uuid4().hex[:12]}@acme.example", "unit_id": unit["id"]}
    response = await client.post(PEOPLE, json={**body, **fields})
    assert response.status_code == 201, response.text
    person: Json = response.json()
    return person


async def test_a_centre_serving_business_units_through_embedded_people_is_hub_and_spoke(
    client: httpx.AsyncClient,
) -> None:
    """No hub or spoke label: the structure says it. With 12 of 13 people central the shares
    say centralized, until the centre's people are embedded in both business units."""
    coe = await _unit(client, "Marketing Ops CoE", "marketing_ops_centre")
    industrial = await _unit(client, "Industrial BU", "business_unit")
    consumer = await _unit(client, "Consumer BU", "business_unit")
    regional_coe = await _unit(client, "EMEA CoE", "centre_of_excellence", industrial)
    role = await client.post("/v1/org/roles", json={"name": "Marketing Ops Partner"})
    assert role.status_code == 201, role.text
    partner = role.json()["id"]
    head = await _person(client, coe)
    await _people(client, 10, coe)
    await _person(client, coe, role_ids=[partner])
    # Not yet: a person of the business unit's own centre, holding nothing of the centre's.
    await _person(client, regional_coe)
    body = await _inferred(client)
    assert body["inferred"] == "centralized"
    assert body["basis"]["embedded_people"] == 0
    assert body["reasons"][0] == (
        "not both a hub and a spoke unit (0 hub units, 0 spoke units), and no edge person "
        "embedded from a staffed centre: not hub_and_spoke"
    )

    await _person(client, industrial, manager_id=head["id"])  # managed from the centre
    await _person(client, consumer, role_ids=[partner])  # holds a role of the centre's
    body = await _inferred(client)
    assert body["inferred"] == "hub_and_spoke"
    basis = body["basis"]
    assert (basis["centre_people"], basis["embedded_people"], basis["served_edge_units"]) == (
        12,
        2,
        2,
    )
    assert body["reasons"] == [
        "centres of 12 people serve 2 edge units through 2 people embedded from them (managed "
        "from a centre, or holding a centre's role): hub_and_spoke"
    ]


async def test_a_unit_labelled_hub_is_a_centre_people_are_embedded_from(
    client: httpx.AsyncClient,
) -> None:
    """The label `hub` without any `spoke`: the structure decides, with the labelled unit as
    the centre, as it is when sides are told apart."""
    hub = await _unit(client, "Marketing Platform Team", "team", role="hub")
    bu = await _unit(client, "Consumer BU", "business_unit")
    lead = await _person(client, hub)
    await _people(client, 5, hub)
    await _person(client, bu, manager_id=lead["id"])
    body = await _inferred(client)
    assert (body["basis"]["centre_people"], body["basis"]["embedded_people"]) == (6, 1)
    assert body["inferred"] == "hub_and_spoke"


async def test_tools_owned_at_the_edge_keep_central_people_from_being_centralized(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    coe = await _unit(client, "CoE", "centre_of_excellence")
    bu = await _unit(client, "BU", "business_unit")
    region = await _unit(client, "LATAM", "region")
    central = await _people(client, 9, coe)
    edge = await _people(client, 1, region)
    await _tool(tools, "Marketo", _owner(coe))
    await _tool(tools, "Canva", _owner(bu))

    body = await _inferred(client)
    basis = body["basis"]
    assert (basis["central_tools"], basis["edge_tools"], basis["central_tool_share"]) == (
        1,
        1,
        0.5,
    )
    assert basis["central_people_share"] == pytest.approx(0.9)
    assert body["inferred"] == "hybrid_matrix"
    assert "50% of owned tools (1 of 2) are owned centrally only, below 85%" in body["reasons"][1]

    # Owned through a person (their unit counts), by both sides (shared), retired (left out).
    await _tool(tools, "Hootsuite", _owner(person=central[0]))
    await _tool(tools, "Sprinklr", _owner(coe), _owner(bu, role="technical_owner"))
    await _tool(tools, "Jira", _owner(person=edge[0]), _owner(coe, role="technical_owner"))
    await _tool(tools, "Old CMS", _owner(bu), status="retired")
    await _tool(tools, "Figma", _owner(coe))
    basis = (await _inferred(client))["basis"]
    assert (
        basis["central_tools"],
        basis["edge_tools"],
        basis["shared_tools"],
        basis["unowned_tools"],
    ) == (3, 1, 2, 0)
    assert basis["central_tool_share"] == pytest.approx(0.5)


async def test_centrally_owned_tools_and_people_are_centralized(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    coe = await _unit(client, "CoE", "centre_of_excellence")
    await _people(client, 2, coe)
    await _tool(tools, "Marketo", _owner(coe))
    await _tool(tools, "Salesforce", _owner(coe))
    body = await _inferred(client)
    assert body["inferred"] == "centralized"
    assert body["basis"]["central_tool_share"] == 1.0


async def test_tools_alone_can_decide_when_no_person_is_in_a_unit(
    client: httpx.AsyncClient, tools: httpx.AsyncClient
) -> None:
    bu = await _unit(client, "BU", "business_unit")
    await _tool(tools, "Canva", _owner(bu))
    body = await _inferred(client)
    assert body["basis"]["central_people_share"] is None
    assert (body["basis"]["edge_tools"], body["inferred"]) == (1, "independent")


async def test_another_tenants_units_people_and_tools_are_never_counted(
    client: httpx.AsyncClient,
    tools: httpx.AsyncClient,
    anonymous_client_factory: ClientFactory,
) -> None:
    coe = await _unit(client, "CoE", "centre_of_excellence")
    await _people(client, 4, coe)
    await _tool(tools, "Marketo", _owner(coe))

    other = new_principal()
    async with (
        anonymous_client_factory("org") as their_org,
        anonymous_client_factory("inventory") as their_tools,
    ):
        their_org.headers.update(principal_headers(other))
        their_tools.headers.update(principal_headers(other))
        their_bu = await _unit(their_org, "CoE", "business_unit", role="spoke")
        await _unit(their_org, "Hub", "team", role="hub")
        await _people(their_org, 6, their_bu)
        await _tool(their_tools, "Canva", _owner(their_bu))
        theirs = await _inferred(their_org)
        assert theirs["inferred"] == "hub_and_spoke"

    body = await _inferred(client)
    assert body["basis"] == {
        "central_people": 4,
        "edge_people": 0,
        "outside_people": 0,
        "unassigned_people": 0,
        "central_people_share": 1.0,
        "central_tools": 1,
        "edge_tools": 0,
        "shared_tools": 0,
        "outside_tools": 0,
        "unowned_tools": 0,
        "central_tool_share": 1.0,
        "hub_units": 0,
        "spoke_units": 0,
        "centre_people": 4,
        "embedded_people": 0,
        "served_edge_units": 0,
    }
    assert body["inferred"] == "centralized"


async def test_inference_is_503_when_the_inventory_cannot_be_asked(
    client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["org"]
    wired = app.state.inventory_client
    app.state.inventory_client = InventoryClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    try:
        assert_problem(await client.get(INFERRED), 503)
    finally:
        await app.state.inventory_client.aclose()
        app.state.inventory_client = wired


# --- the functions the metrics reuse -----------------------------------------------------------


async def test_classify_units_and_model_basis_with_a_given_ownership_list(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    group = await _unit(client, "Group", "organisation")
    region = await _unit(client, "APAC", "region", group)
    team = await _unit(client, "APAC field", "team", region)
    ops = await _unit(client, "Ops", "team", group)
    [lead] = await _people(client, 1, ops)
    [loose] = await _people(client, 1, None)

    def owned(*owners: Json) -> ToolOwnership:
        return ToolOwnership.model_validate(
            {"tool_id": uuid.uuid4(), "tool_name": "T", "tool_status": "active", "owners": owners}
        )

    ownership = [
        owned(_owner(person=lead)),  # central through the person's unit
        owned(_owner(team)),  # edge
        owned({"role": "business_owner", "unit_id": str(uuid.uuid4())}),  # unknown unit
        owned(_owner(person=loose)),  # a person in no unit
        owned(),  # no owner
    ]
    async with service_apps["org"].state.sessionmaker() as session:
        sides = await classify_units(session, principal.tenant_id)
        basis = await model_basis(session, principal.tenant_id, ownership)
    assert sides == {
        uuid.UUID(group["id"]): "central",
        uuid.UUID(region["id"]): "edge",
        uuid.UUID(team["id"]): "edge",
        uuid.UUID(ops["id"]): "central",
    }
    assert (basis.central_tools, basis.edge_tools, basis.shared_tools, basis.unowned_tools) == (
        1,
        1,
        0,
        3,
    )
    assert (basis.central_people, basis.unassigned_people) == (1, 1)


def _basis(people: tuple[int, int], tools: tuple[int, int, int] = (0, 0, 0)) -> ModelBasis:
    central, edge = people
    owned = sum(tools)
    return ModelBasis(
        central_people=central,
        edge_people=edge,
        unassigned_people=0,
        central_people_share=central / (central + edge) if central + edge else None,
        central_tools=tools[0],
        edge_tools=tools[1],
        shared_tools=tools[2],
        unowned_tools=0,
        central_tool_share=tools[0] / owned if owned else None,
        hub_units=0,
        spoke_units=0,
    )


@pytest.mark.parametrize(
    ("people", "tools", "hubs", "expected"),
    [
        ((0, 0), (0, 0, 0), (1, 1), None),
        ((5, 5), (0, 0, 0), (1, 1), OperatingModel.hub_and_spoke),
        ((5, 5), (0, 0, 0), (1, 0), OperatingModel.hybrid_matrix),
        ((85, 15), (0, 0, 0), (0, 0), OperatingModel.centralized),
        ((84, 16), (0, 0, 0), (0, 0), OperatingModel.hybrid_matrix),
        ((9, 1), (17, 0, 3), (0, 0), OperatingModel.centralized),
        ((9, 1), (16, 0, 4), (0, 0), OperatingModel.hybrid_matrix),
        ((1, 3), (0, 0, 0), (0, 0), OperatingModel.independent),
        ((1, 3), (1, 2, 1), (0, 0), OperatingModel.independent),
        ((1, 3), (1, 1, 0), (0, 0), OperatingModel.hybrid_matrix),
        ((26, 74), (0, 0, 0), (0, 0), OperatingModel.hybrid_matrix),
    ],
)
async def test_infer_model_applies_the_rules_in_order(
    people: tuple[int, int],
    tools: tuple[int, int, int],
    hubs: tuple[int, int],
    expected: OperatingModel | None,
) -> None:
    inferred, reasons = infer_model(_basis(people, tools), *hubs)
    assert inferred == expected
    assert reasons
    assert reasons[-1].endswith("not enough data" if expected is None else f": {expected.value}")
