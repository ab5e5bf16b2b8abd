"""`/v1/scoring/evidence-signals`: the catalogue of evidence a framework can use."""

from __future__ import annotations

from fastapi import APIRouter

from mops_scoring.deps import PrincipalDep
from mops_scoring.evidence.catalogue import SIGNALS
from mops_shared.errors import problem_responses
from mops_shared.schemas.scoring import EvidenceSignalPage, EvidenceSignalRead

router = APIRouter(prefix="/v1/scoring/evidence-signals", tags=["scoring"])


@router.get(
    "",
    operation_id="scoring_list_evidence_signals",
    summary="List evidence signals",
    responses=problem_responses(401, 403),
)
async def list_evidence_signals(principal: PrincipalDep) -> EvidenceSignalPage:
    """Every signal a framework's evidence can name, with the services it is computed from
    and its formula; one page, in key order."""
    return EvidenceSignalPage(
        items=[
            EvidenceSignalRead(
                key=signal.key,
                name=signal.name,
                sources=list(signal.sources),
                unit=signal.unit,
                formula=signal.formula,
            )
            for signal in sorted(SIGNALS.values(), key=lambda s: s.key)
        ],
        next_cursor=None,
    )
