"""`/v1/scoring/plans`: transformation plans, and drafts proposed from results."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_scoring.deps import InventoryClientDep, OrgClientDep, PrincipalDep, ReadDep, SessionDep
from mops_scoring.plans import service
from mops_scoring.plans.schemas import (
    PlanCreate,
    PlanPage,
    PlanRead,
    PlanSort,
    PlanStatus,
    PlanUpdate,
)
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

PLANS = "/v1/scoring/plans"
router = APIRouter(tags=["scoring"])

COMMON_PROBLEMS = (401, 403, 422)
CHECKS = (
    "Objectives must name an existing goal (by index) and a target that differs from the "
    "baseline; the result must be the tenant's; each stage's RACI matrix is checked with the "
    "org service and its martech gap's scenario with the inventory, whose diff at that stage "
    "is stored with the plan (503 when either cannot be asked). Any failure is a 422 naming "
    "each at its pointer, and nothing is written."
)


@router.post(
    PLANS,
    operation_id="scoring_create_plan",
    summary="Create a plan",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 503, 504),
    description=f"A transformation plan of the tenant. {CHECKS} Accepts `Idempotency-Key`.",
)
async def create_plan(
    body: PlanCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    inventory: InventoryClientDep,
) -> PlanRead:
    created = await service.create_plan(session, principal, body, org, inventory)
    response.headers["Location"] = f"{PLANS}/{created.id}"
    return tagged(response, created)


@router.post(
    "/v1/scoring/results/{result_id}/plan-draft",
    operation_id="scoring_draft_plan",
    summary="Draft a plan from a result",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 503, 504),
)
async def draft_plan(
    result_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    inventory: InventoryClientDep,
) -> PlanRead:
    """Writes a `draft` plan proposed from the result's weak quadrants (weakest first) and
    centre, the latest readiness verdict and the latest CX-efficiency danger processes of the
    same scope: a goal for each with measurable objectives (the weak scores and evidence to
    their targets), the barriers the evidence shows with change strategies, and a stage per
    goal with its skills and their sources and a target operating model. Edit it with PATCH.
    Accepts `Idempotency-Key`."""
    created = await service.create_draft(session, principal, result_id, org, inventory)
    response.headers["Location"] = f"{PLANS}/{created.id}"
    return tagged(response, created)


@router.get(
    PLANS,
    operation_id="scoring_list_plans",
    summary="List plans",
    response_model=PlanPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_plans(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        PlanSort, Query(description="`created_at`, `-created_at`, `name` or `-name`.")
    ] = PlanSort.created_at_desc,
    status: Annotated[PlanStatus | None, Query(description="Only drafts or adopted.")] = None,
    result_id: Annotated[uuid.UUID | None, Query(description="Only plans of a result.")] = None,
) -> Response:
    """The tenant's plans, newest first by default, optionally only drafts or adopted ones, or
    only those answering one result."""
    body = await service.read_plans(
        conn,
        principal,
        sort=resolve_sort(service.PLAN_SORTS, sort),
        limit=limit,
        cursor=cursor,
        status=status,
        result_id=result_id,
    )
    return json_response(body)


@router.get(
    f"{PLANS}/{{plan_id}}",
    operation_id="scoring_get_plan",
    summary="Get a plan",
    response_model=PlanRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_plan(plan_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One plan with its stages (each martech gap with the scenario's diff as the inventory gave
    it when the plan was last written), and the ETag to send as `If-Match` when changing it."""
    body, version = await service.read_plan(conn, principal, plan_id)
    return json_response(body, version=version)


@router.patch(
    f"{PLANS}/{{plan_id}}",
    operation_id="scoring_update_plan",
    summary="Update a plan",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412, 503, 504),
    description="Replaces the top-level fields given (a list is replaced whole); 412 if "
    f"`If-Match` is stale. The whole plan is checked again: {CHECKS} Emits `plan.updated`.",
)
async def update_plan(
    plan_id: uuid.UUID,
    body: PlanUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    inventory: InventoryClientDep,
    if_match: IfMatch = None,
) -> PlanRead:
    updated = await service.update_plan(session, principal, plan_id, body, if_match, org, inventory)
    return tagged(response, updated)


@router.delete(
    f"{PLANS}/{{plan_id}}",
    operation_id="scoring_delete_plan",
    summary="Delete a plan",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 412),
)
async def delete_plan(
    plan_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Deletes the plan; with `If-Match`, only if it has not changed since (412 otherwise)."""
    await service.delete_plan(session, principal, plan_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
