"""People's skills (`/v1/org/people/{id}/skills`) and skill gaps by person, role and unit, and
`skill_gap_counts_by_role` for the metrics; the gap figures are checked against a small
organisation worked out by hand.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mops_org.roles.gaps import skill_gap_counts_by_role
from mops_shared.kit.auth import Principal
from tests.org.support import outbox_events
from tests.support import assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

ROLES = "/v1/org/roles"
PEOPLE = "/v1/org/people"
UNITS = "/v1/org/units"
AUDIT = "/v1/org/audit"

# Built-in roles: Marketing Analyst requires web analytics 3, sql 3, attribution 2; Content
# Manager requires cms 3, seo 2.
MARKETING_ANALYST = "aad21883-cc7b-55c3-80af-1ffe445c6b7e"
CONTENT_MANAGER = "e75531fc-ba2c-5d60-b4a4-6132d06b4d08"

Json = dict[str, Any]
ClientFactory = Callable[[str], httpx.AsyncClient]


async def _person(client: httpx.AsyncClient, name: str, **fields: Any) -> Json:
    body = {"name": name, "email": f"{uuid.uuid4().hex[:10]}@acme.example", **fields}
    response = await client.post(PEOPLE, json=body)
    assert response.status_code == 201, response.text
    person: Json = response.json()
    return person


async def _unit(client: httpx.AsyncClient, name: str, parent: str | None = None) -> str:
    response = await client.post(UNITS, json={"name": name, "type": "team", "parent_id": parent})
    assert response.status_code == 201, response.text
    unit_id: str = response.json()["id"]
    return unit_id


async def _put_skills(
    client: httpx.AsyncClient, person: Json, skills: list[Json], **headers: str
) -> httpx.Response:
    return await client.put(
        f"{PEOPLE}/{person['id']}/skills", json={"skills": skills}, headers=headers
    )


# --- skills --------------------------------------------------------------------------------


async def test_a_new_person_has_no_skills_and_the_persons_etag(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada")
    response = await client.get(f"{PEOPLE}/{ada['id']}/skills")
    assert response.status_code == 200
    assert response.json() == {"person_id": ada["id"], "version": 1, "skills": []}
    assert response.headers["etag"] == '"1"'


async def test_put_replaces_the_skills_and_is_a_change_of_the_person(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    ada = await _person(client, "Ada")
    first = await _put_skills(
        client,
        ada,
        [
            {"skill": "SQL", "proficiency": 3, "assessed_at": "2026-11-02T10:00:00+01:00"},
            {"skill": " crm ", "proficiency": 0},
        ],
        **{"if-match": '"1"'},
    )
    assert first.status_code == 200, first.text
    assert first.headers["etag"] == '"2"'
    assert first.json() == {
        "person_id": ada["id"],
        "version": 2,
        "skills": [
            {"skill": "crm", "proficiency": 0, "assessed_at": None},
            {"skill": "SQL", "proficiency": 3, "assessed_at": "2026-11-02T09:00:00Z"},
        ],
    }
    assert (await client.get(f"{PEOPLE}/{ada['id']}/skills")).json() == first.json()
    person = (await client.get(f"{PEOPLE}/{ada['id']}")).json()
    assert person["version"] == 2

    # The whole set is replaced: crm goes, sql changes.
    second = await _put_skills(client, ada, [{"skill": "sql", "proficiency": 4}])
    assert second.json()["skills"] == [{"skill": "sql", "proficiency": 4, "assessed_at": None}]
    assert second.json()["version"] == 3

    events = await outbox_events(service_apps["org"], principal.tenant_id)
    assert [e["type"] for e in events] == ["person.created", "person.updated", "person.updated"]
    assert events[1]["data"]["skills"] == first.json()["skills"]
    assert events[1]["data"]["version"] == 2
    entries = await walk_pages(client, AUDIT, object_id=ada["id"])  # newest first
    assert entries[0]["before"]["skills"] == first.json()["skills"]
    assert entries[0]["after"]["skills"] == second.json()["skills"]
    assert (entries[1]["before"]["skills"], entries[1]["before"]["version"]) == ([], 1)
    assert entries[1]["after"] == {**person, "skills": first.json()["skills"]}


async def test_put_of_the_same_skills_changes_nothing(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    ada = await _person(client, "Ada")
    skills = [{"skill": "sql", "proficiency": 3, "assessed_at": "2026-11-02T09:00:00Z"}]
    assert (await _put_skills(client, ada, skills)).json()["version"] == 2
    again = await _put_skills(
        client,
        ada,
        [{"skill": "sql", "proficiency": 3, "assessed_at": "2026-11-02T10:00:00+01:00"}],
    )
    assert again.status_code == 200
    assert (again.json()["version"], again.headers["etag"]) == (2, '"2"')
    assert len(await outbox_events(service_apps["org"], principal.tenant_id)) == 2


async def test_put_with_a_stale_if_match_is_412_and_writes_nothing(
    client: httpx.AsyncClient,
) -> None:
    ada = await _person(client, "Ada")
    await client.patch(f"{PEOPLE}/{ada['id']}", json={"name": "Ada K"})
    stale = await _put_skills(
        client, ada, [{"skill": "sql", "proficiency": 2}], **{"if-match": '"1"'}
    )
    assert_problem(stale, 412)
    assert (await client.get(f"{PEOPLE}/{ada['id']}/skills")).json()["skills"] == []
    fresh = await _put_skills(
        client, ada, [{"skill": "sql", "proficiency": 2}], **{"if-match": '"2"'}
    )
    assert fresh.status_code == 200, fresh.text


async def test_out_of_range_proficiency_is_422_at_its_pointer_and_nothing_is_written(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    ada = await _person(client, "Ada")
    assert (await _put_skills(client, ada, [{"skill": "crm", "proficiency": 1}])).status_code == 200
    response = await _put_skills(
        client,
        ada,
        [
            {"skill": "sql", "proficiency": 4},
            {"skill": "seo", "proficiency": 5},
            {"skill": "cms", "proficiency": -1},
        ],
    )
    problem = assert_problem(response, 422)
    assert [(e["location"], e["pointer"]) for e in problem["errors"]] == [
        ("body", "/skills/1/proficiency"),
        ("body", "/skills/2/proficiency"),
    ]
    read = await client.get(f"{PEOPLE}/{ada['id']}/skills")
    assert (read.json()["version"], read.json()["skills"]) == (
        2,
        [{"skill": "crm", "proficiency": 1, "assessed_at": None}],
    )
    assert len(await outbox_events(service_apps["org"], principal.tenant_id)) == 2


@pytest.mark.parametrize(
    ("skills", "pointer"),
    [
        (
            [{"skill": "SQL", "proficiency": 1}, {"skill": " sql", "proficiency": 2}],
            "/skills/1/skill",
        ),
        ([{"skill": "", "proficiency": 1}], "/skills/0/skill"),
        (
            [{"skill": "sql", "proficiency": 1, "assessed_at": "2026-11-02T09:00:00"}],
            "/skills/0/assessed_at",
        ),
        ([{"skill": "sql", "proficiency": 1, "level": "expert"}], "/skills/0/level"),
    ],
)
async def test_bad_skills_are_422_at_their_pointer(
    client: httpx.AsyncClient, skills: list[Json], pointer: str
) -> None:
    ada = await _person(client, "Ada")
    problem = assert_problem(await _put_skills(client, ada, skills), 422)
    assert [e["pointer"] for e in problem["errors"]] == [pointer]
    assert (await client.get(f"{PEOPLE}/{ada['id']}/skills")).json()["version"] == 1


async def test_another_tenants_person_and_unit_are_404(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    ada = await _person(client, "Ada", role_ids=[MARKETING_ANALYST])
    unit = await _unit(client, "Ops")
    url = f"{PEOPLE}/{ada['id']}"
    assert_problem(await other.get(f"{url}/skills"), 404)
    assert_problem(await _put_skills(other, ada, [{"skill": "sql", "proficiency": 4}]), 404)
    assert_problem(await other.get(f"{url}/skill-gaps"), 404)
    assert_problem(await other.get(f"{UNITS}/{unit}/skill-gaps"), 404)
    assert_problem(await client.get(f"{PEOPLE}/{uuid.uuid4()}/skill-gaps"), 404)
    assert (await client.get(f"{url}/skills")).json()["version"] == 1


async def test_deleting_a_person_with_skills_and_roles(client: httpx.AsyncClient) -> None:
    ada = await _person(client, "Ada", role_ids=[MARKETING_ANALYST])
    assert (await _put_skills(client, ada, [{"skill": "sql", "proficiency": 4}])).status_code == 200
    assert (await client.delete(f"{PEOPLE}/{ada['id']}")).status_code == 204
    assert_problem(await client.get(f"{PEOPLE}/{ada['id']}/skills"), 404)


# --- gaps of a small organisation, worked out by hand --------------------------------------
#
# Root ─ Hub ─ Team, and Other beside Hub under Root. Roles: Marketing Analyst (web analytics 3,
# sql 3, attribution 2), Content Manager (cms 3, seo 2) and the tenant's Data Manager
# (customer data 3, sql 2).
#
#   person unit  roles                   skills held
#   Ana    Hub   Analyst, Data Manager   web analytics 2, sql 4, attribution 0, customer data 1
#   Ben    Team  Data Manager, Analyst   sql 2, customer data 3, web analytics 3, attribution 1
#   Cy     Team  Content Manager         none
#   Dee    Other Analyst (inactive)      none
#   Eve    Hub   none                    sql 4
#   Fay    Other Content Manager         cms 4, seo 2
#
# Ana needs sql 3 (the higher of 3 and 2) and holds 4; she is short of attribution (2 - 0),
# customer data (3 - 1) and web analytics (3 - 2). Ben needs sql 3 and holds 2: only the Analyst
# role asks more than he holds; he is also short of attribution (2 - 1). Cy is short of cms by 3
# and seo by 2. Fay and Eve have no gaps; Dee is inactive and left out of every total.


async def _organisation(client: httpx.AsyncClient) -> Json:
    root = await _unit(client, "Root")
    hub = await _unit(client, "Hub", root)
    team = await _unit(client, "Team", hub)
    other_unit = await _unit(client, "Other", root)
    created = await client.post(
        ROLES,
        json={
            "name": "Data Manager",
            "required_skills": [
                {"skill": "customer data", "min_proficiency": 3},
                {"skill": "sql", "min_proficiency": 2},
            ],
        },
    )
    data_manager = created.json()["id"]
    people = {
        "Ana": (
            hub,
            [MARKETING_ANALYST, data_manager],
            True,
            [("web analytics", 2), ("sql", 4), ("attribution", 0), ("customer data", 1)],
        ),
        "Ben": (
            team,
            [data_manager, MARKETING_ANALYST],
            True,
            [("sql", 2), ("customer data", 3), ("web analytics", 3), ("attribution", 1)],
        ),
        "Cy": (team, [CONTENT_MANAGER], True, []),
        "Dee": (other_unit, [MARKETING_ANALYST], False, []),
        "Eve": (hub, [], True, [("sql", 4)]),
        "Fay": (other_unit, [CONTENT_MANAGER], True, [("cms", 4), ("seo", 2)]),
    }
    ids: dict[str, str] = {}
    for name, (unit, roles, active, skills) in people.items():
        person = await _person(client, name, unit_id=unit, role_ids=roles, active=active)
        ids[name] = person["id"]
        held = [{"skill": skill, "proficiency": level} for skill, level in skills]
        assert (await _put_skills(client, person, held)).status_code == 200
    return {
        "units": {"root": root, "hub": hub, "team": team, "other": other_unit},
        "data_manager": data_manager,
        "people": ids,
    }


def _gap(skill: str, required: int, held: int) -> Json:
    return {"skill": skill, "required": required, "held": held, "shortfall": required - held}


async def test_a_persons_gaps_name_the_roles_asking_more(client: httpx.AsyncClient) -> None:
    org = await _organisation(client)
    people, data_manager = org["people"], org["data_manager"]
    analyst = {"id": MARKETING_ANALYST, "name": "Marketing Analyst"}
    manager = {"id": data_manager, "name": "Data Manager"}

    ana = (await client.get(f"{PEOPLE}/{people['Ana']}/skill-gaps")).json()
    assert ana == {
        "person_id": people["Ana"],
        "gaps": [
            {**_gap("attribution", 2, 0), "roles": [{**analyst, "min_proficiency": 2}]},
            {**_gap("customer data", 3, 1), "roles": [{**manager, "min_proficiency": 3}]},
            {**_gap("web analytics", 3, 2), "roles": [{**analyst, "min_proficiency": 3}]},
        ],
    }
    ben = (await client.get(f"{PEOPLE}/{people['Ben']}/skill-gaps")).json()
    assert ben["gaps"] == [
        {**_gap("attribution", 2, 1), "roles": [{**analyst, "min_proficiency": 2}]},
        {**_gap("sql", 3, 2), "roles": [{**analyst, "min_proficiency": 3}]},
    ]
    cy = (await client.get(f"{PEOPLE}/{people['Cy']}/skill-gaps")).json()
    assert [(g["skill"], g["shortfall"]) for g in cy["gaps"]] == [("cms", 3), ("seo", 2)]
    # An inactive person still has their own gaps; a person without roles has none.
    dee = (await client.get(f"{PEOPLE}/{people['Dee']}/skill-gaps")).json()
    assert [g["skill"] for g in dee["gaps"]] == ["attribution", "sql", "web analytics"]
    for name in ("Eve", "Fay"):
        assert (await client.get(f"{PEOPLE}/{people[name]}/skill-gaps")).json()["gaps"] == []


async def test_a_roles_gaps_page_through_its_active_holders_with_totals(
    client: httpx.AsyncClient,
) -> None:
    org = await _organisation(client)
    people = org["people"]
    url = f"{ROLES}/{MARKETING_ANALYST}/skill-gaps"
    first = (await client.get(url, params={"limit": 1})).json()
    totals = {
        "role_id": MARKETING_ANALYST,
        "role_name": "Marketing Analyst",
        "people": 2,
        "people_with_gaps": 2,
        "gaps": 4,
    }
    assert first["totals"] == totals
    hub, team = org["units"]["hub"], org["units"]["team"]
    assert first["items"] == [
        {
            "person_id": people["Ana"],
            "name": "Ana",
            "unit_id": hub,
            "gaps": [_gap("attribution", 2, 0), _gap("web analytics", 3, 2)],
        }
    ]
    second = (await client.get(url, params={"limit": 1, "cursor": first["next_cursor"]})).json()
    assert second["totals"] == totals
    assert second["next_cursor"] is None
    # Against this role's own minimum: sql 3 (the Data Manager's 2 does not count here).
    assert second["items"] == [
        {
            "person_id": people["Ben"],
            "name": "Ben",
            "unit_id": team,
            "gaps": [_gap("attribution", 2, 1), _gap("sql", 3, 2)],
        }
    ]

    manager = (await client.get(f"{ROLES}/{org['data_manager']}/skill-gaps")).json()
    assert manager["totals"]["people"] == 2
    assert (manager["totals"]["people_with_gaps"], manager["totals"]["gaps"]) == (1, 1)
    assert [(p["name"], p["gaps"]) for p in manager["items"]] == [
        ("Ana", [_gap("customer data", 3, 1)]),
        ("Ben", []),
    ]
    unheld = (await client.get(f"{ROLES}/{uuid.uuid4()}/skill-gaps")).status_code
    assert unheld == 404
    strategist = (
        await client.get(f"{ROLES}/211867c4-2a72-568b-88bc-77fc112f235e/skill-gaps")
    ).json()
    assert strategist["items"] == []
    assert (strategist["totals"]["people"], strategist["totals"]["gaps"]) == (0, 0)


def _skill(skill: str, requiring: int, short: int, total: int, average: float) -> Json:
    return {
        "skill": skill,
        "people_requiring": requiring,
        "people_short": short,
        "total_shortfall": total,
        "average_shortfall": average,
    }


async def test_a_units_gaps_with_and_without_its_subunits(client: httpx.AsyncClient) -> None:
    org = await _organisation(client)
    units = org["units"]

    async def gaps(unit: str, include_subunits: bool) -> Json:
        response = await client.get(
            f"{UNITS}/{units[unit]}/skill-gaps",
            params={"include_subunits": str(include_subunits).lower()},
        )
        assert response.status_code == 200, response.text
        body: Json = response.json()
        assert (body["unit_id"], body["include_subunits"]) == (units[unit], include_subunits)
        return body

    hub = await gaps("hub", False)  # Ana and Eve
    assert (hub["people"], hub["people_with_gaps"]) == (2, 1)
    assert hub["skills"] == [
        _skill("attribution", 1, 1, 2, 2.0),
        _skill("customer data", 1, 1, 2, 2.0),
        _skill("web analytics", 1, 1, 1, 1.0),
        _skill("sql", 1, 0, 0, 0.0),
    ]
    below = await gaps("hub", True)  # Ana, Eve, Ben and Cy
    assert (below["people"], below["people_with_gaps"]) == (4, 3)
    assert below["skills"] == [
        _skill("attribution", 2, 2, 3, 1.5),
        _skill("cms", 1, 1, 3, 3.0),
        _skill("customer data", 2, 1, 2, 2.0),
        _skill("seo", 1, 1, 2, 2.0),
        _skill("sql", 2, 1, 1, 1.0),
        _skill("web analytics", 2, 1, 1, 1.0),
    ]
    everyone = await gaps("root", True)  # and Fay; Dee is inactive
    assert (everyone["people"], everyone["people_with_gaps"]) == (5, 3)
    by_skill = {s["skill"]: s for s in everyone["skills"]}
    assert by_skill["cms"] == _skill("cms", 2, 1, 3, 3.0)
    assert by_skill["seo"] == _skill("seo", 2, 1, 2, 2.0)
    root = await gaps("root", False)  # nobody sits in the root itself
    assert (root["people"], root["people_with_gaps"], root["skills"]) == (0, 0, [])


async def test_skill_gap_counts_by_role(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    org = await _organisation(client)
    async with service_apps["org"].state.read_engine.connect() as conn:
        counts = await skill_gap_counts_by_role(conn, principal.tenant_id)
    names = [c.role_name for c in counts]
    assert names == sorted(names, key=str.casefold)
    assert len(names) == 10  # the nine built-in roles and the tenant's
    figures = {c.role_name: (c.people, c.people_with_gaps, c.gaps) for c in counts}
    assert figures["Marketing Analyst"] == (2, 2, 4)
    assert figures["Data Manager"] == (2, 1, 1)
    assert figures["Content Manager"] == (2, 1, 2)
    assert figures["Strategist"] == (0, 0, 0)
    by_name = {c.role_name: c for c in counts}
    assert str(by_name["Data Manager"].role_id) == org["data_manager"]
    # Another tenant's people and roles count for nothing here.
    async with service_apps["org"].state.read_engine.connect() as conn:
        fresh = await skill_gap_counts_by_role(conn, uuid.uuid4())
    assert len(fresh) == 9
    assert all((c.people, c.gaps) == (0, 0) for c in fresh)
