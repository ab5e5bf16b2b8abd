"""A scoring framework as data: the JSON document every framework version is.

The shapes here are what the published JSON Schema says (`GET /v1/scoring/frameworks/schema`):
a document is written as the model of its kind (`FrameworkDocumentWrite`), which says what the
kind needs, and read back as `FrameworkDocument`. The rules that span fields (weights that sum
to 1, references between keys, unique keys) are checked by the scoring service, each failure
at its JSON pointer.

How a result is computed from a document (the scoring service does it; documented here so
that the schema and the arithmetic are read in one place):

- An answer `a` on a scale `[min, max]` counts `100 * (a - min) / (max - min)`.
- A question's score is the mean of its respondents' answers so counted.
- The answers part of a dimension is the weighted mean of its questions' scores (question
  `weight`s of a dimension sum to 1; unanswered optional questions drop out and the others'
  weights are taken in proportion).
- An evidence signal's raw value `v` maps linearly to `100 * (v - low) / (high - low)`, held
  within 0-100 (`low` above `high` when less is better); or by a band, where there is such a
  thing as too much: 100 from `best_low` to `best_high`, falling linearly to 0 at `low` and at
  `high` (a stack's yearly change: none is stagnation, a third of the stack is churn).
- The evidence part of a dimension is the weighted mean of its signals' scores (weights of a
  dimension sum to 1; signals that could not be computed drop out, and are named).
- A dimension scores `answers_weight * answers + (1 - answers_weight) * evidence`, or the part
  that exists when the other has nothing in it.
- A quadrant combines its two dimensions by the document's `quadrant_rule`: `mean` (the
  default, and the rule of `five_forces` v1), `geometric_mean` or `minimum`; a score below
  `thresholds.weak` is weak. The mean lets one strong force hide a missing one (centralise 90
  and automate 15 give 52.5, not weak); the five forces ask for both at once ("better
  centralisation *and* better decentralisation; more automated *and* more humanised"), which
  the geometric mean rewards (36.7: weak) and the minimum demands outright (15). A dimension
  without a score leaves its quadrants without one, whatever the rule.
- The signals are computed by the document's `evidence_rules`. Rules 1 (the built-in v1
  versions, and every version stored before rules 2) score some missing data as a figure:
  no RACI activity as completeness 0, no coordination mechanism as maturity 0, no
  citizen-development tool as adoption 0, no customer data platform as coverage 0, no RACI
  activity at all as purchases without a RACI (1); and redundant spend keeps the cheapest tool
  of each capability. Rules 2 (the default of a new document) name each of these missing and
  leave it out of its dimension, and keep the main (most expensive) tool of each capability,
  as the redundancy report does: consolidating onto a suite is not waste.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AllowInfNan,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Strict,
    StrictBool,
    StringConstraints,
    Tag,
    ValidationError,
    WrapValidator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import InitErrorDetails, PydanticCustomError

from mops_shared.contracts.common import Integer, Name, StrictModel, Trimmed, json_integer
from mops_shared.contracts.scoring import FrameworkKind, FrameworkRead

# Keys are stable identifiers that results and explanations refer to.
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]

Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000),
    Trimmed(),
]

# A JSON number: strict (no "1.5", no true), and finite, as JSON has no NaN or Infinity (which
# Python's JSON parser reads, and which would come back as null).
Number = Annotated[float, Strict(), AllowInfNan(False)]

# Weights are compared to 1 with this tolerance (decimal fractions are not exact in binary).
WEIGHT_TOLERANCE = 1e-6

# The CX-efficiency matrix places each process by these two dimensions.
CX_DIMENSIONS = ("company_efficiency", "customer_efficiency")


class EvidenceSource(StrEnum):
    inventory = "inventory"
    org = "org"
    scoring = "scoring"


# The signals of the catalogue (`GET /v1/scoring/evidence-signals`), by the services each is
# computed from: a framework's evidence names the sources of its signal, and so the schema of
# an evidence item depends on which of these its signal is.
class InventorySignal(StrEnum):
    """Signals computed from the inventory alone."""

    redundant_spend_share = "redundant_spend_share"
    cdp_personal_data_coverage = "cdp_personal_data_coverage"
    integration_coverage = "integration_coverage"
    citizen_tool_adoption = "citizen_tool_adoption"
    stack_change_12_months = "stack_change_12_months"
    martech_budget_share = "martech_budget_share"
    measured_spend_share = "measured_spend_share"
    unowned_tool_share = "unowned_tool_share"
    duplicated_capabilities = "duplicated_capabilities"
    duplicated_capability_share = "duplicated_capability_share"


class OrgSignal(StrEnum):
    """Signals computed from the org service alone."""

    training_coverage = "training_coverage"
    raci_completeness = "raci_completeness"
    coordination_maturity = "coordination_maturity"
    purchase_without_raci = "purchase_without_raci"


class InventoryOrgSignal(StrEnum):
    """Signals computed from the inventory and the org service together."""

    central_platform_spend_share = "central_platform_spend_share"
    edge_core_sharing = "edge_core_sharing"


class ScoringSignal(StrEnum):
    """Signals computed from earlier scoring results."""

    danger_process_share = "danger_process_share"


SIGNAL_SOURCES: dict[type[StrEnum], tuple[EvidenceSource, ...]] = {
    InventorySignal: (EvidenceSource.inventory,),
    OrgSignal: (EvidenceSource.org,),
    InventoryOrgSignal: (EvidenceSource.inventory, EvidenceSource.org),
    ScoringSignal: (EvidenceSource.scoring,),
}


class Scale(StrictModel):
    """An answer scale: whole numbers from `min` to `max`, each with its anchored label."""

    min: Integer = Field(default=0, ge=0, le=10)
    max: Integer = Field(default=4, ge=1, le=10)
    labels: dict[str, Name] = Field(
        description="The label of every value of the scale, keyed by the value as text "
        '(`{"0": "Not at all", ..., "4": "Fully"}`).',
        # Only values a scale can have; which of them depends on `min` and `max`.
        json_schema_extra={"propertyNames": {"pattern": "^(?:[0-9]|10)$"}},
    )


class Dimension(StrictModel):
    key: Key
    name: Name
    description: Text
    answers_weight: Number = Field(
        ge=0,
        le=1,
        description="The share of the dimension's score that comes from answers; the rest "
        "comes from evidence. 1 when the dimension has no evidence, 0 when it has no question.",
    )


class _QuestionFields(StrictModel):
    key: Key
    dimension: Key = Field(description="The key of the dimension the question scores.")
    text: Text
    weight: Number = Field(
        gt=0, le=1, description="Its share of its dimension's answers; they sum to 1."
    )
    required: StrictBool = Field(default=True, description="Every respondent must answer it.")
    scale: Scale | None = Field(default=None, description="Its own scale; else the framework's.")


class Question(_QuestionFields):
    per_process: StrictBool = Field(
        default=False,
        description="Answered once for each process of the assessment (CX efficiency), not once.",
    )


class OnceQuestion(_QuestionFields):
    """A question of a five-forces or MO-readiness framework: answered once."""

    per_process: Literal[False] = Field(
        default=False, description="Only CX-efficiency questions are answered per process."
    )


class ProcessQuestion(_QuestionFields):
    """A question of a CX-efficiency framework: answered once for each process."""

    per_process: Literal[True] = Field(
        description="CX-efficiency questions are answered for each process of the assessment."
    )


class LinearMapping(StrictModel):
    """How a raw value becomes 0-100: `low` scores 0, `high` scores 100, linearly between and
    held within 0-100 outside. `low` above `high` when less is better."""

    kind: Literal["linear"] = "linear"
    low: Number
    high: Number


class BandMapping(StrictModel):
    """How a raw value becomes 0-100 where there is such a thing as too much: 100 from
    `best_low` to `best_high`, falling linearly to 0 at `low` below the band and at `high`
    above it, 0 beyond them. A stack that never changes and one that churns both score 0;
    `low` ≤ `best_low` ≤ `best_high` ≤ `high`, `low` below `high`."""

    kind: Literal["band"]
    low: Number
    best_low: Number
    best_high: Number
    high: Number


def _untagged(tags: set[str], tag_field: str, unknown: str) -> Callable[[Any, Any], Any]:
    """A wrap validator for a tagged union: its errors point into the body as sent, without
    the tag Pydantic adds to their place, and a tag it cannot find is reported at the tag's
    field (`unknown`)."""

    def validate(value: Any, handler: Any) -> Any:
        try:
            return handler(value)
        except ValidationError as exc:
            details = []
            for error in exc.errors():
                loc, kind, message = tuple(error["loc"]), error["type"], error["msg"]
                if loc and loc[0] in tags:
                    loc = loc[1:]
                elif not loc and kind.startswith("union_tag"):
                    if isinstance(value, dict):
                        loc, message = (tag_field,), unknown
                    else:
                        kind, message = "model_type", "Input should be an object"
                # The message as Pydantic wrote it (no context: nothing is formatted again).
                details.append(
                    InitErrorDetails(
                        type=PydanticCustomError(kind, message), loc=loc, input=error["input"]
                    )
                )
            raise ValidationError.from_exception_data(exc.title, details) from None

    return validate


_MAPPING_KINDS = {"linear", "band"}


def _mapping_kind(value: Any) -> str | None:
    # A mapping written without `kind` is linear, as it was before bands existed.
    kind = value.get("kind", "linear") if isinstance(value, dict) else getattr(value, "kind", None)
    return kind if isinstance(kind, str) and kind in _MAPPING_KINDS else None


def _mapping_discriminator(schema: dict[str, Any]) -> None:
    # As the document's kinds (`_kind_mapping`): a callable discriminator gives no mapping, and
    # generators need one to tell a band from a linear mapping (`kind` may be left out of a
    # linear one).
    refs = [item["$ref"] for item in schema["oneOf"]]
    schema["discriminator"] = {
        "propertyName": "kind",
        "mapping": dict(zip(("linear", "band"), refs, strict=True)),
    }


Mapping = Annotated[
    Annotated[LinearMapping, Tag("linear")] | Annotated[BandMapping, Tag("band")],
    Discriminator(_mapping_kind),
    WrapValidator(_untagged(_MAPPING_KINDS, "kind", "must be one of: linear, band")),
    Field(json_schema_extra=_mapping_discriminator),
]


class _EvidenceFields(StrictModel):
    dimension: Key
    name: Name
    formula: Text = Field(description="How the raw value is computed, in words.")
    mapping: Mapping
    weight: Number = Field(gt=0, le=1, description="Its share of its dimension's evidence.")


class Evidence(_EvidenceFields):
    """An evidence item as stored and read."""

    signal: Key = Field(description="The evidence signal computed (see the signal catalogue).")
    sources: list[EvidenceSource] = Field(
        min_length=1, description="The services whose live data it is computed from."
    )


def _one_source(source: EvidenceSource) -> Any:
    return Field(
        min_length=1,
        max_length=1,
        description=f"The services whose live data it is computed from: `{source.value}`.",
    )


class EvidenceFromInventory(_EvidenceFields):
    """Evidence of a signal computed from the inventory."""

    signal: InventorySignal
    sources: list[Literal[EvidenceSource.inventory]] = _one_source(EvidenceSource.inventory)


class EvidenceFromOrg(_EvidenceFields):
    """Evidence of a signal computed from the org service."""

    signal: OrgSignal
    sources: list[Literal[EvidenceSource.org]] = _one_source(EvidenceSource.org)


def _inventory_and_org(schema: dict[str, Any]) -> None:
    schema["uniqueItems"] = True
    schema["items"] = {**schema["items"], "not": {"const": EvidenceSource.scoring.value}}


class EvidenceFromInventoryAndOrg(_EvidenceFields):
    """Evidence of a signal computed from the inventory and the org service."""

    signal: InventoryOrgSignal
    # Both, in either order (checked on write: the schema says it, Pydantic does not).
    sources: list[EvidenceSource] = Field(
        min_length=2,
        max_length=2,
        description="The services whose live data it is computed from: `inventory` and `org`.",
        json_schema_extra=_inventory_and_org,
    )


class EvidenceFromScoring(_EvidenceFields):
    """Evidence of a signal computed from earlier scoring results."""

    signal: ScoringSignal
    sources: list[Literal[EvidenceSource.scoring]] = _one_source(EvidenceSource.scoring)


_SIGNAL_GROUPS = {signal.value: group.__name__ for group in SIGNAL_SOURCES for signal in group}


def _signal_group(value: Any) -> str | None:
    signal = value.get("signal") if isinstance(value, dict) else getattr(value, "signal", None)
    return _SIGNAL_GROUPS.get(signal) if isinstance(signal, str) else None


# An evidence item whose `sources` are those of its signal, told apart by the signal's group.
EvidenceItem = Annotated[
    Annotated[EvidenceFromInventory, Tag(InventorySignal.__name__)]
    | Annotated[EvidenceFromOrg, Tag(OrgSignal.__name__)]
    | Annotated[EvidenceFromInventoryAndOrg, Tag(InventoryOrgSignal.__name__)]
    | Annotated[EvidenceFromScoring, Tag(ScoringSignal.__name__)],
    Discriminator(_signal_group),
    WrapValidator(
        _untagged(
            {group.__name__ for group in SIGNAL_SOURCES},
            "signal",
            "not a signal of the evidence catalogue (GET /v1/scoring/evidence-signals)",
        )
    ),
]


class QuadrantRule(StrEnum):
    """How a quadrant combines the scores of its two dimensions (the module says why)."""

    mean = "mean"
    geometric_mean = "geometric_mean"
    minimum = "minimum"


def _quadrant_rule() -> Any:
    return Field(
        default=QuadrantRule.mean,
        description="How each quadrant combines its two dimensions: `mean` (a strong force can "
        "hide a missing one), `geometric_mean` (both are needed: 90 and 15 give 36.7) or "
        "`minimum` (the weaker force is the quadrant's score).",
    )


class EvidenceRules(IntEnum):
    """How the evidence signals are computed (the module says what differs)."""

    missing_scored = 1
    missing_named = 2


_EVIDENCE_RULES = (
    "How the evidence signals are computed: 1 scores some missing data as a figure and counts "
    "redundant spend beyond each capability's cheapest tool; 2 names missing data and leaves "
    "it out, and counts redundant spend beyond each capability's main (most expensive) tool."
)


def _evidence_rules(default: EvidenceRules) -> Any:
    return Field(default=default, description=f"{_EVIDENCE_RULES} Default: {default.value}.")


class Quadrant(StrictModel):
    key: Key
    name: Name
    dimensions: list[Key] = Field(
        min_length=2,
        max_length=2,
        description="The two dimensions it combines (by the document's `quadrant_rule`).",
        json_schema_extra={"uniqueItems": True},
    )
    actions: list[Text] = Field(min_length=1, description="What to do when it is weak.")


class Centre(StrictModel):
    dimension: Key
    name: Name
    actions: list[Text] = Field(min_length=1)


class Thresholds(StrictModel):
    weak: Number = Field(default=50, ge=0, le=100, description="A score below this is weak.")
    efficient: Number = Field(
        default=50,
        ge=0,
        le=100,
        description="CX efficiency: a process scoring at least this for the company (or the "
        "customer) is efficient for them.",
    )
    tipping_point: Number = Field(
        default=60,
        ge=0,
        le=100,
        description="MO readiness: a dimension scoring at least this is a tipping point reached.",
    )
    due_when_tipping_points: Integer = Field(
        default=1,
        ge=1,
        description="MO readiness: a dedicated marketing-ops function is due when at least this "
        "many tipping points are reached.",
    )
    # The bound before the JSON-integer check: after it, Pydantic writes `ge` into the
    # schema, which JSON Schema does not know (and a client generator would ignore).
    strategic_when_tipping_points: (
        Annotated[int, Field(ge=1), BeforeValidator(json_integer)] | None
    ) = Field(
        default=None,
        description="MO readiness: with at least this many tipping points reached, the "
        "dedicated function is strategic, a business imperative (the verdict's `level` is "
        "`strategic`); null: the verdict says due or not due, without a level. Not below "
        "`due_when_tipping_points`.",
    )


class _DocumentFields(StrictModel):
    key: Key = Field(description="Stable name of the framework, e.g. `five_forces`.")
    name: Name
    description: Text
    scale: Scale = Field(description="The scale of every question without its own.")
    dimensions: list[Dimension] = Field(min_length=1, max_length=50)
    thresholds: Thresholds = Field(default_factory=Thresholds)


class FrameworkDocument(_DocumentFields):
    """One version of a framework, whole, as stored and read."""

    kind: FrameworkKind
    questions: list[Question] = Field(default_factory=list, max_length=500)
    evidence: list[Evidence] = Field(default_factory=list, max_length=200)
    quadrants: list[Quadrant] = Field(
        default_factory=list, max_length=4, description="Five forces: the four quadrants."
    )
    centre: Centre | None = Field(default=None, description="Five forces: the centre (change).")
    quadrant_rule: QuadrantRule = _quadrant_rule()
    # A version stored before rules 2 existed was computed by rules 1.
    evidence_rules: EvidenceRules = _evidence_rules(EvidenceRules.missing_scored)


# What a kind of framework has no part of: left out, or empty as a document is read back.
def _no_quadrants() -> Any:
    return Field(
        default_factory=list,
        max_length=0,
        description="Only five-forces frameworks have quadrants.",
    )


def _no_centre() -> Any:
    # Only five-forces frameworks have a centre. Null is taken (a document read back says
    # `"centre": null`) but not shown: generators cannot type a property that is always null.
    return Field(default=None)


class FiveForcesDocument(_DocumentFields):
    """A five-forces framework: questions answered once, four quadrants and a centre."""

    kind: Literal["five_forces"]
    questions: list[OnceQuestion] = Field(default_factory=list, max_length=500)
    evidence: list[EvidenceItem] = Field(default_factory=list, max_length=200)
    quadrants: list[Quadrant] = Field(
        min_length=4, max_length=4, description="The four quadrants of the grid."
    )
    centre: Centre = Field(description="The centre of the grid (continuous change).")
    quadrant_rule: QuadrantRule = _quadrant_rule()
    evidence_rules: EvidenceRules = _evidence_rules(EvidenceRules.missing_named)


def _no_quadrant_rule() -> Any:
    # Only five-forces frameworks have quadrants to combine. `mean` is taken (a document read
    # back says it) but not shown, as the centre's null is.
    return Field(default=QuadrantRule.mean.value)


def _cx_dimensions(schema: dict[str, Any]) -> None:
    schema["allOf"] = [
        {"contains": {"type": "object", "properties": {"key": {"const": key}}, "required": ["key"]}}
        for key in CX_DIMENSIONS
    ]


class CxEfficiencyDocument(_DocumentFields):
    """A CX-efficiency framework: the `company_efficiency` and `customer_efficiency`
    dimensions, and questions answered for each process."""

    kind: Literal["cx_efficiency"]
    # The two dimensions are checked on write; the schema says so with `contains`.
    dimensions: list[Dimension] = Field(
        min_length=2,
        max_length=50,
        description="Among them `company_efficiency` and `customer_efficiency`.",
        json_schema_extra=_cx_dimensions,
    )
    questions: list[ProcessQuestion] = Field(default_factory=list, max_length=500)
    evidence: list[EvidenceItem] = Field(default_factory=list, max_length=200)
    quadrants: list[Quadrant] = _no_quadrants()
    centre: SkipJsonSchema[None] = _no_centre()
    quadrant_rule: SkipJsonSchema[Literal["mean"]] = _no_quadrant_rule()
    evidence_rules: EvidenceRules = _evidence_rules(EvidenceRules.missing_named)


class MoReadinessDocument(_DocumentFields):
    """An MO-readiness framework: questions answered once."""

    kind: Literal["mo_readiness"]
    questions: list[OnceQuestion] = Field(default_factory=list, max_length=500)
    evidence: list[EvidenceItem] = Field(default_factory=list, max_length=200)
    quadrants: list[Quadrant] = _no_quadrants()
    centre: SkipJsonSchema[None] = _no_centre()
    quadrant_rule: SkipJsonSchema[Literal["mean"]] = _no_quadrant_rule()
    evidence_rules: EvidenceRules = _evidence_rules(EvidenceRules.missing_named)


def _kind_of(value: Any) -> str | None:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    # Any JSON may come as the kind: only a string can be one (a dict is not even hashable).
    return kind if isinstance(kind, str) and kind in _KINDS else None


_KINDS = {kind.value for kind in FrameworkKind}
_DOCUMENT_MODELS = {
    FrameworkKind.five_forces.value: FiveForcesDocument,
    FrameworkKind.cx_efficiency.value: CxEfficiencyDocument,
    FrameworkKind.mo_readiness.value: MoReadinessDocument,
}


def _kind_mapping(schema: dict[str, Any]) -> None:
    # A callable discriminator (the models' field validators rule out a plain one) gives no
    # mapping: the document states it, for generators to make one type per kind. The refs are
    # in the order of the union (Pydantic rewrites them to their final names afterwards).
    refs = [item["$ref"] for item in schema["oneOf"]]
    schema["discriminator"] = {
        "propertyName": "kind",
        "mapping": dict(zip(_DOCUMENT_MODELS, refs, strict=True)),
    }


# A framework document as written: what each kind needs is in the schema of its kind.
FrameworkDocumentWrite = Annotated[
    Annotated[FiveForcesDocument, Tag(FrameworkKind.five_forces.value)]
    | Annotated[CxEfficiencyDocument, Tag(FrameworkKind.cx_efficiency.value)]
    | Annotated[MoReadinessDocument, Tag(FrameworkKind.mo_readiness.value)],
    Discriminator(_kind_of),
    WrapValidator(
        _untagged(
            _KINDS, "kind", "must be one of: " + ", ".join(kind.value for kind in FrameworkKind)
        )
    ),
    Field(json_schema_extra=_kind_mapping),
]


class JsonSchemaDocument(RootModel[dict[str, Any]]):
    """A JSON Schema (draft 2020-12), as a JSON object."""


class FrameworkSort(StrEnum):
    """Orders of the framework list: by key, then by version in the same direction."""

    key = "key"
    key_desc = "-key"


class FrameworkDetail(FrameworkRead):
    """One version of a framework with its whole document."""

    document: FrameworkDocument


class FrameworkCreate(BaseModel):
    """A framework of the tenant's own, or a new version of one it sees."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "document": {
                        "key": "campaign_readiness",
                        "name": "Campaign readiness",
                        "description": "Whether the team can run a campaign end to end.",
                        "kind": "mo_readiness",
                        "scale": {
                            "min": 0,
                            "max": 2,
                            "labels": {"0": "No", "1": "Partly", "2": "Yes"},
                        },
                        "dimensions": [
                            {
                                "key": "planning",
                                "name": "Planning",
                                "description": "Campaigns are planned against goals.",
                                "answers_weight": 1,
                            }
                        ],
                        "questions": [
                            {
                                "key": "briefs",
                                "dimension": "planning",
                                "text": "Does every campaign start from a written brief?",
                                "weight": 1,
                            }
                        ],
                    }
                }
            ]
        },
    )

    document: FrameworkDocumentWrite
