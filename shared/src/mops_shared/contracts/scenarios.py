"""A scenario's gap analysis (`/v1/inventory/scenarios/{id}/diff`), which the scoring service
reads to draft a plan."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from mops_shared.contracts.inventory import MoneySum


class StageDiff(BaseModel):
    stage: int = Field(description="After this stage (stages are cumulative).")
    tools_added: list[str]
    tools_retired: list[str]
    tools_replaced: list[str] = Field(description="`old → new` for each replacement.")
    cost_before: list[MoneySum] = Field(
        description="Annual cost of the stack before, per currency."
    )
    cost_after: list[MoneySum]
    capabilities_gained: list[str]
    capabilities_lost: list[str]


class ScenarioDiff(BaseModel):
    """Current stack against the target: what each stage adds, retires and costs."""

    scenario_id: uuid.UUID
    current_tool_count: int
    target_tool_count: int
    stages: list[StageDiff]
