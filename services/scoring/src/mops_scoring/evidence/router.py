"""`/v1/scoring/evidence-signals`: the catalogue of evidence a framework can use."""

from __future__ import annotations

from fastapi import APIRouter, Response

from mops_scoring.deps import PrincipalDep
from mops_scoring.evidence import service
from mops_scoring.evidence.schemas import EvidenceSignalPage
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/scoring/evidence-signals", tags=["scoring"])


@router.get(
    "",
    operation_id="scoring_list_evidence_signals",
    summary="List evidence signals",
    response_model=EvidenceSignalPage,
    responses=problem_responses(401, 403, 422),
)
async def list_evidence_signals(
    principal: PrincipalDep, limit: LimitQuery = DEFAULT_LIMIT, cursor: CursorQuery = None
) -> Response:
    """Every signal a framework's evidence can name, with the services it is computed from
    and its formula, in key order, a page at a time like every list (the whole catalogue fits
    in the first page of the default size)."""
    return json_response(service.read_signals(limit, cursor))
