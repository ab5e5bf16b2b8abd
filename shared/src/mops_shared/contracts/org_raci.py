"""A RACI matrix as the scoring service reads it (`/v1/org/raci-matrices/{id}`), and the
figures of the org metrics; the rest of the RACI models are in `mops_org.raci.schemas`."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mops_shared.contracts.common import UNIQUE, Name, StrictModel, refuse_repeats


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
    """`programme`: a key activity of the marketing programme (campaigns, templates,
    training...). `purchase`: buying a tool, or approving one a team brings (procurement, a
    BYOT approval): the activities purchase governance reads. `data`: a data responsibility —
    consent and privacy policy under GDPR/CCPA, customer-identity stewardship — which must
    involve legal."""

    programme = "programme"
    purchase = "purchase"
    data = "data"


class RaciViolationCode(StrEnum):
    no_accountable = "no_accountable"
    several_accountable = "several_accountable"
    no_responsible = "no_responsible"
    accountable_and_responsible = "accountable_and_responsible"
    data_without_legal = "data_without_legal"
    unknown_assignee = "unknown_assignee"


# Bounds that keep one matrix one reasonable document (it is read and validated whole).
MAX_ASSIGNMENTS = 100


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
        description="Activities of kind `purchase`: buying a tool or approving one a team brings.",
    )
    complete_purchase_activities: int = Field(
        description="Of those, the activities without any violation."
    )
