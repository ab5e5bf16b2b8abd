"""The operating models and the one the org service infers from its data
(`/v1/org/profile/inferred-model`), which the org metrics carry to the scoring service."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class OperatingModel(StrEnum):
    """How the marketing organisation is built. `independent`: teams grew on their own in each
    business unit, each with its own people and tools; it rarely scales and is justified when
    the businesses are very different or kept apart for mergers and acquisitions.
    `centralized`: one marketing-operations centre with a unified digital-experience team and
    a unified marketing platform serves every region; suits a homogeneous business (organised
    by geography only, say). `hybrid_matrix`: a central centre of excellence holds the experts
    and the shared infrastructure, while the business units keep resources to answer their
    customers' needs fast, drawing on central capabilities and guidelines. `hub_and_spoke`: a
    central hub aligns strategy, tactics, data and technology investment while the spokes
    (business units, regions) keep their autonomy, held together by coordination mechanisms."""

    independent = "independent"
    centralized = "centralized"
    hybrid_matrix = "hybrid_matrix"
    hub_and_spoke = "hub_and_spoke"


class ModelBasis(BaseModel):
    """The figures the operating model is inferred from.

    A unit is *edge* when it is a business unit or a region, or lies below one; *outside*
    marketing when it is a function other than marketing's (sales, IT, legal) or lies below
    one; every other unit is *central* (the rules are in the inferred model's description).
    People are the active people of the tenant. A tool (retired ones left out) is owned by the
    units its owners name, or, for an owner naming only a person, by that person's unit."""

    central_people: int = Field(ge=0, description="Active people in central units.")
    edge_people: int = Field(ge=0, description="Active people in edge units.")
    outside_people: int = Field(
        default=0,
        ge=0,
        description="Active people in functions outside marketing; counted on neither side.",
    )
    unassigned_people: int = Field(ge=0, description="Active people in no unit.")
    central_people_share: float | None = Field(
        ge=0,
        le=1,
        description="central_people / (central_people + edge_people); null when both are 0.",
    )
    central_tools: int = Field(ge=0, description="Tools whose owning units are all central.")
    edge_tools: int = Field(ge=0, description="Tools whose owning units are all edge units.")
    shared_tools: int = Field(ge=0, description="Tools owned by central and edge units both.")
    outside_tools: int = Field(
        default=0,
        ge=0,
        description="Tools owned only by units outside marketing; counted on neither side.",
    )
    unowned_tools: int = Field(
        ge=0, description="Tools without an owning unit of the tenant (no owner, or none known)."
    )
    central_tool_share: float | None = Field(
        ge=0,
        le=1,
        description="central_tools / (central_tools + edge_tools + shared_tools); null when "
        "no tool has an owning unit.",
    )
    hub_units: int = Field(ge=0, description="Units whose role is `hub`.")
    spoke_units: int = Field(ge=0, description="Units whose role is `spoke`.")
    centre_people: int = Field(
        default=0,
        ge=0,
        description="Active people in marketing's centres (of excellence, of marketing "
        "operations, or units labelled `hub`) or below one, but for those of a business unit "
        "or region.",
    )
    embedded_people: int = Field(
        default=0,
        ge=0,
        description="Active people of edge units embedded from a centre: managed by an active "
        "person of a centre, or holding a role one holds.",
    )
    served_edge_units: int = Field(
        default=0, ge=0, description="Edge units with at least one person embedded from a centre."
    )


class InferredModel(BaseModel):
    """The declared operating model beside the one the data suggests."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "declared": "hybrid_matrix",
                    "inferred": "hybrid_matrix",
                    "agrees": True,
                    "basis": {
                        "central_people": 20,
                        "edge_people": 5,
                        "unassigned_people": 0,
                        "central_people_share": 0.8,
                        "central_tools": 0,
                        "edge_tools": 0,
                        "shared_tools": 0,
                        "unowned_tools": 0,
                        "central_tool_share": None,
                        "hub_units": 0,
                        "spoke_units": 0,
                    },
                    "reasons": [
                        "not both a hub and a spoke unit (0 hub units, 0 spoke units): "
                        "not hub_and_spoke",
                        "80% of people (20 of 25) are in central units, below 85%: not centralized",
                        "80% of people (20 of 25) are in central units, above 25%: not independent",
                        "neither mostly central nor mostly at the edge: hybrid_matrix",
                    ],
                }
            ]
        }
    )

    declared: OperatingModel | None = Field(description="The profile's model; null if undeclared.")
    inferred: OperatingModel | None = Field(
        description="The model the data suggests; null when there is not enough data."
    )
    agrees: bool | None = Field(
        description="Whether the two are the same; null when either is null."
    )
    basis: ModelBasis
    reasons: list[str] = Field(description="How the rules were applied, in order.")
