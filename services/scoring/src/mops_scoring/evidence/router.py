"""`/v1/scoring/evidence-signals`: the catalogue of evidence a framework can use."""

from __future__ import annotations

from fastapi import APIRouter

from mops_scoring.deps import PrincipalDep
from mops_scoring.evidence.catalogue import SIGNALS
from mops_scoring.evidence.schemas import EvidenceSignalPage, EvidenceSignalRead
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.errors import ValidationFailed, problem_responses
from mops_shared.kit.pagination import (
    DEFAULT_LIMIT,
    CursorQuery,
    LimitQuery,
    decode_values,
    encode_values,
)

router = APIRouter(prefix="/v1/scoring/evidence-signals", tags=["scoring"])

# The catalogue is in code, so it is paged here rather than in SQL, by key.
_ORDER = "key"


@router.get(
    "",
    operation_id="scoring_list_evidence_signals",
    summary="List evidence signals",
    responses=problem_responses(401, 403, 422),
)
async def list_evidence_signals(
    principal: PrincipalDep, limit: LimitQuery = DEFAULT_LIMIT, cursor: CursorQuery = None
) -> EvidenceSignalPage:
    """Every signal a framework's evidence can name, with the services it is computed from
    and its formula, in key order, a page at a time like every list (the whole catalogue fits
    in the first page of the default size)."""
    signals = sorted(SIGNALS.values(), key=lambda s: s.key)
    if cursor is not None:
        (after,) = decode_values(_ORDER, cursor, 1)
        if not isinstance(after, str):
            raise ValidationFailed.at(
                ProblemLocation.query, "/cursor", "cursor is not valid for this list and sort"
            )
        signals = [signal for signal in signals if signal.key > after]
    page = signals[:limit]
    return EvidenceSignalPage(
        items=[
            EvidenceSignalRead(
                key=signal.key,
                name=signal.name,
                sources=list(signal.sources),
                unit=signal.unit,
                formula=signal.formula,
            )
            for signal in page
        ],
        next_cursor=encode_values(_ORDER, [page[-1].key]) if len(signals) > limit else None,
    )
