"""What the scoring operations accept is what the API document says: named sort orders, strict
JSON types (no 0 for false, no "1.5" for 1.5, no number for a date), text judged as sent, and
the schema of each kind of framework. Found by Schemathesis (`python -m contract.fuzz`)."""

from __future__ import annotations

import json
from enum import StrEnum
from importlib import resources
from typing import Any

import httpx
import pytest

from mops_scoring.assessments import repository as assessments
from mops_scoring.assessments.schemas import AssessmentSort, RespondentSort, ResponseSort
from mops_scoring.evidence.catalogue import SIGNALS
from mops_scoring.frameworks import repository as frameworks
from mops_scoring.frameworks.schemas import SIGNAL_SOURCES, FrameworkSort
from mops_scoring.plans.repository import PLAN_SORTS
from mops_scoring.plans.schemas import MartechGap, PlanSort
from mops_scoring.results.repository import RESULT_SORTS
from mops_scoring.results.schemas import ResultSort
from mops_shared.kit.pagination import SortOption, encode_values
from tests.support import assert_problem, walk_pages

FRAMEWORKS = "/v1/scoring/frameworks"
ASSESSMENTS = "/v1/scoring/assessments"
PLANS = "/v1/scoring/plans"
RESULTS = "/v1/scoring/results"


@pytest.mark.parametrize(
    ("enum", "options"),
    [
        (FrameworkSort, frameworks.FRAMEWORK_SORTS),
        (AssessmentSort, assessments.ASSESSMENT_SORTS),
        (RespondentSort, assessments.RESPONDENT_SORTS),
        (ResponseSort, assessments.RESPONSE_SORTS),
        (PlanSort, PLAN_SORTS),
        (ResultSort, RESULT_SORTS),
    ],
)
def test_each_sort_enum_names_exactly_its_lists_orders(
    enum: type[StrEnum], options: dict[str, SortOption]
) -> None:
    assert [member.value for member in enum] == list(options)


def test_the_signal_enums_are_the_catalogue_by_sources() -> None:
    grouped = {s.value: sources for group, sources in SIGNAL_SOURCES.items() for s in group}
    assert grouped == {key: signal.sources for key, signal in SIGNALS.items()}


def test_a_bounded_optional_integer_keeps_its_bound_in_the_schema() -> None:
    # `Field(ge=1)` on an optional Integer came out as {"ge": 1}, which no schema reader knows.
    (number, _) = MartechGap.model_json_schema()["properties"]["scenario_stage"]["anyOf"]
    assert number == {"minimum": 1, "type": "integer"}


# --- queries -------------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("value", ["1", "0", "yes", "off", "True", ""])
async def test_a_boolean_query_is_true_or_false(client: httpx.AsyncClient, value: str) -> None:
    assert_problem(await client.get(RESULTS, params={"whole_tenant": value}), 422, "/whole_tenant")


@pytest.mark.asyncio
async def test_boolean_queries_take_true_and_false(client: httpx.AsyncClient) -> None:
    for value in ("true", "false"):
        response = await client.get(RESULTS, params={"whole_tenant": value})
        assert response.status_code == 200, response.text


@pytest.mark.asyncio
async def test_sort_orders_are_the_documented_ones(client: httpx.AsyncClient) -> None:
    assert (await client.get(PLANS, params={"sort": "-name"})).status_code == 200
    assert_problem(await client.get(PLANS, params={"sort": "-updated_at"}), 422, "/sort")


# --- bodies --------------------------------------------------------------------------------------


async def _framework_id(client: httpx.AsyncClient, key: str) -> str:
    (version,) = await walk_pages(client, FRAMEWORKS, key=key)
    return str(version["id"])


def _process(**fields: Any) -> dict[str, Any]:
    return {
        "key": "ivr",
        "name": "IVR",
        "automated": True,
        "mandatory_for_customer": True,
        **fields,
    }


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("fields", "pointer"),
    [
        ({"due_date": 1765756800}, "/due_date"),
        ({"due_date": "20261215"}, "/due_date"),
        ({"name": " "}, "/name"),
        ({"name": "n" * 200 + " "}, "/name"),
        ({"processes": [_process(automated=0)]}, "/processes/0/automated"),
        (
            {"processes": [_process(mandatory_for_customer="true")]},
            "/processes/0/mandatory_for_customer",
        ),
    ],
)
async def test_an_assessment_takes_the_types_the_document_says(
    client: httpx.AsyncClient, fields: dict[str, Any], pointer: str
) -> None:
    body = {"framework_id": await _framework_id(client, "cx_efficiency"), "name": "CX", **fields}
    assert_problem(await client.post(ASSESSMENTS, json=body), 422, pointer)


@pytest.mark.asyncio
async def test_text_is_judged_as_sent_and_stored_stripped(client: httpx.AsyncClient) -> None:
    body = {"framework_id": await _framework_id(client, "five_forces"), "name": "  Q4  "}
    response = await client.post(ASSESSMENTS, json=body)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "Q4"


def _plan(**objective: Any) -> dict[str, Any]:
    return {
        "name": "MO 2027",
        "charter": "Own the stack.",
        "goals": [{"statement": "Prove the return of each tool."}],
        "objectives": [
            {
                "goal": 0,
                "metric": "Tools with an owner",
                "baseline": 0.6,
                "target": 1,
                "due_date": "2027-06-30",
                **objective,
            }
        ],
    }


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("objective", "pointer"),
    [
        ({"goal": True}, "/objectives/0/goal"),
        ({"goal": "0"}, "/objectives/0/goal"),
        ({"baseline": "0.6"}, "/objectives/0/baseline"),
        ({"target": False}, "/objectives/0/target"),
        ({"due_date": 1814400000}, "/objectives/0/due_date"),
    ],
)
async def test_a_plan_takes_the_types_the_document_says(
    client: httpx.AsyncClient, objective: dict[str, Any], pointer: str
) -> None:
    assert_problem(await client.post(PLANS, json=_plan(**objective)), 422, pointer)


@pytest.mark.asyncio
async def test_a_whole_integer_is_an_integer(client: httpx.AsyncClient) -> None:
    # JSON Schema's integer includes 0.0; the plan stores the goal as 0.
    response = await client.post(PLANS, json=_plan(goal=0.0))
    assert response.status_code == 201, response.text
    assert response.json()["objectives"][0]["goal"] == 0


def _shipped(key: str) -> dict[str, Any]:
    text = resources.files("mops_scoring.frameworks.builtin").joinpath(f"{key}.v1.json")
    document: dict[str, Any] = json.loads(text.read_text())
    return document


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", [{}, [], None, 3, "astrology"])
async def test_a_kind_that_is_no_kind_is_refused_at_its_pointer(
    client: httpx.AsyncClient, kind: Any
) -> None:
    # A JSON object as the kind was a 500: the discriminator looked it up in a set.
    document = _shipped("mo_readiness") | {"key": "odd_kind", "kind": kind}
    body = assert_problem(await client.post(FRAMEWORKS, json={"document": document}), 422)
    assert [e["pointer"] for e in body["errors"]] == ["/document/kind"]


@pytest.mark.asyncio
@pytest.mark.parametrize("signal", [{}, 7, "vibes"])
async def test_a_signal_that_is_no_signal_is_refused_at_its_pointer(
    client: httpx.AsyncClient, signal: Any
) -> None:
    document = _shipped("five_forces") | {"key": "odd_signal"}
    document["evidence"][0]["signal"] = signal
    body = assert_problem(await client.post(FRAMEWORKS, json={"document": document}), 422)
    assert [e["pointer"] for e in body["errors"]] == ["/document/evidence/0/signal"]


@pytest.mark.asyncio
async def test_a_document_is_read_back_as_it_was_written(client: httpx.AsyncClient) -> None:
    # Written as the model of its kind, stored and read as the general document: reading one and
    # writing it back (how a built-in is cloned) takes every kind.
    for key in ("five_forces", "cx_efficiency", "mo_readiness"):
        (summary,) = await walk_pages(client, FRAMEWORKS, key=key)
        read = (await client.get(f"{FRAMEWORKS}/{summary['id']}")).json()
        response = await client.post(
            f"{FRAMEWORKS}/{summary['id']}/versions", json={"document": read["document"]}
        )
        assert response.status_code == 201, response.text
        assert response.json()["document"] == read["document"]


# --- the evidence catalogue ----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_evidence_catalogue_pages_like_every_list(client: httpx.AsyncClient) -> None:
    # Its page carries `next_cursor`, so the document links it to its next page by `cursor`:
    # without the parameter the link was invalid and Schemathesis ran no stateful test.
    first = (await client.get("/v1/scoring/evidence-signals")).json()
    assert [s["key"] for s in first["items"]] == sorted(SIGNALS)
    assert first["next_cursor"] is None
    walked = await walk_pages(client, "/v1/scoring/evidence-signals", limit=5)
    assert [s["key"] for s in walked] == sorted(SIGNALS)


@pytest.mark.asyncio
@pytest.mark.parametrize("values", [[7], ["a", "b"], []])
async def test_a_cursor_the_catalogue_did_not_give_is_refused(
    client: httpx.AsyncClient, values: list[Any]
) -> None:
    cursor = encode_values("key", values)
    response = await client.get("/v1/scoring/evidence-signals", params={"cursor": cursor})
    assert_problem(response, 422, "/cursor")


@pytest.mark.asyncio
@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
async def test_numbers_are_finite(client: httpx.AsyncClient, literal: str) -> None:
    # Python's JSON parser reads NaN and Infinity, which are not JSON: a mapping's `low` was
    # stored as NaN and read back as null, off its schema.
    document = _shipped("mo_readiness") | {"key": "not_a_number"}
    text = json.dumps({"document": document})
    text = text.replace('"low": 0.1', f'"low": {literal}', 1)
    response = await client.post(
        FRAMEWORKS, content=text, headers={"content-type": "application/json"}
    )
    assert_problem(response, 422, "/document/evidence/0/mapping/low")
    text = json.dumps(_plan()).replace('"baseline": 0.6', f'"baseline": {literal}')
    response = await client.post(PLANS, content=text, headers={"content-type": "application/json"})
    assert_problem(response, 422, "/objectives/0/baseline")
