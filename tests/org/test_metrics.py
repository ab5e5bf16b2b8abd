"""`GET /v1/org/metrics` on the sample organisation and the sample inventory, checked against
figures computed here, independently, from the two sample files."""

from __future__ import annotations

import csv
import json
import statistics
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.auth import Principal
from tests.support import SAMPLES, TEST_SECRET, new_principal, principal_headers, walk_pages

pytestmark = pytest.mark.asyncio

DATA = SAMPLES
ORG = json.loads((DATA / "org_sample.json").read_text())
TOOLS = list(
    csv.DictReader((DATA / "martech_inventory_sample.csv").read_text(encoding="utf-8").splitlines())
)
METRICS = "/v1/org/metrics"

Json = dict[str, Any]
Factory = Callable[[str], httpx.AsyncClient]

# Who completes which wave of the sample programme (basic first, as the rule wants).
BASIC_DONE = [
    "ops.lead@acme.example",
    "data.lead@acme.example",
    "dx.lead@acme.example",
    "web.lead@acme.example",
    "ines.moreau@acme.example",
]
ADVANCED_DONE = ["ops.lead@acme.example", "data.lead@acme.example"]
# A second programme made here: one wave with every tool these people own (by email or unit),
# which they complete, so that some people are covered on all their tools.
OWNERS_DONE = ["events.lead@acme.example", "privacy.lead@acme.example"]


def _tools_of(email: str) -> set[str]:
    unit = next(p["unit"] for p in ORG["people"] if p["email"] == email)
    return {
        t["name"]
        for t in TOOLS
        if t["status"] != "retired" and (t["business_owner"] == email or t["owner_unit"] == unit)
    }


async def _load_samples(
    client: httpx.AsyncClient, anonymous_client_factory: Factory, principal: Principal
) -> None:
    assert (await client.post("/v1/org/imports", json=ORG)).status_code == 200
    async with anonymous_client_factory("inventory") as inventory:
        inventory.headers.update(principal_headers(principal))
        imported = await inventory.post(
            "/v1/inventory/imports",
            content=(DATA / "martech_inventory_sample.csv").read_bytes(),
            headers={"content-type": "text/csv"},
        )
        assert imported.status_code == 200, imported.text
    # Again, now that the inventory knows the waves' tools.
    assert (await client.post("/v1/org/imports", json=ORG)).status_code == 200
    people = {p["email"]: p["id"] for p in await walk_pages(client, "/v1/org/people", limit=200)}
    programme = (await client.get("/v1/org/training-programmes")).json()["items"][0]
    basic, advanced = (wave["id"] for wave in programme["waves"])
    enrolments = f"/v1/org/training-programmes/{programme['id']}/enrolments"
    for wave, emails in ((basic, BASIC_DONE), (advanced, ADVANCED_DONE)):
        for email in emails:
            created = await client.post(
                enrolments, json={"person_id": people[email], "wave_id": wave}
            )
            assert created.status_code == 201, created.text
            done = await client.post(f"{enrolments}/{created.json()['id']}/completion", json={})
            assert done.status_code in (200, 201), done.text
    async with anonymous_client_factory("inventory") as inventory:
        inventory.headers.update(principal_headers(principal))
        tool_ids = {
            t["name"]: t["id"]
            for t in await walk_pages(inventory, "/v1/inventory/tools", limit=200)
        }
    owned = sorted({tool_ids[name] for email in OWNERS_DONE for name in _tools_of(email)})
    second = await client.post(
        "/v1/org/training-programmes",
        json={
            "name": "Owner basics",
            "waves": [{"name": "All owned tools", "level": "basic", "tool_ids": owned}],
        },
    )
    assert second.status_code == 201, second.text
    wave = second.json()["waves"][0]["id"]
    enrolments = f"/v1/org/training-programmes/{second.json()['id']}/enrolments"
    for email in OWNERS_DONE:
        created = await client.post(enrolments, json={"person_id": people[email], "wave_id": wave})
        assert created.status_code == 201, created.text
        done = await client.post(f"{enrolments}/{created.json()['id']}/completion", json={})
        assert done.status_code in (200, 201), done.text


def _edge_units() -> set[str]:
    parent = {u["name"]: u["parent"] for u in ORG["units"]}
    kind = {u["name"]: u["type"] for u in ORG["units"]}

    def edge(name: str | None) -> bool:
        while name is not None:
            if kind[name] in ("business_unit", "region"):
                return True
            name = parent[name]
        return False

    return {name for name in parent if edge(name)}


def _outside_units() -> set[str]:
    """The sample's functions that hold no centre (Sales, IT, Legal & Privacy), with their
    units that are not edge: outside marketing."""
    parent = {u["name"]: u["parent"] for u in ORG["units"]}
    kind = {u["name"]: u["type"] for u in ORG["units"]}
    centres = {n for n, k in kind.items() if k in ("center_of_excellence", "marketing_ops_center")}

    def above(name: str | None) -> list[str]:
        chain = []
        while name is not None:
            chain.append(name)
            name = parent[name]
        return chain

    marketing = {n for centre in centres for n in above(centre) if kind[n] == "function"}
    outside = {n for n, k in kind.items() if k == "function" and n not in marketing}
    return {
        name
        for name in parent
        if name not in _edge_units() and any(n in outside for n in above(name))
    }


def _expected_training() -> Json:
    waves = ORG["training"]["waves"]
    trained: dict[str, set[str]] = {}
    for wave, emails in ((waves[0], BASIC_DONE), (waves[1], ADVANCED_DONE)):
        for email in emails:
            trained.setdefault(email, set()).update(wave["tools"])
    for email in OWNERS_DONE:
        trained.setdefault(email, set()).update(_tools_of(email))
    with_tools = covered = pairs = trained_pairs = 0
    for person in ORG["people"]:
        tools = _tools_of(person["email"])
        if not tools:
            continue
        with_tools += 1
        done = tools & trained.get(person["email"], set())
        pairs += len(tools)
        trained_pairs += len(done)
        covered += done == tools
    return {
        "people": len(ORG["people"]),
        "people_with_tools": with_tools,
        "people_covered": covered,
        "coverage": covered / with_tools,
        "tool_assignments": pairs,
        "trained_assignments": trained_pairs,
        "assignment_coverage": trained_pairs / pairs,
    }


def _role_key(name: str) -> str:
    return name.lower().replace("optimization", "optimisation")


async def test_metrics_match_figures_computed_from_the_samples(
    client: httpx.AsyncClient, anonymous_client_factory: Factory, principal: Principal
) -> None:
    await _load_samples(client, anonymous_client_factory, principal)
    response = await client.get(METRICS)
    assert response.status_code == 200, response.text
    metrics = response.json()

    edge_units, outside_units = _edge_units(), _outside_units()
    assert outside_units == {
        "Sales",
        "Sales Development",
        "IT",
        "IT Data Platform",
        "IT Workplace",
        "Legal & Privacy",
    }
    edge = sum(1 for p in ORG["people"] if p["unit"] in edge_units)
    outside = sum(1 for p in ORG["people"] if p["unit"] in outside_units)
    central = len(ORG["people"]) - edge - outside
    assert metrics["people"] == {
        "active": 25,
        "central": central,
        "edge": edge,
        "outside": outside,
        "unassigned": 0,
        "centralisation_ratio": central / (central + edge),
    }
    centres = {
        u["name"]
        for u in ORG["units"]
        if u["type"] in ("center_of_excellence", "marketing_ops_center")
    }
    assert metrics["centre_of_excellence"] == {
        "units": len(centres),
        "people": sum(1 for p in ORG["people"] if p["unit"] in centres),
    }
    assert metrics["spans_of_control"] == {
        "managers": 0,
        "mean": None,
        "median": None,
        "max": None,
        "wide": 0,
    }

    # The sample RACI: no R in one activity, two A in another, a data activity without legal.
    raci = metrics["raci"]
    activities = len(ORG["raci"]["activities"])
    assert (raci["matrices"], raci["activities"], raci["violations"]) == (1, activities, 3)
    assert raci["complete_activities"] == activities - 3
    assert raci["completeness"] == (activities - 3) / activities
    assert raci["violations_by_code"]["several_accountable"] == 1
    # Two activities buy tools ("Select and purchase martech", "Approve a bring-your-own tool
    # at the edge"); neither breaks a rule.
    assert (raci["purchase_activities"], raci["complete_purchase_activities"]) == (2, 2)

    names = {u["id"]: u["name"] for u in await walk_pages(client, "/v1/org/units")}
    sides = metrics["unit_sides"]
    assert {names[i] for i in sides["edge"]} == _edge_units()
    assert {names[i] for i in sides["outside"]} == outside_units
    assert {names[i] for i in sides["central"]} == set(names.values()) - edge_units - outside_units

    levels = [m["level"] for m in ORG["coordination_mechanisms"]]
    coordination = metrics["coordination"]
    assert coordination["by_level"] == {
        level: levels.count(level) for level in ("ad_hoc", "standardised", "formalised")
    }
    rank = {"ad_hoc": 0, "standardised": 1, "formalised": 2}
    assert coordination["maturity"] == pytest.approx(
        statistics.fmean(rank[lv] for lv in levels) / 2
    )

    assert metrics["training"] == pytest.approx(_expected_training())

    roles = {_role_key(r["name"]): r for r in await walk_pages(client, "/v1/org/roles", limit=200)}
    expected_gaps: dict[str, tuple[int, int, int]] = {}
    for person in ORG["people"]:
        role = roles[_role_key(person["role"])]
        held = {s["skill"]: s["proficiency"] for s in person["skills"]}
        short = [
            r for r in role["required_skills"] if held.get(r["skill"], 0) < r["min_proficiency"]
        ]
        holders, with_gaps, gaps = expected_gaps.get(role["name"], (0, 0, 0))
        expected_gaps[role["name"]] = (holders + 1, with_gaps + bool(short), gaps + len(short))
    by_role = {
        g["role_name"]: (g["people"], g["people_with_gaps"], g["gaps"])
        for g in metrics["skill_gaps_by_role"]
    }
    for name, figures in expected_gaps.items():
        assert by_role[name] == figures, name
    assert any(gaps for _, _, gaps in expected_gaps.values())

    live = [t for t in TOOLS if t["status"] != "retired"]
    edge_tools = sum(1 for t in live if t["owner_unit"] in edge_units)
    outside_tools = sum(1 for t in live if t["owner_unit"] in outside_units)
    model = metrics["model"]
    assert model["declared"] == ORG["organization"]["model"]
    assert model["basis"]["central_tools"] == len(live) - edge_tools - outside_tools
    assert model["basis"]["edge_tools"] == edge_tools
    assert model["basis"]["outside_tools"] == outside_tools
    assert model["inferred"] == "hybrid_matrix"
    assert model["agrees"] is True
    assert metrics["unavailable"] == []


async def test_metrics_are_503_without_the_inventory_unless_partial(
    client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    assert (await client.post("/v1/org/imports", json={"units": ORG["units"]})).status_code == 200
    org = service_apps["org"]
    working = org.state.inventory_client
    org.state.inventory_client = InventoryClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    try:
        refused = await client.get(METRICS)
        partial = await client.get(METRICS, params={"allow_partial": "true"})
    finally:
        await org.state.inventory_client.aclose()
        org.state.inventory_client = working
    assert refused.status_code == 503
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert partial.status_code == 200, partial.text
    body = partial.json()
    assert body["training"] is None
    assert body["model"] is None
    assert body["unavailable"] == ["training", "model"]
    assert body["people"]["active"] == 0


async def test_metrics_never_count_another_tenants_organisation(
    client: httpx.AsyncClient, anonymous_client_factory: Factory
) -> None:
    assert (await client.post("/v1/org/imports", json=ORG)).status_code == 200
    async with anonymous_client_factory("org") as other:
        other.headers.update(principal_headers(new_principal()))
        metrics = (await other.get(METRICS)).json()
    assert metrics["people"]["active"] == 0
    assert metrics["raci"]["matrices"] == 0
    assert metrics["coordination"]["mechanisms"] == 0
    assert metrics["centre_of_excellence"] == {"units": 0, "people": 0}
