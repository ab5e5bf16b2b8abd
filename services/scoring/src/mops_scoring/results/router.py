"""Results: computed from a closed assessment (`POST /v1/scoring/assessments/{id}/results`),
read one by one, and listed as histories with deltas (`/v1/scoring/results`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_scoring.deps import InventoryClientDep, OrgClientDep, PrincipalDep, SessionDep
from mops_scoring.results import service
from mops_shared.errors import problem_responses
from mops_shared.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.schemas.scoring_results import ResultPage, ResultRead

RESULTS = "/v1/scoring/results"
router = APIRouter(tags=["scoring"])

COMMON_PROBLEMS = (401, 403, 422)


@router.post(
    "/v1/scoring/assessments/{assessment_id}/results",
    operation_id="scoring_compute_result",
    summary="Compute a result",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 503, 504),
)
async def compute_result(
    assessment_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    inventory: InventoryClientDep,
    allow_partial: Annotated[
        bool,
        Query(
            description="Compute even when the org or inventory service cannot answer: the "
            "evidence they would give is then missing and named, never zero."
        ),
    ] = False,
) -> ResultRead:
    """Scores a closed assessment (409 while open) with its framework version: every
    dimension from its respondents' answers and live evidence, quadrants and weak spots, the
    respondents' spread, and an explanation of every score. The evidence costs one call to
    the org service (its metrics) and one to the inventory (its evidence report), whatever the
    size of the tenant; 503/504 when either cannot answer, unless `allow_partial`. A result
    never changes: computing again makes a new one. Emits `assessment.completed`."""
    result = await service.compute_result(
        session, principal, assessment_id, org, inventory, allow_partial=allow_partial
    )
    response.headers["Location"] = f"{RESULTS}/{result.id}"
    return result


@router.get(
    f"{RESULTS}/{{result_id}}",
    operation_id="scoring_get_result",
    summary="Get a result",
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_result(
    result_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> ResultRead:
    return await service.get_result(session, principal, result_id)


@router.get(
    RESULTS,
    operation_id="scoring_list_results",
    summary="List results (histories)",
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_results(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[str, Query(description="`computed_at` or `-computed_at`.")] = "-computed_at",
    assessment_id: Annotated[uuid.UUID | None, Query(description="One assessment's.")] = None,
    framework_key: Annotated[str | None, Query(description="One framework's.")] = None,
    scope_unit_id: Annotated[uuid.UUID | None, Query(description="One unit's scope.")] = None,
    whole_tenant: Annotated[
        bool, Query(description="Only results whose scope is the whole tenant.")
    ] = False,
) -> ResultPage:
    """The tenant's results over time: each with its dimension scores and their change since
    the previous result of the same framework and scope (`deltas`, `previous_id`)."""
    return await service.history(
        session,
        principal,
        sort=resolve_sort(service.RESULT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
    )
