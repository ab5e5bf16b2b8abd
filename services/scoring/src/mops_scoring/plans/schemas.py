"""Wire models of transformation plans (`/v1/scoring/plans`): the charter, goals with
measurable objectives, barriers with change strategies, and ordered stages, each with its
martech gap, skills and their sources, responsibilities and target operating model."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from mops_scoring.frameworks.schemas import Number
from mops_shared.contracts.common import Integer, IsoDate, Name, StrictModel, Trimmed
from mops_shared.contracts.org_profile import OperatingModel
from mops_shared.contracts.pagination import Page
from mops_shared.contracts.scenarios import StageDiff

# Judged as sent, stored stripped (see mops_shared.contracts.common.Name).
Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000),
    Trimmed(),
]


class PlanSort(StrEnum):
    created_at = "created_at"
    created_at_desc = "-created_at"
    name = "name"
    name_desc = "-name"


class PlanStatus(StrEnum):
    draft = "draft"
    adopted = "adopted"


class BarrierKind(StrEnum):
    stakeholders = "stakeholders"
    process = "process"
    technology = "technology"
    budget = "budget"


class Severity(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class SkillSource(StrEnum):
    hire = "hire"
    train = "train"
    partner = "partner"


class Goal(StrictModel):
    """A broad, primary outcome."""

    statement: Text


class Objective(StrictModel):
    """A measurable step: a metric from a baseline to a target by a date."""

    goal: Integer = Field(ge=0, description="The index of the goal it serves.")
    metric: Name
    baseline: Number
    target: Number = Field(description="Must differ from the baseline.")
    unit: str | None = Field(default=None, max_length=40, examples=["share", "score", "EUR"])
    due_date: IsoDate


class Barrier(StrictModel):
    kind: BarrierKind
    description: Text
    severity: Severity
    change_strategy: Text


# A stage number as Integer takes it, bounded before Integer's validator: a bound around it (or
# on an optional field) reaches the schema as `"ge": 1`, a word no JSON Schema reader knows.
StageNumber = Annotated[int, Field(ge=1), get_args(Integer)[1]]


class MartechGap(StrictModel):
    scenario_id: uuid.UUID = Field(description="An inventory stack scenario (current vs target).")
    scenario_stage: StageNumber | None = Field(
        default=None, description="Its stage this plan stage reaches; null: its last."
    )


class MartechGapRead(MartechGap):
    diff: StageDiff | None = Field(
        description="The scenario's diff at that stage, as the inventory gave it when the plan "
        "was last written; null when the scenario has no such stage."
    )


class SkillNeed(StrictModel):
    skill: Name
    source: SkillSource


class Stage(StrictModel):
    name: Name
    description: Text | None = None
    martech_gap: MartechGap | None = None
    skills: list[SkillNeed] = Field(default_factory=list, max_length=50)
    raci_matrix_id: uuid.UUID | None = Field(
        default=None, description="The org RACI matrix of its roles and responsibilities."
    )
    target_operating_model: OperatingModel | None = None


class StageRead(Stage):
    martech_gap: MartechGapRead | None = None


class PlanFields(StrictModel):
    name: Name
    result_id: uuid.UUID | None = Field(default=None, description="The result it answers.")
    status: PlanStatus = PlanStatus.draft
    charter: Text = Field(description="The mission statement: the north star of the function.")
    goals: list[Goal] = Field(default_factory=list, max_length=20)
    objectives: list[Objective] = Field(default_factory=list, max_length=100)
    barriers: list[Barrier] = Field(default_factory=list, max_length=50)
    stages: list[Stage] = Field(default_factory=list, max_length=20, description="In order.")


class PlanCreate(PlanFields):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Marketing ops, 2027",
                    "charter": "Every euro of martech is owned, used and accounted for.",
                    "goals": [{"statement": "Prove the return of each marketing tool."}],
                    "objectives": [
                        {
                            "goal": 0,
                            "metric": "Tools with an owner",
                            "baseline": 0.6,
                            "target": 1,
                            "unit": "share",
                            "due_date": "2027-06-30",
                        }
                    ],
                    "stages": [{"name": "Take stock"}],
                }
            ]
        },
    )


class PlanUpdate(StrictModel):
    """Top-level fields to replace; absent fields stay as they are."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"status": "adopted"}]}
    )

    name: Name | None = None
    status: PlanStatus | None = None
    charter: Text | None = None
    goals: list[Goal] | None = Field(default=None, max_length=20)
    objectives: list[Objective] | None = Field(default=None, max_length=100)
    barriers: list[Barrier] | None = Field(default=None, max_length=50)
    stages: list[Stage] | None = Field(default=None, max_length=20)


class PlanRead(BaseModel):
    id: uuid.UUID
    name: str
    result_id: uuid.UUID | None
    status: PlanStatus
    charter: str
    goals: list[Goal]
    objectives: list[Objective]
    barriers: list[Barrier]
    stages: list[StageRead]
    version: int
    created_at: datetime
    updated_at: datetime


class PlanPage(Page[PlanRead]):
    pass
