"""Evidence signals computed from live data: the org metrics and the inventory's evidence
report, each fetched once per result whatever the size of the tenant, and the tenant's latest
CX-efficiency result from this service's own database.

A signal that cannot be computed (its source did not answer and a partial result was asked
for, or its data does not exist) has no value and says why. Under a document's
`evidence_rules` 1 a few signals still count missing data as a figure, as they did when the
versions computed with them were made (`frameworks.schemas` lists them); rules 2 computes
those by `_COMPUTE_RULES_2`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mops_scoring.evidence.catalogue import SIGNALS
from mops_scoring.frameworks.schemas import EvidenceRules, EvidenceSource, FrameworkDocument
from mops_scoring.results.schemas import EvidenceValue
from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.contracts.money import Money
from mops_shared.contracts.org_metrics import OrgMetrics
from mops_shared.contracts.reports_evidence import InventoryEvidence
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import GatewayTimeout, ServiceUnavailable

Basis = dict[str, float | int | str | None]


@dataclass(frozen=True)
class DangerShare:
    """The processes of the tenant's latest CX-efficiency result, and how many are in danger."""

    processes: int
    danger: int


@dataclass(frozen=True)
class Sources:
    """What the signals are computed from; None where a source could not be asked."""

    org: OrgMetrics | None
    inventory: InventoryEvidence | None
    budget: Money | None
    danger: DangerShare | None
    unavailable: frozenset[EvidenceSource]


class Missing(Exception):
    """A signal without a value, and why."""


def sources_needed(document: FrameworkDocument) -> set[EvidenceSource]:
    return {source for item in document.evidence for source in item.sources}


async def fetch(
    document: FrameworkDocument,
    principal: Principal,
    org: OrgClient,
    inventory: InventoryClient,
    *,
    budget: Money | None,
    danger: DangerShare | None,
    allow_partial: bool,
) -> Sources:
    """At most one call to each service the document's evidence needs, both at once. A
    service that cannot answer is a 503/504 problem, unless `allow_partial`: then it is named
    in `unavailable`."""
    needed = sources_needed(document)

    async def ask_org() -> OrgMetrics | None:
        if EvidenceSource.org not in needed:
            return None
        return await org.metrics(principal, allow_partial=allow_partial)

    async def ask_inventory() -> InventoryEvidence | None:
        if EvidenceSource.inventory not in needed:
            return None
        # Money figures in the budget's currency, so that the two compare.
        return await inventory.evidence(principal, currency=budget.currency if budget else None)

    results = await asyncio.gather(ask_org(), ask_inventory(), return_exceptions=True)
    unavailable: set[EvidenceSource] = set()
    fetched: list[object] = []
    for source, outcome in zip(
        (EvidenceSource.org, EvidenceSource.inventory), results, strict=True
    ):
        if isinstance(outcome, ServiceUnavailable | GatewayTimeout) and allow_partial:
            unavailable.add(source)
            fetched.append(None)
        elif isinstance(outcome, BaseException):
            raise outcome
        else:
            fetched.append(outcome)
    org_metrics, inventory_evidence = fetched
    assert org_metrics is None or isinstance(org_metrics, OrgMetrics)
    assert inventory_evidence is None or isinstance(inventory_evidence, InventoryEvidence)
    return Sources(
        org=org_metrics,
        inventory=inventory_evidence,
        budget=budget,
        danger=danger,
        unavailable=frozenset(unavailable),
    )


def evidence_values(document: FrameworkDocument, sources: Sources) -> dict[str, EvidenceValue]:
    """The value of every signal the document names, by signal key."""
    values: dict[str, EvidenceValue] = {}
    for item in document.evidence:
        if item.signal in values:
            continue
        signal = SIGNALS[item.signal]
        basis: Basis = {}
        raw: float | None = None
        missing: str | None = None
        down = [s for s in signal.sources if s in sources.unavailable]
        if down:
            missing = f"the {' and '.join(s.value for s in down)} service could not be asked"
        else:
            compute = (
                _COMPUTE_RULES_2.get(item.signal)
                if document.evidence_rules == EvidenceRules.missing_named
                else None
            ) or _COMPUTE[item.signal]
            try:
                raw = compute(sources, basis)
            except Missing as reason:
                missing = str(reason)
        values[item.signal] = EvidenceValue(
            signal=signal.key,
            name=signal.name,
            sources=list(signal.sources),
            unit=signal.unit,
            raw=None if raw is None else round(raw, 6),
            basis=basis,
            missing=missing,
        )
    return values


# --- one function per signal ---------------------------------------------------------------


def _inv(sources: Sources) -> InventoryEvidence:
    if sources.inventory is None:
        raise Missing("the inventory was not asked")
    return sources.inventory


def _org(sources: Sources) -> OrgMetrics:
    if sources.org is None:
        raise Missing("the org service was not asked")
    return sources.org


def _share(part: float, whole: float, empty: str) -> float:
    if not whole:
        raise Missing(empty)
    return part / whole


def _spend(inventory: InventoryEvidence, basis: Basis) -> int:
    basis["currency"] = inventory.currency
    basis["annual_spend_minor"] = inventory.annual_spend_minor
    basis["tools_costed_in_other_currencies"] = inventory.tools_costed_in_other_currencies
    return inventory.annual_spend_minor


_NO_SPEND = "no active tool has a cost in this currency"
_NO_TOOLS = "the tenant has no active tool"


def _central_platform_spend_share(sources: Sources, basis: Basis) -> float:
    inventory, org = _inv(sources), _org(sources)
    # The company's central platforms: those of central marketing and those the other central
    # functions run for it (the data platform IT runs is a central platform).
    central = set(org.unit_sides.central) | set(org.unit_sides.outside)
    spend = sum(u.annual_spend_minor for u in inventory.by_owner_unit if u.unit_id in central)
    basis["central_spend_minor"] = spend
    return _share(spend, _spend(inventory, basis), _NO_SPEND)


def _redundant_spend_share(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["redundant_spend_minor"] = inventory.redundant_spend_minor
    return _share(inventory.redundant_spend_minor, _spend(inventory, basis), _NO_SPEND)


def _cdp_personal_data_coverage(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["personal_data_tools"] = inventory.personal_data_tools
    basis["integrated_with_cdp"] = inventory.personal_data_tools_integrated_with_cdp
    basis["has_customer_data_platform"] = str(inventory.has_customer_data_platform).lower()
    if not inventory.has_customer_data_platform:
        return 0.0
    return _share(
        inventory.personal_data_tools_integrated_with_cdp,
        inventory.personal_data_tools,
        "no active tool processes personal data",
    )


def _integration_coverage(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["integrated_tools"] = inventory.integrated_tools
    basis["active_tools"] = inventory.active_tools
    return _share(inventory.integrated_tools, inventory.active_tools, _NO_TOOLS)


def _edge_core_sharing(sources: Sources, basis: Basis) -> float:
    inventory, org = _inv(sources), _org(sources)
    edge = set(org.unit_sides.edge)
    owned = [u for u in inventory.by_owner_unit if u.unit_id in edge]
    tools = sum(u.active_tools for u in owned)
    sharing = sum(u.tools_sharing_with_core for u in owned)
    basis["edge_tools"] = tools
    basis["edge_tools_sharing_with_core"] = sharing
    return _share(sharing, tools, "no active tool is owned by an edge unit")


def _citizen_tool_adoption(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["citizen_tools"] = inventory.citizen_tools
    basis["seats_used"] = inventory.citizen_seats_used
    basis["seats_paid"] = inventory.citizen_seats_paid
    if not inventory.citizen_tools:
        return 0.0
    return _share(
        inventory.citizen_seats_used,
        inventory.citizen_seats_paid,
        "no seats are recorded for the citizen-development tools",
    )


def _training_coverage(sources: Sources, basis: Basis) -> float:
    training = _org(sources).training
    if training is None:
        raise Missing("the org service could not ask the inventory whose tools people use")
    basis["people_with_tools"] = training.people_with_tools
    basis["people_covered"] = training.people_covered
    if training.coverage is None:
        raise Missing("no active person owns or uses a tool")
    return training.coverage


def _raci_completeness(sources: Sources, basis: Basis) -> float:
    raci = _org(sources).raci
    basis["activities"] = raci.activities
    basis["complete_activities"] = raci.complete_activities
    return raci.completeness or 0.0


def _coordination_maturity(sources: Sources, basis: Basis) -> float:
    coordination = _org(sources).coordination
    basis["mechanisms"] = coordination.mechanisms
    return coordination.maturity or 0.0


def _stack_change_12_months(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["added"] = inventory.added_last_12_months
    basis["retired"] = inventory.retired_last_12_months
    basis["active_tools"] = inventory.active_tools
    basis["active_tools_undated"] = inventory.active_tools_undated
    if (
        inventory.active_tools
        and inventory.active_tools_undated == inventory.active_tools
        and not inventory.retired_last_12_months
    ):
        # Nothing says when any tool came into use: a change of 0 would be a guess.
        raise Missing(
            "no active tool has a date it came into use (in_use_since, or a contract's "
            "term_start), and none was retired in the last 12 months"
        )
    changed = inventory.added_last_12_months + inventory.retired_last_12_months
    return _share(changed, inventory.active_tools, _NO_TOOLS)


def _danger_process_share(sources: Sources, basis: Basis) -> float:
    if sources.danger is None:
        raise Missing("the tenant has no CX-efficiency result yet")
    basis["processes"] = sources.danger.processes
    basis["danger"] = sources.danger.danger
    return _share(sources.danger.danger, sources.danger.processes, "no process was rated")


def _martech_budget_share(sources: Sources, basis: Basis) -> float:
    if sources.budget is None:
        raise Missing("the assessment states no marketing budget")
    inventory = _inv(sources)
    basis["budget_minor"] = sources.budget.amount_minor
    spend = _spend(inventory, basis) if inventory.currency == sources.budget.currency else 0
    basis["currency"] = sources.budget.currency
    return _share(spend, sources.budget.amount_minor, "the marketing budget is zero")


def _measured_spend_share(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["measured_spend_minor"] = inventory.measured_spend_minor
    return _share(inventory.measured_spend_minor, _spend(inventory, basis), _NO_SPEND)


def _unowned_tool_share(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["unowned_tools"] = inventory.unowned_tools
    basis["active_tools"] = inventory.active_tools
    return _share(inventory.unowned_tools, inventory.active_tools, _NO_TOOLS)


def _duplicated_capabilities(sources: Sources, basis: Basis) -> float:
    count = _inv(sources).duplicated_capabilities
    basis["duplicated_capabilities"] = count
    return float(count)


def _duplicated_capability_share(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["duplicated_capabilities"] = inventory.duplicated_capabilities
    basis["capabilities_held"] = inventory.capabilities_held
    return _share(
        inventory.duplicated_capabilities,
        inventory.capabilities_held,
        "no active tool has a capability",
    )


def _purchase_without_raci(sources: Sources, basis: Basis) -> float:
    raci = _org(sources).raci
    basis["purchase_activities"] = raci.purchase_activities
    basis["complete_purchase_activities"] = raci.complete_purchase_activities
    return 0.0 if raci.complete_purchase_activities else 1.0


_COMPUTE: Mapping[str, Callable[[Sources, Basis], float]] = {
    "central_platform_spend_share": _central_platform_spend_share,
    "redundant_spend_share": _redundant_spend_share,
    "cdp_personal_data_coverage": _cdp_personal_data_coverage,
    "integration_coverage": _integration_coverage,
    "edge_core_sharing": _edge_core_sharing,
    "citizen_tool_adoption": _citizen_tool_adoption,
    "training_coverage": _training_coverage,
    "raci_completeness": _raci_completeness,
    "coordination_maturity": _coordination_maturity,
    "stack_change_12_months": _stack_change_12_months,
    "danger_process_share": _danger_process_share,
    "martech_budget_share": _martech_budget_share,
    "measured_spend_share": _measured_spend_share,
    "unowned_tool_share": _unowned_tool_share,
    "duplicated_capabilities": _duplicated_capabilities,
    "duplicated_capability_share": _duplicated_capability_share,
    "purchase_without_raci": _purchase_without_raci,
}


# --- rules 2: missing data named, redundancy against the main platform ---------------------------


def _redundant_spend_beyond_main_share(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    basis["redundant_spend_minor"] = inventory.redundant_spend_beyond_main_minor
    return _share(inventory.redundant_spend_beyond_main_minor, _spend(inventory, basis), _NO_SPEND)


def _cdp_personal_data_coverage_named(sources: Sources, basis: Basis) -> float:
    inventory = _inv(sources)
    if not inventory.has_customer_data_platform:
        basis["personal_data_tools"] = inventory.personal_data_tools
        basis["has_customer_data_platform"] = "false"
        raise Missing(
            "no active tool is a customer data platform: coverage by one cannot be measured"
        )
    return _cdp_personal_data_coverage(sources, basis)


def _citizen_tool_adoption_named(sources: Sources, basis: Basis) -> float:
    if not _inv(sources).citizen_tools:
        basis["citizen_tools"] = 0
        raise Missing("no active citizen-development tool (low-code, iPaaS, web CMS, forms)")
    return _citizen_tool_adoption(sources, basis)


_NO_RACI = "no RACI matrix of the tenant has an activity"


def _raci_completeness_named(sources: Sources, basis: Basis) -> float:
    raci = _org(sources).raci
    basis["activities"] = raci.activities
    basis["complete_activities"] = raci.complete_activities
    if raci.completeness is None:
        raise Missing(_NO_RACI)
    return raci.completeness


def _coordination_maturity_named(sources: Sources, basis: Basis) -> float:
    coordination = _org(sources).coordination
    basis["mechanisms"] = coordination.mechanisms
    if coordination.maturity is None:
        raise Missing("no coordination mechanism is recorded")
    return coordination.maturity


def _purchase_without_raci_named(sources: Sources, basis: Basis) -> float:
    if not _org(sources).raci.activities:
        basis["purchase_activities"] = 0
        raise Missing(_NO_RACI)
    return _purchase_without_raci(sources, basis)


_COMPUTE_RULES_2: Mapping[str, Callable[[Sources, Basis], float]] = {
    "redundant_spend_share": _redundant_spend_beyond_main_share,
    "cdp_personal_data_coverage": _cdp_personal_data_coverage_named,
    "citizen_tool_adoption": _citizen_tool_adoption_named,
    "raci_completeness": _raci_completeness_named,
    "coordination_maturity": _coordination_maturity_named,
    "purchase_without_raci": _purchase_without_raci_named,
}
