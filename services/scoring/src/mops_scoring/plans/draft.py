"""A draft transformation plan from results: the five-forces result's weak quadrants (and
centre), the latest readiness verdict and the latest CX danger processes. Pure: it proposes,
the people who own the plan edit it.

The rules, in order:
- goals: one per weak quadrant, weakest first, and one for a weak centre; one to establish a
  dedicated marketing-operations function when the readiness verdict says it is due; one per
  danger process (at most five), then one per process efficient for nobody (at most three);
- objectives: for each quadrant's goal, the quadrant's score, and its weak dimensions' scores,
  to the weak threshold plus 20 (at most 100), and each weak evidence input of those
  dimensions to the nearest raw value that scores 100 (a dimension in two weak quadrants goes
  with the weaker one's goal); the readiness goal's chaos and accountability evidence to the
  value where the problem is gone; a danger process's customer efficiency, and both
  efficiencies of a process to improve, to the efficient threshold plus 20. Due six months
  apart, stage by stage, from the result's date;
- barriers: technology when under half the tools are integrated (or half the personal-data
  tools with the customer data platform), process when RACI activities break
  rules, stakeholders when respondents disagree (a spread of 20 points or more) or a new
  function needs executive backing, budget when spend is redundant or draws attention;
- stages: one per goal, in the goals' order, with the skills the quadrant calls for and where
  to get them, and a target operating model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from mops_scoring.frameworks.schemas import BandMapping, FrameworkDocument, LinearMapping
from mops_scoring.plans.schemas import (
    Barrier,
    BarrierKind,
    Goal,
    Objective,
    PlanCreate,
    Severity,
    SkillNeed,
    SkillSource,
    Stage,
)
from mops_scoring.results.schemas import (
    CxQuadrant,
    DimensionScore,
    EvidenceValue,
    ReadinessLevel,
    ResultRead,
)
from mops_shared.contracts.org_profile import OperatingModel

STAGE_MONTHS = 6
DISAGREEMENT_POINTS = 20.0
TARGET_ABOVE_THRESHOLD = 20.0
MAX_DANGER_GOALS = 5
MAX_IMPROVE_GOALS = 3

_T, _H, _P = SkillSource.train, SkillSource.hire, SkillSource.partner
SKILLS = {
    "nw": [("marketing operations", _T), ("data architecture", _H)],
    "ne": [("integration platforms", _T), ("citizen development", _T)],
    "se": [("customer experience", _T), ("CX analytics", _P)],
    "sw": [("martech enablement", _H), ("governance", _T)],
    "centre": [("agile marketing", _T), ("red teaming", _P)],
    "readiness": [("marketing-operations leadership", _H), ("change management", _P)],
    "cx": [("service design", _P), ("customer experience", _T)],
}
# Chaos and accountability: the problems a dedicated function removes.
READINESS_OBJECTIVE_DIMENSIONS = ("chaos", "financial_accountability")


@dataclass
class _Draft:
    goals: list[Goal] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)

    def goal(self, statement: str, stage: Stage) -> int:
        self.goals.append(Goal(statement=statement))
        self.stages.append(stage)
        return len(self.goals) - 1

    def due(self, goal: int, start: date) -> date:
        return start + timedelta(days=round(365.25 / 12 * STAGE_MONTHS * (goal + 1)))

    def aim(self, goal: int, metric: str, score: float, threshold: float, start: date) -> None:
        """An objective raising a score (0-100) to the threshold plus 20, by the goal's date."""
        self.objectives.append(
            Objective(
                goal=goal,
                metric=metric,
                baseline=score,
                target=_target(threshold),
                unit="score",
                due_date=self.due(goal, start),
            )
        )


def _skills(key: str) -> list[SkillNeed]:
    return [SkillNeed(skill=skill, source=source) for skill, source in SKILLS[key]]


def _target(threshold: float) -> float:
    return min(100.0, threshold + TARGET_ABOVE_THRESHOLD)


def _dimension_objectives(
    draft: _Draft,
    goal: int,
    dimension: DimensionScore,
    document: FrameworkDocument,
    start: date,
) -> None:
    threshold = document.thresholds.weak
    if dimension.score is not None:
        metric = f"{dimension.name} score ({document.key})"
        draft.aim(goal, metric, dimension.score, threshold, start)
    mappings = {(e.signal, e.dimension): e.mapping for e in document.evidence}
    for contribution in dimension.contributions:
        mapping = mappings.get((contribution.key, dimension.key))
        if (
            contribution.source != "evidence"
            or mapping is None
            or contribution.raw is None
            or contribution.score is None
            or contribution.score >= threshold
        ):
            continue
        draft.objectives.append(
            Objective(
                goal=goal,
                metric=contribution.label,
                baseline=contribution.raw,
                target=best_of(mapping, contribution.raw),
                unit=None,
                due_date=draft.due(goal, start),
            )
        )


def best_of(mapping: LinearMapping | BandMapping, raw: float) -> float:
    """The value nearest `raw` at which the signal scores 100: a linear mapping's `high`, a
    band's nearer edge (less change for a stack that churns, more for one that stands still)."""
    if isinstance(mapping, BandMapping):
        return mapping.best_low if raw < mapping.best_low else mapping.best_high
    return mapping.high


def draft_plan(
    result: ResultRead,
    document: FrameworkDocument,
    *,
    readiness: tuple[ResultRead, FrameworkDocument] | None = None,
    cx: tuple[ResultRead, FrameworkDocument] | None = None,
) -> PlanCreate:
    """The draft from `result` (any kind) and the tenant's latest readiness and CX results
    (`result` itself when it is of that kind)."""
    start = result.computed_at.date()
    draft = _Draft()
    dimensions = {d.key: d for d in result.dimensions}

    # Five forces: the weak quadrants, weakest first, then the centre.
    weak = sorted((q for q in result.quadrants if q.weak), key=lambda q: q.score or 0.0)
    covered: set[str] = set()  # a dimension's objectives go with the first goal that needs it
    for quadrant in weak:
        goal = draft.goal(
            f"Strengthen {quadrant.name}: {quadrant.actions[0]}",
            Stage(
                name=f"Cover {quadrant.name}",
                description=" ".join(quadrant.actions),
                skills=_skills(quadrant.key),
                target_operating_model=OperatingModel.hub_and_spoke,
            ),
        )
        # Each quadrant's goal is measured by the quadrant itself, whichever goal its
        # dimensions' objectives went to.
        if quadrant.score is not None:
            metric = f"{quadrant.name} score ({document.key})"
            draft.aim(goal, metric, quadrant.score, document.thresholds.weak, start)
        for key in quadrant.dimensions:
            if dimensions[key].weak and key not in covered:
                covered.add(key)
                _dimension_objectives(draft, goal, dimensions[key], document, start)
    if result.centre is not None and result.centre.weak:
        goal = draft.goal(
            f"Embrace continuous change: {result.centre.actions[0]}",
            Stage(
                name="Make change continuous",
                description=" ".join(result.centre.actions),
                skills=_skills("centre"),
                target_operating_model=OperatingModel.hub_and_spoke,
            ),
        )
        _dimension_objectives(draft, goal, dimensions[result.centre.dimension], document, start)

    # Readiness: a dedicated function when it is due.
    readiness_result = None
    if readiness is not None and readiness[0].readiness is not None:
        readiness_result, readiness_document = readiness
        verdict = readiness_result.readiness
        if verdict is not None and verdict.due:
            names = {d.key: d.name for d in readiness_result.dimensions}
            reached = ", ".join(names[key] for key in verdict.tipping_points)
            # Strategic (every tipping point reached): the seed's business imperative.
            strategic = verdict.level == ReadinessLevel.strategic
            goal = draft.goal(
                "Establish a dedicated, results-driven marketing-operations function"
                f"{', strategic: a business imperative' if strategic else ''} "
                f"(tipping points reached: {reached})",
                Stage(
                    name="Establish the marketing-operations function",
                    description="Charter, goals and objectives agreed with the executive team; "
                    "the martech gap analysed; skills sourced; roles and responsibilities "
                    "redefined.",
                    skills=_skills("readiness"),
                    target_operating_model=OperatingModel.hybrid_matrix,
                ),
            )
            by_key = {d.key: d for d in readiness_result.dimensions}
            mappings = {(e.signal, e.dimension): e.mapping for e in readiness_document.evidence}
            for key in READINESS_OBJECTIVE_DIMENSIONS:
                for contribution in by_key[key].contributions if key in by_key else []:
                    mapping = mappings.get((contribution.key, key))
                    if contribution.source != "evidence" or contribution.raw is None:
                        continue
                    if mapping is None or contribution.raw == mapping.low:
                        continue
                    draft.objectives.append(
                        Objective(
                            goal=goal,
                            metric=contribution.label,
                            baseline=contribution.raw,
                            target=mapping.low,
                            due_date=draft.due(goal, start),
                        )
                    )

    # CX: the processes efficient for the company only.
    danger = []
    if cx is not None:
        cx_result, cx_document = cx
        efficient = cx_document.thresholds.efficient
        danger = [p for p in cx_result.processes if p.quadrant == CxQuadrant.danger]
        for process in danger[:MAX_DANGER_GOALS]:
            goal = draft.goal(
                f"Make {process.name!r} efficient for the customer, not only for the company",
                Stage(
                    name=f"Rework {process.name}",
                    description="Put a person back within reach where customers get stuck; "
                    "measure the process by the customer's effort, not only the company's.",
                    skills=_skills("cx"),
                ),
            )
            if process.customer is not None:
                metric = f"Customer efficiency of {process.name}"
                draft.aim(goal, metric, process.customer, efficient, start)
        # Then the processes efficient for nobody, to improve for both.
        improve = [p for p in cx_result.processes if p.quadrant == CxQuadrant.improve]
        for process in improve[:MAX_IMPROVE_GOALS]:
            goal = draft.goal(
                f"Improve {process.name!r} for both the customer and the company",
                Stage(
                    name=f"Improve {process.name}",
                    description="Redesign it with the people who run it and the customers who "
                    "go through it; automate only what serves both.",
                    skills=_skills("cx"),
                ),
            )
            for side, value in (("Customer", process.customer), ("Company", process.company)):
                if value is not None:
                    metric = f"{side} efficiency of {process.name}"
                    draft.aim(goal, metric, value, efficient, start)

    if not draft.goals:
        goal = draft.goal(
            "Keep every process efficient for the customer: verify they stay so"
            if result.processes
            else "Keep the whole grid covered: verify the strong quadrants stay so",
            Stage(
                name="Verify and sustain",
                skills=_skills("centre"),
                target_operating_model=OperatingModel.hub_and_spoke,
            ),
        )

    return PlanCreate(
        name=f"Plan from {result.framework_key} v{result.framework_version} ({start.isoformat()})",
        result_id=result.id,
        charter=_charter(result, readiness_result, bool(danger)),
        goals=draft.goals,
        objectives=draft.objectives,
        barriers=_barriers(result, readiness_result),
        stages=[
            stage.model_copy(update={"name": f"Stage {i + 1}: {stage.name}"})
            for i, stage in enumerate(draft.stages)
        ],
    )


def _charter(result: ResultRead, readiness: ResultRead | None, danger: bool) -> str:
    parts = []
    if readiness is not None and readiness.readiness is not None and readiness.readiness.due:
        parts.append(
            "Build a dedicated, results-driven marketing-operations function out of the "
            "distributed, uncoordinated skills and technologies the company has today"
        )
    parts.append(
        "make marketing technology and operations cover the whole grid: centralize, automate, "
        "decentralize and humanize everything we can, and embrace continuous change"
    )
    if danger:
        parts.append("never force a customer through a process that serves only the company")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _severity(score: float | None) -> Severity:
    if score is None or score < 25:
        return Severity.high
    return Severity.medium if score < 50 else Severity.low


# The word a reader uses for a currency's unit; other currencies are named by their code.
_CURRENCY_UNITS = {
    "EUR": "euro",
    "USD": "dollar",
    "GBP": "pound",
    "CAD": "dollar",
    "AUD": "dollar",
    "NZD": "dollar",
    "SGD": "dollar",
    "CHF": "franc",
    "JPY": "yen",
    "CNY": "yuan",
    "INR": "rupee",
}


def _every_unit_of(currency: str | None) -> str:
    """The money a reader counts in: `every dollar` in a USD company, `every SEK` where no
    word is known, `the money spent` where the evidence names no currency."""
    if currency is None:
        return "the money spent"
    return f"every {_CURRENCY_UNITS.get(currency, currency)}"


# Below this share of tools integrated (with one another, personal data with the customer
# data platform), integration is a barrier.
INTEGRATED_ENOUGH = 0.5


def _barriers(result: ResultRead, readiness: ResultRead | None) -> list[Barrier]:
    evidence: dict[str, EvidenceValue] = {e.signal: e for e in result.evidence}
    if readiness is not None:
        evidence.update({e.signal: e for e in readiness.evidence if e.signal not in evidence})
    barriers = []
    # Judged by the shares themselves, not by a framework's score of them: MO readiness maps
    # less integration to more readiness (a reason for the function), not to a weak stack.
    shares = {
        k: raw
        for k in ("integration_coverage", "cdp_personal_data_coverage")
        if k in evidence and (raw := evidence[k].raw) is not None
    }
    weak_technology = [k for k, share in shares.items() if share < INTEGRATED_ENOUGH]
    if weak_technology:
        worst = min(shares[k] for k in weak_technology)
        names = ", ".join(f"{evidence[k].name.lower()} {shares[k]:.0%}" for k in weak_technology)
        barriers.append(
            Barrier(
                kind=BarrierKind.technology,
                description=f"Key technologies are not integrated enough ({names}).",
                severity=_severity(100 * worst),
                change_strategy="Connect the core first: a stack scenario whose stages add the "
                "missing integrations, and integration made a condition of every purchase.",
            )
        )
    raci = evidence.get("raci_completeness")
    if raci is not None and raci.raw is not None and raci.raw < 1:
        barriers.append(
            Barrier(
                kind=BarrierKind.process,
                description=f"Roles and responsibilities are unclear: {raci.raw:.0%} of the RACI "
                "activities follow every rule.",
                severity=_severity(100 * raci.raw),
                change_strategy="Re-engineer the broken processes with the people who run "
                "them, and explain why each change is needed.",
            )
        )
    disputed = [d for d in result.dimensions if (d.spread.stdev or 0) >= DISAGREEMENT_POINTS]
    if disputed:
        barriers.append(
            Barrier(
                kind=BarrierKind.stakeholders,
                description="Respondents disagree on "
                + ", ".join(f"{d.name} (spread {d.spread.stdev:.0f} points)" for d in disputed)
                + ".",
                severity=Severity.medium,
                change_strategy="Constant, clear communication: share the result, hear why "
                "views differ, and agree the goals before the stages start.",
            )
        )
    if readiness is not None and readiness.readiness is not None and readiness.readiness.due:
        barriers.append(
            Barrier(
                kind=BarrierKind.stakeholders,
                description="A new function moves roles and responsibilities: executives must "
                "see the vision and approve the budget, and marketers may feel threatened.",
                severity=Severity.high,
                change_strategy="Start from case studies of what marketing operations does, "
                "win executive sponsorship for the charter, and communicate at every stage.",
            )
        )
    redundant = evidence.get("redundant_spend_share")
    budget = evidence.get("martech_budget_share")
    if (redundant is not None and (redundant.raw or 0) > 0.1) or (
        budget is not None and (budget.raw or 0) >= 0.29
    ):
        currency = next(
            (
                str(found.basis["currency"])
                for found in (redundant, budget)
                if found is not None and found.basis.get("currency")
            ),
            None,
        )
        barriers.append(
            Barrier(
                kind=BarrierKind.budget,
                description="Martech spend draws the executive team's attention, and part of "
                "it pays for the same capabilities twice.",
                severity=Severity.medium,
                change_strategy=f"Show the return of {_every_unit_of(currency)}: outcomes "
                "measured per tool, and the redundant tools retired to fund the plan.",
            )
        )
    return barriers
