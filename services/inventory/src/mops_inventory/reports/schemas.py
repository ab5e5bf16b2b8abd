"""Wire models of the inventory's reports (the evidence report's, which the scoring service
reads, are in `mops_shared.contracts.reports_evidence`).

The money reports (`/v1/inventory/reports/spend`, `/renewals`, `/adoption` and `/returns`) and
the stack reports (`/v1/inventory/reports/redundancy`, `/integration-coverage` and
`/v1/inventory/tools/{tool_id}/removal-impact`). Money is never added across currencies: an
amount is a `{amount_minor, currency}` and where a figure may span several currencies it is a
list with one entry per currency, sorted by currency."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_inventory.integrations.schemas import SyncMode
from mops_shared.contracts.inventory import MoneySum, ToolStatus
from mops_shared.contracts.money import Money

# The core customer-data platform: the tools with this capability (compared without case), as
# the integration-coverage report and the evidence find them by default.
CORE_CAPABILITY = "Customer data platform"
# The returns report's default period and the evidence's window for outcomes, in days.
RETURNS_DAYS = 365


# Spend


class SpendGroupBy(StrEnum):
    category = "category"
    capability = "capability"
    owner_unit = "owner_unit"
    vendor = "vendor"
    status = "status"


class SpendRow(BaseModel):
    """The annual cost of one group's contracts in one currency."""

    key: str | None = Field(
        description="What the row is grouped by: the category id, the capability id, the org "
        "unit id of the business owner, the vendor, or the status. `null` for the tools that "
        "have none (no category, no capability, no business-owner unit, no vendor)."
    )
    label: str | None = Field(
        description="The category or capability name, the vendor or the status; `null` for "
        "owner units (their names live in the org service) and for the `null` group."
    )
    annual_cost: MoneySum = Field(
        description="The annual cost of the group's contracts in this currency, added up."
    )
    tool_count: int = Field(ge=0, description="Tools with a contract in this group and currency.")
    contract_count: int = Field(ge=0, description="Contracts added up in `annual_cost`.")


class SpendTotal(BaseModel):
    """The annual cost of all the tenant's (filtered) contracts in one currency."""

    annual_cost: MoneySum
    tool_count: int = Field(ge=0, description="Tools with a contract in this currency.")
    contract_count: int = Field(ge=0)


class SpendReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "by": "category",
                    "status": None,
                    "rows": [
                        {
                            "key": "0b9a3a55-5b7c-4f0e-9a8e-2f3e4c1d2b10",
                            "label": "Data",
                            "annual_cost": {"amount_minor": 73500000, "currency": "USD"},
                            "tool_count": 12,
                            "contract_count": 12,
                        }
                    ],
                    "totals": [
                        {
                            "annual_cost": {"amount_minor": 286620000, "currency": "USD"},
                            "tool_count": 57,
                            "contract_count": 57,
                        }
                    ],
                    "tools_without_contract": 2,
                }
            ]
        }
    )

    by: SpendGroupBy
    status: ToolStatus | None = Field(description="The status filter applied, if any.")
    rows: list[SpendRow] = Field(
        description="One row per (group, currency), the largest amount first."
    )
    totals: list[SpendTotal] = Field(
        description="One entry per currency, the largest amount first. Each contract counts "
        "once here, even when `by=capability` counts it under several capabilities."
    )
    tools_without_contract: int = Field(
        ge=0, description="Tools (with the status filter) that have no contract at all."
    )


# Renewals


class RenewalRow(BaseModel):
    """A contract that renews, or whose notice deadline falls, in the window."""

    contract_id: uuid.UUID
    tool_id: uuid.UUID
    tool_name: str
    tool_status: ToolStatus
    renewal_date: date
    notice_period_days: int | None
    notice_deadline: date | None = Field(
        description="renewal_date minus notice_period_days; `null` when there is no notice period."
    )
    notice_passed: bool = Field(
        description="The notice deadline is before `as_of` (giving notice on the deadline day "
        "is still in time). Always false without a notice period."
    )
    days_to_notice_deadline: int | None = Field(
        description="notice_deadline minus as_of, in days (negative once passed)."
    )
    days_to_renewal: int = Field(ge=0, description="renewal_date minus as_of, in days.")
    auto_renew: bool
    annual_cost: Money


class RenewalsReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "as_of": "2026-12-01",
                    "within_days": 90,
                    "window_end": "2027-03-01",
                    "rows": [
                        {
                            "contract_id": "5d1f2c7e-6f7b-4a1d-8a52-6c0b9e3d4f21",
                            "tool_id": "3f0c1c5e-8a57-4a4e-9d38-6f8f0b0e4d11",
                            "tool_name": "Marketo Engage",
                            "tool_status": "active",
                            "renewal_date": "2027-01-15",
                            "notice_period_days": 60,
                            "notice_deadline": "2026-11-16",
                            "notice_passed": True,
                            "days_to_notice_deadline": -15,
                            "days_to_renewal": 45,
                            "auto_renew": True,
                            "annual_cost": {"amount_minor": 18500000, "currency": "USD"},
                        }
                    ],
                    "next_cursor": None,
                }
            ]
        }
    )

    as_of: date = Field(description="The day the report is computed for (`today` in UTC).")
    within_days: int
    window_end: date = Field(description="as_of plus within_days.")
    rows: list[RenewalRow] = Field(
        description="By notice deadline (the renewal date when there is no notice period), "
        "then renewal date and tool name."
    )
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page of rows; `null` on the last page."
    )


# Adoption


class AdoptionRow(BaseModel):
    """Seats purchased against seats in use for one tool."""

    tool_id: uuid.UUID
    tool_name: str
    tool_status: ToolStatus
    seats_purchased: int | None = Field(
        description="Seats purchased over the tool's contracts (`null` if no contract says)."
    )
    seats_active: int | None = Field(
        description="Seats active on the tool's latest licence-usage row (`null` if none)."
    )
    seats_active_as_of: date | None = Field(description="The date of that licence-usage row.")
    utilisation: float | None = Field(
        ge=0,
        description="seats_active / seats_purchased, to 4 decimals (above 1 when over-used); "
        "`null` when either is unknown or nothing was purchased.",
    )
    annual_cost: list[MoneySum] = Field(
        description="The annual cost of the tool's contracts, one entry per currency."
    )
    cost_per_active_seat: list[MoneySum] | None = Field(
        description="annual_cost / seats_active per currency, rounded to the nearest minor unit "
        "(halves up); `null` when there is no active seat."
    )


class AdoptionReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "rows": [
                        {
                            "tool_id": "3f0c1c5e-8a57-4a4e-9d38-6f8f0b0e4d11",
                            "tool_name": "Demandbase",
                            "tool_status": "active",
                            "seats_purchased": 20,
                            "seats_active": 5,
                            "seats_active_as_of": "2026-11-23",
                            "utilisation": 0.25,
                            "annual_cost": [{"amount_minor": 9000000, "currency": "USD"}],
                            "cost_per_active_seat": [{"amount_minor": 1800000, "currency": "USD"}],
                        }
                    ],
                    "next_cursor": None,
                }
            ]
        }
    )

    rows: list[AdoptionRow] = Field(
        description="The least used first (utilisation ascending, unknown last), then by name."
    )
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page of rows; `null` on the last page."
    )


# Returns


class OutcomeCounts(BaseModel):
    """Outcomes of the period per kind: the sum of their quantities."""

    lead: int = 0
    opportunity: int = 0
    revenue: int = 0
    retention: int = 0
    cost_saving: int = 0


class ReturnRow(BaseModel):
    """What one tool returned over the period against what it costs a year."""

    tool_id: uuid.UUID
    tool_name: str
    tool_status: ToolStatus
    outcomes: OutcomeCounts
    revenue: list[MoneySum] = Field(
        description="The amounts of the period's `revenue` outcomes, one entry per currency "
        "(empty when there is none)."
    )
    annual_cost: list[MoneySum] = Field(
        description="The annual cost of the tool's contracts, one entry per currency."
    )
    return_ratio: float | None = Field(
        ge=0,
        description="revenue / annual_cost to 4 decimals, when the cost is in one single "
        "currency, above zero, and the revenue is in that same currency or there is none "
        "(then 0). `null` otherwise: currencies are never converted. The cost is the annual "
        "cost, not prorated to the period.",
    )


class ReturnsReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "since": "2025-11-24",
                    "until": "2026-11-23",
                    "rows": [
                        {
                            "tool_id": "3f0c1c5e-8a57-4a4e-9d38-6f8f0b0e4d11",
                            "tool_name": "Drift",
                            "tool_status": "active",
                            "outcomes": {
                                "lead": 0,
                                "opportunity": 0,
                                "revenue": 0,
                                "retention": 0,
                                "cost_saving": 0,
                            },
                            "revenue": [],
                            "annual_cost": [{"amount_minor": 3000000, "currency": "USD"}],
                            "return_ratio": 0.0,
                        }
                    ],
                    "next_cursor": None,
                }
            ]
        }
    )

    since: date = Field(description="First day of the period (UTC), included.")
    until: date = Field(description="Last day of the period (UTC), included.")
    rows: list[ReturnRow] = Field(
        description="The lowest return first (return_ratio ascending, `null` last), then by name."
    )
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page of rows; `null` on the last page."
    )


# Stack reports: redundancy, integration coverage, removal impact


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
