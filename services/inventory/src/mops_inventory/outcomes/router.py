from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.deps import PrincipalDep, ReadDep, SessionDep
from mops_inventory.outcomes import service
from mops_inventory.outcomes.schemas import OutcomePage
from mops_shared.contracts.common import IsoAwareDateTime
from mops_shared.contracts.outcomes import OutcomeCreate, OutcomeKind, OutcomeRead, OutcomeSource
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/outcomes", tags=["inventory"])


@router.post(
    "",
    operation_id="inventory_record_outcome",
    summary="Record an outcome of a tool",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": OutcomeRead, "description": "Already recorded (same source and id)."},
        **problem_responses(401, 403, 409, 422),
    },
)
async def record_outcome(
    body: OutcomeCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> OutcomeRead:
    """Attributes a result to a tool. The same `external_id` from the same source is recorded
    once: sending it again answers 200 with the stored outcome (409 if the values differ)."""
    outcome, created = await service.record_outcome(session, principal, body)
    response.headers["Location"] = f"/v1/inventory/outcomes/{outcome.id}"
    if not created:
        response.status_code = status.HTTP_200_OK
    return outcome


@router.get(
    "",
    operation_id="inventory_list_outcomes",
    summary="List outcomes",
    response_model=OutcomePage,
    responses=problem_responses(401, 403, 422),
)
async def list_outcomes(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    tool_id: Annotated[uuid.UUID | None, Query(description="Only this tool's outcomes.")] = None,
    kind: Annotated[OutcomeKind | None, Query(description="Only this kind.")] = None,
    source: Annotated[OutcomeSource | None, Query(description="Only from this source.")] = None,
    since: Annotated[IsoAwareDateTime | None, Query(description="At or after.")] = None,
    until: Annotated[IsoAwareDateTime | None, Query(description="Before.")] = None,
) -> Response:
    """The tenant's outcomes, newest first."""
    body = await service.read_outcomes(
        conn,
        principal,
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
        kind=kind,
        source=source.value if source else None,
        since=since,
        until=until,
    )
    return json_response(body)


@router.get(
    "/{outcome_id}",
    operation_id="inventory_get_outcome",
    summary="Get an outcome",
    response_model=OutcomeRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_outcome(outcome_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One outcome."""
    return json_response(await service.read_outcome(conn, principal, outcome_id))
