"""Wire model of `GET /v1/inventory/reports/evidence`: every inventory figure the scoring
service's evidence signals are computed from, in one response.

The scoring service makes a fixed number of calls whatever the tenant's size, so it reads these
aggregates rather than paging through tools. **Active** means status `active`, as in the stack
reports (`evaluating`, `sunsetting` and `retired` tools are not active). Money is in one
currency, `currency`, in its minor unit; amounts in other currencies are never converted, only
counted in `tools_costed_in_other_currencies`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

# Capability names containing one of these (compared without case) are citizen-development
# capabilities: tools that people outside IT build or wire things with.
CITIZEN_CAPABILITY_TERMS = (
    "low-code",
    "low code",
    "no-code",
    "no code",
    "apaas",
    "cms",
    "content management",
    "integration platform",
    "ipaas",
)

_TERMS = ", ".join(f'"{term}"' for term in CITIZEN_CAPABILITY_TERMS)
_SINCE = "00:00 UTC on the day 364 days before `as_of`'s date"
_COST = (
    "A tool's annual cost is the spend report's: the sum of `annual_cost` over all its "
    "contracts, in `currency` only."
)


class UnitEvidence(BaseModel):
    """The active tools one org unit answers for. A tool counts for one unit only: the unit
    of the first of its owner rows (in their order) that names a unit, whatever its role."""

    unit_id: uuid.UUID = Field(description="An org unit named as owner of active tools.")
    active_tools: int = Field(ge=0, description="Active tools counted for the unit.")
    annual_spend_minor: int = Field(
        ge=0, description=f"Their annual cost in `currency`, minor units. {_COST}"
    )
    tools_sharing_with_core: int = Field(
        ge=0, description="Of those tools, the ones with `shares_data_with_core` true."
    )


class InventoryEvidence(BaseModel):
    """The tenant's inventory in figures, for the scoring service's evidence signals."""

    as_of: datetime = Field(description="When the figures were computed (UTC).")
    currency: str | None = Field(
        description="The currency of every money figure: the one asked for, else the currency "
        "in which the most active tools have a contract (ties: alphabetical order); `null` "
        "when none was asked for and no active tool has a contract."
    )
    active_tools: int = Field(ge=0, description="Tools with status `active`.")
    annual_spend_minor: int = Field(
        ge=0,
        description=f"The active tools' annual cost in `currency`, minor units. {_COST}",
    )
    tools_costed_in_other_currencies: int = Field(
        ge=0,
        description="Active tools with at least one contract in a currency other than "
        "`currency`; their amounts in other currencies are in no money figure. A tool with "
        "contracts in `currency` too is counted here and its `currency` part is in the money.",
    )
    tools_without_cost: int = Field(ge=0, description="Active tools with no contract at all.")
    by_owner_unit: list[UnitEvidence] = Field(
        description="Per org unit named as owner of active tools, by `unit_id`. Tools whose "
        "owner rows name no unit are in none of these rows."
    )
    unowned_tools: int = Field(ge=0, description="Active tools with no owner row at all.")
    duplicated_capabilities: int = Field(
        ge=0, description="Capabilities held by two or more active tools."
    )
    capabilities_held: int = Field(
        default=0, ge=0, description="Capabilities held by at least one active tool."
    )
    redundant_spend_minor: int = Field(
        ge=0,
        description="The annual cost in `currency` of the active tools beyond the cheapest one "
        "in each capability: in every capability, the active tools with a cost in `currency` "
        "are ranked cheapest first (ties: by tool id); a tool is kept when it comes first in at "
        "least one of its capabilities, and redundant spend is the cost of the tools kept in "
        "none, each tool counted once. With one capability per tool it is, over the duplicated "
        "capabilities, their tools' cost minus their cheapest tool's. Never above "
        "`annual_spend_minor`.",
    )
    redundant_spend_beyond_main_minor: int = Field(
        default=0,
        ge=0,
        description="As `redundant_spend_minor`, but the tools of a capability ranked most "
        "expensive first (ties: by name, then id), as the redundancy report ranks them: the "
        "cost of consolidating onto the main platform of each capability, a suite one pays "
        "most for being kept, not counted as waste.",
    )
    has_customer_data_platform: bool = Field(
        description='Whether an active tool has the capability "Customer data platform" '
        "(compared without case): the core of the integration-coverage report."
    )
    personal_data_tools: int = Field(
        ge=0, description="Active tools with `processes_personal_data` true."
    )
    personal_data_tools_integrated_with_cdp: int = Field(
        ge=0,
        description="Of those, the ones with an integration of status `active`, in either "
        "direction, with an active customer-data platform tool; a customer-data platform that "
        "processes personal data counts itself.",
    )
    integrated_tools: int = Field(
        ge=0,
        description="Active tools with at least one integration of status `active`, in either "
        "direction, with another active tool.",
    )
    citizen_tools: int = Field(
        ge=0,
        description="Active tools with a citizen-development capability: a capability whose "
        f"name contains one of {_TERMS} (compared without case).",
    )
    citizen_seats_used: int = Field(
        ge=0,
        description="Over those tools, the seats active of each tool's latest licence-usage "
        "row (the adoption report's figure; none counts 0).",
    )
    citizen_seats_paid: int = Field(
        ge=0,
        description="Over those tools, the seats purchased over their contracts (the adoption "
        "report's figure; none stated counts 0).",
    )
    added_last_12_months: int = Field(
        ge=0,
        description="Tools, whatever their status now, that came into use in the last 365 days "
        f"(since {_SINCE}, up to `as_of`'s date): by their `in_use_since`, else by the "
        "earliest `term_start` of their contracts. Never by the day a tool was recorded: an "
        "import records a whole stack in one day.",
    )
    active_tools_undated: int = Field(
        default=0,
        ge=0,
        description="Active tools with no date they came into use (no `in_use_since`, no "
        "contract with a `term_start`): `added_last_12_months` cannot count them.",
    )
    retired_last_12_months: int = Field(
        ge=0,
        description="Tools retired now whose status history records a change from another "
        f"status to `retired` in the last 365 days (since {_SINCE}): a tool recorded as retired "
        "from the start is not a retirement seen.",
    )
    measured_spend_minor: int = Field(
        ge=0,
        description="The annual cost in `currency` of the active tools with at least one "
        f"outcome (of any kind) that occurred in the last 365 days: since {_SINCE}, up to the "
        f"end of `as_of`'s date (the returns report's default period). {_COST}",
    )
