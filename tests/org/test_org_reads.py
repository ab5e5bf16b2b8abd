"""Every GET of the org service written from rows (`mops_shared.kit.reads`) answers the JSON its
wire model writes of the same data, byte for byte: the body read back into the route's model
and written again by it is the body itself (same keys in the same order, datetimes as pydantic
writes them, enums as values, nulls present). The sample company is loaded with what it lacks
(a role of the tenant's, skills held with an assessment time, enrolments completed at a time
with a fraction of a second, a mechanism with participants, a matrix that breaks the rules)
so that every field of every answer holds something. Also: the ETags, another tenant's rows
as absent as none (404), and the subtree's pages."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

from mops_org.coordination.schemas import CoordinationMechanismPage, CoordinationMechanismRead
from mops_org.imports.schemas import OrgDocument
from mops_org.metrics.schemas import OrgMetrics
from mops_org.profile.schemas import OrgProfileRead
from mops_org.raci.schemas import RaciMatrixPage, RaciValidation
from mops_org.roles.schemas import (
    PersonSkillGaps,
    PersonSkills,
    RolePage,
    RoleRead,
    RoleSkillGaps,
    UnitSkillGaps,
)
from mops_org.training.schemas import (
    PersonTraining,
    TrainingCoverageRead,
    TrainingEnrolmentPage,
    TrainingEnrolmentRead,
    TrainingProgrammePage,
    TrainingProgrammeRead,
)
from mops_org.units.schemas import UnitAncestors, UnitSubtreePage
from mops_shared.contracts.org import PersonRead, UnitPage
from mops_shared.contracts.org_profile import InferredModel
from mops_shared.contracts.org_raci import RaciMatrixRead
from mops_shared.kit.etag import etag_of
from tests.support import SAMPLES, assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

Json = dict[str, Any]


async def _ok(response: httpx.Response) -> Json:
    assert response.status_code in (200, 201), response.text
    body: Json = response.json()
    return body


def _as_written(response: httpx.Response, schema: type[BaseModel]) -> Json:
    """The body, after checking it is what `schema` writes of itself."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    adapter = TypeAdapter(schema)
    again = adapter.dump_json(adapter.validate_json(response.content), by_alias=True)
    assert response.content == again, (response.request.url, response.content[:300], again[:300])
    body: Json = json.loads(response.content)
    return body


async def _organisation(client: httpx.AsyncClient) -> Json:
    """The sample company and the extras; the ids the tests read."""
    sample = json.loads((SAMPLES / "org_sample.json").read_text())
    await _ok(await client.post("/v1/org/imports", json=sample))
    people = await walk_pages(client, "/v1/org/people", limit=200)
    units = await walk_pages(client, "/v1/org/units", limit=200)
    role = await _ok(
        await client.post(
            "/v1/org/roles",
            json={
                "name": "Growth Lead",
                "description": "Ours.",
                "legal": False,
                "required_skills": [
                    {"skill": "SQL", "min_proficiency": 3},
                    {"skill": "Attribution", "min_proficiency": 2},
                ],
            },
        )
    )
    for person in people[:4]:
        held = (await _ok(await client.get(f"/v1/org/people/{person['id']}")))["role_ids"]
        await _ok(
            await client.patch(
                f"/v1/org/people/{person['id']}", json={"role_ids": [*held, role["id"]]}
            )
        )
    skills = [
        {"skill": "SQL", "proficiency": 1, "assessed_at": "2025-03-01T10:00:00.123456+02:00"},
        {"skill": "attribution", "proficiency": 4},
    ]
    await _ok(await client.put(f"/v1/org/people/{people[1]['id']}/skills", json={"skills": skills}))
    programme = (await walk_pages(client, "/v1/org/training-programmes"))[0]
    enrolments = f"/v1/org/training-programmes/{programme['id']}/enrolments"
    for i, person in enumerate(people[:6]):
        for wave in programme["waves"][: 1 + i % 2]:
            body = {"person_id": person["id"], "wave_id": wave["id"]}
            enrolment = await _ok(await client.post(enrolments, json=body))
            if wave["level"] == "basic" and i % 3 != 2:
                done = {"completed_at": "2025-01-02T03:04:05.5+01:00"} if i % 3 else {}
                await _ok(
                    await client.post(f"{enrolments}/{enrolment['id']}/completion", json=done)
                )
    await _ok(
        await client.post(
            "/v1/org/coordination-mechanisms",
            json={
                "name": "Weekly sync",
                "kind": "meeting",
                "level": "ad_hoc",
                "cadence": "weekly",
                "owner_unit_id": units[1]["id"],
                "participating_unit_ids": [units[3]["id"], units[2]["id"]],
            },
        )
    )
    assignments = [
        {"assignee_type": "role", "assignee_id": role["id"], "letter": "R"},
        {"assignee_type": "unit", "assignee_id": units[0]["id"], "letter": "A"},
    ]
    await _ok(
        await client.post(
            "/v1/org/raci-matrices",
            json={
                "name": "Broken matrix",
                "activities": [{"name": "Act", "kind": "data", "assignments": assignments}],
            },
        )
    )
    return {
        "people": people,
        "units": units,
        "role": role,
        "programme": programme,
        "enrolments": enrolments,
    }


async def test_every_get_answers_what_its_model_writes(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    org = await _organisation(client)
    people, units = org["people"], org["units"]

    _as_written(await client.get("/v1/org/units", params={"limit": 7}), UnitPage)
    for unit in units:
        subtree = _as_written(
            await client.get(f"/v1/org/units/{unit['id']}/subtree"), UnitSubtreePage
        )
        assert subtree["items"][0]["id"] == unit["id"]
        assert subtree["items"][0]["depth"] == 0
        ancestors = _as_written(
            await client.get(f"/v1/org/units/{unit['id']}/ancestors"), UnitAncestors
        )
        assert [a["levels_up"] for a in ancestors["items"]] == list(
            range(1, len(ancestors["items"]) + 1)
        )
        assert bool(ancestors["items"]) == (unit["parent_id"] is not None)
        for subunits in ("false", "true"):
            _as_written(
                await client.get(
                    f"/v1/org/units/{unit['id']}/skill-gaps",
                    params={"include_subunits": subunits},
                ),
                UnitSkillGaps,
            )

    for person in people:
        response = await client.get(f"/v1/org/people/{person['id']}")
        assert _as_written(response, PersonRead)["id"] == person["id"]
        assert response.headers["etag"] == etag_of(response.json()["version"])
        response = await client.get(f"/v1/org/people/{person['id']}/skills")
        skills = _as_written(response, PersonSkills)
        assert response.headers["etag"] == etag_of(skills["version"])
        _as_written(await client.get(f"/v1/org/people/{person['id']}/skill-gaps"), PersonSkillGaps)
        _as_written(await client.get(f"/v1/org/people/{person['id']}/training"), PersonTraining)
    held = _as_written(await client.get(f"/v1/org/people/{people[1]['id']}/skills"), PersonSkills)
    assert [s["assessed_at"] for s in held["skills"]] == [None, "2025-03-01T08:00:00.123456Z"]

    roles = _as_written(await client.get("/v1/org/roles", params={"limit": 200}), RolePage)
    for role in roles["items"]:
        response = await client.get(f"/v1/org/roles/{role['id']}")
        assert _as_written(response, RoleRead) == role
        assert response.headers["etag"] == etag_of(role["version"])
        _as_written(
            await client.get(f"/v1/org/roles/{role['id']}/skill-gaps", params={"limit": 2}),
            RoleSkillGaps,
        )
    ours = next(r for r in roles["items"] if r["id"] == org["role"]["id"])
    assert ours["required_skills"] == [
        {"skill": "Attribution", "min_proficiency": 2},
        {"skill": "SQL", "min_proficiency": 3},
    ]

    matrices = _as_written(await client.get("/v1/org/raci-matrices"), RaciMatrixPage)
    assert len(matrices["items"]) == 2
    assert any(m["violation_count"] for m in matrices["items"])
    for matrix in matrices["items"]:
        response = await client.get(f"/v1/org/raci-matrices/{matrix['id']}")
        assert _as_written(response, RaciMatrixRead) == matrix
        assert response.headers["etag"] == etag_of(matrix["version"])
        validation = _as_written(
            await client.get(f"/v1/org/raci-matrices/{matrix['id']}/validation"), RaciValidation
        )
        assert len(validation["violations"]) == matrix["violation_count"]
    for valid in ("true", "false"):
        _as_written(
            await client.get("/v1/org/raci-matrices", params={"valid": valid, "limit": 1}),
            RaciMatrixPage,
        )

    mechanisms = _as_written(
        await client.get("/v1/org/coordination-mechanisms"), CoordinationMechanismPage
    )
    for mechanism in mechanisms["items"]:
        response = await client.get(f"/v1/org/coordination-mechanisms/{mechanism['id']}")
        assert _as_written(response, CoordinationMechanismRead) == mechanism
        assert response.headers["etag"] == etag_of(mechanism["version"])
    assert any(len(m["participating_unit_ids"]) == 2 for m in mechanisms["items"])

    programmes = _as_written(await client.get("/v1/org/training-programmes"), TrainingProgrammePage)
    for programme in programmes["items"]:
        response = await client.get(f"/v1/org/training-programmes/{programme['id']}")
        assert _as_written(response, TrainingProgrammeRead) == programme
        assert response.headers["etag"] == etag_of(programme["version"])
    page = _as_written(
        await client.get(org["enrolments"], params={"limit": 200}), TrainingEnrolmentPage
    )
    completed = [e["completed_at"] for e in page["items"] if e["completed"]]
    assert "2025-01-02T02:04:05.500000Z" in completed
    for enrolment in page["items"]:
        response = await client.get(f"{org['enrolments']}/{enrolment['id']}")
        assert _as_written(response, TrainingEnrolmentRead) == enrolment
    for completed_only in ("true", "false"):
        _as_written(
            await client.get(org["enrolments"], params={"completed": completed_only}),
            TrainingEnrolmentPage,
        )
    for params in ({}, {"unit_id": units[0]["id"]}, {"role_id": org["role"]["id"]}):
        _as_written(
            await client.get("/v1/org/training/coverage", params=params), TrainingCoverageRead
        )

    for client_ in (client, other):  # written, and never written (version 0)
        response = await client_.get("/v1/org/profile")
        profile = _as_written(response, OrgProfileRead)
        assert response.headers["etag"] == etag_of(profile["version"])
    assert (await other.get("/v1/org/profile")).headers["etag"] == '"0"'
    _as_written(await client.get("/v1/org/profile/inferred-model"), InferredModel)
    _as_written(await client.get("/v1/org/metrics"), OrgMetrics)
    _as_written(await other.get("/v1/org/metrics"), OrgMetrics)
    _as_written(await client.get("/v1/org/exports/organisation"), OrgDocument)


async def test_another_tenants_rows_are_absent(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    org = await _organisation(client)
    unit, person = org["units"][0]["id"], org["people"][0]["id"]
    programme = org["programme"]["id"]
    enrolment = (await walk_pages(client, org["enrolments"]))[0]["id"]
    matrix = (await walk_pages(client, "/v1/org/raci-matrices"))[0]["id"]
    mechanism = (await walk_pages(client, "/v1/org/coordination-mechanisms"))[0]["id"]
    for url in (
        f"/v1/org/units/{unit}/subtree",
        f"/v1/org/units/{unit}/ancestors",
        f"/v1/org/units/{unit}/skill-gaps",
        f"/v1/org/people/{person}",
        f"/v1/org/people/{person}/skills",
        f"/v1/org/people/{person}/skill-gaps",
        f"/v1/org/people/{person}/training",
        f"/v1/org/roles/{org['role']['id']}",
        f"/v1/org/roles/{org['role']['id']}/skill-gaps",
        f"/v1/org/raci-matrices/{matrix}",
        f"/v1/org/raci-matrices/{matrix}/validation",
        f"/v1/org/coordination-mechanisms/{mechanism}",
        f"/v1/org/training-programmes/{programme}",
        f"/v1/org/training-programmes/{programme}/enrolments",
        f"/v1/org/training-programmes/{programme}/enrolments/{enrolment}",
    ):
        assert (await client.get(url)).status_code == 200, url
        assert_problem(await other.get(url), 404)
    # A unit or role of another tenant is a bad query parameter of the coverage.
    assert_problem(await other.get("/v1/org/training/coverage", params={"unit_id": unit}), 422)
    role = {"role_id": org["role"]["id"]}
    assert_problem(await other.get("/v1/org/training/coverage", params=role), 422)
    # The built-in roles are everyone's.
    builtin = next(r for r in await walk_pages(client, "/v1/org/roles") if r["builtin"])
    assert (await other.get(f"/v1/org/roles/{builtin['id']}")).json() == builtin


async def test_a_subtree_page_by_page(client: httpx.AsyncClient, other: httpx.AsyncClient) -> None:
    org = await _organisation(client)
    root = next(u for u in org["units"] if u["parent_id"] is None)
    url = f"/v1/org/units/{root['id']}/subtree"
    whole = _as_written(await client.get(url, params={"limit": 200}), UnitSubtreePage)
    paged = await walk_pages(client, url, limit=3)
    assert paged == whole["items"]
    assert [u["depth"] for u in paged] == sorted(u["depth"] for u in paged)
    # A later page of a unit the tenant has is its page, whatever it holds.
    first = await _ok(await client.get(url, params={"limit": len(paged) - 1}))
    last = await _ok(await client.get(url, params={"limit": 1, "cursor": first["next_cursor"]}))
    assert last["next_cursor"] is None
    assert [u["id"] for u in last["items"]] == [paged[-1]["id"]]
    # The unit must be the tenant's, with a cursor or without.
    assert_problem(await other.get(url), 404)
    assert_problem(await other.get(url, params={"cursor": first["next_cursor"]}), 404)
