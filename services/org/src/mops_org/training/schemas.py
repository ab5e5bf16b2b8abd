"""Wire models of training (`/v1/org/training-programmes`, `/v1/org/people/{id}/training`,
`/v1/org/training/coverage`).

A programme is made of ordered waves: every `basic` wave (functional basics) comes before every
`advanced` wave, and a programme with advanced waves has at least one basic wave. Each wave
names the inventory tools it trains on and the skills it builds. People are enrolled in waves
and complete them; an advanced wave is completed only once every basic wave of its programme is.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mops_org.roles.schemas import Proficiency, SkillName
from mops_shared.contracts.common import (
    UNIQUE,
    IsoAwareDateTime,
    Name,
    StrictModel,
    Text,
    not_null,
    refuse_repeats,
)
from mops_shared.contracts.org_metrics import TrainingCoverage
from mops_shared.contracts.pagination import Page

# Bounds that keep one programme one reasonable document (it is read and validated whole).
MAX_WAVES = 50
MAX_WAVE_TOOLS = 200
MAX_WAVE_SKILLS = 50


class WaveLevel(StrEnum):
    """`basic`: functional basics, taught first; `advanced`: practice built on the basics."""

    basic = "basic"
    advanced = "advanced"


class TrainingProgrammeSort(StrEnum):
    """The orders of `GET /v1/org/training-programmes`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"


class TrainingEnrolmentSort(StrEnum):
    """The orders of a programme's enrolments; `-` sorts descending."""

    enrolled_at = "enrolled_at"
    enrolled_at_desc = "-enrolled_at"


class WaveSkill(StrictModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    skill: SkillName = Field(description="Each skill once per wave, compared without case.")
    proficiency: Proficiency = Field(description="The level the wave brings a person to, 0 to 4.")


_TOOL_IDS = "Inventory tools the wave trains on (the tenant's tools), each once."


class TrainingWaveCreate(StrictModel):
    model_config = ConfigDict(extra="forbid")

    name: Name = Field(description="Unique in the programme, compared without case.")
    level: WaveLevel
    tool_ids: Annotated[list[uuid.UUID], UNIQUE] = Field(
        default_factory=list, max_length=MAX_WAVE_TOOLS, description=_TOOL_IDS
    )
    skills: list[WaveSkill] = Field(
        default_factory=list,
        max_length=MAX_WAVE_SKILLS,
        description="Each skill once, compared without case.",
    )

    _each_tool_once = field_validator("tool_ids")(refuse_repeats)


class TrainingWaveChange(TrainingWaveCreate):
    """A wave of a PATCH. It keeps an existing wave (its id, its enrolments and its unresolved
    tools) when it names that wave's `id`, or else when its name is that wave's name; other
    waves are new."""

    id: uuid.UUID | None = Field(
        default=None, description="The existing wave this one keeps (a wave of the programme)."
    )


_WAVE_RULES = (
    "In order (a wave's position is its index). Every `basic` wave comes before every "
    "`advanced` wave, and a programme with an advanced wave has at least one basic wave."
)

_EXAMPLE_WAVES: list[Any] = [
    {
        "name": "Wave 1 - functional basics",
        "level": "basic",
        "tool_ids": ["0b5f3c1e-8d2a-4c3b-9f1e-2a7d6c5b4e3f"],
        "skills": [{"skill": "marketing automation", "proficiency": 2}],
    },
    {
        "name": "Wave 2 - advanced practice",
        "level": "advanced",
        "tool_ids": ["0b5f3c1e-8d2a-4c3b-9f1e-2a7d6c5b4e3f"],
        "skills": [{"skill": "marketing automation", "proficiency": 3}],
    },
]


class TrainingProgrammeCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Martech enablement",
                    "description": "Basics of the core stack first, then advanced practice.",
                    "waves": _EXAMPLE_WAVES,
                }
            ]
        },
    )

    name: Name = Field(description="Unique in the tenant, compared without case.")
    description: Text | None = None
    waves: list[TrainingWaveCreate] = Field(
        default_factory=list, max_length=MAX_WAVES, description=_WAVE_RULES
    )


class TrainingProgrammeUpdate(StrictModel):
    """The fields sent are changed; `waves`, when sent, replace the programme's waves
    wholesale (a wave with enrolments cannot be dropped); `description` may be null to clear
    it (the other fields may not)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"description": "Now with a CRM wave."}]},
    )

    name: Name | None = not_null()
    description: Text | None = None
    waves: Annotated[list[TrainingWaveChange], Field(max_length=MAX_WAVES)] | None = not_null(
        description=_WAVE_RULES
    )


class TrainingWaveRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    position: int = Field(ge=0, description="The wave's index in the programme.")
    name: str
    level: WaveLevel
    tool_ids: list[uuid.UUID]
    skills: list[WaveSkill]
    unresolved_tools: list[str] = Field(
        description="Read-only: tool names an import could not match with an inventory tool."
    )


class TrainingProgrammeRead(BaseModel):
    id: uuid.UUID
    name: str
    description: str | None
    waves: list[TrainingWaveRead] = Field(description="In order.")
    version: int = Field(description="The version the ETag is made of.")
    created_at: datetime
    updated_at: datetime


class TrainingProgrammePage(Page[TrainingProgrammeRead]):
    pass


# --- enrolments ------------------------------------------------------------------------------


class TrainingEnrolmentCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "person_id": "5d0c1b7e-3f1a-4e2b-8c9d-0a1b2c3d4e5f",
                    "wave_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                }
            ]
        },
    )

    person_id: uuid.UUID = Field(description="A person of the tenant.")
    wave_id: uuid.UUID = Field(description="A wave of this programme.")


class TrainingCompletionCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"completed_at": "2026-11-20T16:00:00Z"}]},
    )

    completed_at: IsoAwareDateTime | None = Field(
        default=None, description="When the wave was completed (with a time zone); now if absent."
    )


class TrainingEnrolmentRead(BaseModel):
    id: uuid.UUID
    programme_id: uuid.UUID
    wave_id: uuid.UUID
    wave_name: str
    wave_level: WaveLevel
    person_id: uuid.UUID
    enrolled_at: datetime
    completed: bool
    completed_at: datetime | None


class TrainingEnrolmentPage(Page[TrainingEnrolmentRead]):
    pass


class PersonTrainingItem(TrainingEnrolmentRead):
    programme_name: str
    wave_position: int


class PersonTraining(BaseModel):
    person_id: uuid.UUID
    items: list[PersonTrainingItem] = Field(
        description="Every enrolment of the person, by programme name then wave order."
    )


class TrainingCoverageRead(TrainingCoverage):
    unit_id: uuid.UUID | None = Field(description="The unit asked about, or null.")
    include_subunits: bool = Field(description="Whether the unit's subunits were counted.")
    role_id: uuid.UUID | None = Field(description="The role asked about, or null.")
