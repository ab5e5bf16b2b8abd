"""`/v1/org/roles` (the catalogue), people's skills and the skill-gap views (by person, role and
unit). The paths are spelled out in full: the routes belong to three resources."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_org.deps import PrincipalDep, ReadDep, SessionDep
from mops_org.roles import service
from mops_org.roles.schemas import (
    PersonSkillGaps,
    PersonSkills,
    PersonSkillsUpdate,
    RoleCreate,
    RolePage,
    RoleRead,
    RoleSkillGaps,
    RoleSort,
    RoleUpdate,
    UnitSkillGaps,
)
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import MAX_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

router = APIRouter(tags=["org"])

ROLES = "/v1/org/roles"
COMMON_PROBLEMS = (401, 403, 422)

# A batch lookup asked with the largest limit fits in one page: it never needs a cursor.
MAX_BATCH_IDS = MAX_LIMIT


@router.post(
    ROLES,
    operation_id="org_create_role",
    summary="Create a role",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_role(
    body: RoleCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> RoleRead:
    """Adds a role of the tenant's own to the catalogue. Its name must differ from every
    built-in role's and the tenant's, without case and with British and American spellings
    folded (409 otherwise); each required skill is listed once. Accepts `Idempotency-Key`."""
    role = await service.create_role(session, principal, body)
    response.headers["Location"] = f"{ROLES}/{role.id}"
    return tagged(response, role)


@router.get(
    ROLES,
    operation_id="org_list_roles",
    summary="List roles",
    response_model=RolePage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_roles(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[RoleSort, Query(description="`name` or `-name`.")] = RoleSort.name,
    builtin: Annotated[
        bool | None, Query(description="Only the built-in roles (or only the tenant's).")
    ] = None,
    legal: Annotated[bool | None, Query(description="Only legal (or non-legal) roles.")] = None,
    ids: Annotated[
        list[uuid.UUID] | None,
        Query(
            alias="id",
            max_length=MAX_BATCH_IDS,
            description=(
                f"Only these roles (repeat the parameter, at most {MAX_BATCH_IDS})"
                " — a batch lookup."
            ),
        ),
    ] = None,
) -> Response:
    """The catalogue: the built-in roles every tenant shares and the tenant's own, together, with
    their required skills, a page at a time (cursor pagination)."""
    body = await service.read_roles(
        conn,
        principal,
        sort=resolve_sort(service.ROLE_SORTS, sort),
        limit=limit,
        cursor=cursor,
        builtin=builtin,
        legal=legal,
        ids=ids,
    )
    return json_response(body)


@router.get(
    f"{ROLES}/{{role_id}}",
    operation_id="org_get_role",
    summary="Get a role",
    response_model=RoleRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_role(role_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One role of the catalogue (built-in or the tenant's), with its required skills and its
    ETag."""
    body, version = await service.read_role(conn, principal, role_id)
    return json_response(body, version=version)


@router.patch(
    f"{ROLES}/{{role_id}}",
    operation_id="org_update_role",
    summary="Change a role",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def update_role(
    role_id: uuid.UUID,
    body: RoleUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> RoleRead:
    """Changes the fields sent; `required_skills` replaces the whole list. A built-in role
    cannot be changed (409: create a role of your own instead). A change that changes nothing
    keeps the version. Honours `If-Match`."""
    role = await service.update_role(session, principal, role_id, body, if_match)
    return tagged(response, role)


@router.delete(
    f"{ROLES}/{{role_id}}",
    operation_id="org_delete_role",
    summary="Delete a role",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def delete_role(
    role_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a role of the tenant's. Refused (409) for a built-in role, and while people hold
    the role (the problem names up to 10 of them). Honours `If-Match`."""
    await service.delete_role(session, principal, role_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    f"{ROLES}/{{role_id}}/skill-gaps",
    operation_id="org_get_role_skill_gaps",
    summary="Get a role's skill gaps",
    response_model=RoleSkillGaps,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_role_skill_gaps(
    role_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Response:
    """The active people holding the role, by name, a page at a time (cursor pagination), each
    with the role's required skills they hold less of than the role's minimum; `totals` counts
    every active holder, those with a gap and the (person, skill) gaps."""
    return json_response(
        await service.read_role_skill_gaps(conn, principal, role_id, limit=limit, cursor=cursor)
    )


# --- people's skills and gaps --------------------------------------------------------------


@router.get(
    "/v1/org/people/{person_id}/skills",
    operation_id="org_get_person_skills",
    summary="Get a person's skills",
    response_model=PersonSkills,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_person_skills(
    person_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """The person's skills with their proficiency (0 to 4) and when assessed, by skill name. The
    ETag is the person's."""
    body, version = await service.read_person_skills(conn, principal, person_id)
    return json_response(body, version=version)


@router.put(
    "/v1/org/people/{person_id}/skills",
    operation_id="org_replace_person_skills",
    summary="Replace a person's skills",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def replace_person_skills(
    person_id: uuid.UUID,
    body: PersonSkillsUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> PersonSkills:
    """Replaces the person's whole set of skills (each once, compared without case; proficiency
    0 to 4). A change of the skills is a change of the person: it honours `If-Match` with the
    person's ETag, moves the person's version on and is announced as `person.updated` (with the
    skills before and after). Sending the same set changes nothing."""
    skills = await service.replace_person_skills(session, principal, person_id, body, if_match)
    return tagged(response, skills)


@router.get(
    "/v1/org/people/{person_id}/skill-gaps",
    operation_id="org_get_person_skill_gaps",
    summary="Get a person's skill gaps",
    response_model=PersonSkillGaps,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_person_skill_gaps(
    person_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """The skills the person's roles require more of than they hold, by skill name, each with
    the roles asking more (highest requirement first). A person's requirement for a skill is
    the highest `min_proficiency` any of their roles asks; what they hold is their proficiency
    (0 when none is recorded); a gap is a requirement above that, the shortfall the
    difference."""
    return json_response(await service.read_person_skill_gaps(conn, principal, person_id))


@router.get(
    "/v1/org/units/{unit_id}/skill-gaps",
    operation_id="org_get_unit_skill_gaps",
    summary="Get a unit's skill gaps",
    response_model=UnitSkillGaps,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_unit_skill_gaps(
    unit_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    include_subunits: Annotated[
        bool, Query(description="Count the people of every unit below this one too.")
    ] = False,
) -> Response:
    """Over the active people of the unit (and of every unit below it with
    `include_subunits=true`), per skill their roles require: `people_requiring` it,
    `people_short` of it, their `total_shortfall` and `average_shortfall` (over those short,
    0 when nobody is); most people short first, then by skill. Also the `people` counted and
    `people_with_gaps` (short of at least one skill). A person's requirement for a skill is the
    highest `min_proficiency` any of their roles asks; what they hold is their proficiency (0
    when none is recorded)."""
    return json_response(
        await service.read_unit_skill_gaps(
            conn, principal, unit_id, include_subunits=include_subunits
        )
    )
