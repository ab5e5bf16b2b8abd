"""Wire models of stack scenarios: a target state as planned changes, and its gap analysis."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from mops_shared.schemas.common import Name, Text
from mops_shared.schemas.inventory import Capability
from mops_shared.schemas.money import Money
from mops_shared.schemas.pagination import Page


class ChangeKind(StrEnum):
    add_tool = "add_tool"
    retire_tool = "retire_tool"
    replace_tool = "replace_tool"
    change_owner = "change_owner"


class PlannedTool(BaseModel):
    """A tool the stack does not have yet."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    capabilities: list[Capability] = Field(default_factory=list, max_length=50)
    annual_cost: Money | None = None


class PlannedChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: ChangeKind
    stage: int = Field(default=1, ge=1, le=20, description="Stages are applied in order.")
    target_date: date | None = None
    tool_id: uuid.UUID | None = Field(
        default=None, description="The tool retired, replaced or given a new owner."
    )
    replacement_tool_id: uuid.UUID | None = Field(
        default=None, description="replace_tool: an existing tool that takes over."
    )
    new_tool: PlannedTool | None = Field(
        default=None, description="add_tool, or replace_tool by a tool not yet in the stack."
    )
    owner_unit_id: uuid.UUID | None = Field(default=None, description="change_owner: the unit.")
    notes: Text | None = None

    @model_validator(mode="after")
    def _fields_of_kind(self) -> PlannedChange:
        kind = self.kind
        if kind is ChangeKind.add_tool and self.new_tool is None:
            raise ValueError("add_tool needs new_tool")
        if kind in (ChangeKind.retire_tool, ChangeKind.replace_tool, ChangeKind.change_owner):
            if self.tool_id is None:
                raise ValueError(f"{kind.value} needs tool_id")
        if kind is ChangeKind.replace_tool and (self.replacement_tool_id is None) == (
            self.new_tool is None
        ):
            raise ValueError("replace_tool needs either replacement_tool_id or new_tool")
        if kind is ChangeKind.change_owner and self.owner_unit_id is None:
            raise ValueError("change_owner needs owner_unit_id")
        return self


class ScenarioCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "2027 target",
                    "changes": [
                        {
                            "kind": "add_tool",
                            "stage": 1,
                            "new_tool": {
                                "name": "Braze",
                                "capabilities": ["Customer engagement"],
                                "annual_cost": {"amount_minor": 9000000, "currency": "USD"},
                            },
                        }
                    ],
                }
            ]
        },
    )

    name: Name
    description: Text | None = None
    changes: list[PlannedChange] = Field(default_factory=list, max_length=500)


class ScenarioUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "2028"}]})

    name: Name | None = None
    description: Text | None = None
    changes: list[PlannedChange] | None = Field(default=None, max_length=500)


class ScenarioRead(ScenarioCreate):
    id: uuid.UUID
    version: int
    created_at: datetime
    updated_at: datetime


class ScenarioPage(Page[ScenarioRead]):
    pass


class StageDiff(BaseModel):
    stage: int = Field(description="After this stage (stages are cumulative).")
    tools_added: list[str]
    tools_retired: list[str]
    tools_replaced: list[str] = Field(description="`old → new` for each replacement.")
    cost_before: list[Money] = Field(description="Annual cost of the stack before, per currency.")
    cost_after: list[Money]
    capabilities_gained: list[str]
    capabilities_lost: list[str]


class ScenarioDiff(BaseModel):
    """Current stack against the target: what each stage adds, retires and costs."""

    scenario_id: uuid.UUID
    current_tool_count: int
    target_tool_count: int
    stages: list[StageDiff]
