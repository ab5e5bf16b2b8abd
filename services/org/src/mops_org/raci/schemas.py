"""Wire models of RACI matrices (`/v1/org/raci-matrices`) that only the org service reads;
`RaciMatrixRead`, which the scoring service reads through the org client, is in
`mops_shared.contracts.org_raci`."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StrictBool

from mops_shared.contracts.common import Name, StrictModel, Text, not_null
from mops_shared.contracts.org_raci import (
    RaciActivity,
    RaciAssignee,
    RaciMatrixRead,
    RaciViolationCode,
)
from mops_shared.contracts.pagination import Page

# Bounds that keep one matrix one reasonable document (it is read and validated whole).
MAX_ACTIVITIES = 1000


class RaciMatrixSort(StrEnum):
    """The orders of `GET /v1/org/raci-matrices`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"


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


class RaciMatrixPage(Page[RaciMatrixRead]):
    pass


class RaciNamedAssignee(RaciAssignee):
    name: str | None = Field(
        default=None,
        description="The role's or unit's name, or the person's; null when the assignee no "
        "longer exists.",
    )


class RaciViolation(BaseModel):
    activity: str = Field(description="The name of the activity the rule is broken in.")
    code: RaciViolationCode
    detail: str = Field(description="The rule broken, naming the assignees at fault.")
    assignees: list[RaciNamedAssignee] | None = Field(
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
