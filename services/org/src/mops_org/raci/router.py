from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_org.deps import PrincipalDep, ReadDep, SessionDep
from mops_org.raci import service
from mops_org.raci.schemas import (
    RaciMatrixCreate,
    RaciMatrixPage,
    RaciMatrixSort,
    RaciMatrixUpdate,
    RaciValidation,
)
from mops_shared.contracts.org_raci import RaciMatrixRead
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/org/raci-matrices", tags=["org"])

COMMON_PROBLEMS = (401, 403, 422)


@router.post(
    "",
    operation_id="org_create_raci_matrix",
    summary="Add a RACI matrix",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_raci_matrix(
    body: RaciMatrixCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> RaciMatrixRead:
    """Adds a matrix of activities by assignees (roles, units or people) with R, A, C or I.
    Names are unique in the tenant, without case; activity names unique in the matrix; an
    assignee has each letter at most once per activity; every assignee must be a role the
    tenant sees (built-in or its own), or one of its units or people — otherwise 422 with a
    pointer such as `/activities/3/assignments/1/assignee_id`. A matrix that breaks the RACI
    rules is stored all the same, with `valid: false` (see the validation endpoint). Accepts
    `Idempotency-Key`."""
    matrix = await service.create_matrix(session, principal, body)
    response.headers["Location"] = f"/v1/org/raci-matrices/{matrix.id}"
    return tagged(response, matrix)


@router.get(
    "",
    operation_id="org_list_raci_matrices",
    summary="List RACI matrices",
    response_model=RaciMatrixPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_raci_matrices(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[RaciMatrixSort, Query(description="`name` or `-name`.")] = RaciMatrixSort.name,
    valid: Annotated[
        bool | None,
        Query(description="Only the matrices that follow every rule (or only those that do not)."),
    ] = None,
) -> Response:
    """The tenant's matrices by name, a page at a time (cursor pagination), each with `valid`
    and `violation_count` as of this read."""
    body = await service.read_matrices(
        conn,
        principal,
        sort=resolve_sort(service.MATRIX_SORTS, sort),
        limit=limit,
        cursor=cursor,
        valid=valid,
    )
    return json_response(body)


@router.get(
    "/{matrix_id}",
    operation_id="org_get_raci_matrix",
    summary="Get a RACI matrix",
    response_model=RaciMatrixRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_raci_matrix(matrix_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One matrix of the tenant with `valid` and `violation_count`, and its ETag."""
    body, version = await service.read_matrix(conn, principal, matrix_id)
    return json_response(body, version=version)


@router.get(
    "/{matrix_id}/validation",
    operation_id="org_validate_raci_matrix",
    summary="Validate a RACI matrix",
    response_model=RaciValidation,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def validate_raci_matrix(
    matrix_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """Every violation of the RACI rules, each naming its activity. Per activity: exactly one
    A (`no_accountable`, `several_accountable`); at least one R (`no_responsible`); no
    assignee both A and R unless the matrix allows it (`accountable_and_responsible`); a
    `data` activity must involve legal as C or A (`data_without_legal`) — legal is a role
    marked `legal` (Privacy Counsel among the built-in ones), a person holding such a role, or
    a unit with an active person holding one; and every assignee must still exist
    (`unknown_assignee`; an assignee that no longer exists counts for no other rule)."""
    return json_response(await service.read_validation(conn, principal, matrix_id))


@router.patch(
    "/{matrix_id}",
    operation_id="org_update_raci_matrix",
    summary="Change a RACI matrix",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def update_raci_matrix(
    matrix_id: uuid.UUID,
    body: RaciMatrixUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> RaciMatrixRead:
    """Changes the fields sent; `activities`, when sent, replace the matrix's activities
    wholesale (checked as on create). A change that changes nothing keeps the version.
    Honours `If-Match`."""
    matrix = await service.update_matrix(session, principal, matrix_id, body, if_match)
    return tagged(response, matrix)


@router.delete(
    "/{matrix_id}",
    operation_id="org_delete_raci_matrix",
    summary="Delete a RACI matrix",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def delete_raci_matrix(
    matrix_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a matrix. Honours `If-Match`."""
    await service.delete_matrix(session, principal, matrix_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
