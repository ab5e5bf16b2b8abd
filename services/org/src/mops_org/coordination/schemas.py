"""Wire models of coordination mechanisms (`/v1/org/coordination-mechanisms`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mops_shared.contracts.common import UNIQUE, Name, StrictModel, Text, not_null, refuse_repeats
from mops_shared.contracts.org_metrics import CoordinationKind, IntegrationLevel
from mops_shared.contracts.pagination import Page

MAX_PARTICIPANTS = 500


class Cadence(StrEnum):
    continuous = "continuous"
    weekly = "weekly"
    biweekly = "biweekly"
    monthly = "monthly"
    quarterly = "quarterly"
    yearly = "yearly"
    ad_hoc = "ad_hoc"


class CoordinationMechanismSort(StrEnum):
    """The orders of `GET /v1/org/coordination-mechanisms`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"


# A level's place on the continuum, 0 at the ad hoc end (coordination maturity is its mean).
LEVEL_SCORES: dict[IntegrationLevel, int] = {
    IntegrationLevel.ad_hoc: 0,
    IntegrationLevel.standardised: 1,
    IntegrationLevel.formalised: 2,
}


_PARTICIPANTS = "The units taking part (units of the tenant, each once)."
Participants = Annotated[list[uuid.UUID], Field(max_length=MAX_PARTICIPANTS), UNIQUE]


class CoordinationMechanismCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Martech council",
                    "kind": "forum",
                    "cadence": "monthly",
                    "level": "standardised",
                    "owner_unit_id": "0b7e5c3a-1d2f-4a6b-9c8d-7e6f5a4b3c2d",
                    "participating_unit_ids": [
                        "a3c5e7f9-2b4d-4f6a-8c1e-3d5f7a9b1c2e",
                        "5e8d1f4a-7c2b-4e9d-a1f3-6b8c0d2e4f6a",
                    ],
                }
            ]
        },
    )

    name: Name = Field(description="Unique in the tenant, compared without case.")
    kind: CoordinationKind
    cadence: Cadence | None = None
    level: IntegrationLevel
    description: Text | None = None
    owner_unit_id: uuid.UUID | None = Field(
        default=None, description="The unit that runs the mechanism (a unit of the tenant)."
    )
    participating_unit_ids: Participants = Field(default_factory=list, description=_PARTICIPANTS)

    _each_participant_once = field_validator("participating_unit_ids")(refuse_repeats)


class CoordinationMechanismUpdate(StrictModel):
    """The fields sent are changed; `participating_unit_ids`, when sent, replace the
    participants. `cadence`, `description` and `owner_unit_id` may be null to clear them (the
    other fields may not)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"level": "formalised", "cadence": "quarterly"}]},
    )

    name: Name | None = not_null()
    kind: CoordinationKind | None = not_null()
    cadence: Cadence | None = None
    level: IntegrationLevel | None = not_null()
    description: Text | None = None
    owner_unit_id: uuid.UUID | None = None
    participating_unit_ids: Participants | None = not_null(description=_PARTICIPANTS)

    _each_participant_once = field_validator("participating_unit_ids")(refuse_repeats)


class CoordinationMechanismRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: CoordinationKind
    cadence: Cadence | None
    level: IntegrationLevel
    description: str | None
    owner_unit_id: uuid.UUID | None
    participating_unit_ids: list[uuid.UUID] = Field(description="By unit name.")
    version: int = Field(description="The version the ETag is made of.")
    created_at: datetime
    updated_at: datetime


class CoordinationMechanismPage(Page[CoordinationMechanismRead]):
    pass
