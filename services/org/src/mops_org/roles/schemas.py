"""Wire models of the role catalogue, people's skills and skill gaps (`/v1/org/roles`,
`/v1/org/people/{id}/skills`, `.../skill-gaps`).

A skill is named freely; two names are the same skill when they are equal without case and
surrounding spaces. Proficiency runs from 0 (none) to 4 (expert). A person's requirement for a
skill is the highest minimum any of their roles asks; what they hold is their proficiency (0 when
they have none recorded); a gap is a requirement above what they hold.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from mops_shared.contracts.common import (
    Integer,
    IsoAwareDateTime,
    Name,
    StrictModel,
    Text,
    Trimmed,
    not_null,
)
from mops_shared.contracts.org_metrics import RoleGapCount
from mops_shared.contracts.pagination import Page

MAX_PROFICIENCY = 4
MAX_SKILL_NAME = 120
# Bounds on one request's lists, so that its validation stays bounded.
MAX_ROLE_SKILLS = 100
MAX_PERSON_SKILLS = 200

# An Integer (3.0 taken, "3" and true refused) between 0 and 4. The bounds come before
# Integer's validator: after it, Pydantic would write them as `ge`/`le`, not as `minimum`/`maximum`.
Proficiency = Annotated[
    int,
    Field(ge=0, le=MAX_PROFICIENCY, description="0 (none) to 4 (expert)."),
    *get_args(Integer)[1:],
]
# Judged as sent and stored stripped, as common.Name is (see there).
SkillName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_SKILL_NAME),
    Trimmed(),
]


class RoleSort(StrEnum):
    """The orders of `GET /v1/org/roles`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"


_REQUIRED_SKILLS = (
    "The skills the role requires, each once (compared without case), with the minimum "
    "proficiency a holder needs."
)


class RequiredSkill(StrictModel):
    model_config = ConfigDict(extra="forbid")

    skill: SkillName
    min_proficiency: Proficiency


class RoleCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Marketing Data Manager",
                    "description": "Owns the customer data and its quality.",
                    "legal": False,
                    "required_skills": [
                        {"skill": "customer data", "min_proficiency": 3},
                        {"skill": "sql", "min_proficiency": 2},
                    ],
                }
            ]
        },
    )

    name: Name = Field(
        description=(
            "Unique among the built-in roles and the tenant's, compared without case and with "
            "British and American spellings folded (`Optimization` clashes with `Optimisation`)."
        )
    )
    description: Text | None = None
    legal: StrictBool = Field(
        default=False,
        description="Whether holders count as legal (RACI validation of data activities).",
    )
    required_skills: list[RequiredSkill] = Field(
        default_factory=list, max_length=MAX_ROLE_SKILLS, description=_REQUIRED_SKILLS
    )


class RoleUpdate(StrictModel):
    """The fields sent are changed; `required_skills`, when sent, replaces the whole list;
    `description` may be null to clear it (the other fields may not)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"required_skills": [{"skill": "customer data", "min_proficiency": 4}]}]
        },
    )

    name: Name | None = not_null()
    description: Text | None = None
    legal: StrictBool | None = not_null()
    required_skills: Annotated[list[RequiredSkill], Field(max_length=MAX_ROLE_SKILLS)] | None = (
        not_null(description=_REQUIRED_SKILLS)
    )


class RoleRead(BaseModel):
    id: uuid.UUID
    name: str
    description: str | None
    legal: bool
    builtin: bool = Field(
        description="A role of the built-in catalogue, shared by every tenant and read-only."
    )
    required_skills: list[RequiredSkill] = Field(description="By skill name.")
    version: int = Field(description="The version the ETag is made of.")
    created_at: datetime
    updated_at: datetime


class RolePage(Page[RoleRead]):
    pass


# --- people's skills -----------------------------------------------------------------------


class HeldSkill(StrictModel):
    model_config = ConfigDict(extra="forbid")

    skill: SkillName
    proficiency: Proficiency
    assessed_at: IsoAwareDateTime | None = Field(
        default=None, description="When the proficiency was assessed (with a time zone)."
    )


class PersonSkillsUpdate(StrictModel):
    """The person's whole set of skills: the skills not listed are removed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "skills": [
                        {
                            "skill": "marketing automation",
                            "proficiency": 3,
                            "assessed_at": "2026-11-02T09:00:00Z",
                        },
                        {"skill": "sql", "proficiency": 2},
                    ]
                }
            ]
        },
    )

    skills: list[HeldSkill] = Field(
        max_length=MAX_PERSON_SKILLS, description="Each skill once (compared without case)."
    )


class PersonSkills(BaseModel):
    person_id: uuid.UUID
    version: int = Field(description="The person's version: its ETag is the person's.")
    skills: list[HeldSkill] = Field(description="By skill name.")


# --- skill gaps ----------------------------------------------------------------------------


class GapRole(BaseModel):
    """One of the person's roles that asks more of a skill than the person holds."""

    id: uuid.UUID
    name: str
    min_proficiency: int


class PersonSkillGap(BaseModel):
    skill: str
    required: int = Field(description="The highest minimum proficiency the person's roles ask.")
    held: int = Field(description="The person's proficiency; 0 when none is recorded.")
    shortfall: int = Field(description="`required - held`, at least 1.")
    roles: list[GapRole] = Field(
        description="The person's roles asking more than `held`, highest requirement first."
    )


class PersonSkillGaps(BaseModel):
    person_id: uuid.UUID
    gaps: list[PersonSkillGap] = Field(description="By skill name; empty when none.")


class RoleRequirementGap(BaseModel):
    skill: str
    required: int = Field(description="The role's minimum proficiency.")
    held: int = Field(description="The person's proficiency; 0 when none is recorded.")
    shortfall: int = Field(description="`required - held`, at least 1.")


class RoleHolderGaps(BaseModel):
    """An active person holding the role, with where they fall short of its requirements."""

    person_id: uuid.UUID
    name: str
    unit_id: uuid.UUID | None
    gaps: list[RoleRequirementGap] = Field(description="By skill name; empty when none.")


class RoleSkillGaps(Page[RoleHolderGaps]):
    """The role's active holders by name, a page at a time, with totals over all of them."""

    totals: RoleGapCount


class UnitSkillGap(BaseModel):
    skill: str
    people_requiring: int = Field(description="People counted whose roles require the skill.")
    people_short: int = Field(description="Of those, the people holding less than required.")
    total_shortfall: int = Field(description="The sum of `required - held` over those short.")
    average_shortfall: float = Field(
        description="`total_shortfall / people_short` (0 when nobody is short)."
    )


class UnitSkillGaps(BaseModel):
    unit_id: uuid.UUID
    include_subunits: bool
    people: int = Field(
        description="The active people counted: the unit's, and its subunits' when asked."
    )
    people_with_gaps: int = Field(description="Of those, the people short of at least one skill.")
    skills: list[UnitSkillGap] = Field(
        description="Every skill the people counted are required to hold, most people short first."
    )
