"""A scoring framework as data: the JSON document every framework version is.

The shapes here are what the published JSON Schema says (`GET /v1/scoring/frameworks/schema`);
the rules that span fields (weights that sum to 1, references between keys, what each kind of
framework needs) are checked by the scoring service, each failure at its JSON pointer.

How a result is computed from a document (the scoring service does it; documented here so
that the schema and the arithmetic are read in one place):

- An answer `a` on a scale `[min, max]` counts `100 * (a - min) / (max - min)`.
- A question's score is the mean of its respondents' answers so counted.
- The answers part of a dimension is the weighted mean of its questions' scores (question
  `weight`s of a dimension sum to 1; unanswered optional questions drop out and the others'
  weights are taken in proportion).
- An evidence signal's raw value `v` maps linearly to `100 * (v - low) / (high - low)`, held
  within 0-100 (`low` above `high` when less is better).
- The evidence part of a dimension is the weighted mean of its signals' scores (weights of a
  dimension sum to 1; signals that could not be computed drop out, and are named).
- A dimension scores `answers_weight * answers + (1 - answers_weight) * evidence`, or the part
  that exists when the other has nothing in it.
- A quadrant scores the mean of its two dimensions; a score below `thresholds.weak` is weak.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, RootModel, StringConstraints

from mops_shared.schemas.common import Name, StrictModel

# Keys are stable identifiers that results and explanations refer to.
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]

# Weights are compared to 1 with this tolerance (decimal fractions are not exact in binary).
WEIGHT_TOLERANCE = 1e-6


class FrameworkKind(StrEnum):
    """Which scoring the framework drives, and so which result it produces."""

    five_forces = "five_forces"
    cx_efficiency = "cx_efficiency"
    mo_readiness = "mo_readiness"


class EvidenceSource(StrEnum):
    inventory = "inventory"
    org = "org"
    scoring = "scoring"


class Scale(StrictModel):
    """An answer scale: whole numbers from `min` to `max`, each with its anchored label."""

    min: int = Field(default=0, ge=0, le=10)
    max: int = Field(default=4, ge=1, le=10)
    labels: dict[str, Name] = Field(
        description="The label of every value of the scale, keyed by the value as text "
        '(`{"0": "Not at all", ..., "4": "Fully"}`).'
    )


class Dimension(StrictModel):
    key: Key
    name: Name
    description: Text
    answers_weight: float = Field(
        ge=0,
        le=1,
        description="The share of the dimension's score that comes from answers; the rest "
        "comes from evidence. 1 when the dimension has no evidence, 0 when it has no question.",
    )


class Question(StrictModel):
    key: Key
    dimension: Key = Field(description="The key of the dimension the question scores.")
    text: Text
    weight: float = Field(
        gt=0, le=1, description="Its share of its dimension's answers; they sum to 1."
    )
    required: bool = Field(default=True, description="Every respondent must answer it.")
    per_process: bool = Field(
        default=False,
        description="Answered once for each process of the assessment (CX efficiency), not once.",
    )
    scale: Scale | None = Field(default=None, description="Its own scale; else the framework's.")


class LinearMapping(StrictModel):
    """How a raw value becomes 0-100: `low` scores 0, `high` scores 100, linearly between and
    held within 0-100 outside. `low` above `high` when less is better."""

    kind: Literal["linear"] = "linear"
    low: float
    high: float


class Evidence(StrictModel):
    signal: Key = Field(description="The evidence signal computed (see the signal catalogue).")
    dimension: Key
    name: Name
    sources: list[EvidenceSource] = Field(
        min_length=1, description="The services whose live data it is computed from."
    )
    formula: Text = Field(description="How the raw value is computed, in words.")
    mapping: LinearMapping
    weight: float = Field(gt=0, le=1, description="Its share of its dimension's evidence.")


class Quadrant(StrictModel):
    key: Key
    name: Name
    dimensions: list[Key] = Field(
        min_length=2, max_length=2, description="The two dimensions whose mean it scores."
    )
    actions: list[Text] = Field(min_length=1, description="What to do when it is weak.")


class Centre(StrictModel):
    dimension: Key
    name: Name
    actions: list[Text] = Field(min_length=1)


class Thresholds(StrictModel):
    weak: float = Field(default=50, ge=0, le=100, description="A score below this is weak.")
    efficient: float = Field(
        default=50,
        ge=0,
        le=100,
        description="CX efficiency: a process scoring at least this for the company (or the "
        "customer) is efficient for them.",
    )
    tipping_point: float = Field(
        default=60,
        ge=0,
        le=100,
        description="MO readiness: a dimension scoring at least this is a tipping point reached.",
    )
    due_when_tipping_points: int = Field(
        default=1,
        ge=1,
        description="MO readiness: a dedicated marketing-ops function is due when at least this "
        "many tipping points are reached.",
    )


class FrameworkDocument(StrictModel):
    """One version of a framework, whole."""

    key: Key = Field(description="Stable name of the framework, e.g. `five_forces`.")
    name: Name
    description: Text
    kind: FrameworkKind
    scale: Scale = Field(description="The scale of every question without its own.")
    dimensions: list[Dimension] = Field(min_length=1, max_length=50)
    questions: list[Question] = Field(default_factory=list, max_length=500)
    evidence: list[Evidence] = Field(default_factory=list, max_length=200)
    quadrants: list[Quadrant] = Field(
        default_factory=list, max_length=4, description="Five forces: the four quadrants."
    )
    centre: Centre | None = Field(default=None, description="Five forces: the centre (change).")
    thresholds: Thresholds = Field(default_factory=Thresholds)


class JsonSchemaDocument(RootModel[dict[str, Any]]):
    """A JSON Schema (draft 2020-12), as a JSON object."""
