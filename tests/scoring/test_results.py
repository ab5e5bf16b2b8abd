"""Results from the sample organisation and inventory: every score traced to its answers and
evidence, a constant number of calls to the other services, failing sources, histories."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient, OrgClient
from tests.scoring.support import (
    ASSESSMENTS,
    FRAMEWORKS,
    LEVELS,
    ORG,
    RESULTS,
    closed_assessment,
    first_rows,
    five_forces_answers,
    load,
    questions,
)
from tests.support import (
    TEST_SECRET,
    ClientFactory,
    assert_problem,
    tenant_client,
    walk_pages,
)

pytestmark = pytest.mark.asyncio


class CountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, app: FastAPI) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return await self.inner.handle_async_request(request)


@contextmanager
def counted_calls(service_apps: dict[str, FastAPI]) -> Iterator[list[str]]:
    """The paths the scoring service asks the org and inventory services, while inside."""
    state = service_apps["scoring"].state
    wired = state.org_client, state.inventory_client
    to_org, to_inventory = (
        CountingTransport(service_apps["org"]),
        CountingTransport(service_apps["inventory"]),
    )
    state.org_client = OrgClient("http://org.test", internal_secret=TEST_SECRET, transport=to_org)
    state.inventory_client = InventoryClient(
        "http://inventory.test", internal_secret=TEST_SECRET, transport=to_inventory
    )
    calls: list[str] = []
    try:
        yield calls
    finally:
        calls.extend(to_org.paths + to_inventory.paths)
        state.org_client, state.inventory_client = wired


async def test_the_samples_give_a_five_forces_result_traced_to_answers_and_evidence(
    client: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    service_apps: dict[str, FastAPI],
) -> None:
    await load(org, inventory)
    qs = await questions(client, "five_forces")
    base = await closed_assessment(
        client, org, "five_forces", [five_forces_answers(qs, levels) for levels in LEVELS]
    )
    with counted_calls(service_apps) as calls:
        response = await client.post(f"{base}/results")
    assert response.status_code == 201, response.text
    result = response.json()
    assert sorted(calls) == ["/v1/inventory/reports/evidence", "/v1/org/metrics"]
    assert response.headers["location"] == f"{RESULTS}/{result['id']}"
    assert result["respondents"] == 3

    evidence = {e["signal"]: e for e in result["evidence"]}
    # The sample has no CX-efficiency result yet: that signal is missing and says so.
    assert evidence["danger_process_share"]["raw"] is None
    assert "CX-efficiency" in evidence["danger_process_share"]["missing"]
    # Nor does the sample say when any tool came into use: the import of the whole stack
    # today is not 57 tools added in a year, and the change is named missing, not scored.
    stack_change = evidence["stack_change_12_months"]
    assert stack_change["raw"] is None
    assert "no active tool has a date it came into use" in stack_change["missing"]
    assert stack_change["basis"]["active_tools_undated"] == stack_change["basis"]["active_tools"]
    assert [s for s, e in evidence.items() if e["raw"] is None] == [
        "danger_process_share",
        "stack_change_12_months",
    ]
    # From the sample org alone: 6 RACI activities, 3 with a violation.
    assert evidence["raci_completeness"]["raw"] == 0.5
    levels = [m["level"] for m in ORG["coordination_mechanisms"]]
    rank = {"ad_hoc": 0, "standardised": 0.5, "formalised": 1}
    assert evidence["coordination_maturity"]["raw"] == pytest.approx(
        sum(rank[level] for level in levels) / len(levels)
    )
    # Ratios are their basis divided out.
    integration = evidence["integration_coverage"]
    basis = integration["basis"]
    assert integration["raw"] == pytest.approx(basis["integrated_tools"] / basis["active_tools"])

    for dimension in result["dimensions"]:
        contributions = dimension["contributions"]
        # Every score is the sum of its inputs' scores times their shares.
        traced = sum(c["share"] * c["score"] for c in contributions if c["score"] is not None)
        assert dimension["score"] == pytest.approx(traced, abs=0.05), dimension["key"]
        assert sum(c["share"] for c in contributions) == pytest.approx(1, abs=1e-3)
        # Each question's score is its respondents' mean, from the answers given above.
        answers = [levels[dimension["key"]] for levels in LEVELS]
        for c in contributions:
            if c["source"] == "question":
                assert c["score"] == pytest.approx(25 * sum(answers) / len(answers), abs=0.01)
                assert c["respondents"] == 3
            else:
                item = evidence[c["key"]]
                assert c["raw"] == item["raw"]
        assert dimension["spread"]["n"] == 3
        assert dimension["spread"]["min"] == 25 * min(answers)
        assert dimension["spread"]["max"] == 25 * max(answers)
        assert dimension["key"] in dimension["explanation"].lower()
    quadrants = {q["key"]: q for q in result["quadrants"]}
    scores = {d["key"]: d["score"] for d in result["dimensions"]}
    assert quadrants["nw"]["score"] == pytest.approx(
        (scores["centralize"] + scores["automate"]) / 2, abs=0.01
    )
    assert result["weak_quadrants"] == [q for q, v in quadrants.items() if v["weak"]]
    assert all(quadrants[q]["actions"] for q in result["weak_quadrants"])
    assert (await client.get(f"{RESULTS}/{result['id']}")).json() == result


async def test_calls_to_other_services_do_not_grow_with_the_tenant(
    client: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
) -> None:
    levels = {"centralize": 2, "automate": 2, "decentralize": 2, "humanize": 2, "change": 2}
    counts = []
    for tools in (10, 57):
        tenant = uuid.uuid4()
        async with (
            tenant_client(anonymous_client_factory, "scoring", tenant) as scoring,
            tenant_client(anonymous_client_factory, "org", tenant) as its_org,
            tenant_client(anonymous_client_factory, "inventory", tenant) as its_inventory,
        ):
            await load(its_org, its_inventory, first_rows(tools))
            qs = await questions(scoring, "five_forces")
            base = await closed_assessment(
                scoring, its_org, "five_forces", [five_forces_answers(qs, levels)]
            )
            with counted_calls(service_apps) as calls:
                assert (await scoring.post(f"{base}/results")).status_code == 201
            counts.append(len(calls))
    assert counts == [2, 2]


async def test_a_framework_version_with_the_geometric_mean_scores_its_quadrants_by_it(
    client: httpx.AsyncClient, org: httpx.AsyncClient, inventory: httpx.AsyncClient
) -> None:
    await load(org, inventory)
    (built_in,) = await walk_pages(client, FRAMEWORKS, key="five_forces")
    document = (await client.get(f"{FRAMEWORKS}/{built_in['id']}")).json()["document"]
    version = await client.post(
        f"{FRAMEWORKS}/{built_in['id']}/versions",
        json={"document": {**document, "quadrant_rule": "geometric_mean"}},
    )
    assert version.status_code == 201, version.text
    body = {"framework_id": version.json()["id"], "name": "Both forces at once"}
    base = f"{ASSESSMENTS}/{(await client.post(ASSESSMENTS, json=body)).json()['id']}"
    person = (await org.get("/v1/org/people", params={"limit": 1})).json()["items"][0]["id"]
    assert (await client.post(f"{base}/respondents", json={"person_ids": [person]})).is_success
    levels = {"centralize": 4, "automate": 0, "decentralize": 2, "humanize": 2, "change": 2}
    answers = five_forces_answers(document["questions"], levels)
    assert (await client.put(f"{base}/responses/{person}", json=answers)).status_code == 201
    assert (await client.post(f"{base}/close")).status_code == 200

    response = await client.post(f"{base}/results")
    assert response.status_code == 201, response.text
    result = response.json()
    dimensions = {d["key"]: d["score"] for d in result["dimensions"]}
    quadrants = {q["key"]: q for q in result["quadrants"]}
    for key, (one, other) in {
        "nw": ("centralize", "automate"),
        "ne": ("decentralize", "automate"),
        "se": ("decentralize", "humanize"),
        "sw": ("centralize", "humanize"),
    }.items():
        expected = (dimensions[one] * dimensions[other]) ** 0.5
        assert quadrants[key]["score"] == pytest.approx(expected, abs=0.01), key
        assert " = geometric mean(" in quadrants[key]["explanation"]
    # Centralize is high and automate low (its evidence alone): the mean of the two would
    # be higher than the geometric mean the version asks for.
    assert dimensions["centralize"] > dimensions["automate"]
    assert quadrants["nw"]["score"] < (dimensions["centralize"] + dimensions["automate"]) / 2


async def _five_forces_result(
    client: httpx.AsyncClient, framework_id: str, person: str, questions: list[dict[str, Any]]
) -> dict[str, Any]:
    body = {"framework_id": framework_id, "name": "Empty organisation"}
    base = f"{ASSESSMENTS}/{(await client.post(ASSESSMENTS, json=body)).json()['id']}"
    assert (await client.post(f"{base}/respondents", json={"person_ids": [person]})).is_success
    levels = {"centralize": 2, "automate": 2, "decentralize": 2, "humanize": 2, "change": 2}
    answers = five_forces_answers(questions, levels)
    assert (await client.put(f"{base}/responses/{person}", json=answers)).status_code == 201
    assert (await client.post(f"{base}/close")).status_code == 200
    response = await client.post(f"{base}/results")
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_a_new_version_names_the_org_data_that_v1_scored_as_zero(
    client: httpx.AsyncClient, org: httpx.AsyncClient
) -> None:
    """No RACI matrix, no coordination mechanism: v1 (evidence rules 1) scores them 0; a
    version written today (rules 2 by default) names them missing and leaves them out."""
    person = await org.post("/v1/org/people", json={"name": "Ada", "email": "ada@acme.example"})
    assert person.status_code == 201, person.text
    (built_in,) = await walk_pages(client, FRAMEWORKS, key="five_forces")
    read = (await client.get(f"{FRAMEWORKS}/{built_in['id']}")).json()["document"]
    assert read["evidence_rules"] == 1
    written = {k: v for k, v in read.items() if k != "evidence_rules"}
    version = await client.post(
        f"{FRAMEWORKS}/{built_in['id']}/versions", json={"document": written}
    )
    assert version.status_code == 201, version.text
    assert version.json()["document"]["evidence_rules"] == 2

    v1, v2 = [
        {
            e["signal"]: e
            for e in (
                await _five_forces_result(
                    client, framework_id, person.json()["id"], read["questions"]
                )
            )["evidence"]
        }
        for framework_id in (built_in["id"], version.json()["id"])
    ]
    for signal, why in (
        ("raci_completeness", "no RACI matrix of the tenant has an activity"),
        ("coordination_maturity", "no coordination mechanism is recorded"),
    ):
        assert (v1[signal]["raw"], v1[signal]["missing"]) == (0.0, None), signal
        assert (v2[signal]["raw"], v2[signal]["missing"]) == (None, why), signal


async def test_an_open_assessment_has_no_result(
    client: httpx.AsyncClient, org: httpx.AsyncClient, inventory: httpx.AsyncClient
) -> None:
    await load(org, inventory)
    (framework,) = await walk_pages(client, FRAMEWORKS, key="five_forces")
    created = await client.post(ASSESSMENTS, json={"framework_id": framework["id"], "name": "x"})
    assert_problem(await client.post(f"{ASSESSMENTS}/{created.json()['id']}/results"), 409)
    assert_problem(await client.post(f"{ASSESSMENTS}/{uuid.uuid4()}/results"), 404)


async def test_a_source_down_is_503_unless_partial_and_then_named_not_zero(
    client: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    app: FastAPI,
) -> None:
    await load(org, inventory)
    qs = await questions(client, "five_forces")
    base = await closed_assessment(client, org, "five_forces", [five_forces_answers(qs, LEVELS[0])])
    wired = app.state.inventory_client
    app.state.inventory_client = InventoryClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    try:
        assert_problem(await client.post(f"{base}/results"), 503)
        assert await walk_pages(client, RESULTS) == []
        partial = await client.post(f"{base}/results", params={"allow_partial": "true"})
    finally:
        await app.state.inventory_client.aclose()
        app.state.inventory_client = wired
    assert partial.status_code == 201, partial.text
    result = partial.json()
    assert result["unavailable_sources"] == ["inventory"]
    evidence = {e["signal"]: e for e in result["evidence"]}
    for signal in ("integration_coverage", "redundant_spend_share", "central_platform_spend_share"):
        assert evidence[signal]["raw"] is None
        assert "inventory" in evidence[signal]["missing"]
    # The org-only evidence is still there.
    assert evidence["raci_completeness"]["raw"] == 0.5
    # Automate has no evidence left: its answers alone make its score, and it says so.
    automate = next(d for d in result["dimensions"] if d["key"] == "automate")
    assert automate["evidence_score"] is None
    assert automate["score"] == automate["answers_score"]
    assert "no evidence could be computed" in automate["explanation"]


async def test_histories_show_how_each_dimension_moved(
    client: httpx.AsyncClient,
    other: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
) -> None:
    await load(org, inventory)
    qs = await questions(client, "five_forces")
    first = await closed_assessment(
        client, org, "five_forces", [five_forces_answers(qs, LEVELS[0])]
    )
    second = await closed_assessment(
        client, org, "five_forces", [five_forces_answers(qs, LEVELS[1])]
    )
    earlier = (await client.post(f"{first}/results")).json()
    later = (await client.post(f"{second}/results")).json()
    again = (await client.post(f"{second}/results")).json()  # recomputing: a new result
    assert len({earlier["id"], later["id"], again["id"]}) == 3

    history = await walk_pages(client, RESULTS, framework_key="five_forces", whole_tenant="true")
    assert [r["id"] for r in history] == [again["id"], later["id"], earlier["id"]]
    newest, middle, oldest = history
    assert oldest["previous_id"] is None
    assert set(oldest["deltas"].values()) == {None}
    assert middle["previous_id"] == earlier["id"]
    for key, value in middle["scores"].items():
        before = oldest["scores"][key]
        assert middle["deltas"][key] == pytest.approx(value - before, abs=0.011)
    assert newest["previous_id"] == later["id"]
    assert set(newest["deltas"].values()) == {0}
    assert_problem(await other.get(f"{RESULTS}/{later['id']}"), 404)
    assert await walk_pages(other, RESULTS) == []


async def test_readiness_reads_the_stated_budget_and_cx_feeds_the_five_forces(
    client: httpx.AsyncClient, org: httpx.AsyncClient, inventory: httpx.AsyncClient
) -> None:
    await load(org, inventory)
    qs = await questions(client, "mo_readiness")
    budget = {"amount_minor": 50_000_000, "currency": "EUR"}
    base = await closed_assessment(
        client,
        org,
        "mo_readiness",
        [{"answers": {q["key"]: 4 for q in qs}}],
        marketing_budget=budget,
    )
    result = (await client.post(f"{base}/results")).json()
    share = next(e for e in result["evidence"] if e["signal"] == "martech_budget_share")
    assert share["basis"]["budget_minor"] == budget["amount_minor"]
    assert share["raw"] == pytest.approx(
        share["basis"]["annual_spend_minor"] / budget["amount_minor"], rel=1e-6
    )
    assert result["readiness"]["due"] is True
    assert result["readiness"]["tipping_points"]

    processes = [
        {"key": "ivr", "name": "IVR", "automated": True, "mandatory_for_customer": True},
        {"key": "web", "name": "Web", "automated": True, "mandatory_for_customer": False},
    ]
    rated = {"ivr": {"company": 4, "customer": 0}, "web": {"company": 4, "customer": 4}}
    cx = await closed_assessment(
        client, org, "cx_efficiency", [{"process_answers": rated}], processes=processes
    )
    cx_result = (await client.post(f"{cx}/results")).json()
    assert [(p["key"], p["quadrant"]) for p in cx_result["processes"]] == [
        ("ivr", "danger"),
        ("web", "verify"),
    ]
    five = await questions(client, "five_forces")
    forces = await closed_assessment(
        client, org, "five_forces", [five_forces_answers(five, LEVELS[0])]
    )
    forces_result = (await client.post(f"{forces}/results")).json()
    danger = next(e for e in forces_result["evidence"] if e["signal"] == "danger_process_share")
    assert (danger["raw"], danger["basis"]) == (0.5, {"processes": 2, "danger": 1})


async def test_reading_the_evidence_needs_the_keys_read_scopes_on_org_and_inventory(
    client: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    anonymous_client_factory: ClientFactory,
    tenant_id: uuid.UUID,
) -> None:
    await load(org, inventory)
    qs = await questions(client, "five_forces")
    base = await closed_assessment(client, org, "five_forces", [five_forces_answers(qs, LEVELS[0])])
    scoring_only = frozenset({"scoring:read", "scoring:write"})
    async with tenant_client(
        anonymous_client_factory, "scoring", tenant_id, scopes=scoring_only
    ) as limited:
        body = assert_problem(await limited.post(f"{base}/results"), 403)
    assert "may not" in body["detail"]
    assert await walk_pages(client, RESULTS) == []
