"""`/v1/scoring/assessments`: creating, respondents, responses checked against the framework
version, closing; tenant isolation and failing dependencies."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mops_scoring.db import writes
from mops_shared.contracts.clients import OrgClient
from tests.support import (
    TEST_SECRET,
    assert_problem,
    outbox_rows,
    walk_pages,
)

pytestmark = pytest.mark.asyncio

FRAMEWORKS = "/v1/scoring/frameworks"
ASSESSMENTS = "/v1/scoring/assessments"
AUDIT = "/v1/scoring/audit"


async def framework_id(client: httpx.AsyncClient, key: str) -> str:
    (version,) = await walk_pages(client, FRAMEWORKS, key=key)
    return str(version["id"])


async def person(org: httpx.AsyncClient, name: str, **fields: Any) -> str:
    email = f"{name.lower()}-{uuid.uuid4().hex[:6]}@example.com"
    response = await org.post("/v1/org/people", json={"name": name, "email": email, **fields})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def assessment(client: httpx.AsyncClient, key: str = "five_forces", **fields: Any) -> Any:
    body = {"framework_id": await framework_id(client, key), "name": f"{key} 2026", **fields}
    response = await client.post(ASSESSMENTS, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def five_forces_answers(client: httpx.AsyncClient, value: int = 3) -> dict[str, int]:
    framework = await client.get(f"{FRAMEWORKS}/{await framework_id(client, 'five_forces')}")
    return {q["key"]: value for q in framework.json()["document"]["questions"]}


def process(key: str, **fields: Any) -> dict[str, Any]:
    return {"key": key, "name": key.title(), "automated": False, "mandatory_for_customer": False}


# --- creating ------------------------------------------------------------------------------------


async def test_an_assessment_is_created_open_and_read_back(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    fid = await framework_id(client, "five_forces")
    body = {"framework_id": fid, "name": "Maturity 2026", "due_date": "2026-12-31"}
    response = await client.post(ASSESSMENTS, json=body)
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["location"] == f"{ASSESSMENTS}/{created['id']}"
    assert response.headers["etag"] == '"1"'
    assert {k: created[k] for k in ("framework_id", "framework_key", "framework_version")} == {
        "framework_id": fid,
        "framework_key": "five_forces",
        "framework_version": 1,
    }
    assert (created["kind"], created["status"], created["due_date"]) == (
        "five_forces",
        "open",
        "2026-12-31",
    )
    assert (created["respondent_count"], created["response_count"]) == (0, 0)
    assert (await client.get(f"{ASSESSMENTS}/{created['id']}")).json() == created
    assert [a["id"] for a in await walk_pages(client, ASSESSMENTS)] == [created["id"]]
    assert_problem(await other.get(f"{ASSESSMENTS}/{created['id']}"), 404)
    assert await walk_pages(other, ASSESSMENTS) == []


async def test_an_unknown_framework_version_is_refused_and_nothing_written(
    client: httpx.AsyncClient, other: httpx.AsyncClient
) -> None:
    response = await client.post(ASSESSMENTS, json={"framework_id": str(uuid.uuid4()), "name": "X"})
    assert_problem(response, 422, "/framework_id")
    # Another tenant's own version is as unknown.
    base = await framework_id(other, "mo_readiness")
    document = (await other.get(f"{FRAMEWORKS}/{base}")).json()["document"]
    theirs = (await other.post(f"{FRAMEWORKS}/{base}/versions", json={"document": document})).json()
    response = await client.post(ASSESSMENTS, json={"framework_id": theirs["id"], "name": "X"})
    assert_problem(response, 422, "/framework_id")
    assert await walk_pages(client, ASSESSMENTS) == []
    assert await walk_pages(client, AUDIT) == []


async def test_the_scope_unit_is_checked_with_the_org(
    client: httpx.AsyncClient, org: httpx.AsyncClient
) -> None:
    unit = (await org.post("/v1/org/units", json={"name": "EMEA", "type": "region"})).json()
    scoped = await assessment(client, scope_unit_id=unit["id"])
    assert scoped["scope_unit_id"] == unit["id"]
    fid = await framework_id(client, "five_forces")
    response = await client.post(
        ASSESSMENTS, json={"framework_id": fid, "name": "X", "scope_unit_id": str(uuid.uuid4())}
    )
    assert_problem(response, 422, "/scope_unit_id")


async def test_the_org_down_is_503_and_nothing_written(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    fid = await framework_id(client, "five_forces")
    wired = app.state.org_client
    app.state.org_client = OrgClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    try:
        body = {"framework_id": fid, "name": "X", "scope_unit_id": str(uuid.uuid4())}
        assert_problem(await client.post(ASSESSMENTS, json=body), 503)
    finally:
        await app.state.org_client.aclose()
        app.state.org_client = wired
    assert await walk_pages(client, ASSESSMENTS) == []


async def test_cx_efficiency_rates_processes_with_their_tools(
    client: httpx.AsyncClient, inventory: httpx.AsyncClient
) -> None:
    tool = await inventory.post("/v1/inventory/tools", json={"name": "IVR", "status": "active"})
    assert tool.status_code == 201, tool.text
    ivr = process("ivr") | {
        "tool_ids": [tool.json()["id"]],
        "automated": True,
        "mandatory_for_customer": True,
    }
    created = await assessment(client, "cx_efficiency", processes=[ivr, process("returns")])
    assert [p["key"] for p in created["processes"]] == ["ivr", "returns"]
    assert created["processes"][0]["tool_ids"] == [tool.json()["id"]]

    fid = await framework_id(client, "cx_efficiency")
    cases = [
        ([], "/processes"),
        ([process("a"), process("a")], "/processes/1/key"),
        ([process("a") | {"tool_ids": [str(uuid.uuid4())]}], "/processes/0/tool_ids/0"),
    ]
    for processes, pointer in cases:
        body = {"framework_id": fid, "name": "X", "processes": processes}
        assert_problem(await client.post(ASSESSMENTS, json=body), 422, pointer)
    five = await framework_id(client, "five_forces")
    body = {"framework_id": five, "name": "X", "processes": [process("a")]}
    assert_problem(await client.post(ASSESSMENTS, json=body), 422, "/processes")
    assert len(await walk_pages(client, ASSESSMENTS)) == 1


async def test_an_update_changes_what_may_change_and_honours_if_match(
    client: httpx.AsyncClient,
) -> None:
    created = await assessment(client)
    url = f"{ASSESSMENTS}/{created['id']}"
    budget = {"amount_minor": 250_000_000, "currency": "EUR"}
    response = await client.patch(
        url, json={"marketing_budget": budget}, headers={"if-match": '"1"'}
    )
    assert response.status_code == 200, response.text
    assert response.json()["marketing_budget"] == budget
    assert response.json()["version"] == 2
    assert_problem(await client.patch(url, json={"name": "Y"}, headers={"if-match": '"1"'}), 412)
    same = await client.patch(url, json={"marketing_budget": budget})
    assert same.json()["version"] == 2  # nothing new: same version
    assert_problem(await client.patch(url, json={"framework_id": str(uuid.uuid4())}), 422)


# --- respondents and responses -------------------------------------------------------------------


async def test_respondents_are_people_of_the_org(
    client: httpx.AsyncClient, org: httpx.AsyncClient
) -> None:
    created = await assessment(client)
    url = f"{ASSESSMENTS}/{created['id']}/respondents"
    ada, bob = await person(org, "Ada"), await person(org, "Bob")
    gone = await person(org, "Gone", active=False)
    unknown = str(uuid.uuid4())

    refused = await client.post(url, json={"person_ids": [ada, unknown, gone]})
    body = assert_problem(refused, 422)
    assert [e["pointer"] for e in body["errors"]] == ["/person_ids/1", "/person_ids/2"]
    assert await walk_pages(client, url) == []

    added = await client.post(url, json={"person_ids": [ada, bob]})
    assert added.status_code == 200, added.text
    assert {(r["person_id"], r["responded"]) for r in added.json()["items"]} == {
        (ada, False),
        (bob, False),
    }
    again = await client.post(url, json={"person_ids": [ada]})  # already there: unchanged
    assert again.status_code == 200
    read = (await client.get(f"{ASSESSMENTS}/{created['id']}")).json()
    assert read["respondent_count"] == 2
    assert (await client.delete(f"{url}/{bob}")).status_code == 204
    assert_problem(await client.delete(f"{url}/{bob}"), 404)
    assert [r["person_id"] for r in await walk_pages(client, url)] == [ada]


async def test_a_response_is_checked_against_the_framework_version(
    client: httpx.AsyncClient, org: httpx.AsyncClient
) -> None:
    created = await assessment(client)
    ada = await person(org, "Ada")
    await client.post(f"{ASSESSMENTS}/{created['id']}/respondents", json={"person_ids": [ada]})
    url = f"{ASSESSMENTS}/{created['id']}/responses/{ada}"
    answers = await five_forces_answers(client)

    cases: list[tuple[dict[str, Any], str, str]] = [
        ({**answers, "shared_platforms": 5}, "/answers/shared_platforms", "off the scale"),
        ({**answers, "shared_platforms": -1}, "/answers/shared_platforms", "off the scale"),
        ({**answers, "astrology": 2}, "/answers/astrology", "no question"),
        ({k: v for k, v in answers.items() if k != "red_teaming"}, "/answers", "red_teaming"),
    ]
    for given, pointer, words in cases:
        body = assert_problem(await client.put(url, json={"answers": given}), 422, pointer)
        assert words in body["errors"][0]["detail"]
    assert_problem(
        await client.put(url, json={"answers": {**answers, "shared_platforms": True}}),
        422,
        "/answers/shared_platforms",
    )
    assert await walk_pages(client, f"{ASSESSMENTS}/{created['id']}/responses") == []

    first = await client.put(url, json={"answers": answers})
    assert first.status_code == 201, first.text
    assert first.json()["answers"] == answers
    changed = {**answers, "red_teaming": 0}
    assert_problem(
        await client.put(url, json={"answers": changed}, headers={"if-match": '"9"'}), 412
    )
    second = await client.put(url, json={"answers": changed}, headers={"if-match": '"1"'})
    assert second.status_code == 200
    assert (second.json()["version"], second.json()["answers"]["red_teaming"]) == (2, 0)
    assert (await client.get(url)).json() == second.json()
    respondents = await walk_pages(client, f"{ASSESSMENTS}/{created['id']}/respondents")
    assert [r["responded"] for r in respondents] == [True]
    # Their answers count now: they stay.
    assert_problem(await client.delete(f"{ASSESSMENTS}/{created['id']}/respondents/{ada}"), 409)
    # Only respondents respond.
    stranger = await person(org, "Stranger")
    response = await client.put(
        f"{ASSESSMENTS}/{created['id']}/responses/{stranger}", json={"answers": answers}
    )
    assert_problem(response, 404)


async def test_cx_responses_rate_every_process(
    client: httpx.AsyncClient, org: httpx.AsyncClient
) -> None:
    created = await assessment(client, "cx_efficiency", processes=[process("ivr"), process("web")])
    ada = await person(org, "Ada")
    await client.post(f"{ASSESSMENTS}/{created['id']}/respondents", json={"person_ids": [ada]})
    url = f"{ASSESSMENTS}/{created['id']}/responses/{ada}"
    ivr = {"company": 4, "customer": 0}
    body = assert_problem(
        await client.put(url, json={"process_answers": {"ivr": ivr}}), 422, "/process_answers"
    )
    assert "web" in body["errors"][0]["detail"]
    both = {"ivr": ivr, "web": {"company": 2, "customer": 3}}
    assert_problem(
        await client.put(url, json={"process_answers": {**both, "fax": ivr}}),
        422,
        "/process_answers/fax",
    )
    assert_problem(
        await client.put(url, json={"process_answers": {**both, "web": {"company": 2}}}),
        422,
        "/process_answers/web",
    )
    assert_problem(
        await client.put(url, json={"answers": {"company": 1}, "process_answers": both}),
        422,
        "/answers/company",
    )
    done = await client.put(url, json={"process_answers": both})
    assert done.status_code == 201, done.text
    assert done.json()["process_answers"] == both


# --- closing -------------------------------------------------------------------------------------


async def test_a_closed_assessment_takes_nothing_more(
    client: httpx.AsyncClient, org: httpx.AsyncClient, app: FastAPI, tenant_id: uuid.UUID
) -> None:
    created = await assessment(client)
    base = f"{ASSESSMENTS}/{created['id']}"
    ada, bob = await person(org, "Ada"), await person(org, "Bob")
    await client.post(f"{base}/respondents", json={"person_ids": [ada, bob]})
    answers = await five_forces_answers(client)
    assert (
        await client.put(f"{base}/responses/{ada}", json={"answers": answers})
    ).status_code == 201
    current = (await client.get(base)).json()
    assert current["version"] == 3  # respondents added, a response: each moves the version

    assert_problem(await client.post(f"{base}/close", headers={"if-match": '"1"'}), 412)
    closed = await client.post(f"{base}/close", headers={"if-match": f'"{current["version"]}"'})
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed"
    assert closed.json()["closed_at"] is not None
    assert (closed.json()["respondent_count"], closed.json()["response_count"]) == (2, 1)

    assert_problem(await client.post(f"{base}/close"), 409)
    assert_problem(await client.put(f"{base}/responses/{bob}", json={"answers": answers}), 409)
    assert_problem(await client.put(f"{base}/responses/{ada}", json={"answers": answers}), 409)
    assert_problem(await client.post(f"{base}/respondents", json={"person_ids": [bob]}), 409)
    assert_problem(await client.patch(base, json={"name": "Renamed"}), 409)
    assert (await client.get(f"{base}/responses/{ada}")).json()["answers"] == answers
    events = [e["type"] for e in await outbox_rows(app, writes.outbox, tenant_id)]
    assert events == [
        "assessment.created",
        "assessment.respondents_added",
        "assessment.response_submitted",
        "assessment.closed",
    ]
    listed = await walk_pages(client, ASSESSMENTS, status="closed")
    assert [a["id"] for a in listed] == [created["id"]]
    assert await walk_pages(client, ASSESSMENTS, status="open") == []


async def test_responses_racing_a_close_land_before_it_or_are_refused(
    client: httpx.AsyncClient, org: httpx.AsyncClient
) -> None:
    created = await assessment(client)
    base = f"{ASSESSMENTS}/{created['id']}"
    people = [await person(org, f"P{i}") for i in range(6)]
    await client.post(f"{base}/respondents", json={"person_ids": people})
    answers = await five_forces_answers(client)
    results = await asyncio.gather(
        *(client.put(f"{base}/responses/{p}", json={"answers": answers}) for p in people),
        client.post(f"{base}/close"),
    )
    *submitted, closing = results
    assert closing.status_code == 200, closing.text
    assert all(r.status_code in (201, 409) for r in submitted), [r.text for r in submitted]
    accepted = sum(r.status_code == 201 for r in submitted)
    final = (await client.get(base)).json()
    # Every acknowledged response is there, and nothing else.
    assert final["response_count"] == accepted
    assert len(await walk_pages(client, f"{base}/responses")) == accepted


async def test_lists_page_and_sort(client: httpx.AsyncClient) -> None:
    for name in ("b", "a", "c"):
        await assessment(client, name=name)
    by_name = await walk_pages(client, ASSESSMENTS, sort="name", limit=2)
    assert [a["name"] for a in by_name] == ["a", "b", "c"]
    newest = await walk_pages(client, ASSESSMENTS, limit=2)
    assert [a["name"] for a in newest] == ["c", "a", "b"]
    assert_problem(await client.get(ASSESSMENTS, params={"sort": "due"}), 422, "/sort")
