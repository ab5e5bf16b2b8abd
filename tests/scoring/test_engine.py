"""The result arithmetic against values worked out by hand (in the comments)."""

from __future__ import annotations

import json
import statistics
from importlib import resources
from types import SimpleNamespace
from typing import Any

import pytest

from mops_scoring.assessments.schemas import Process
from mops_scoring.evidence.compute import Sources, evidence_values
from mops_scoring.frameworks.schemas import BandMapping, FrameworkDocument, LinearMapping
from mops_scoring.plans.draft import best_of
from mops_scoring.results.engine import Answers, evidence_score, score
from mops_scoring.results.schemas import CxQuadrant, EvidenceValue
from mops_shared.contracts.org_metrics import CoordinationSummary, OrgMetrics
from mops_shared.contracts.org_raci import RaciSummary
from mops_shared.contracts.reports_evidence import InventoryEvidence
from tests.scoring.v1_scores import BUILT_IN_KEYS, FIXTURES, scores_of

LIKERT = {"min": 0, "max": 4, "labels": {str(i): f"level {i}" for i in range(5)}}


def built_in(key: str) -> FrameworkDocument:
    text = resources.files("mops_scoring.frameworks.builtin").joinpath(f"{key}.v1.json")
    return FrameworkDocument.model_validate(json.loads(text.read_text()))


def evidence(signal: str, raw: float | None, missing: str | None = None) -> EvidenceValue:
    return EvidenceValue(
        signal=signal,
        name=signal,
        sources=["inventory"],
        unit="share",
        raw=raw,
        basis={},
        missing=missing,
    )


def small_framework() -> FrameworkDocument:
    def signal(key: str, dimension: str, low: float, high: float) -> dict[str, Any]:
        return {
            "signal": key,
            "dimension": dimension,
            "name": key,
            "sources": ["inventory"],
            "formula": "f",
            "mapping": {"kind": "linear", "low": low, "high": high},
            "weight": 1,
        }

    return FrameworkDocument.model_validate(
        {
            "key": "small",
            "name": "Small",
            "description": "Two dimensions.",
            "kind": "mo_readiness",
            "scale": LIKERT,
            "dimensions": [
                {"key": "a", "name": "A", "description": "a", "answers_weight": 0.6},
                {"key": "b", "name": "B", "description": "b", "answers_weight": 0.5},
            ],
            "questions": [
                {"key": "q1", "dimension": "a", "text": "Q1", "weight": 0.75},
                {"key": "q2", "dimension": "a", "text": "Q2", "weight": 0.25, "required": False},
                {"key": "q3", "dimension": "b", "text": "Q3", "weight": 1},
            ],
            "evidence": [
                signal("integration_coverage", "a", 0.2, 0.9),
                signal("martech_budget_share", "b", 0.1, 0.29),
            ],
        }
    )


def test_a_dimension_combines_answers_and_evidence_with_their_weights() -> None:
    responses = [
        Answers({"q1": 4, "q2": 2, "q3": 1}, {}),
        Answers({"q1": 2, "q3": 3}, {}),  # q2 is optional: not answered
        Answers({"q1": 3, "q2": 0, "q3": 3}, {}),
    ]
    values = {
        "integration_coverage": evidence("integration_coverage", 0.55),
        "martech_budget_share": evidence("martech_budget_share", None, "no budget stated"),
    }
    result = score(small_framework(), responses, values)
    a, b = result.dimensions

    # q1: 100, 50, 75 -> 75; q2: 50, 0 -> 25; answers 0.75 x 75 + 0.25 x 25 = 62.5
    # evidence: (0.55 - 0.2) / 0.7 = 50; dimension 0.6 x 62.5 + 0.4 x 50 = 57.5
    assert (a.answers_score, a.evidence_score, a.score) == (62.5, 50.0, 57.5)
    q1, q2, coverage = a.contributions
    assert (q1.score, q1.raw, q1.respondents, q1.share) == (75.0, 3.0, 3, 0.45)
    assert (q2.score, q2.raw, q2.respondents, q2.share) == (25.0, 1.0, 2, 0.15)
    assert (coverage.score, coverage.raw, coverage.share) == (50.0, 0.55, 0.4)
    # Each respondent's own answers for A: 87.5, 50 (q1 alone), 56.25.
    assert (a.spread.n, a.spread.min, a.spread.max) == (3, 50.0, 87.5)
    assert a.spread.stdev == round(statistics.pstdev([87.5, 50, 56.25]), 2)
    assert "0.6 x answers 62.5 + 0.4 x evidence 50.0 = 57.5" in a.explanation
    assert not a.weak

    # B: the evidence is missing, so answers alone: q3 25, 75, 75 -> 58.33.
    assert (b.score, b.evidence_score, b.answers_share) == (58.33, None, 1.0)
    budget = b.contributions[-1]
    assert (budget.score, budget.share, budget.missing) == (None, 0.0, "no budget stated")
    assert "no evidence could be computed" in b.explanation


def test_no_answer_and_no_evidence_is_no_score_not_zero() -> None:
    result = score(small_framework(), [], {})
    assert [d.score for d in result.dimensions] == [None, None]
    assert not any(d.weak for d in result.dimensions)
    assert result.dimensions[0].spread.n == 0


def test_evidence_maps_linearly_within_0_and_100_either_way() -> None:
    framework = small_framework()
    for raw, expected in ((0.1, 0.0), (0.95, 100.0), (0.9, 100.0), (0.375, 25.0)):
        a = score(framework, [], {"integration_coverage": evidence("x", raw)}).dimensions[0]
        assert a.score == expected, raw
    # low above high: less is better. Redundant spend maps 0.3 -> 0 and 0 -> 100.
    five = built_in("five_forces")
    values = {"redundant_spend_share": evidence("redundant_spend_share", 0.075)}
    centralize = score(five, [], values).dimensions[0]
    assert centralize.evidence_score == 75.0


def test_five_forces_names_the_weak_quadrants_with_their_actions() -> None:
    five = built_in("five_forces")
    strong = {"centralize", "automate"}
    answers = {q.key: 4 if q.dimension in strong else 0 for q in five.questions}
    result = score(five, [Answers(answers, {}), Answers(answers, {})], {})
    scores = {d.key: d.score for d in result.dimensions}
    assert scores == {
        "centralize": 100.0,
        "automate": 100.0,
        "decentralize": 0.0,
        "humanize": 0.0,
        "change": 0.0,
    }
    quadrants = {q.key: (q.score, q.weak) for q in result.quadrants}
    # NW 100; NE and SW the mean of 100 and 0 = 50, not below 50; SE 0.
    assert quadrants == {
        "nw": (100.0, False),
        "ne": (50.0, False),
        "se": (0.0, True),
        "sw": (50.0, False),
    }
    assert result.weak_quadrants == ["se"]
    ne = next(q for q in result.quadrants if q.key == "ne")
    assert ne.explanation == f"{ne.name} = mean(Decentralize 0.0, Automate 100.0) = 50.0."
    se = next(q for q in result.quadrants if q.key == "se")
    assert se.explanation.endswith("= 0.0, weak (below 50).")
    (se,) = [q for q in result.quadrants if q.weak]
    assert any("empowerment" in action for action in se.actions)
    assert all(not q.actions for q in result.quadrants if not q.weak)
    assert result.centre is not None
    assert (result.centre.score, result.centre.weak) == (0.0, True)
    assert any("Red-team" in action for action in result.centre.actions)


@pytest.mark.parametrize(
    ("rule", "nw", "words", "ne", "sw"),
    [
        # Centralize 87.5 (4 and 3), automate 12.5 (1 and 0), the others 50 (2 and 2).
        # mean: NW (87.5 + 12.5) / 2 = 50.0, not below 50: the missing automation is hidden.
        ("mean", 50.0, "mean", 31.25, 68.75),
        # geometric mean: NW sqrt(87.5 x 12.5) = sqrt(1093.75) = 33.07; NE sqrt(50 x 12.5) = 25;
        # SW sqrt(87.5 x 50) = sqrt(4375) = 66.14.
        ("geometric_mean", 33.07, "geometric mean", 25.0, 66.14),
        # minimum: the weaker force.
        ("minimum", 12.5, "minimum", 12.5, 50.0),
    ],
)
def test_a_quadrant_combines_its_two_forces_by_the_framework_rule(
    rule: str, nw: float, words: str, ne: float, sw: float
) -> None:
    document = built_in("five_forces").model_dump(mode="json")
    five = FrameworkDocument.model_validate({**document, "quadrant_rule": rule})
    first = {"centralize": 4, "automate": 1}
    second = {"centralize": 3, "automate": 0}
    responses = [
        Answers({q.key: answers.get(q.dimension, 2) for q in five.questions}, {})
        for answers in (first, second)
    ]
    result = score(five, responses, {})
    dimensions = {d.key: d.score for d in result.dimensions}
    assert (dimensions["centralize"], dimensions["automate"]) == (87.5, 12.5)
    quadrants = {q.key: q for q in result.quadrants}
    assert (quadrants["nw"].score, quadrants["ne"].score, quadrants["sw"].score) == (nw, ne, sw)
    assert quadrants["se"].score == 50.0  # two forces at 50: 50 by every rule
    assert quadrants["nw"].weak is (nw < 50)
    assert quadrants["nw"].explanation.startswith(
        f"{quadrants['nw'].name} = {words}(Centralize 87.5, Automate 12.5) = {nw:.1f}"
    )


def test_a_force_at_zero_makes_its_quadrants_zero_by_the_geometric_mean() -> None:
    document = built_in("five_forces").model_dump(mode="json")
    five = FrameworkDocument.model_validate({**document, "quadrant_rule": "geometric_mean"})
    answers = {q.key: 0 if q.dimension == "humanize" else 4 for q in five.questions}
    quadrants = {q.key: q.score for q in score(five, [Answers(answers, {})], {}).quadrants}
    # Humanize 0: SE and SW are 0 though decentralize and centralize are 100.
    assert quadrants == {"nw": 100.0, "ne": 100.0, "se": 0.0, "sw": 0.0}


def test_the_shipped_five_forces_v1_keeps_the_mean() -> None:
    assert built_in("five_forces").quadrant_rule == "mean"


def test_cx_places_each_process_and_lists_danger_first() -> None:
    cx = built_in("cx_efficiency")
    web = Process(key="web", name="Web self-service", automated=True, mandatory_for_customer=False)
    ivr = Process(key="ivr", name="Mandatory IVR", automated=True, mandatory_for_customer=True)
    responses = [
        Answers({}, {"ivr": {"company": 4, "customer": 0}, "web": {"company": 1, "customer": 3}}),
        Answers({}, {"ivr": {"company": 3, "customer": 1}, "web": {"company": 2, "customer": 4}}),
    ]
    result = score(cx, responses, {}, [web, ivr])
    # IVR: company (100 + 75) / 2 = 87.5, customer (0 + 25) / 2 = 12.5: danger.
    # Web: company (25 + 50) / 2 = 37.5, customer (75 + 100) / 2 = 87.5: protect.
    assert [(p.key, p.company, p.customer, p.quadrant) for p in result.processes] == [
        ("ivr", 87.5, 12.5, CxQuadrant.danger),
        ("web", 37.5, 87.5, CxQuadrant.protect),
    ]
    assert "Customers must go through it" in result.processes[0].explanation
    # The dimensions are the means over processes: company (87.5 + 37.5) / 2.
    assert [d.score for d in result.dimensions] == [62.5, 50.0]


@pytest.mark.parametrize(("budget_answer", "due"), [(4, True), (2, False)])
def test_readiness_is_due_when_a_tipping_point_is_reached(budget_answer: int, due: bool) -> None:
    readiness = built_in("mo_readiness")
    answers = {q.key: 0 for q in readiness.questions} | {"spend_scrutinised": budget_answer}
    result = score(readiness, [Answers(answers, {})], {})
    assert result.readiness is not None
    assert result.readiness.due is due
    # Answers alone (no evidence): budget_share 100 (>= 60) or 50 (< 60).
    assert result.readiness.tipping_points == (["budget_share"] if due else [])
    assert result.readiness.reasons[-1].endswith("is due." if due else "is not due yet.")


# --- evidence signals from figures ------------------------------------------------------------


def _signal(
    key: str,
    rules: int = 1,
    *,
    inventory: dict[str, Any] | None = None,
    raci: dict[str, Any] | None = None,
    coordination: dict[str, Any] | None = None,
) -> EvidenceValue:
    """Signal `key` under `evidence_rules` `rules`, from these figures (those it does not read
    left out)."""
    org = OrgMetrics.model_construct(
        raci=RaciSummary.model_construct(**(raci or {})),
        coordination=CoordinationSummary.model_construct(**(coordination or {})),
    )
    sources = Sources(
        org=org,
        inventory=InventoryEvidence.model_construct(**(inventory or {})),
        budget=None,
        danger=None,
        unavailable=frozenset(),
    )
    # evidence_values reads the document's rules and the signal keys of its evidence.
    document = SimpleNamespace(evidence=[SimpleNamespace(signal=key)], evidence_rules=rules)
    return evidence_values(document, sources)[key]  # type: ignore[arg-type]


def _stack_change(**figures: int) -> EvidenceValue:
    return _signal("stack_change_12_months", inventory=figures)


def test_stack_change_counts_dated_tools_and_is_missing_when_none_is_dated() -> None:
    # 3 tools came into use and 1 was retired in the year, over 20 active tools (5 undated).
    dated = _stack_change(
        active_tools=20, active_tools_undated=5, added_last_12_months=3, retired_last_12_months=1
    )
    assert dated.raw == 0.2
    assert dated.basis["active_tools_undated"] == 5
    # Nothing dated and nothing retired: no figure, and why.
    undated = _stack_change(
        active_tools=20, active_tools_undated=20, added_last_12_months=0, retired_last_12_months=0
    )
    assert (undated.raw, undated.missing) == (
        None,
        "no active tool has a date it came into use (in_use_since, or a contract's "
        "term_start), and none was retired in the last 12 months",
    )
    # A retirement seen is a change even when no tool is dated.
    retired = _stack_change(
        active_tools=20, active_tools_undated=20, added_last_12_months=0, retired_last_12_months=2
    )
    assert retired.raw == 0.1


_NO_RACI = {"activities": 0, "complete_activities": 0, "completeness": None}


@pytest.mark.parametrize(
    ("key", "figures", "rules_1", "missing_under_rules_2"),
    [
        (
            "raci_completeness",
            {"raci": _NO_RACI},
            0.0,
            "no RACI matrix of the tenant has an activity",
        ),
        (
            "purchase_without_raci",
            {"raci": {**_NO_RACI, "purchase_activities": 0, "complete_purchase_activities": 0}},
            1.0,
            "no RACI matrix of the tenant has an activity",
        ),
        (
            "coordination_maturity",
            {"coordination": {"mechanisms": 0, "maturity": None}},
            0.0,
            "no coordination mechanism is recorded",
        ),
        (
            "cdp_personal_data_coverage",
            {
                "inventory": {
                    "has_customer_data_platform": False,
                    "personal_data_tools": 3,
                    "personal_data_tools_integrated_with_cdp": 0,
                }
            },
            0.0,
            "no active tool is a customer data platform: coverage by one cannot be measured",
        ),
        (
            "citizen_tool_adoption",
            {"inventory": {"citizen_tools": 0, "citizen_seats_used": 0, "citizen_seats_paid": 0}},
            0.0,
            "no active citizen-development tool (low-code, iPaaS, web CMS, forms)",
        ),
    ],
)
def test_missing_data_scores_a_figure_under_rules_1_and_is_named_under_rules_2(
    key: str, figures: dict[str, Any], rules_1: float, missing_under_rules_2: str
) -> None:
    assert (_signal(key, 1, **figures).raw, _signal(key, 1, **figures).missing) == (rules_1, None)
    named = _signal(key, 2, **figures)
    assert (named.raw, named.missing) == (None, missing_under_rules_2)


def test_rules_2_compute_as_rules_1_when_the_data_is_there() -> None:
    raci = {
        "activities": 8,
        "complete_activities": 6,
        "completeness": 0.75,
        "purchase_activities": 2,
        "complete_purchase_activities": 0,
    }
    for rules in (1, 2):
        assert _signal("raci_completeness", rules, raci=raci).raw == 0.75
        # Purchases are in the RACI, none free of violations: a real 1.
        assert _signal("purchase_without_raci", rules, raci=raci).raw == 1.0
        assert (
            _signal(
                "coordination_maturity", rules, coordination={"mechanisms": 3, "maturity": 0.5}
            ).raw
            == 0.5
        )


def test_redundant_spend_keeps_the_cheapest_under_rules_1_and_the_main_tool_under_rules_2() -> None:
    # 10 000 of spend; beyond each capability's cheapest tool 3 000 is redundant, beyond its
    # most expensive 5 000 (the inventory computes both; test_reports_evidence pins them).
    figures = {
        "currency": "USD",
        "annual_spend_minor": 10_000,
        "tools_costed_in_other_currencies": 0,
        "redundant_spend_minor": 3_000,
        "redundant_spend_beyond_main_minor": 5_000,
    }
    assert _signal("redundant_spend_share", 1, inventory=figures).raw == 0.3
    main = _signal("redundant_spend_share", 2, inventory=figures)
    assert (main.raw, main.basis["redundant_spend_minor"]) == (0.5, 5_000)


def test_duplicated_capabilities_as_a_share_of_those_held() -> None:
    figures = {"duplicated_capabilities": 2, "capabilities_held": 5}
    assert _signal("duplicated_capability_share", inventory=figures).raw == 0.4
    empty = _signal(
        "duplicated_capability_share",
        inventory={"duplicated_capabilities": 0, "capabilities_held": 0},
    )
    assert (empty.raw, empty.missing) == (None, "no active tool has a capability")


_BAND = BandMapping(kind="band", low=0.0, best_low=0.05, best_high=0.2, high=0.5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (-0.1, 0.0),
        (0.0, 0.0),  # a stack that never changes
        (0.025, 50.0),  # half way up to the band
        (0.05, 100.0),
        (0.12, 100.0),
        (0.2, 100.0),
        (0.35, 50.0),  # half way down from it
        (0.5, 0.0),
        (1.07, 0.0),  # a whole stack recorded in a year
    ],
)
def test_a_band_scores_100_inside_and_falls_to_0_at_both_ends(raw: float, expected: float) -> None:
    assert evidence_score(raw, _BAND) == pytest.approx(expected)


def test_a_band_without_a_slope_on_one_side_drops_straight_to_0() -> None:
    cliff = BandMapping(kind="band", low=0.1, best_low=0.1, best_high=0.3, high=0.3)
    assert [evidence_score(v, cliff) for v in (0.09, 0.1, 0.3, 0.31)] == [0.0, 100.0, 100.0, 0.0]


def test_a_mapping_written_without_a_kind_is_linear() -> None:
    text = resources.files("mops_scoring.frameworks.builtin").joinpath("five_forces.v1.json")
    document = json.loads(text.read_text())
    for item in document["evidence"]:
        del item["mapping"]["kind"]
    read = FrameworkDocument.model_validate(document)
    assert {type(item.mapping) for item in read.evidence} == {LinearMapping}


def test_a_plan_objective_aims_at_the_nearer_edge_of_a_band() -> None:
    linear = LinearMapping(low=0.0, high=0.25)
    assert [best_of(m, 0.6) for m in (_BAND, linear)] == [0.2, 0.25]
    assert best_of(_BAND, 0.01) == 0.05


@pytest.mark.parametrize("key", BUILT_IN_KEYS)
def test_a_v1_version_scores_the_same_inputs_byte_for_byte_as_it_always_did(key: str) -> None:
    """The fixtures were written by the engine before the v2 rules existed (v1_scores.py)."""
    assert scores_of(key) == (FIXTURES / f"{key}.json").read_bytes()


def _readiness_with_levels(high: set[str]) -> Any:
    """MO readiness v1 with a strategic level at all 5 tipping points, its questions answered
    4 in the dimensions `high` and 0 elsewhere, no evidence."""
    document = built_in("mo_readiness")
    thresholds = document.thresholds.model_copy(update={"strategic_when_tipping_points": 5})
    document = document.model_copy(update={"thresholds": thresholds})
    answers = {q.key: 4 if q.dimension in high else 0 for q in document.questions}
    return score(document, [Answers(once=answers, per_process={})], {}).readiness


def test_readiness_in_three_levels_when_the_framework_sets_them() -> None:
    keys = {d.key for d in built_in("mo_readiness").dimensions}
    none, one, every = (
        _readiness_with_levels(set()),
        _readiness_with_levels({"digital_transformation"}),
        _readiness_with_levels(keys),
    )
    assert [(v.due, v.level) for v in (none, one, every)] == [
        (False, "not_yet"),
        (True, "essential"),
        (True, "strategic"),
    ]
    assert one.reasons[-1] == (
        "1 tipping point(s) reached, 1 needed: a dedicated marketing-operations function is "
        "essential (with 5, it would be strategic, a business imperative)."
    )
    assert every.reasons[-1] == (
        "5 tipping point(s) reached, 5 needed: a dedicated marketing-operations function is "
        "strategic, a business imperative."
    )
    # Without the threshold (v1), no level is written at all.
    v1 = score(built_in("mo_readiness"), [], {}).readiness
    assert v1 is not None
    assert v1.level is None
    assert "level" not in v1.model_dump(mode="json")
