from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_org.coordination import service
from mops_org.coordination.schemas import (
    CoordinationMechanismCreate,
    CoordinationMechanismPage,
    CoordinationMechanismRead,
    CoordinationMechanismSort,
    CoordinationMechanismUpdate,
)
from mops_org.deps import PrincipalDep, ReadDep, SessionDep
from mops_shared.contracts.org_metrics import CoordinationKind, IntegrationLevel
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/org/coordination-mechanisms", tags=["org"])

COMMON_PROBLEMS = (401, 403, 422)


@router.post(
    "",
    operation_id="org_create_coordination_mechanism",
    summary="Add a coordination mechanism",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_coordination_mechanism(
    body: CoordinationMechanismCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
) -> CoordinationMechanismRead:
    """Adds a way units coordinate — a meeting, forum, community of practice, standards,
    incentives, a formal process, an advisory board or a pilot — with its place on the
    integration continuum: `ad_hoc` (ad hoc meetings, forums and communities of practice at the
    least mature end) → `standardised` → `formalised` (formal management and business processes
    across functions at the most mature end). Names are unique in the tenant, without case; the
    owner and participating units must be the tenant's (422 with a pointer per bad id).
    Accepts `Idempotency-Key`."""
    mechanism = await service.create_mechanism(session, principal, body)
    response.headers["Location"] = f"/v1/org/coordination-mechanisms/{mechanism.id}"
    return tagged(response, mechanism)


@router.get(
    "",
    operation_id="org_list_coordination_mechanisms",
    summary="List coordination mechanisms",
    response_model=CoordinationMechanismPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_coordination_mechanisms(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        CoordinationMechanismSort, Query(description="`name` or `-name`.")
    ] = CoordinationMechanismSort.name,
    kind: Annotated[CoordinationKind | None, Query(description="Only of this kind.")] = None,
    level: Annotated[
        IntegrationLevel | None, Query(description="Only at this integration level.")
    ] = None,
    unit_id: Annotated[
        uuid.UUID | None,
        Query(description="Only the mechanisms this unit owns or takes part in."),
    ] = None,
) -> Response:
    """The tenant's coordination mechanisms by name, a page at a time (cursor pagination)."""
    body = await service.read_mechanisms(
        conn,
        principal,
        sort=resolve_sort(service.MECHANISM_SORTS, sort),
        limit=limit,
        cursor=cursor,
        kind=kind,
        level=level,
        unit_id=unit_id,
    )
    return json_response(body)


@router.get(
    "/{mechanism_id}",
    operation_id="org_get_coordination_mechanism",
    summary="Get a coordination mechanism",
    response_model=CoordinationMechanismRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_coordination_mechanism(
    mechanism_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """One coordination mechanism of the tenant, with its ETag."""
    body, version = await service.read_mechanism(conn, principal, mechanism_id)
    return json_response(body, version=version)


@router.patch(
    "/{mechanism_id}",
    operation_id="org_update_coordination_mechanism",
    summary="Change a coordination mechanism",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def update_coordination_mechanism(
    mechanism_id: uuid.UUID,
    body: CoordinationMechanismUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> CoordinationMechanismRead:
    """Changes the fields sent; `participating_unit_ids`, when sent, replace the participants.
    `cadence`, `description` and `owner_unit_id` may be null. A change that changes nothing
    keeps the version. Honours `If-Match`."""
    mechanism = await service.update_mechanism(session, principal, mechanism_id, body, if_match)
    return tagged(response, mechanism)


@router.delete(
    "/{mechanism_id}",
    operation_id="org_delete_coordination_mechanism",
    summary="Delete a coordination mechanism",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def delete_coordination_mechanism(
    mechanism_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a coordination mechanism and its participants. Honours `If-Match`."""
    await service.delete_mechanism(session, principal, mechanism_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
