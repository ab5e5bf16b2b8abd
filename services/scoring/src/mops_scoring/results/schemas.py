"""Wire models of results: scores 0-100 that explain themselves (`/v1/scoring/results/...`).

A result is computed once from a closed assessment and never changes; computing again makes a
new result. Its arithmetic is the one written in `mops_scoring.frameworks.schemas`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from mops_scoring.frameworks.schemas import EvidenceSource
from mops_shared.contracts.pagination import Page
from mops_shared.contracts.scoring import FrameworkKind


class ResultSort(StrEnum):
    computed_at = "computed_at"
    computed_at_desc = "-computed_at"


class ContributionSource(StrEnum):
    question = "question"
    evidence = "evidence"


class Contribution(BaseModel):
    """One input of a dimension's score: a question (its respondents' mean) or an evidence
    signal (its raw value mapped to 0-100), with the weights that applied."""

    source: ContributionSource
    key: str = Field(description="The question's key or the evidence signal's key.")
    label: str = Field(description="The question's text or the evidence's name.")
    weight: float = Field(description="Its weight in the framework, within its part.")
    share: float = Field(
        description="Its share of the dimension's score as computed: its weight among the "
        "inputs of its part that counted, times the part's share. 0 when it did not count."
    )
    score: float | None = Field(description="0-100; null when it did not count.")
    raw: float | None = Field(
        description="The mean answer on its scale (question) or the signal's raw value."
    )
    respondents: int | None = Field(
        default=None, description="Questions: how many respondents answered it."
    )
    missing: str | None = Field(default=None, description="Why it did not count, if it did not.")


class Spread(BaseModel):
    """How far respondents' own scores for a dimension lie apart: disagreement is a finding."""

    n: int = Field(ge=0)
    min: float | None
    max: float | None
    stdev: float | None = Field(description="Population standard deviation, 0-100 points.")


class DimensionScore(BaseModel):
    key: str
    name: str
    score: float | None = Field(description="0-100; null when neither part has an input.")
    answers_score: float | None
    evidence_score: float | None
    answers_share: float = Field(
        description="The share answers took in the score (the framework's `answers_weight`, or "
        "0/1 when only one part had inputs)."
    )
    weak: bool
    spread: Spread
    contributions: list[Contribution]
    explanation: str


class QuadrantScore(BaseModel):
    key: str
    name: str
    dimensions: list[str]
    score: float | None = Field(
        description="Its two dimensions combined by the framework's `quadrant_rule` (the mean, the "
        "geometric mean or the minimum); null when either has no score."
    )
    weak: bool
    actions: list[str] = Field(description="The framework's actions; listed when it is weak.")
    explanation: str


class CentreScore(BaseModel):
    dimension: str
    name: str
    score: float | None
    weak: bool
    actions: list[str]
    explanation: str


class CxQuadrant(StrEnum):
    improve = "improve"
    verify = "verify"
    protect = "protect"
    danger = "danger"


class ProcessScore(BaseModel):
    key: str
    name: str
    automated: bool
    mandatory_for_customer: bool
    tool_ids: list[uuid.UUID]
    company: float | None = Field(description="Efficiency for the company, 0-100.")
    customer: float | None = Field(description="Efficiency for the customer, 0-100.")
    quadrant: CxQuadrant | None
    respondents: int
    explanation: str


class ReadinessLevel(StrEnum):
    """How far a dedicated marketing-operations function is needed."""

    not_yet = "not_yet"
    essential = "essential"  # at least one tipping point (as many as the framework asks)
    strategic = "strategic"  # all of them: a business imperative


class ReadinessVerdict(BaseModel):
    due: bool = Field(description="Whether a dedicated marketing-operations function is due.")
    # Left out of a verdict without levels: the results of a framework without
    # `strategic_when_tipping_points` are written as they always were.
    level: ReadinessLevel | None = Field(
        default=None,
        exclude_if=lambda level: level is None,
        description="`not_yet`, `essential` (due) or `strategic` (a business imperative), when "
        "the framework sets `thresholds.strategic_when_tipping_points`; absent otherwise.",
    )
    tipping_points: list[str] = Field(description="The dimensions whose tipping point is reached.")
    reasons: list[str]


class EvidenceValue(BaseModel):
    signal: str
    name: str
    sources: list[EvidenceSource]
    unit: str
    raw: float | None = Field(description="The computed value; null when it could not be.")
    basis: dict[str, float | int | str | None] = Field(
        description="The figures it was computed from."
    )
    missing: str | None = Field(description="Why there is no value, if there is none.")


class ResultRead(BaseModel):
    id: uuid.UUID
    assessment_id: uuid.UUID
    framework_id: uuid.UUID
    framework_key: str
    framework_version: int
    kind: FrameworkKind
    scope_unit_id: uuid.UUID | None
    computed_at: datetime
    respondents: int = Field(description="Responses the scores are computed from.")
    dimensions: list[DimensionScore]
    quadrants: list[QuadrantScore]
    centre: CentreScore | None
    weak_quadrants: list[str]
    processes: list[ProcessScore] = Field(description="CX efficiency: danger processes first.")
    readiness: ReadinessVerdict | None
    evidence: list[EvidenceValue]
    unavailable_sources: list[EvidenceSource] = Field(
        description="Services that could not be asked (only with `allow_partial=true`); the "
        "evidence they would have given is listed as missing, never counted as zero."
    )


class ResultSummary(BaseModel):
    """A result in a history: its scores and how each dimension moved since the previous
    result of the same scope and framework."""

    id: uuid.UUID
    assessment_id: uuid.UUID
    framework_key: str
    framework_version: int
    scope_unit_id: uuid.UUID | None
    computed_at: datetime
    scores: dict[str, float | None] = Field(description="Dimension key to score.")
    deltas: dict[str, float | None] = Field(
        description="Dimension key to the change since the previous result; null for the "
        "first, or when either score is null."
    )
    previous_id: uuid.UUID | None


class ResultPage(Page[ResultSummary]):
    pass
