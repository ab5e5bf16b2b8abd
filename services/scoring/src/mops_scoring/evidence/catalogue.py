"""The evidence signals a framework can use: what each measures, from which service's live
data, and how its raw value is computed. A framework names a signal by key; the computing
lives beside this catalogue, one function per signal."""

from __future__ import annotations

from dataclasses import dataclass

from mops_scoring.frameworks.schemas import EvidenceSource

_INVENTORY = (EvidenceSource.inventory,)
_ORG = (EvidenceSource.org,)
_BOTH = (EvidenceSource.inventory, EvidenceSource.org)


@dataclass(frozen=True)
class Signal:
    key: str
    name: str
    sources: tuple[EvidenceSource, ...]
    unit: str  # "share" (0-1), "count", "level" (0-1)
    formula: str
    # Under a document's `evidence_rules` 2, where the computation differs (compute.py).
    formula_rules_2: str | None = None


SIGNALS: dict[str, Signal] = {
    signal.key: signal
    for signal in (
        Signal(
            "central_platform_spend_share",
            "Spend on centrally owned platforms",
            _BOTH,
            "share",
            "Annual cost of the active tools whose owner unit (the first unit among their "
            "owners) is central, that is neither a business unit nor a region nor below one, "
            "divided by the annual cost of all active tools, in one currency.",
        ),
        Signal(
            "redundant_spend_share",
            "Money in redundant capabilities",
            _INVENTORY,
            "share",
            "Annual cost of the tools beyond the cheapest one in each capability bought two or "
            "more times, divided by the annual cost of all active tools.",
            "Annual cost of the tools beyond the main (most expensive) one in each capability "
            "bought two or more times, as the redundancy report ranks them, divided by the "
            "annual cost of all active tools.",
        ),
        Signal(
            "cdp_personal_data_coverage",
            "Customer-data platform connected to personal data",
            _INVENTORY,
            "share",
            "Share of the active tools that process personal data and are integrated, either "
            "way, with an active customer-data platform (0 without such a platform).",
            "Share of the active tools that process personal data and are integrated, either "
            "way, with an active customer-data platform; missing without such a platform.",
        ),
        Signal(
            "integration_coverage",
            "Integration coverage",
            _INVENTORY,
            "share",
            "Share of the active tools with at least one active integration to another tool.",
        ),
        Signal(
            "edge_core_sharing",
            "Edge tools that share data with the core",
            _BOTH,
            "share",
            "Share of the active tools whose owner unit (the first unit among their owners) "
            "is on the edge, a business unit or a region or below one, that share data with "
            "the core.",
        ),
        Signal(
            "citizen_tool_adoption",
            "Citizen-development tools in use",
            _INVENTORY,
            "share",
            "Seats in use divided by seats paid for, over the active tools with a "
            "citizen-development capability (low-code, no-code, aPaaS, CMS, integration "
            "platform); 0 without such a tool.",
            "Seats in use divided by seats paid for, over the active tools with a "
            "citizen-development capability (low-code, no-code, aPaaS, CMS, integration "
            "platform); missing without such a tool.",
        ),
        Signal(
            "training_coverage",
            "Training coverage",
            _ORG,
            "share",
            "Share of the active people with tools who completed a training wave on every one "
            "of them (the org metrics' training coverage).",
        ),
        Signal(
            "raci_completeness",
            "RACI completeness",
            _ORG,
            "share",
            "Share of the activities of the tenant's RACI matrices without a violation (0 "
            "without a matrix).",
            "Share of the activities of the tenant's RACI matrices without a violation; "
            "missing without an activity.",
        ),
        Signal(
            "coordination_maturity",
            "Coordination maturity",
            _ORG,
            "level",
            "Mean level of the coordination mechanisms on the integration continuum, ad hoc "
            "counting 0, standardised 0.5 and formalised 1 (0 without a mechanism).",
            "Mean level of the coordination mechanisms on the integration continuum, ad hoc "
            "counting 0, standardised 0.5 and formalised 1; missing without a mechanism.",
        ),
        Signal(
            "stack_change_12_months",
            "Stack change over the last 12 months",
            _INVENTORY,
            "share",
            "Tools that came into use (by their in_use_since, else their first contract's "
            "term_start) plus tools retired in the last 12 months, divided by the active "
            "tools; missing when no active tool is dated and none was retired.",
        ),
        Signal(
            "danger_process_share",
            "Processes in the danger quadrant",
            (EvidenceSource.scoring,),
            "share",
            "Share of the processes of the tenant's latest CX-efficiency result that are "
            "efficient for the company only (missing, and named, without such a result).",
        ),
        Signal(
            "martech_budget_share",
            "Martech share of the marketing budget",
            _INVENTORY,
            "share",
            "Annual cost of the active tools divided by the marketing budget the assessment "
            "states (Gartner measured 29 % in 2018; missing, and named, when none is stated).",
        ),
        Signal(
            "measured_spend_share",
            "Spend with a measured return",
            _INVENTORY,
            "share",
            "Annual cost of the active tools with at least one recorded outcome in the last 12 "
            "months, divided by the annual cost of all active tools.",
        ),
        Signal(
            "unowned_tool_share",
            "Tools with no accountable owner",
            _INVENTORY,
            "share",
            "Share of the active tools with neither an owner unit nor an owning person.",
        ),
        Signal(
            "duplicated_capabilities",
            "Capabilities bought more than once",
            _INVENTORY,
            "count",
            "Number of capabilities held by two or more active tools.",
        ),
        Signal(
            "duplicated_capability_share",
            "Share of capabilities bought more than once",
            _INVENTORY,
            "share",
            "Capabilities held by two or more active tools, divided by the capabilities held by "
            "any active tool: a count any large stack saturates, as a share it compares.",
        ),
        Signal(
            "purchase_without_raci",
            "Purchases with no RACI",
            _ORG,
            "share",
            "1 when no RACI activity of kind `purchase` (buying a tool, or approving one a "
            "team brings) is free of violations, else 0.",
            "1 when no RACI activity of kind `purchase` (buying a tool, or approving one a "
            "team brings) is free of violations, else 0; missing when the tenant's RACI "
            "matrices have no activity at all.",
        ),
    )
}
