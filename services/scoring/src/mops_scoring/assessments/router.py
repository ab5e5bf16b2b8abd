"""`/v1/scoring/assessments`: assessments, their respondents and their responses."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_scoring.assessments import service
from mops_scoring.assessments.schemas import (
    AssessmentCreate,
    AssessmentPage,
    AssessmentRead,
    AssessmentSort,
    AssessmentStatus,
    AssessmentUpdate,
    RespondentPage,
    RespondentsAdd,
    RespondentSort,
    ResponsePage,
    ResponseRead,
    ResponseSort,
    ResponseSubmit,
)
from mops_scoring.deps import InventoryClientDep, OrgClientDep, PrincipalDep, ReadDep, SessionDep
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

ASSESSMENTS = "/v1/scoring/assessments"
router = APIRouter(prefix=ASSESSMENTS, tags=["scoring"])

COMMON_PROBLEMS = (401, 403, 422)


@router.post(
    "",
    operation_id="scoring_create_assessment",
    summary="Create an assessment",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 503, 504),
)
async def create_assessment(
    body: AssessmentCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    inventory: InventoryClientDep,
) -> AssessmentRead:
    """An open assessment of a framework version the tenant sees (422 at `/framework_id`
    otherwise) for the tenant or one org unit (checked with the org service), due on a date.
    A CX-efficiency assessment lists the processes to rate, with their inventory tools
    (checked with the inventory); other kinds list none. 503 when a service to check with
    cannot answer; nothing is written. Accepts `Idempotency-Key`."""
    created = await service.create_assessment(session, principal, body, org, inventory)
    response.headers["Location"] = f"{ASSESSMENTS}/{created.id}"
    return tagged(response, created)


@router.get(
    "",
    operation_id="scoring_list_assessments",
    summary="List assessments",
    response_model=AssessmentPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_assessments(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        AssessmentSort, Query(description="`created_at`, `-created_at`, `name` or `-name`.")
    ] = AssessmentSort.created_at_desc,
    status: Annotated[AssessmentStatus | None, Query(description="Only open or closed.")] = None,
    framework_id: Annotated[
        uuid.UUID | None, Query(description="Only assessments of this framework version.")
    ] = None,
) -> Response:
    """The tenant's assessments, a page at a time (cursor pagination)."""
    body = await service.read_assessments(
        conn,
        principal,
        sort=resolve_sort(service.ASSESSMENT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        status=status,
        framework_id=framework_id,
    )
    return json_response(body)


@router.get(
    "/{assessment_id}",
    operation_id="scoring_get_assessment",
    summary="Get an assessment",
    response_model=AssessmentRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_assessment(
    assessment_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """One assessment with its respondent and response counts; its ETag moves with every
    respondent added and response submitted."""
    body, version = await service.read_assessment(conn, principal, assessment_id)
    return json_response(body, version=version)


@router.patch(
    "/{assessment_id}",
    operation_id="scoring_update_assessment",
    summary="Update an assessment",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def update_assessment(
    assessment_id: uuid.UUID,
    body: AssessmentUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> AssessmentRead:
    """Changes the name, due date or marketing budget of an open assessment (409 once closed;
    412 if `If-Match` is stale). The framework version, scope and processes never change."""
    updated = await service.update_assessment(session, principal, assessment_id, body, if_match)
    return tagged(response, updated)


@router.post(
    "/{assessment_id}/close",
    operation_id="scoring_close_assessment",
    summary="Close an assessment",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def close_assessment(
    assessment_id: uuid.UUID,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> AssessmentRead:
    """Closes an open assessment: it takes no more respondents or responses (409 if already
    closed; 412 if `If-Match` is stale). Its result can then be computed."""
    closed = await service.close_assessment(session, principal, assessment_id, if_match)
    return tagged(response, closed)


@router.post(
    "/{assessment_id}/respondents",
    operation_id="scoring_add_respondents",
    summary="Add respondents",
    response_model=RespondentPage,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 503, 504),
)
async def add_respondents(
    assessment_id: uuid.UUID,
    body: RespondentsAdd,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
) -> Response:
    """Adds active people of the tenant's org (checked with the org service: 422 at
    `/person_ids/i` for an unknown or inactive one, 503 when it cannot answer) as respondents;
    people already respondents stay as they are. 409 once closed."""
    return json_response(
        await service.add_respondents(session, principal, assessment_id, body, org)
    )


@router.get(
    "/{assessment_id}/respondents",
    operation_id="scoring_list_respondents",
    summary="List respondents",
    response_model=RespondentPage,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def list_respondents(
    assessment_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        RespondentSort, Query(description="`added_at` or `-added_at`.")
    ] = RespondentSort.added_at,
) -> Response:
    """The respondents, each with whether they have responded."""
    body = await service.read_respondents(
        conn,
        principal,
        assessment_id,
        sort=resolve_sort(service.RESPONDENT_SORTS, sort),
        limit=limit,
        cursor=cursor,
    )
    return json_response(body)


@router.delete(
    "/{assessment_id}/respondents/{person_id}",
    operation_id="scoring_remove_respondent",
    summary="Remove a respondent",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409),
)
async def remove_respondent(
    assessment_id: uuid.UUID, person_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> Response:
    """Removes a respondent who has not responded (409 once they have, or once closed)."""
    await service.remove_respondent(session, principal, assessment_id, person_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/{assessment_id}/responses/{person_id}",
    operation_id="scoring_submit_response",
    summary="Submit a response",
    responses={
        **problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
        201: {"model": ResponseRead, "description": "The first response of this respondent."},
    },
)
async def submit_response(
    assessment_id: uuid.UUID,
    person_id: uuid.UUID,
    body: ResponseSubmit,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> ResponseRead:
    """A respondent's answers, whole: every answer a whole number on its question's scale,
    every required question answered (for each process, for per-process questions); each
    failure a 422 at its pointer, nothing written. The first response is a 201, a replacement
    a 200 (412 if `If-Match` is stale); 404 for someone who is not a respondent, 409 once the
    assessment is closed."""
    read, created = await service.submit_response(
        session, principal, assessment_id, person_id, body, if_match
    )
    if created:
        response.status_code = status.HTTP_201_CREATED
    response.headers["Location"] = f"{ASSESSMENTS}/{assessment_id}/responses/{person_id}"
    return tagged(response, read)


@router.get(
    "/{assessment_id}/responses/{person_id}",
    operation_id="scoring_get_response",
    summary="Get a response",
    response_model=ResponseRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_response(
    assessment_id: uuid.UUID, person_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """The respondent's answers as last submitted, with the ETag to send as `If-Match` when
    changing them; 404 when the person has not answered."""
    body, version = await service.read_response(conn, principal, assessment_id, person_id)
    return json_response(body, version=version)


@router.get(
    "/{assessment_id}/responses",
    operation_id="scoring_list_responses",
    summary="List responses",
    response_model=ResponsePage,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def list_responses(
    assessment_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        ResponseSort, Query(description="`submitted_at` or `-submitted_at`.")
    ] = ResponseSort.submitted_at,
) -> Response:
    """The responses submitted so far."""
    body = await service.read_responses(
        conn,
        principal,
        assessment_id,
        sort=resolve_sort(service.RESPONSE_SORTS, sort),
        limit=limit,
        cursor=cursor,
    )
    return json_response(body)
