"""The scoring GETs, written from rows (`mops_shared.kit.reads`), answer what the ORM path gave:
entities, the wire model validated from them, then FastAPI's serialisation of the model. That
path is kept here, as the reference, and compared byte for byte (or, for a result, whose stored
JSON text goes out as stored, as the same JSON in the same order), page by page, with the same
ETags and the same 404s."""

from __future__ import annotations

import copy
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mops_scoring.assessments.models import Assessment, AssessmentResponse, Respondent
from mops_scoring.assessments.schemas import (
    AssessmentPage,
    AssessmentRead,
    AssessmentStatus,
    Process,
    RespondentPage,
    RespondentRead,
    ResponsePage,
    ResponseRead,
)
from mops_scoring.evidence.catalogue import SIGNALS
from mops_scoring.evidence.schemas import EvidenceSignalPage, EvidenceSignalRead
from mops_scoring.frameworks.models import Framework
from mops_scoring.frameworks.schemas import (
    FrameworkDetail,
    FrameworkDocument,
    FrameworkDocumentWrite,
    JsonSchemaDocument,
)
from mops_scoring.plans.models import Plan
from mops_scoring.plans.schemas import PlanPage
from mops_scoring.plans.service import to_read as plan_read
from mops_scoring.results import pictures
from mops_scoring.results.models import Result
from mops_scoring.results.schemas import ResultPage, ResultRead, ResultSummary
from mops_shared.contracts.money import Money
from mops_shared.contracts.scoring import FrameworkKind, FrameworkPage, FrameworkRead
from mops_shared.kit.etag import content_etag, etag_of
from tests.scoring.support import (
    ASSESSMENTS,
    FRAMEWORKS,
    LEVELS,
    RESULTS,
    closed_assessment,
    five_forces_answers,
    load,
    plan,
    questions,
    scenario,
)
from tests.support import assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

PLANS = "/v1/scoring/plans"
JSON = "application/json"


def dump(model: BaseModel) -> bytes:
    """What FastAPI wrote for a route returning this model (`dump_json`, by alias)."""
    return TypeAdapter(type(model)).dump_json(model, by_alias=True)


async def walk_compared(
    client: httpx.AsyncClient,
    url: str,
    reference: Callable[[list[str], str | None], bytes],
    **params: Any,
) -> list[str]:
    """Walks a list page by page, each page's bytes compared with the reference's page of the
    same items; the ids seen, in order."""
    ids: list[str] = []
    cursor: str | None = None
    for _ in range(100):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(url, params=query)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == JSON
        page = response.json()
        cursor = page["next_cursor"]
        key = "person_id" if "/respon" in url else "key" if "evidence" in url else "id"
        items = [str(item[key]) for item in page["items"]]
        assert response.content == reference(items, cursor), query
        ids.extend(items)
        if cursor is None:
            return ids
    raise AssertionError("pagination did not end")


# --- the ORM path: entities, then the wire models ------------------------------------------------


async def orm_assessment(session: AsyncSession, assessment: Assessment) -> AssessmentRead:
    framework = await session.get(Framework, assessment.framework_id)
    assert framework is not None
    respondents = await session.scalar(
        select(func.count()).where(Respondent.assessment_id == assessment.id)  # type: ignore[arg-type]
    )
    responses = await session.scalar(
        select(func.count()).where(AssessmentResponse.assessment_id == assessment.id)  # type: ignore[arg-type]
    )
    budget = (
        Money(amount_minor=assessment.budget_minor, currency=assessment.budget_currency)
        if assessment.budget_minor is not None and assessment.budget_currency is not None
        else None
    )
    return AssessmentRead(
        id=assessment.id,
        framework_id=framework.id,
        framework_key=framework.key,
        framework_version=framework.version,
        kind=FrameworkKind(framework.kind),
        name=assessment.name,
        scope_unit_id=assessment.scope_unit_id,
        due_date=assessment.due_date,
        marketing_budget=budget,
        processes=[Process.model_validate(p) for p in assessment.processes],
        status=AssessmentStatus(assessment.status),
        respondent_count=respondents or 0,
        response_count=responses or 0,
        version=assessment.version,
        created_at=assessment.created_at,
        updated_at=assessment.updated_at,
        closed_at=assessment.closed_at,
    )


def orm_response(response: AssessmentResponse) -> ResponseRead:
    return ResponseRead(
        person_id=response.person_id,
        answers=dict(response.answers),
        process_answers={k: dict(v) for k, v in response.process_answers.items()},
        version=response.version,
        submitted_at=response.submitted_at,
    )


async def all_of(session: AsyncSession, model: Any, *where: Any) -> list[Any]:
    return list((await session.execute(select(model).where(*where))).scalars())


# --- assessments, respondents, responses, frameworks, evidence -----------------------------------


async def test_assessments_frameworks_and_signals_are_the_orm_paths_bytes(
    app: FastAPI,
    client: httpx.AsyncClient,
    other: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    tenant_id: uuid.UUID,
) -> None:
    await load(org, inventory)
    people = [p["id"] for p in await walk_pages(org, "/v1/org/people", limit=200)]
    tools = [t["id"] for t in await walk_pages(inventory, "/v1/inventory/tools", limit=200)]
    frameworks = {f["key"]: f for f in await walk_pages(client, FRAMEWORKS)}
    # A version of the tenant's own, as the API writes it.
    built_in = (await client.get(f"{FRAMEWORKS}/{frameworks['mo_readiness']['id']}")).json()
    document = copy.deepcopy(built_in["document"])
    document["thresholds"]["tipping_point"] = 55
    document["description"] = "Ready? Ça dépend: «naïve» text, kept as written."
    own = await client.post(f"{FRAMEWORKS}/{built_in['id']}/versions", json={"document": document})
    assert own.status_code == 201, own.text

    # A closed five-forces assessment, open ones with a budget, processes, some answers.
    qs = await questions(client, "five_forces")
    answers = [five_forces_answers(qs, LEVELS[0]), five_forces_answers(qs, LEVELS[1])]
    await closed_assessment(client, org, "five_forces", answers)
    readiness = built_in["document"]["questions"]
    budget = {"amount_minor": 12_345_600, "currency": "EUR"}
    made: list[str] = []
    wanted: list[tuple[str, str, dict[str, Any]]] = [
        ("Readiness", frameworks["mo_readiness"]["id"], {"marketing_budget": budget}),
        ("Own readiness", own.json()["id"], {"due_date": "2027-01-31"}),
        (
            "Processes",
            frameworks["cx_efficiency"]["id"],
            {
                "processes": [
                    {
                        "key": "ivr",
                        "name": "IVR",
                        "description": "The phone menu.",
                        "tool_ids": tools[:2],
                        "automated": True,
                        "mandatory_for_customer": True,
                    },
                    {
                        "key": "web",
                        "name": "Web",
                        "automated": True,
                        "mandatory_for_customer": False,
                    },
                ]
            },
        ),
        ("Nobody yet", frameworks["five_forces"]["id"], {}),
    ]
    for name, framework_id, fields in wanted:
        body = {"framework_id": framework_id, "name": name, **fields}
        created = await client.post(ASSESSMENTS, json=body)
        assert created.status_code == 201, created.text
        made.append(created.json()["id"])
    for assessment_id in made[:3]:
        added = await client.post(
            f"{ASSESSMENTS}/{assessment_id}/respondents", json={"person_ids": people[:3]}
        )
        assert added.status_code == 200, added.text
    for person_id in people[:2]:
        for assessment_id in made[:2]:
            sent = await client.put(
                f"{ASSESSMENTS}/{assessment_id}/responses/{person_id}",
                json={"answers": {q["key"]: 3 for q in readiness}},
            )
            assert sent.status_code == 201, sent.text
    rated = {"ivr": {"company": 4, "customer": 0}, "web": {"company": 2, "customer": 3}}
    sent = await client.put(
        f"{ASSESSMENTS}/{made[2]}/responses/{people[0]}", json={"process_answers": rated}
    )
    assert sent.status_code == 201, sent.text

    async with app.state.sessionmaker() as session:
        assessments = await all_of(session, Assessment, Assessment.tenant_id == tenant_id)
        reads = {str(a.id): await orm_assessment(session, a) for a in assessments}
        respondents = await all_of(session, Respondent, Respondent.tenant_id == tenant_id)
        responses = await all_of(
            session,
            AssessmentResponse,
            AssessmentResponse.tenant_id == tenant_id,
        )
        visible = await all_of(
            session,
            Framework,
            (Framework.tenant_id == tenant_id) | (Framework.tenant_id.is_(None)),  # type: ignore[union-attr]
        )
    assert len(reads) == 5

    # Each assessment by id, with its ETag; the list in every order and filter, a page of 2
    # at a time (the cursors' pages too).
    for assessment_id, read in reads.items():
        response = await client.get(f"{ASSESSMENTS}/{assessment_id}")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == JSON
        assert response.headers["etag"] == etag_of(read.version)
        assert response.content == dump(read)
        assert_problem(await other.get(f"{ASSESSMENTS}/{assessment_id}"), 404)

    def assessment_page(ids: list[str], cursor: str | None) -> bytes:
        return dump(AssessmentPage(items=[reads[i] for i in ids], next_cursor=cursor))

    newest_first = [
        str(a.id) for a in sorted(assessments, key=lambda a: (a.created_at, a.id), reverse=True)
    ]
    assert await walk_compared(client, ASSESSMENTS, assessment_page, limit=2) == newest_first
    oldest_first = await walk_compared(
        client, ASSESSMENTS, assessment_page, limit=2, sort="created_at"
    )
    assert oldest_first == newest_first[::-1]
    by_name = await walk_compared(client, ASSESSMENTS, assessment_page, limit=2, sort="name")
    assert sorted(by_name) == sorted(reads)
    by_name_desc = await walk_compared(client, ASSESSMENTS, assessment_page, limit=3, sort="-name")
    assert by_name_desc == by_name[::-1]
    for status in ("open", "closed"):
        listed = await walk_compared(client, ASSESSMENTS, assessment_page, limit=2, status=status)
        assert listed == [i for i in newest_first if reads[i].status == status]
    listed = await walk_compared(
        client, ASSESSMENTS, assessment_page, framework_id=own.json()["id"]
    )
    assert listed == [made[1]]
    assert await walk_pages(other, ASSESSMENTS) == []

    # Respondents (with whether they responded) and responses, both orders, pages of 2.
    answered = {(r.assessment_id, r.person_id) for r in responses}
    respondent_reads = {
        (str(r.assessment_id), str(r.person_id)): RespondentRead(
            person_id=r.person_id,
            added_at=r.added_at,
            responded=(r.assessment_id, r.person_id) in answered,
        )
        for r in respondents
    }
    response_reads = {(str(r.assessment_id), str(r.person_id)): orm_response(r) for r in responses}
    assert {r.responded for r in respondent_reads.values()} == {True, False}
    for assessment_id in reads:
        url = f"{ASSESSMENTS}/{assessment_id}/respondents"

        def respondent_page(ids: list[str], cursor: str | None, at: str = assessment_id) -> bytes:
            items = [respondent_reads[(at, i)] for i in ids]
            return dump(RespondentPage(items=items, next_cursor=cursor))

        def response_page(ids: list[str], cursor: str | None, at: str = assessment_id) -> bytes:
            items = [response_reads[(at, i)] for i in ids]
            return dump(ResponsePage(items=items, next_cursor=cursor))

        mine = sorted(
            (r for r in respondents if str(r.assessment_id) == assessment_id),
            key=lambda r: (r.added_at, r.person_id),
        )
        seen = await walk_compared(client, url, respondent_page, limit=2)
        assert seen == [str(r.person_id) for r in mine]
        seen = await walk_compared(client, url, respondent_page, limit=2, sort="-added_at")
        assert seen == [str(r.person_id) for r in mine][::-1]
        assert_problem(await other.get(url), 404)

        url = f"{ASSESSMENTS}/{assessment_id}/responses"
        theirs = sorted(
            (r for r in responses if str(r.assessment_id) == assessment_id),
            key=lambda r: (r.submitted_at, r.person_id),
        )
        seen = await walk_compared(client, url, response_page, limit=1)
        assert seen == [str(r.person_id) for r in theirs]
        seen = await walk_compared(client, url, response_page, sort="-submitted_at")
        assert seen == [str(r.person_id) for r in theirs][::-1]
        assert_problem(await other.get(url), 404)
    for (assessment_id, person_id), response_read in response_reads.items():
        url = f"{ASSESSMENTS}/{assessment_id}/responses/{person_id}"
        response = await client.get(url)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == JSON
        assert response.headers["etag"] == etag_of(response_read.version)
        assert response.content == dump(response_read)
        assert_problem(await other.get(url), 404)
    # No response from a respondent who has not answered, nor from someone else; no assessment.
    silent = assert_problem(await client.get(f"{ASSESSMENTS}/{made[0]}/responses/{people[2]}"), 404)
    assert silent["detail"] == f"{people[2]} has no response to assessment {made[0]}."
    missing = uuid.uuid4()
    for url in (
        f"{ASSESSMENTS}/{missing}",
        f"{ASSESSMENTS}/{missing}/respondents",
        f"{ASSESSMENTS}/{missing}/responses",
        f"{ASSESSMENTS}/{missing}/responses/{people[0]}",
    ):
        assert assert_problem(await client.get(url), 404)["detail"] == f"No assessment {missing}."

    # Framework versions: the list without documents, each with its whole document (the
    # built-ins' as the model writes them, the tenant's as stored) and its ETag.
    details = {str(f.id): FrameworkDetail.model_validate(f) for f in visible}
    summaries = {i: FrameworkRead.model_validate(d.model_dump()) for i, d in details.items()}

    def framework_page(ids: list[str], cursor: str | None) -> bytes:
        return dump(FrameworkPage(items=[summaries[i] for i in ids], next_cursor=cursor))

    listed = await walk_compared(client, FRAMEWORKS, framework_page, limit=2)
    assert sorted(listed) == sorted(details)
    desc = await walk_compared(client, FRAMEWORKS, framework_page, limit=2, sort="-key")
    assert desc == listed[::-1]
    readiness_versions = await walk_compared(
        client, FRAMEWORKS, framework_page, key="mo_readiness", kind="mo_readiness"
    )
    assert readiness_versions == [built_in["id"], own.json()["id"]]
    for framework_id, detail in details.items():
        response = await client.get(f"{FRAMEWORKS}/{framework_id}")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == JSON
        assert response.headers["etag"] == etag_of(detail.version)
        assert response.content == dump(detail), detail.key
    assert_problem(await other.get(f"{FRAMEWORKS}/{own.json()['id']}"), 404)
    assert_problem(await client.get(f"{FRAMEWORKS}/{uuid.uuid4()}"), 404)

    schema = await client.get(f"{FRAMEWORKS}/schema")
    assert schema.status_code == 200
    assert schema.headers["content-type"] == JSON
    document_schema = TypeAdapter(FrameworkDocumentWrite).json_schema()
    assert schema.content == dump(JsonSchemaDocument(document_schema))

    # The signal catalogue, a page of 5 at a time.
    signals = {
        s.key: EvidenceSignalRead(
            key=s.key,
            name=s.name,
            sources=list(s.sources),
            unit=s.unit,
            formula=s.formula,
            formula_rules_2=s.formula_rules_2,
        )
        for s in SIGNALS.values()
    }

    def signal_page(keys: list[str], cursor: str | None) -> bytes:
        return dump(EvidenceSignalPage(items=[signals[k] for k in keys], next_cursor=cursor))

    url = "/v1/scoring/evidence-signals"
    assert await walk_compared(client, url, signal_page, limit=5) == sorted(signals)
    assert await walk_compared(client, url, signal_page) == sorted(signals)


# --- results, their pictures, plans --------------------------------------------------------------


def orm_history(results: list[Result]) -> dict[str, ResultSummary]:
    """Each result with its dimensions' change since the previous result of its framework and
    scope, as the ORM path computed it."""
    lines: dict[tuple[str, uuid.UUID | None], list[Result]] = defaultdict(list)
    for result in sorted(results, key=lambda r: (r.computed_at, r.id)):
        lines[(result.framework_key, result.scope_unit_id)].append(result)
    summaries = {}
    for line in lines.values():
        for i, result in enumerate(line):
            previous = line[i - 1] if i else None
            deltas: dict[str, float | None] = {}
            for key, value in result.scores.items():
                old = previous.scores.get(key) if previous is not None else None
                deltas[key] = (
                    round(value - old, 2)
                    if previous is not None and value is not None and old is not None
                    else None
                )
            summaries[str(result.id)] = ResultSummary(
                id=result.id,
                assessment_id=result.assessment_id,
                framework_key=result.framework_key,
                framework_version=int(result.body["framework_version"]),
                scope_unit_id=result.scope_unit_id,
                computed_at=result.computed_at,
                scores=dict(result.scores),
                deltas=deltas,
                previous_id=previous.id if previous is not None else None,
            )
    return summaries


async def test_results_pictures_and_plans_are_the_orm_paths_answers(
    app: FastAPI,
    client: httpx.AsyncClient,
    other: httpx.AsyncClient,
    org: httpx.AsyncClient,
    inventory: httpx.AsyncClient,
    tenant_id: uuid.UUID,
) -> None:
    await load(org, inventory)
    five = await questions(client, "five_forces")
    computed: dict[str, list[str]] = defaultdict(list)
    for levels in LEVELS[:2]:
        base = await closed_assessment(
            client, org, "five_forces", [five_forces_answers(five, levels)]
        )
        for _ in range(2 if levels is LEVELS[1] else 1):  # computing again: a new result
            made = await client.post(f"{base}/results")
            assert made.status_code == 201, made.text
            computed["five_forces"].append(made.json()["id"])
    readiness = await questions(client, "mo_readiness")
    budget = {"amount_minor": 50_000_000, "currency": "EUR"}
    base = await closed_assessment(
        client,
        org,
        "mo_readiness",
        [{"answers": {q["key"]: 4 for q in readiness}}],
        marketing_budget=budget,
    )
    computed["mo_readiness"].append((await client.post(f"{base}/results")).json()["id"])
    processes = [
        {"key": "ivr", "name": "IVR", "automated": True, "mandatory_for_customer": True},
        {"key": "web", "name": "Web", "automated": True, "mandatory_for_customer": False},
    ]
    rated = {"ivr": {"company": 4, "customer": 0}, "web": {"company": 3, "customer": 4}}
    base = await closed_assessment(
        client, org, "cx_efficiency", [{"process_answers": rated}], processes=processes
    )
    computed["cx_efficiency"].append((await client.post(f"{base}/results")).json()["id"])
    forces = computed["five_forces"][-1]
    scenario_id = await scenario(inventory)
    raci = (await org.get("/v1/org/raci-matrices")).json()["items"][0]["id"]
    stages = [
        {"name": "Add the CDP", "martech_gap": {"scenario_id": scenario_id, "scenario_stage": 1}},
        {"name": "Retire", "martech_gap": {"scenario_id": scenario_id}, "raci_matrix_id": raci},
    ]
    written = await client.post(PLANS, json=plan(stages=stages, result_id=forces))
    assert written.status_code == 201, written.text
    drafted = await client.post(f"{RESULTS}/{forces}/plan-draft")
    assert drafted.status_code == 201, drafted.text
    adopted = await client.patch(f"{PLANS}/{drafted.json()['id']}", json={"status": "adopted"})
    assert adopted.status_code == 200, adopted.text

    async with app.state.sessionmaker() as session:
        results = await all_of(session, Result, Result.tenant_id == tenant_id)
        plans = await all_of(session, Plan, Plan.tenant_id == tenant_id)
        documents = {
            str(r.id): FrameworkDocument.model_validate(
                (await session.get(Framework, r.framework_id)).document
            )
            for r in results
        }
    assert len(results) == 5
    assert len(plans) == 2

    # Each result by id: the JSON its model writes, in its order.
    bodies = {str(r.id): ResultRead.model_validate(r.body) for r in results}
    for result_id, body in bodies.items():
        response = await client.get(f"{RESULTS}/{result_id}")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == JSON
        assert orjson.dumps(orjson.loads(response.content)) == dump(body)
        assert_problem(await other.get(f"{RESULTS}/{result_id}"), 404)
    assert_problem(await client.get(f"{RESULTS}/{uuid.uuid4()}"), 404)

    # Their pictures: the same bytes and tags, 304 for the tag held, 409 for another kind.
    for result_id, body in bodies.items():
        drawn = {
            "grid.svg": pictures.five_forces_grid(body)
            if body.kind == FrameworkKind.five_forces
            else None,
            "cx-matrix.svg": pictures.cx_matrix(body, documents[result_id].thresholds.efficient)
            if body.kind == FrameworkKind.cx_efficiency
            else None,
        }
        for picture, svg in drawn.items():
            url = f"{RESULTS}/{result_id}/{picture}"
            response = await client.get(url)
            if svg is None:
                assert_problem(response, 409)
                continue
            assert response.status_code == 200, response.text
            assert response.content == svg.encode()
            assert response.headers["etag"] == content_etag(response.content)
            held = await client.get(url, headers={"if-none-match": response.headers["etag"]})
            assert (held.status_code, held.content) == (304, b"")
            assert_problem(await other.get(url), 404)

    # The histories, in both orders and each filter, a page of 2 at a time.
    summaries = orm_history(results)
    assert sum(s.previous_id is not None for s in summaries.values()) == 2

    def result_page(ids: list[str], cursor: str | None) -> bytes:
        return dump(ResultPage(items=[summaries[i] for i in ids], next_cursor=cursor))

    newest_first = [
        str(r.id) for r in sorted(results, key=lambda r: (r.computed_at, r.id), reverse=True)
    ]
    assert await walk_compared(client, RESULTS, result_page, limit=2) == newest_first
    oldest = await walk_compared(client, RESULTS, result_page, limit=2, sort="computed_at")
    assert oldest == newest_first[::-1]
    five_forces = await walk_compared(
        client, RESULTS, result_page, limit=2, framework_key="five_forces", whole_tenant="true"
    )
    assert five_forces == computed["five_forces"][::-1]
    some = next(r for r in results if str(r.id) == forces)
    one = await walk_compared(client, RESULTS, result_page, assessment_id=str(some.assessment_id))
    assert one == computed["five_forces"][:0:-1]
    assert await walk_pages(other, RESULTS) == []

    # Plans, by id with their ETags and listed.
    reads = {str(p.id): plan_read(p) for p in plans}
    for plan_id, read in reads.items():
        response = await client.get(f"{PLANS}/{plan_id}")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == JSON
        assert response.headers["etag"] == etag_of(read.version)
        assert response.content == dump(read)
        assert_problem(await other.get(f"{PLANS}/{plan_id}"), 404)
    assert_problem(await client.get(f"{PLANS}/{uuid.uuid4()}"), 404)

    def plan_page(ids: list[str], cursor: str | None) -> bytes:
        return dump(PlanPage(items=[reads[i] for i in ids], next_cursor=cursor))

    newest_first = [
        str(p.id) for p in sorted(plans, key=lambda p: (p.created_at, p.id), reverse=True)
    ]
    assert await walk_compared(client, PLANS, plan_page, limit=1) == newest_first
    by_name = await walk_compared(client, PLANS, plan_page, sort="name")
    assert by_name == (await walk_compared(client, PLANS, plan_page, sort="-name"))[::-1]
    assert await walk_compared(client, PLANS, plan_page, status="adopted") == [drafted.json()["id"]]
    assert await walk_compared(client, PLANS, plan_page, result_id=forces) == newest_first
    assert await walk_pages(other, PLANS) == []
