"""`GET /v1/org/metrics`: the organisation in figures, for the scoring service's evidence."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from mops_shared.schemas.org_coordination import CoordinationSummary
from mops_shared.schemas.org_profile import InferredModel
from mops_shared.schemas.org_raci import RaciSummary
from mops_shared.schemas.org_roles import RoleGapCount
from mops_shared.schemas.org_training import TrainingCoverage

# A manager with more direct reports than this has a wide span of control.
WIDE_SPAN = 10


class PeopleDistribution(BaseModel):
    """Where the active people are. A unit is *edge* when it is a business unit or a region, or
    lies below one; every other unit is *central*."""

    active: int = Field(ge=0, description="Active people of the tenant.")
    central: int = Field(ge=0, description="Active people in central units.")
    edge: int = Field(ge=0, description="Active people in business units and regions.")
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
    when it is a business unit or a region or lies below one, central otherwise."""

    central: list[uuid.UUID]
    edge: list[uuid.UUID]


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
