"""`GET /v1/inventory/reports/evidence`: the inventory's figures for the scoring service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.reports_evidence.evidence import inventory_evidence
from mops_shared.contracts.money import CurrencyCode
from mops_shared.contracts.reports_evidence import InventoryEvidence
from mops_shared.kit.errors import problem_responses

router = APIRouter(tags=["inventory"])

EVIDENCE_DESCRIPTION = """\
Every inventory figure the scoring service computes its evidence signals from, in one response
whose cost does not grow with the number of tools (aggregates, not lists).

**Active** tools are the tools with status `active`, as in the stack reports. A tool's annual
cost is the spend report's (the `annual_cost` of all its contracts) in `currency` only: amounts
in other currencies are never converted, and the tools that have some are counted in
`tools_costed_in_other_currencies`. `currency` defaults to the currency in which the most active
tools have a contract (ties: alphabetical order). Each figure is defined in the response schema.

422 when `currency` is not an ISO 4217 code.
"""


@router.get(
    "/v1/inventory/reports/evidence",
    operation_id="inventory_get_evidence_report",
    summary="Every inventory figure the scoring service's evidence needs, in one call",
    description=EVIDENCE_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_evidence_report(
    session: SessionDep,
    principal: PrincipalDep,
    currency: Annotated[
        CurrencyCode | None,
        Query(
            description="The currency of the money figures (ISO 4217). Default: the one in "
            "which the most active tools have a contract."
        ),
    ] = None,
) -> InventoryEvidence:
    return await inventory_evidence(session, principal.tenant_id, currency)
