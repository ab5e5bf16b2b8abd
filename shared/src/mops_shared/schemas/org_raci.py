"""Wire models of RACI matrices (`/v1/org/raci-matrices`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StrictBool, field_validator

from mops_shared.schemas.common import Name, StrictModel, Text, not_null
from mops_shared.schemas.org import UNIQUE, refuse_repeats
from mops_shared.schemas.pagination import Page

# Bounds that keep one matrix one reasonable document (it is read and validated whole).
MAX_ACTIVITIES = 1000
MAX_ASSIGNMENTS = 100


class RaciLetter(StrEnum):
    """Responsible (does the work), Accountable (answers for it, exactly one), Consulted
    (asked before), Informed (told after)."""

    R = "R"
    A = "A"
    C = "C"
    I = "I"  # noqa: E741 - the letter of the RACI model


class AssigneeType(StrEnum):
    """What an assignment names: a role of the catalogue (built-in or the tenant's), a unit or a
    person of the tenant."""

    role = "role"
    unit = "unit"
    person = "person"


class ActivityKind(StrEnum):
    """`programme`: a key activity of the marketing programme (tool purchase, BYOT approval,
    training...). `data`: a data responsibility — consent and privacy policy under GDPR/CCPA,
    customer-identity stewardship — which must involve legal."""

    programme = "programme"
    data = "data"


class RaciViolationCode(StrEnum):
    no_accountable = "no_accountable"
    several_accountable = "several_accountable"
    no_responsible = "no_responsible"
    accountable_and_responsible = "accountable_and_responsible"
    data_without_legal = "data_without_legal"
    unknown_assignee = "unknown_assignee"


class RaciMatrixSort(StrEnum):
    """The orders of `GET /v1/org/raci-matrices`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"


class RaciAssignee(BaseModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    assignee_type: AssigneeType
    assignee_id: uuid.UUID = Field(description="The id of the role, unit or person.")


class RaciAssignment(RaciAssignee):
    letter: RaciLetter


class RaciActivity(StrictModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    name: Name = Field(description="Unique in the matrix, compared without case.")
    kind: ActivityKind = ActivityKind.programme
    # An assignment is the whole item (type, id, letter): "each assignee at most once per
    # letter" is `uniqueItems`.
    assignments: Annotated[list[RaciAssignment], UNIQUE] = Field(
        default_factory=list,
        max_length=MAX_ASSIGNMENTS,
        description="Each assignee at most once per letter.",
    )

    _each_assignment_once = field_validator("assignments")(refuse_repeats)


# Privacy Counsel, the built-in legal role, has the same id in every database.
_EXAMPLE_ACTIVITIES: list[JsonValue] = [
    {
        "name": "Consent and privacy policy (GDPR, CCPA)",
        "kind": "data",
        "assignments": [
            {
                "assignee_type": "role",
                "assignee_id": "3354918f-b258-5d78-bcec-9d9393e226a3",
                "letter": "A",
            },
            {
                "assignee_type": "person",
                "assignee_id": "d4e6f8a0-1b3c-4d5e-9f7a-2c4e6a8b0d1f",
                "letter": "R",
            },
            {
                "assignee_type": "unit",
                "assignee_id": "9a1b3c5d-7e9f-4a2b-8c4d-6e8f0a2b4c6d",
                "letter": "I",
            },
        ],
    }
]


class RaciMatrixCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Marketing technology and data responsibilities",
                    "activities": _EXAMPLE_ACTIVITIES,
                }
            ]
        },
    )

    name: Name = Field(description="Unique in the tenant, compared without case.")
    description: Text | None = None
    allow_accountable_responsible: StrictBool = Field(
        default=False, description="Whether one assignee may be both A and R of an activity."
    )
    activities: list[RaciActivity] = Field(default_factory=list, max_length=MAX_ACTIVITIES)


class RaciMatrixUpdate(StrictModel):
    """The fields sent are changed; `activities`, when sent, replace the matrix's activities
    wholesale. `description` may be null to clear it (the other fields may not)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"allow_accountable_responsible": True}]},
    )

    name: Name | None = not_null()
    description: Text | None = None
    allow_accountable_responsible: StrictBool | None = not_null()
    activities: Annotated[list[RaciActivity], Field(max_length=MAX_ACTIVITIES)] | None = not_null()


class RaciMatrixRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    description: str | None
    allow_accountable_responsible: bool
    activities: list[RaciActivity]
    valid: bool = Field(
        description="No violation of the rules (see the validation endpoint), as of this read: "
        "deleting a person or a role can make a matrix invalid without changing it."
    )
    violation_count: int = Field(ge=0)
    version: int = Field(description="The version the ETag is made of.")
    created_at: datetime
    updated_at: datetime


class RaciMatrixPage(Page[RaciMatrixRead]):
    pass


class RaciViolation(BaseModel):
    activity: str = Field(description="The name of the activity the rule is broken in.")
    code: RaciViolationCode
    detail: str
    assignees: list[RaciAssignee] | None = Field(
        default=None,
        description="The assignees at fault, when some are (the several A, the A that is also "
        "R, the assignees that no longer exist).",
    )


class RaciValidation(BaseModel):
    """Rules, per activity: exactly one A (`no_accountable`, `several_accountable`); at least
    one R (`no_responsible`); no assignee both A and R unless the matrix allows it
    (`accountable_and_responsible`); a `data` activity involves legal as C or A
    (`data_without_legal`) — legal is a role marked `legal`, a person holding such a role, or
    a unit with an active person holding one; every assignee still exists
    (`unknown_assignee`). Assignees that no longer exist count for no rule."""

    matrix_id: uuid.UUID
    valid: bool
    activity_count: int
    violations: list[RaciViolation]


class RaciSummary(BaseModel):
    """The tenant's RACI matrices in figures."""

    matrices: int
    activities: int = Field(description="Activities of every matrix.")
    complete_activities: int = Field(description="Activities without any violation.")
    completeness: float | None = Field(
        description="complete_activities / activities (0 to 1); null when there is no activity."
    )
    violations: int = Field(description="Violations of every matrix.")
    violations_by_code: dict[RaciViolationCode, int] = Field(
        description="Violations per rule, every rule present (0 when none)."
    )
    purchase_activities: int = Field(
        description="Activities about buying tools: their name speaks of a purchase, buying, "
        "procurement or BYOT approval.",
    )
    complete_purchase_activities: int = Field(
        description="Of those, the activities without any violation."
    )
