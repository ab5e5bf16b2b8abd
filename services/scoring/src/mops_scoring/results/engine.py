"""The scores of a result, from a framework version, the responses and the evidence values:
pure arithmetic, as `mops_scoring.frameworks.schemas` writes it down, with an
explanation for every score."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mops_scoring.assessments.schemas import Process
from mops_scoring.frameworks.schemas import (
    BandMapping,
    Dimension,
    FrameworkDocument,
    LinearMapping,
    QuadrantRule,
    Question,
    Scale,
)
from mops_scoring.results.schemas import (
    CentreScore,
    Contribution,
    ContributionSource,
    CxQuadrant,
    DimensionScore,
    EvidenceValue,
    ProcessScore,
    QuadrantScore,
    ReadinessLevel,
    ReadinessVerdict,
    Spread,
)
from mops_shared.contracts.scoring import FrameworkKind

COMPANY, CUSTOMER = "company_efficiency", "customer_efficiency"


@dataclass(frozen=True)
class Answers:
    """One response: answers to questions asked once, and per process."""

    once: Mapping[str, int]
    per_process: Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class Scores:
    dimensions: list[DimensionScore]
    quadrants: list[QuadrantScore]
    centre: CentreScore | None
    weak_quadrants: list[str]
    processes: list[ProcessScore]
    readiness: ReadinessVerdict | None


def answer_score(value: float, scale: Scale) -> float:
    return 100 * (value - scale.min) / (scale.max - scale.min)


def evidence_score(raw: float, mapping: LinearMapping | BandMapping) -> float:
    if isinstance(mapping, LinearMapping):
        return min(100.0, max(0.0, 100 * (raw - mapping.low) / (mapping.high - mapping.low)))
    if raw < mapping.best_low:
        rise = mapping.best_low - mapping.low
        return max(0.0, 100 * (raw - mapping.low) / rise) if rise else 0.0
    if raw > mapping.best_high:
        fall = mapping.high - mapping.best_high
        return max(0.0, 100 * (mapping.high - raw) / fall) if fall else 0.0
    return 100.0


def _weighted(pairs: Sequence[tuple[float, float]]) -> float | None:
    """The weighted mean of (weight, value) pairs, the weights taken in proportion."""
    total = sum(weight for weight, _ in pairs)
    return sum(weight * value for weight, value in pairs) / total if total else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def score(
    document: FrameworkDocument,
    responses: Sequence[Answers],
    evidence: Mapping[str, EvidenceValue],
    processes: Sequence[Process] = (),
) -> Scores:
    dimensions = [
        _dimension(document, dimension, responses, evidence, processes)
        for dimension in document.dimensions
    ]
    by_key = {d.key: d for d in dimensions}
    weak = document.thresholds.weak
    rule = document.quadrant_rule
    quadrants = []
    for quadrant in document.quadrants:
        parts = [by_key[key].score for key in quadrant.dimensions]
        scored = [p for p in parts if p is not None]
        value = _combine(rule, scored) if len(scored) == len(parts) else None
        is_weak = value is not None and value < weak
        terms = ", ".join(
            f"{by_key[key].name} {'no score' if p is None else f'{p:.1f}'}"
            for key, p in zip(quadrant.dimensions, parts, strict=True)
        )
        explanation = (
            f"{quadrant.name}: no score, as {terms}."
            if value is None
            else f"{quadrant.name} = {_RULE_WORDS[rule]}({terms}) = {value:.1f}"
            + (f", weak (below {weak:g})." if is_weak else ".")
        )
        quadrants.append(
            QuadrantScore(
                key=quadrant.key,
                name=quadrant.name,
                dimensions=list(quadrant.dimensions),
                score=_round(value),
                weak=is_weak,
                actions=list(quadrant.actions) if is_weak else [],
                explanation=explanation,
            )
        )
    centre = None
    if document.centre is not None:
        centre_score = by_key[document.centre.dimension].score
        centre_weak = centre_score is not None and centre_score < weak
        centre = CentreScore(
            dimension=document.centre.dimension,
            name=document.centre.name,
            score=centre_score,
            weak=centre_weak,
            actions=list(document.centre.actions) if centre_weak else [],
            explanation=f"The centre is the {document.centre.dimension} dimension: "
            + by_key[document.centre.dimension].explanation,
        )
    scored_processes = (
        _processes(document, responses, processes)
        if document.kind == FrameworkKind.cx_efficiency
        else []
    )
    readiness = (
        _readiness(document, dimensions) if document.kind == FrameworkKind.mo_readiness else None
    )
    return Scores(
        dimensions=dimensions,
        quadrants=quadrants,
        centre=centre,
        weak_quadrants=[q.key for q in quadrants if q.weak],
        processes=scored_processes,
        readiness=readiness,
    )


_RULE_WORDS = {
    QuadrantRule.mean: "mean",
    QuadrantRule.geometric_mean: "geometric mean",
    QuadrantRule.minimum: "minimum",
}


def _combine(rule: QuadrantRule, parts: Sequence[float]) -> float:
    """A quadrant's score from its dimensions' (0-100) by the framework's rule."""
    if rule is QuadrantRule.geometric_mean:
        # A force at 0 makes the quadrant 0, whatever the other (statistics.geometric_mean
        # refuses zeros).
        return math.prod(parts) ** (1 / len(parts))
    if rule is QuadrantRule.minimum:
        return min(parts)
    return statistics.fmean(parts)


def _question_values(
    document: FrameworkDocument,
    question: Question,
    responses: Sequence[Answers],
    processes: Sequence[Process],
) -> list[list[float]]:
    """Per respondent, their scores (0-100) for the question: one, or one per process."""
    scale = question.scale or document.scale
    values = []
    for response in responses:
        if question.per_process:
            mine = [
                answer_score(response.per_process[p.key][question.key], scale)
                for p in processes
                if question.key in response.per_process.get(p.key, {})
            ]
        elif question.key in response.once:
            mine = [answer_score(response.once[question.key], scale)]
        else:
            mine = []
        values.append(mine)
    return values


def _dimension(
    document: FrameworkDocument,
    dimension: Dimension,
    responses: Sequence[Answers],
    evidence: Mapping[str, EvidenceValue],
    processes: Sequence[Process],
) -> DimensionScore:
    questions = [q for q in document.questions if q.dimension == dimension.key]
    signals = [e for e in document.evidence if e.dimension == dimension.key]

    # Answers: each question's mean over the respondents who answered it.
    question_rows: list[tuple[Question, float | None, float | None, int]] = []
    per_respondent: list[list[tuple[float, float]]] = [[] for _ in responses]
    for question in questions:
        values = _question_values(document, question, responses, processes)
        answered = [statistics.fmean(v) for v in values if v]
        mean = statistics.fmean(answered) if answered else None
        scale = question.scale or document.scale
        raw = None if mean is None else scale.min + mean * (scale.max - scale.min) / 100
        question_rows.append((question, mean, raw, len(answered)))
        for i, v in enumerate(values):
            if v:
                per_respondent[i].append((question.weight, statistics.fmean(v)))
    answers_part = _weighted([(q.weight, m) for q, m, _, _ in question_rows if m is not None])

    evidence_rows = []
    for item in signals:
        found = evidence.get(item.signal)
        raw = found.raw if found is not None else None
        mapped = evidence_score(raw, item.mapping) if raw is not None else None
        reason = (found.missing if found is not None else None) or "not computed"
        evidence_rows.append((item, raw, mapped, None if mapped is not None else reason))
    evidence_part = _weighted([(e.weight, m) for e, _, m, _ in evidence_rows if m is not None])

    if answers_part is not None and evidence_part is not None:
        answers_share = dimension.answers_weight
        value: float | None = answers_share * answers_part + (1 - answers_share) * evidence_part
    elif answers_part is not None:
        answers_share, value = 1.0, answers_part
    elif evidence_part is not None:
        answers_share, value = 0.0, evidence_part
    else:
        answers_share, value = dimension.answers_weight, None

    answered_weight = sum(q.weight for q, m, _, _ in question_rows if m is not None)
    counted_weight = sum(e.weight for e, _, m, _ in evidence_rows if m is not None)
    contributions = [
        Contribution(
            source=ContributionSource.question,
            key=q.key,
            label=q.text,
            weight=q.weight,
            share=round(answers_share * q.weight / answered_weight, 4) if m is not None else 0.0,
            score=_round(m),
            raw=_round(raw),
            respondents=n,
            missing=None if m is not None else "no respondent answered it",
        )
        for q, m, raw, n in question_rows
    ] + [
        Contribution(
            source=ContributionSource.evidence,
            key=e.signal,
            label=e.name,
            weight=e.weight,
            share=(
                round((1 - answers_share) * e.weight / counted_weight, 4) if m is not None else 0.0
            ),
            score=_round(m),
            raw=raw,
            missing=reason,
        )
        for e, raw, m, reason in evidence_rows
    ]
    own = [v for v in (_weighted(pairs) for pairs in per_respondent) if v is not None]
    spread = Spread(
        n=len(own),
        min=_round(min(own)) if own else None,
        max=_round(max(own)) if own else None,
        stdev=_round(statistics.pstdev(own)) if own else None,
    )
    is_weak = value is not None and value < document.thresholds.weak
    return DimensionScore(
        key=dimension.key,
        name=dimension.name,
        score=_round(value),
        answers_score=_round(answers_part),
        evidence_score=_round(evidence_part),
        answers_share=answers_share,
        weak=is_weak,
        spread=spread,
        contributions=contributions,
        explanation=_explain(dimension, value, answers_part, evidence_part, answers_share, is_weak),
    )


def _explain(
    dimension: Dimension,
    value: float | None,
    answers: float | None,
    evidence: float | None,
    answers_share: float,
    weak: bool,
) -> str:
    if value is None:
        return f"{dimension.name}: no answer and no evidence, so no score."
    if answers is not None and evidence is not None:
        how = (
            f"{answers_share:g} x answers {answers:.1f} + {1 - answers_share:g} x evidence "
            f"{evidence:.1f}"
        )
    elif answers is not None:
        how = f"answers {answers:.1f} alone (no evidence could be computed)"
    else:
        how = f"evidence {evidence:.1f} alone (no question was answered)"
    verdict = " — weak" if weak else ""
    return f"{dimension.name} = {how} = {value:.1f}{verdict}."


def _processes(
    document: FrameworkDocument, responses: Sequence[Answers], processes: Sequence[Process]
) -> list[ProcessScore]:
    efficient = document.thresholds.efficient
    scored = []
    for process in processes:
        sides: dict[str, float | None] = {}
        counted = 0
        for side in (COMPANY, CUSTOMER):
            pairs = []
            for question in document.questions:
                if question.dimension != side or not question.per_process:
                    continue
                scale = question.scale or document.scale
                values = [
                    answer_score(r.per_process[process.key][question.key], scale)
                    for r in responses
                    if question.key in r.per_process.get(process.key, {})
                ]
                counted = max(counted, len(values))
                if values:
                    pairs.append((question.weight, statistics.fmean(values)))
            sides[side] = _weighted(pairs)
        company, customer = sides[COMPANY], sides[CUSTOMER]
        quadrant = None
        if company is not None and customer is not None:
            quadrant = {
                (False, False): CxQuadrant.improve,
                (True, True): CxQuadrant.verify,
                (False, True): CxQuadrant.protect,
                (True, False): CxQuadrant.danger,
            }[(company >= efficient, customer >= efficient)]
        scored.append(
            ProcessScore(
                key=process.key,
                name=process.name,
                automated=process.automated,
                mandatory_for_customer=process.mandatory_for_customer,
                tool_ids=list(process.tool_ids),
                company=_round(company),
                customer=_round(customer),
                quadrant=quadrant,
                respondents=counted,
                explanation=_explain_process(process, company, customer, quadrant, efficient),
            )
        )
    # Danger first: the processes efficient for the company only, then the rest in order.
    return sorted(scored, key=lambda p: p.quadrant != CxQuadrant.danger)


_QUADRANT_MEANING = {
    CxQuadrant.improve: "inefficient for both the company and the customer: improve it",
    CxQuadrant.verify: "efficient for both: verify it stays so",
    CxQuadrant.protect: "efficient for the customer only: protect it, do not over-optimise",
    CxQuadrant.danger: "efficient for the company only: a danger to the customer experience",
}


def _explain_process(
    process: Process,
    company: float | None,
    customer: float | None,
    quadrant: CxQuadrant | None,
    efficient: float,
) -> str:
    if quadrant is None or company is None or customer is None:
        return f"{process.name}: not rated by any respondent."
    mandatory = " Customers must go through it." if process.mandatory_for_customer else ""
    return (
        f"{process.name}: company {company:.1f}, customer {customer:.1f} (efficient from "
        f"{efficient:g}) — {_QUADRANT_MEANING[quadrant]}.{mandatory}"
    )


def _readiness(
    document: FrameworkDocument, dimensions: Sequence[DimensionScore]
) -> ReadinessVerdict:
    threshold = document.thresholds.tipping_point
    needed = document.thresholds.due_when_tipping_points
    descriptions = {d.key: d.description for d in document.dimensions}
    reached = [d for d in dimensions if d.score is not None and d.score >= threshold]
    reasons = [
        f"{d.name} scores {d.score:.1f} (tipping point at {threshold:g}): {descriptions[d.key]}"
        for d in reached
        if d.score is not None
    ]
    due = len(reached) >= needed
    strategic = document.thresholds.strategic_when_tipping_points
    level = None
    if strategic is not None:
        level = (
            ReadinessLevel.strategic
            if len(reached) >= strategic
            else ReadinessLevel.essential
            if due
            else ReadinessLevel.not_yet
        )
    if level is ReadinessLevel.strategic:
        reasons.append(
            f"{len(reached)} tipping point(s) reached, {strategic} needed: a dedicated "
            "marketing-operations function is strategic, a business imperative."
        )
    elif level is ReadinessLevel.essential:
        reasons.append(
            f"{len(reached)} tipping point(s) reached, {needed} needed: a dedicated "
            f"marketing-operations function is essential (with {strategic}, it would be "
            "strategic, a business imperative)."
        )
    elif due:
        reasons.append(
            f"{len(reached)} tipping point(s) reached, {needed} needed: a dedicated "
            "marketing-operations function is due."
        )
    else:
        reasons.append(
            f"{len(reached)} tipping point(s) reached, {needed} needed: a dedicated "
            "marketing-operations function is not due yet."
        )
    unscored = [d.name for d in dimensions if d.score is None]
    if unscored:
        reasons.append(f"Not scored, so not counted: {', '.join(unscored)}.")
    return ReadinessVerdict(
        due=due, level=level, tipping_points=[d.key for d in reached], reasons=reasons
    )
