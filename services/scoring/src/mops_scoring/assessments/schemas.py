"""Wire models of assessments: who answers which framework version, for what scope, and
their answers (`/v1/scoring/assessments/...`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from mops_scoring.frameworks.schemas import Key
from mops_shared.contracts.common import Integer, IsoDate, Name, StrictModel
from mops_shared.contracts.money import Money
from mops_shared.contracts.pagination import Page
from mops_shared.contracts.scoring import FrameworkKind

# Judged as sent, stored stripped (see mops_shared.contracts.common.Name).
Description = Annotated[str, StringConstraints(max_length=2000), AfterValidator(str.strip)]

MAX_PROCESSES = 200
MAX_RESPONDENTS_PER_CALL = 200


class AssessmentSort(StrEnum):
    created_at = "created_at"
    created_at_desc = "-created_at"
    name = "name"
    name_desc = "-name"


class RespondentSort(StrEnum):
    added_at = "added_at"
    added_at_desc = "-added_at"


class ResponseSort(StrEnum):
    submitted_at = "submitted_at"
    submitted_at_desc = "-submitted_at"


class AssessmentStatus(StrEnum):
    open = "open"
    closed = "closed"


class Process(StrictModel):
    """A customer-facing process rated on the CX-efficiency matrix."""

    key: Key
    name: Name
    description: Description | None = None
    tool_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=50, description="Inventory tools the process runs on."
    )
    automated: StrictBool = Field(description="Whether the process runs without a person.")
    mandatory_for_customer: StrictBool = Field(
        description="Whether customers must go through it (no other way to get served)."
    )


class AssessmentCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "framework_id": "0190c1d2-7a3b-7c4d-8e5f-6a7b8c9d0e1f",
                    "name": "Five forces, Q4 2026",
                    "due_date": "2026-12-15",
                }
            ]
        },
    )

    framework_id: uuid.UUID = Field(description="The framework version answered; it never changes.")
    name: Name
    scope_unit_id: uuid.UUID | None = Field(
        default=None, description="The org unit assessed (with its subunits); null: the tenant."
    )
    due_date: IsoDate | None = None
    marketing_budget: Money | None = Field(
        default=None,
        description="The yearly marketing budget, for martech's share of it (MO readiness).",
    )
    processes: list[Process] = Field(
        default_factory=list,
        max_length=MAX_PROCESSES,
        description="CX efficiency: the processes to rate (at least one); none for other kinds.",
    )


class AssessmentUpdate(StrictModel):
    """Fields to change while the assessment is open; absent fields stay as they are."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"due_date": "2026-12-31"}]}
    )

    name: Name | None = None
    due_date: IsoDate | None = None
    marketing_budget: Money | None = None


class AssessmentRead(BaseModel):
    id: uuid.UUID
    framework_id: uuid.UUID
    framework_key: str
    framework_version: int
    kind: FrameworkKind
    name: str
    scope_unit_id: uuid.UUID | None
    due_date: date | None
    marketing_budget: Money | None
    processes: list[Process]
    status: AssessmentStatus
    respondent_count: int = Field(ge=0)
    response_count: int = Field(ge=0)
    version: int
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None


class AssessmentPage(Page[AssessmentRead]):
    pass


class RespondentsAdd(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"person_ids": ["0190c1d2-7a3b-7c4d-8e5f-6a7b8c9d0e1f"]}]},
    )

    person_ids: list[uuid.UUID] = Field(min_length=1, max_length=MAX_RESPONDENTS_PER_CALL)


class RespondentRead(BaseModel):
    person_id: uuid.UUID
    added_at: datetime
    responded: bool


class RespondentPage(Page[RespondentRead]):
    pass


class ResponseSubmit(StrictModel):
    """One respondent's answers: a whole number on the question's scale per question, and for
    a CX-efficiency framework, per process."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"answers": {"briefs": 2}}]}
    )

    answers: dict[str, Integer] = Field(
        default_factory=dict, description="Question key to answer (questions not per process)."
    )
    process_answers: dict[str, dict[str, Integer]] = Field(
        default_factory=dict,
        description="Process key to {question key: answer} (per-process questions).",
    )


class ResponseRead(BaseModel):
    person_id: uuid.UUID
    answers: dict[str, int]
    process_answers: dict[str, dict[str, int]]
    version: int
    submitted_at: datetime


class ResponsePage(Page[ResponseRead]):
    pass
