from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import StringConstraints

from mops_org.deps import PrincipalDep, ReadDep, SessionDep
from mops_org.people import service
from mops_org.people.schemas import MAX_EMAIL, PersonCreate, PersonSort, PersonUpdate
from mops_shared.contracts.org import PersonPage, PersonRead, email_key
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import MAX_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/org/people", tags=["org"])

COMMON_PROBLEMS = (401, 403, 422)

# A batch lookup asked with the largest limit fits in one page: it never needs a cursor.
MAX_BATCH = MAX_LIMIT


@router.post(
    "",
    operation_id="org_create_person",
    summary="Add a person",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_person(
    body: PersonCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> PersonRead:
    """Adds a person to the organisation. Emails are unique in the tenant, without case; the
    unit and the manager must be the tenant's, the roles built-in or the tenant's (each once).
    Accepts `Idempotency-Key`."""
    person = await service.create_person(session, principal, body)
    response.headers["Location"] = f"/v1/org/people/{person.id}"
    return tagged(response, person)


@router.get(
    "",
    operation_id="org_list_people",
    summary="List people",
    response_model=PersonPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_people(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        PersonSort,
        Query(description="`name`, `-name`, `email`, `-email`, `created_at` or `-created_at`."),
    ] = PersonSort.name,
    unit_id: Annotated[uuid.UUID | None, Query(description="Only people of this unit.")] = None,
    manager_id: Annotated[
        uuid.UUID | None, Query(description="Only people reporting to this person.")
    ] = None,
    active: Annotated[bool | None, Query(description="Only active (or inactive) people.")] = None,
    role_id: Annotated[
        uuid.UUID | None, Query(description="Only people holding this role.")
    ] = None,
    ids: Annotated[
        list[uuid.UUID] | None,
        Query(
            alias="id",
            max_length=MAX_BATCH,
            description=(
                f"Only these people (repeat the parameter, at most {MAX_BATCH}) — a batch lookup."
            ),
        ),
    ] = None,
    emails: Annotated[
        list[Annotated[str, StringConstraints(max_length=MAX_EMAIL)]] | None,
        Query(
            alias="email",
            max_length=MAX_BATCH,
            description=(
                f"Only the people with these emails, without case (repeat the parameter, at "
                f"most {MAX_BATCH}) — a batch lookup."
            ),
        ),
    ] = None,
) -> Response:
    """The people of the tenant, a page at a time (cursor pagination), each with its
    `role_ids`."""
    body = await service.read_people(
        conn,
        principal,
        sort=resolve_sort(service.PERSON_SORTS, sort),
        limit=limit,
        cursor=cursor,
        unit_id=unit_id,
        manager_id=manager_id,
        active=active,
        role_id=role_id,
        ids=ids,
        email_keys={email_key(email) for email in emails} if emails is not None else None,
    )
    return json_response(body)


@router.get(
    "/{person_id}",
    operation_id="org_get_person",
    summary="Get a person",
    response_model=PersonRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_person(person_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One person of the tenant, with its ETag."""
    body, version = await service.read_person(conn, principal, person_id)
    return json_response(body, version=version)


@router.patch(
    "/{person_id}",
    operation_id="org_update_person",
    summary="Change a person",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def update_person(
    person_id: uuid.UUID,
    body: PersonUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> PersonRead:
    """Changes the fields sent (`unit_id` and `manager_id` may be null; `role_ids` replaces the
    person's roles). Honours `If-Match`."""
    person = await service.update_person(session, principal, person_id, body, if_match)
    return tagged(response, person)


@router.delete(
    "/{person_id}",
    operation_id="org_delete_person",
    summary="Delete a person",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def delete_person(
    person_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a person (prefer `active: false` to keep the history). Refused while the person
    manages someone active; inactive reports lose their manager. Honours `If-Match`."""
    await service.delete_person(session, principal, person_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
