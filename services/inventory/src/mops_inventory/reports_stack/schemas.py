"""Wire models of the stack reports: redundancy, integration coverage and removal impact.

`/v1/inventory/reports/redundancy`, `/v1/inventory/reports/integration-coverage` and
`/v1/inventory/tools/{tool_id}/removal-impact`. Money is always per currency (a list of
`{amount_minor, currency}`, one entry per currency, sorted by currency): never summed across
currencies.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from mops_inventory.integrations.schemas import SyncMode
from mops_shared.contracts.inventory import MoneySum, ToolStatus


class StackToolRef(BaseModel):
    """A tool named in a report."""

    id: uuid.UUID
    name: str


# Redundancy


class RedundantTool(BaseModel):
    """One of the active tools serving a redundant capability."""

    id: uuid.UUID
    name: str
    annual_cost: list[MoneySum] = Field(
        description="The sum of the annual cost of the tool's contracts, one entry per currency "
        "(empty when the tool has no contract)."
    )
    seats_active: int | None = Field(
        description="Seats active on the tool's latest licence-usage row (`null` if none)."
    )
    seats_active_as_of: date | None = Field(description="The date of that licence-usage row.")
    seats_purchased: int | None = Field(
        description="Seats purchased over the tool's contracts (`null` if no contract says)."
    )


class RedundantCapability(BaseModel):
    """A capability served by two or more active tools."""

    capability_id: uuid.UUID
    capability: str = Field(description="The capability's name.")
    tool_count: int = Field(ge=2, description="How many active tools serve it.")
    tools: list[RedundantTool] = Field(
        description="The most expensive of those tools first, at most `tools_per_capability`."
    )
    combined_annual_cost: list[MoneySum] = Field(
        description="The tools' annual costs added up, per currency."
    )
    money_at_stake: list[MoneySum] = Field(
        description="Per currency: the combined annual cost minus the annual cost of the most "
        "expensive single tool in that currency."
    )
    seats_active: int | None = Field(
        description="The tools' latest seats active added up (`null` if none of them has any)."
    )
    seats_purchased: int | None = Field(
        description="The tools' seats purchased added up (`null` if none of them has any)."
    )


class RedundancyReport(BaseModel):
    """Capabilities served twice or more, the largest money at stake first."""

    capabilities: list[RedundantCapability]
    next_cursor: str | None = Field(
        default=None,
        description="Pass as `cursor` for the next page of capabilities; `null` on the last page.",
    )


# Integration coverage


class CoreToolsChosenBy(StrEnum):
    capability = "capability"
    request = "request"


class IntegrationCoverageReport(BaseModel):
    """How the active stack is wired together and to its core customer-data platform."""

    core_tools: list[StackToolRef] = Field(
        description="The core tools the report measured against."
    )
    core_tools_chosen_by: CoreToolsChosenBy = Field(
        description="`request` when `core_tool_id` was given, `capability` when the core is the "
        "active tools with the capability `Customer data platform`."
    )
    active_tool_count: int = Field(ge=0, description="Tools with status `active`.")
    integrated_tool_count: int = Field(
        ge=0, description="Active tools with at least one live integration."
    )
    integrated_share: float | None = Field(
        ge=0,
        le=1,
        description="integrated_tool_count / active_tool_count, to 4 decimals (`null` when there "
        "is no active tool).",
    )
    non_core_active_tool_count: int = Field(ge=0, description="Active tools that are not core.")
    connected_to_core_count: int = Field(
        ge=0, description="Active non-core tools with a direct live integration with a core tool."
    )
    connected_to_core_share: float | None = Field(
        ge=0,
        le=1,
        description="connected_to_core_count / non_core_active_tool_count, to 4 decimals (`null` "
        "when there is no active non-core tool).",
    )
    not_sharing_data_with_core_count: int = Field(
        ge=0, description="Active tools with `shares_data_with_core` false."
    )
    core_data_sharing_unknown_count: int = Field(
        ge=0, description="Active tools with `shares_data_with_core` not stated."
    )
    not_integrated: list[StackToolRef] = Field(
        description="Active tools with no live integration at either end (of this page)."
    )
    not_connected_to_core: list[StackToolRef] = Field(
        description="Active non-core tools with no direct live integration with a core tool."
    )
    not_sharing_data_with_core: list[StackToolRef] = Field(
        description="Edge tools: active tools with `shares_data_with_core` false."
    )
    core_data_sharing_unknown: list[StackToolRef] = Field(
        description="Active tools whose `shares_data_with_core` is not stated (`null`)."
    )
    next_cursor: str | None = Field(
        default=None,
        description="Pass as `cursor` for the lists' next page of active tools; `null` on the "
        "last page.",
    )


# Removal impact


class EdgeDirection(StrEnum):
    outgoing = "outgoing"
    incoming = "incoming"


class BrokenIntegration(BaseModel):
    """A live integration of the tool that would break if the tool were retired."""

    integration_id: uuid.UUID
    direction: EdgeDirection = Field(
        description="`outgoing` when data flows from the tool to the other tool, `incoming` "
        "when it flows from the other tool to the tool."
    )
    other_tool: StackToolRef
    other_tool_status: ToolStatus
    data_carried: list[str]
    sync_mode: SyncMode


class ToolRemovalImpact(BaseModel):
    """What retiring one tool would break."""

    tool: StackToolRef
    status: ToolStatus = Field(description="The tool's current status.")
    broken_integration_count: int = Field(ge=0)
    broken_integrations: list[BrokenIntegration] = Field(
        description="By the other tool's name, outgoing before incoming."
    )
    isolated_tools: list[StackToolRef] = Field(
        description="Tools whose only live integrations are with this tool, by name."
    )
