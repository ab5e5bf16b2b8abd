"""`GET /v1/org/metrics`: the organisation in figures, for the scoring service's evidence.

The summaries it is made of (coordination, roles' skill gaps, training coverage) live here, not
beside their domains in the org service, because the scoring service reads them too."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, Field

from mops_shared.contracts.org_profile import InferredModel
from mops_shared.contracts.org_raci import RaciSummary


class CoordinationKind(StrEnum):
    """How units coordinate: meetings, forums and communities of practice share information;
    standards and incentives align behaviour at any level of integration; formal processes
    bind the functions together; customer and partner advisory boards and pilots bring
    outside insight into a collaborative setting."""

    meeting = "meeting"
    forum = "forum"
    community_of_practice = "community_of_practice"
    standards = "standards"
    incentives = "incentives"
    formal_process = "formal_process"
    advisory_board = "advisory_board"
    pilot = "pilot"


class IntegrationLevel(StrEnum):
    """Where a mechanism sits on the integration continuum, least mature first. `ad_hoc`: ad
    hoc meetings, forums or communities of practice to share information, coordinate actions
    and pool resources. `standardised`: recurring mechanisms with agreed standards and
    incentives. `formalised`: formal management and business processes across functions, with
    shared-responsibility (RACI) matrices for the key programme activities."""

    ad_hoc = "ad_hoc"
    standardised = "standardised"
    formalised = "formalised"


class CoordinationSummary(BaseModel):
    """The tenant's coordination mechanisms in figures."""

    mechanisms: int
    by_level: dict[IntegrationLevel, int] = Field(
        description="Mechanisms per integration level, every level present (0 when none)."
    )
    by_kind: dict[CoordinationKind, int] = Field(
        description="Mechanisms per kind, every kind present (0 when none)."
    )
    maturity: float | None = Field(
        description="The mean level with ad_hoc = 0, standardised = 1, formalised = 2, divided "
        "by 2: 0 (all ad hoc) to 1 (all formalised); null when there is no mechanism."
    )


class RoleGapCount(BaseModel):
    """A role's skill gaps over the tenant's active people holding it."""

    role_id: uuid.UUID
    role_name: str
    people: int = Field(description="Active people holding the role.")
    people_with_gaps: int = Field(
        description="Of those, the people below at least one of the role's minimums."
    )
    gaps: int = Field(
        description="(person, skill) pairs where a holder is below the role's minimum."
    )


# --- coverage --------------------------------------------------------------------------------


class TrainingCoverage(BaseModel):
    """Training coverage of the active people in a scope (see the endpoint for definitions)."""

    people: int = Field(ge=0, description="Active people in the scope.")
    people_with_tools: int = Field(ge=0, description="Of those, the people with at least one tool.")
    people_covered: int = Field(
        ge=0, description="Of those, the people trained on every one of their tools."
    )
    coverage: float | None = Field(
        description="`people_covered / people_with_tools`; null when nobody has a tool."
    )
    tool_assignments: int = Field(ge=0, description="(person, tool) pairs of the people counted.")
    trained_assignments: int = Field(
        ge=0, description="Of those pairs, the ones where the person is trained on the tool."
    )
    assignment_coverage: float | None = Field(
        description="`trained_assignments / tool_assignments`; null when there is no pair."
    )


# A manager with more direct reports than this has a wide span of control.
WIDE_SPAN = 10


class PeopleDistribution(BaseModel):
    """Where the active people are, by the side of their unit as the operating-model inference
    reads it: *edge* (business units, regions, below one), *outside* marketing (a function other
    than marketing's, such as sales, IT or legal, or below one), else *central*."""

    active: int = Field(ge=0, description="Active people of the tenant.")
    central: int = Field(ge=0, description="Active people in central marketing units.")
    edge: int = Field(ge=0, description="Active people in business units and regions.")
    outside: int = Field(
        default=0, ge=0, description="Active people in functions outside marketing."
    )
    unassigned: int = Field(ge=0, description="Active people in no unit.")
    centralisation_ratio: float | None = Field(
        ge=0, le=1, description="central / (central + edge); null when both are 0."
    )


class CentreOfExcellenceSize(BaseModel):
    """Centres of excellence and marketing-ops centres, with the units below them."""

    units: int = Field(
        ge=0, description="Units of type centre_of_excellence or marketing_ops_centre."
    )
    people: int = Field(
        ge=0, description="Active people in those units or in any unit below one of them."
    )


class SpansOfControl(BaseModel):
    """Direct reports per manager: active people whose `manager_id` names the manager."""

    managers: int = Field(ge=0, description="People with at least one active direct report.")
    mean: float | None = Field(description="Mean direct reports per manager; null without one.")
    median: float | None = Field(description="Median direct reports per manager.")
    max: int | None = Field(description="The most direct reports of one manager.")
    wide: int = Field(ge=0, description=f"Managers with more than {WIDE_SPAN} direct reports.")


class UnitSides(BaseModel):
    """Every unit of the tenant by side, as the operating-model inference reads them: edge
    when it is a business unit or a region or lies below one; outside marketing when it is a
    function other than marketing's (sales, IT, legal) or lies below one; central otherwise."""

    central: list[uuid.UUID]
    edge: list[uuid.UUID]
    outside: list[uuid.UUID] = Field(default_factory=list)


class OrgMetrics(BaseModel):
    """The figures the scoring service reads as evidence, in one response."""

    people: PeopleDistribution
    centre_of_excellence: CentreOfExcellenceSize
    spans_of_control: SpansOfControl
    raci: RaciSummary
    coordination: CoordinationSummary
    training: TrainingCoverage | None = Field(
        description="Training coverage of all active people; null only when the inventory "
        "could not be asked and `allow_partial` was set (then named in `unavailable`)."
    )
    skill_gaps_by_role: list[RoleGapCount] = Field(
        description="Per role the tenant sees (built-in and its own), by name."
    )
    model: InferredModel | None = Field(
        description="Declared vs inferred operating model; null only when the inventory could "
        "not be asked and `allow_partial` was set."
    )
    unit_sides: UnitSides
    unavailable: list[str] = Field(
        default_factory=list,
        description="Metrics that could not be computed because a source did not answer "
        "(`training`, `model`); empty normally.",
    )
