"""The organisation import and export: the sample file imports as-is with its defects reported,
bad input is refused at its pointer with nothing written, and re-importing changes nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from mops_org.db import writes
from mops_shared.kit.auth import Principal
from tests.support import SAMPLES, new_principal, principal_headers, walk_pages

pytestmark = pytest.mark.asyncio

SAMPLE = SAMPLES / "org_sample.json"
IMPORTS = "/v1/org/imports"
EXPORT = "/v1/org/exports/organisation"

Json = dict[str, Any]
Factory = Callable[[str], httpx.AsyncClient]


def sample() -> Json:
    document: Json = json.loads(SAMPLE.read_text())
    return document


async def _audit_count(app: FastAPI, principal: Principal) -> int:
    async with app.state.sessionmaker() as session:
        table = writes.audit
        count: int = (
            await session.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.tenant_id == principal.tenant_id)
            )
        ).scalar_one()
        return count


def _problems(report: Json, code: str) -> list[str]:
    return [p["pointer"] for p in report["problems"] if p["code"] == code]


async def test_the_sample_imports_as_is_and_reports_its_defects(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(IMPORTS, json=sample())
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["units"] == {"read": 19, "created": 19, "updated": 0, "unchanged": 0, "failed": 0}
    assert report["people"] == {
        "read": 25,
        "created": 25,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
    }
    assert report["raci_matrices"]["created"] == 1
    assert report["coordination_mechanisms"]["created"] == 3
    assert report["training_programmes"]["created"] == 1
    assert report["profile_updated"] is True
    assert not [p for p in report["problems"] if p["severity"] == "error"]
    # American spellings of unit types are read as the British ones, and said so.
    assert _problems(report, "spelling") == ["/units/0/type", "/units/2/type", "/units/3/type"]
    # The RACI's real defects, each at its activity.
    assert _problems(report, "raci_data_without_legal") == ["/raci/activities/2"]
    assert _problems(report, "raci_no_responsible") == ["/raci/activities/4"]
    assert _problems(report, "raci_several_accountable") == ["/raci/activities/5"]
    (several,) = [p for p in report["problems"] if p["code"] == "raci_several_accountable"]
    # The assignees at fault by the names the document gives them, not by ids.
    assert several["problem"] == (
        "'Train marketers on martech (waves)': 2 assignees are accountable (A), Chief "
        "Marketing Officer (role), BU Marketing Director (role): exactly one must be"
    )
    # The inventory of this tenant is empty: the waves' tools are kept by name.
    assert len(_problems(report, "unresolved_tool")) == 6
    # "Experience Optimization Specialist" is the built-in role, not a new one.
    assert "Experience Optimization Specialist" not in report["roles_created"]
    assert "Chief Marketing Officer" in report["roles_created"]
    assert len(report["roles_created"]) == 15  # 23 roles named, 8 built in

    units = await walk_pages(client, "/v1/org/units", limit=200)
    by_name = {unit["name"]: unit for unit in units}
    assert by_name["Acme Corp"]["type"] == "organisation"
    assert by_name["Marketing Operations CoE"]["type"] == "marketing_ops_centre"
    assert by_name["Marketing Operations CoE"]["parent_id"] == by_name["Global Marketing"]["id"]
    people = await walk_pages(client, "/v1/org/people", limit=200)
    omar = next(p for p in people if p["email"] == "omar.haddad@acme.example")
    assert omar["unit_id"] == by_name["Digital Experience CoE"]["id"]
    role = (await client.get(f"/v1/org/roles/{omar['role_ids'][0]}")).json()
    assert role["name"] == "Experience Optimisation Specialist"
    assert role["builtin"] is True
    skills = (await client.get(f"/v1/org/people/{omar['id']}/skills")).json()["skills"]
    assert {(s["skill"], s["proficiency"]) for s in skills} == {
        ("experimentation", 4),
        ("web analytics", 3),
    }
    matrices = (await client.get("/v1/org/raci-matrices")).json()["items"]
    assert [(m["name"], m["valid"], m["violation_count"]) for m in matrices] == [
        ("Marketing technology and data responsibilities", False, 3)
    ]
    profile = (await client.get("/v1/org/profile")).json()
    assert (profile["model"], profile["commerce_structure"]) == (
        "hybrid_matrix",
        "integrated_channel",
    )


async def test_an_activity_without_a_kind_is_read_as_data_or_purchase_by_whole_words(
    client: httpx.AsyncClient,
) -> None:
    document = sample()
    names = [a["activity"] for a in document["raci"]["activities"]]
    # The sample's two tool purchases, then a persona workshop: "buyer" is not "buy".
    document["raci"]["activities"].append(
        {"activity": "Define the buyer persona", "assignments": {"Digital Strategist": "A"}}
    )
    response = await client.post(IMPORTS, json=document)
    assert response.status_code == 200, response.text
    inferred = {
        p["pointer"]: p["problem"]
        for p in response.json()["problems"]
        if p["code"] == "inferred_kind"
    }
    assert inferred == {
        "/raci/activities/0/kind": f"{names[0]!r} read as a purchase activity from its name",
        "/raci/activities/1/kind": f"{names[1]!r} read as a purchase activity from its name",
        "/raci/activities/2/kind": f"{names[2]!r} read as a data activity from its name",
        "/raci/activities/3/kind": f"{names[3]!r} read as a data activity from its name",
    }
    (matrix,) = (await client.get("/v1/org/raci-matrices")).json()["items"]
    kinds = {a["name"]: a["kind"] for a in matrix["activities"]}
    assert kinds == {
        "Select and purchase martech": "purchase",
        "Approve a bring-your-own tool at the edge": "purchase",
        "Maintain the shared customer identity": "data",
        "Consent and privacy policy (GDPR, CCPA)": "data",
        "Brand templates and CMS guardrails": "programme",
        "Train marketers on martech (waves)": "programme",
        "Define the buyer persona": "programme",
    }


async def test_importing_the_same_file_again_changes_nothing(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    assert (await client.post(IMPORTS, json=sample())).status_code == 200
    audited = await _audit_count(service_apps["org"], principal)
    again = await client.post(IMPORTS, json=sample())
    assert again.status_code == 200, again.text
    report = again.json()
    for kind in (
        "units",
        "people",
        "raci_matrices",
        "coordination_mechanisms",
        "training_programmes",
    ):
        assert report[kind]["created"] == report[kind]["updated"] == 0, kind
        assert report[kind]["unchanged"] == report[kind]["read"], kind
    assert report["roles_created"] == []
    assert report["profile_updated"] is False
    assert await _audit_count(service_apps["org"], principal) == audited


async def test_a_changed_file_updates_only_what_changed(client: httpx.AsyncClient) -> None:
    assert (await client.post(IMPORTS, json=sample())).status_code == 200
    changed = sample()
    changed["people"][4]["unit"] = "Demand Generation"  # Ana Ruiz moves
    changed["people"][4]["skills"][0]["proficiency"] = 4
    changed["units"][4]["parent"] = "Marketing Operations CoE"  # Demand Generation moves
    response = await client.post(IMPORTS, json=changed)
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["people"]["updated"], report["people"]["unchanged"]) == (1, 24)
    assert (report["units"]["updated"], report["units"]["unchanged"]) == (1, 18)
    people = await walk_pages(client, "/v1/org/people", limit=200)
    ana = next(p for p in people if p["email"] == "ana.ruiz@acme.example")
    skills = (await client.get(f"/v1/org/people/{ana['id']}/skills")).json()["skills"]
    assert {s["skill"]: s["proficiency"] for s in skills}["marketing automation"] == 4


def _broken(path: list[Any], value: Any) -> Json:
    document = sample()
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "pointer", "code"),
    [
        (["units", 5, "type"], "department", "/units/5/type", "invalid_value"),
        (["units", 1, "parent"], "Demand Generation", "/units/1/parent", "cycle"),
        (["units", 6, "parent"], "Nowhere", "/units/6/parent", "unknown_unit"),
        (["people", 3, "email"], "not-an-email", "/people/3/email", "invalid_email"),
        (["people", 3, "email"], "OPS.LEAD@acme.example", "/people/3/email", "duplicate"),
        (
            ["people", 3, "skills", 1, "proficiency"],
            5,
            "/people/3/skills/1/proficiency",
            "out_of_range",
        ),
        (["people", 3, "unit"], "Nowhere", "/people/3/unit", "unknown_unit"),
        (
            ["raci", "activities", 1, "assignments", "Privacy Counsel"],
            "X",
            "/raci/activities/1/assignments/Privacy Counsel",
            "invalid_letter",
        ),
        (["training", "waves", 0, "level"], "advanced", "/training/waves/1/level", "wave_order"),
        (
            ["coordination_mechanisms", 0, "level"],
            "chaotic",
            "/coordination_mechanisms/0/level",
            "invalid_value",
        ),
    ],
)
async def test_an_error_refuses_the_whole_file_at_its_pointer(
    client: httpx.AsyncClient,
    principal: Principal,
    service_apps: dict[str, FastAPI],
    path: list[Any],
    value: Any,
    pointer: str,
    code: str,
) -> None:
    document = _broken(path, value)
    if code == "wave_order":
        document["training"]["waves"][1]["level"] = "basic"
    dry = await client.post(IMPORTS, json=document, params={"dry_run": "true"})
    assert dry.status_code == 200, dry.text
    assert (pointer, code) in {(p["pointer"], p["code"]) for p in dry.json()["problems"]}

    response = await client.post(IMPORTS, json=document)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert pointer in [error["pointer"] for error in response.json()["errors"]]
    assert (await client.get("/v1/org/units")).json()["items"] == []
    assert (await client.get("/v1/org/people")).json()["items"] == []
    assert await _audit_count(service_apps["org"], principal) == 0


async def test_partial_mode_imports_what_is_sound_and_reports_the_rest(
    client: httpx.AsyncClient,
) -> None:
    document = sample()
    document["units"][5]["type"] = "department"  # Corporate Communications fails...
    document["people"][3]["email"] = "not-an-email"
    response = await client.post(IMPORTS, json=document, params={"mode": "partial"})
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["units"]["created"], report["units"]["failed"]) == (18, 1)
    # ...and so does the one person in it (Comms Lead), besides the bad email.
    assert (report["people"]["created"], report["people"]["failed"]) == (23, 2)
    assert "/people/12/unit" in _problems(report, "not_imported")
    people = await walk_pages(client, "/v1/org/people", limit=200)
    assert len(people) == 23


async def test_the_export_reimports_to_the_same_organisation(
    client: httpx.AsyncClient, anonymous_client_factory: Factory
) -> None:
    assert (await client.post(IMPORTS, json=sample())).status_code == 200
    exported = await client.get(EXPORT)
    assert exported.status_code == 200, exported.text
    document = exported.json()
    assert len(document["units"]) == 19
    assert len(document["people"]) == 25
    assert document["organization"]["model"] == "hybrid_matrix"
    # Into the same tenant: nothing changes.
    same = (await client.post(IMPORTS, json=copy.deepcopy(document))).json()
    assert same["units"]["unchanged"] == 19
    assert same["people"]["unchanged"] == 25
    assert same["raci_matrices"]["unchanged"] == 1
    assert same["training_programmes"]["unchanged"] == 1
    # Into a new tenant: the same organisation, exported identically.
    async with anonymous_client_factory("org") as other:
        other.headers.update(principal_headers(new_principal()))
        imported = await other.post(IMPORTS, json=document)
        assert imported.status_code == 200, imported.text
        again = (await other.get(EXPORT)).json()
    assert again == document


async def test_wave_tools_are_resolved_in_the_inventory_of_the_same_tenant(
    client: httpx.AsyncClient, principal: Principal, anonymous_client_factory: Factory
) -> None:
    async with anonymous_client_factory("inventory") as inventory:
        inventory.headers.update(principal_headers(principal))
        segment = await inventory.post("/v1/inventory/tools", json={"name": "Segment"})
        assert segment.status_code == 201, segment.text
    report = (await client.post(IMPORTS, json=sample())).json()
    assert len(_problems(report, "unresolved_tool")) == 5
    programmes = (await client.get("/v1/org/training-programmes")).json()["items"]
    advanced = programmes[0]["waves"][1]
    assert advanced["tool_ids"] == [segment.json()["id"]]
    assert advanced["unresolved_tools"] == ["Marketo Engage", "Optimizely Web Experimentation"]


async def test_imported_changes_are_audited_as_the_api_reads_them(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.post(IMPORTS, json=sample())).status_code == 200
    units = await walk_pages(client, "/v1/org/units", limit=200)
    unit = next(u for u in units if u["name"] == "Marketing Operations CoE")
    entries = await walk_pages(client, "/v1/org/audit", object_type="unit", object_id=unit["id"])
    assert [(e["action"], e["after"]) for e in entries] == [("create", unit)]
    people = await walk_pages(client, "/v1/org/people", limit=200)
    ana = next(p for p in people if p["email"] == "ana.ruiz@acme.example")
    (entry,) = await walk_pages(client, "/v1/org/audit", object_type="person", object_id=ana["id"])
    skills = (await client.get(f"/v1/org/people/{ana['id']}/skills")).json()["skills"]
    assert entry["after"] == {**ana, "skills": sorted(skills, key=lambda s: s["skill"])}


async def test_a_reimport_completes_the_enrolments_it_marks_completed(
    client: httpx.AsyncClient,
) -> None:
    document = sample()
    emails = ["ana.ruiz@acme.example", "tom.becker@acme.example"]
    document["training"]["enrolments"] = [
        {"email": email, "wave": "Wave 1 - functional basics"} for email in emails
    ]
    assert (await client.post(IMPORTS, json=document)).status_code == 200
    for enrolment in document["training"]["enrolments"]:
        enrolment["completed_at"] = "2026-10-01T09:00:00Z"
    assert (await client.post(IMPORTS, json=document)).status_code == 200
    programme = (await client.get("/v1/org/training-programmes")).json()["items"][0]
    enrolments = await walk_pages(
        client, f"/v1/org/training-programmes/{programme['id']}/enrolments"
    )
    assert len(enrolments) == 2
    assert {e["completed_at"] for e in enrolments} == {"2026-10-01T09:00:00Z"}


async def test_names_longer_than_the_api_stores_are_refused_not_a_500(
    client: httpx.AsyncClient,
) -> None:
    # Regression: a 300-character unit, activity or wave-skill name was imported, and reading
    # it back (in the import's own report) failed with a 500. The document bounds them now.
    for document, pointer in (
        ({"units": [{"name": "U" * 300, "type": "team"}]}, "/units/0/name"),
        (
            {"raci": {"name": "R", "activities": [{"activity": "A" * 201, "assignments": {}}]}},
            "/raci/ImportRaci/activities/0/activity",
        ),
        (
            {"people": [{"name": "P", "email": "p@acme.example", "role": "r" * 201}]},
            "/people/0/role",
        ),
    ):
        response = await client.post(IMPORTS, json=document)
        assert response.status_code == 422, response.text
        assert pointer in [e["pointer"] for e in response.json()["errors"]]
    assert await walk_pages(client, "/v1/org/units") == []


async def test_blank_names_are_defects_at_their_pointer_not_a_500(
    client: httpx.AsyncClient,
) -> None:
    # Regression: a blank activity or wave-skill name was stored empty, and the matrix or the
    # programme could not be read back (500); blank matrix, mechanism, programme, wave and
    # person names were stored empty too.
    document = {
        "people": [{"name": " ", "email": "p@acme.example"}],
        "raci": [
            {"name": "\t"},
            {"name": "R", "activities": [{"activity": " ", "assignments": {}}]},
        ],
        "coordination_mechanisms": [{"name": " ", "kind": "forum", "level": "ad_hoc"}],
        "training": [
            {"programme": " "},
            {
                "programme": "T",
                "waves": [
                    {"name": " ", "level": "basic"},
                    {
                        "name": "W",
                        "level": "basic",
                        "skills": [
                            {"skill": " ", "proficiency": 1},
                            {"skill": "SQL", "proficiency": 1},
                            {"skill": "sql", "proficiency": 2},
                        ],
                    },
                ],
            },
        ],
    }
    response = await client.post(IMPORTS, json=document)
    assert response.status_code == 422, response.text
    assert [(e["pointer"], e["detail"]) for e in response.json()["errors"]] == [
        ("/people/0/name", "a person needs a name"),
        ("/raci/0/name", "a RACI matrix needs a name"),
        ("/raci/1/activities/0/activity", "an activity needs a name"),
        ("/coordination_mechanisms/0/name", "a mechanism needs a name"),
        ("/training/0/programme", "a programme needs a name"),
        ("/training/1/waves/0/name", "a wave needs a name"),
        ("/training/1/waves/1/skills/0/skill", "a skill needs a name"),
        ("/training/1/waves/1/skills/2/skill", "'sql' is listed twice"),
    ]
    for path in ("/v1/org/raci-matrices", "/v1/org/training-programmes", "/v1/org/people"):
        assert await walk_pages(client, path) == []


async def _outbox_count(app: FastAPI, principal: Principal) -> int:
    async with app.state.sessionmaker() as session:
        table = writes.outbox
        count: int = (
            await session.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.tenant_id == principal.tenant_id)
            )
        ).scalar_one()
        return count


_KINDS = ("units", "people", "raci_matrices", "coordination_mechanisms", "training_programmes")


async def test_a_dry_run_counts_what_the_import_then_does_and_writes_nothing(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["org"]
    dry = await client.post(IMPORTS, json=sample(), params={"dry_run": "true"})
    assert dry.status_code == 200, dry.text
    plan = dry.json()
    assert plan["dry_run"] is True
    assert plan["units"]["created"] == len(sample()["units"]) == 19
    assert plan["people"]["created"] == len(sample()["people"]) == 25
    assert plan["profile_updated"] is True
    assert await _audit_count(app, principal) == await _outbox_count(app, principal) == 0
    assert (await client.get("/v1/org/units")).json()["items"] == []
    assert (await client.get("/v1/org/people")).json()["items"] == []

    real = (await client.post(IMPORTS, json=sample())).json()
    for kind in _KINDS:
        assert real[kind] == plan[kind], kind
    assert (real["roles_created"], real["profile_updated"]) == (
        plan["roles_created"],
        plan["profile_updated"],
    )
    assert real["problems"] == plan["problems"]

    written = (await _audit_count(app, principal), await _outbox_count(app, principal))
    document = sample()
    document["people"][0]["name"] = "Someone Else"  # one person renamed, all else the same
    again = (await client.post(IMPORTS, json=document, params={"dry_run": "true"})).json()
    for kind in _KINDS:
        read = again[kind]["read"]
        expected = (0, 1, read - 1) if kind == "people" else (0, 0, read)
        assert (again[kind]["created"], again[kind]["updated"], again[kind]["unchanged"]) == (
            expected
        ), kind
    assert again["profile_updated"] is False
    assert (await _audit_count(app, principal), await _outbox_count(app, principal)) == written
    people = await walk_pages(client, "/v1/org/people", limit=200)
    assert "Someone Else" not in {p["name"] for p in people}
