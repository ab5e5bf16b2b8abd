"""Wire models of stack scenarios: a target state as planned changes. Their gap analysis
(`ScenarioDiff`), which the scoring service reads, is in `mops_shared.contracts.scenarios`."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from mops_shared.contracts.common import IsoDate, Name, StrictModel, Text, json_integer, not_null
from mops_shared.contracts.inventory import Capability, MoneyIn
from mops_shared.contracts.pagination import Page


class ScenarioSort(StrEnum):
    """The orders of `GET /v1/inventory/scenarios` (`-` for descending)."""

    name = "name"
    name_desc = "-name"
    created_at = "created_at"
    created_at_desc = "-created_at"


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
    annual_cost: MoneyIn | None = None


Stage = Annotated[int, Field(ge=1, le=20), BeforeValidator(json_integer)]


class PlannedChange(BaseModel):
    """One change; what it needs depends on `kind`: `add_tool` a `new_tool`; `retire_tool` a
    `tool_id`; `replace_tool` a `tool_id` and either a `replacement_tool_id` or a `new_tool`;
    `change_owner` a `tool_id` and an `owner_unit_id`."""

    # What each kind needs is checked by `_fields_of_kind`, not said in the schema: conditions
    # on `kind` there break openapi-generator's Python client (see contract/beyond_schema).
    model_config = ConfigDict(extra="forbid")

    kind: ChangeKind
    stage: Stage = Field(default=1, description="Stages are applied in order.")
    target_date: IsoDate | None = None
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


class ScenarioUpdate(StrictModel):
    """Only the fields sent change (`null` clears `description`; `changes` replaces the whole
    list, `null` empties it; `name` may be left out but not cleared)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "2028"}]})

    name: Name | None = not_null()
    description: Text | None = None
    changes: list[PlannedChange] | None = Field(default=None, max_length=500)


class ScenarioRead(ScenarioCreate):
    id: uuid.UUID
    version: int
    created_at: datetime
    updated_at: datetime


class ScenarioPage(Page[ScenarioRead]):
    pass
