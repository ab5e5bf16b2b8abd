from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_org.deps import InventoryClientDep, PrincipalDep, ReadDep, SessionDep
from mops_org.training import service
from mops_org.training.schemas import (
    PersonTraining,
    TrainingCompletionCreate,
    TrainingCoverageRead,
    TrainingEnrolmentCreate,
    TrainingEnrolmentPage,
    TrainingEnrolmentRead,
    TrainingEnrolmentSort,
    TrainingProgrammeCreate,
    TrainingProgrammePage,
    TrainingProgrammeRead,
    TrainingProgrammeSort,
    TrainingProgrammeUpdate,
)
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

router = APIRouter(tags=["org"])

PROGRAMMES = "/v1/org/training-programmes"
ENROLMENTS = PROGRAMMES + "/{programme_id}/enrolments"

COMMON_PROBLEMS = (401, 403, 422)
# The inventory is asked about tool ids: 503 when it cannot be, 504 when it does not answer.
INVENTORY_PROBLEMS = (503, 504)


@router.post(
    PROGRAMMES,
    operation_id="org_create_training_programme",
    summary="Add a training programme",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409, *INVENTORY_PROBLEMS),
)
async def create_programme(
    body: TrainingProgrammeCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    inventory: InventoryClientDep,
) -> TrainingProgrammeRead:
    """Adds a training programme with its waves. Names are unique in the tenant, without case
    (409). Accepts `Idempotency-Key`.

    Waves are in order: every `basic` wave (functional basics) comes before every `advanced`
    wave — a basic wave after an advanced one is a 422 at `/waves/<i>/level` — and a programme
    with an advanced wave needs a basic wave (422 at `/waves`). Wave names are unique in the
    programme, tools and skills listed once per wave. Tool ids are checked with the
    inventory: an unknown id is a 422 at `/waves/<i>/tool_ids/<j>`; when the inventory cannot
    be asked, 503 (or 504) and nothing is stored."""
    programme = await service.create_programme(session, principal, inventory, body)
    response.headers["Location"] = f"{PROGRAMMES}/{programme.id}"
    return tagged(response, programme)


@router.get(
    PROGRAMMES,
    operation_id="org_list_training_programmes",
    summary="List training programmes",
    response_model=TrainingProgrammePage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_programmes(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        TrainingProgrammeSort, Query(description="`name` or `-name`.")
    ] = TrainingProgrammeSort.name,
) -> Response:
    """The tenant's training programmes with their waves, by name, a page at a time (cursor
    pagination)."""
    body = await service.read_programmes(
        conn,
        principal,
        sort=resolve_sort(service.PROGRAMME_SORTS, sort),
        limit=limit,
        cursor=cursor,
    )
    return json_response(body)


@router.get(
    PROGRAMMES + "/{programme_id}",
    operation_id="org_get_training_programme",
    summary="Get a training programme",
    response_model=TrainingProgrammeRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_programme(
    programme_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """One training programme with its waves in order (each with `unresolved_tools`, the tool
    names an import could not match), and its ETag."""
    body, version = await service.read_programme(conn, principal, programme_id)
    return json_response(body, version=version)


@router.patch(
    PROGRAMMES + "/{programme_id}",
    operation_id="org_update_training_programme",
    summary="Change a training programme",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412, *INVENTORY_PROBLEMS),
)
async def update_programme(
    programme_id: uuid.UUID,
    body: TrainingProgrammeUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    inventory: InventoryClientDep,
    if_match: IfMatch = None,
) -> TrainingProgrammeRead:
    """Changes the fields sent. `waves`, when sent, replace the waves wholesale: a sent wave
    keeps an existing wave (its id and enrolments) when it names that wave's `id`, or else
    when it has that wave's name; the waves not kept are removed — refused with 409 naming
    them when they have enrolments. The waves sent follow the rules of the create (order of
    levels, tool ids checked with the inventory: 503 or 504 when it cannot be asked). A PATCH
    that changes nothing keeps the version. Honours `If-Match`."""
    programme = await service.update_programme(
        session, principal, inventory, programme_id, body, if_match
    )
    return tagged(response, programme)


@router.delete(
    PROGRAMMES + "/{programme_id}",
    operation_id="org_delete_training_programme",
    summary="Delete a training programme",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def delete_programme(
    programme_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a training programme with its waves and their enrolments. Honours `If-Match`."""
    await service.delete_programme(session, principal, programme_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- enrolments --------------------------------------------------------------------------------


@router.post(
    ENROLMENTS,
    operation_id="org_create_training_enrolment",
    summary="Enrol a person in a wave",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409),
)
async def create_enrolment(
    programme_id: uuid.UUID,
    body: TrainingEnrolmentCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
) -> TrainingEnrolmentRead:
    """Enrols a person of the tenant in a wave of this programme (422 at `/person_id` or
    `/wave_id` when they are not). A person is enrolled in a wave once (409). Accepts
    `Idempotency-Key`."""
    enrolment = await service.create_enrolment(session, principal, programme_id, body)
    response.headers["Location"] = f"{PROGRAMMES}/{programme_id}/enrolments/{enrolment.id}"
    return enrolment


@router.get(
    ENROLMENTS,
    operation_id="org_list_training_enrolments",
    summary="List a programme's enrolments",
    response_model=TrainingEnrolmentPage,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def list_enrolments(
    programme_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        TrainingEnrolmentSort, Query(description="`enrolled_at` or `-enrolled_at`.")
    ] = TrainingEnrolmentSort.enrolled_at,
    wave_id: Annotated[uuid.UUID | None, Query(description="Only this wave's.")] = None,
    person_id: Annotated[uuid.UUID | None, Query(description="Only this person's.")] = None,
    completed: Annotated[
        bool | None, Query(description="Only completed (or not yet completed) enrolments.")
    ] = None,
) -> Response:
    """The programme's enrolments, a page at a time (cursor pagination)."""
    body = await service.read_enrolments(
        conn,
        principal,
        programme_id,
        sort=resolve_sort(service.ENROLMENT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        wave_id=wave_id,
        person_id=person_id,
        completed=completed,
    )
    return json_response(body)


@router.get(
    ENROLMENTS + "/{enrolment_id}",
    operation_id="org_get_training_enrolment",
    summary="Get an enrolment",
    response_model=TrainingEnrolmentRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_enrolment(
    programme_id: uuid.UUID, enrolment_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """One enrolment of the programme, with its wave's name and level and its completion."""
    return json_response(await service.read_enrolment(conn, principal, programme_id, enrolment_id))


# No body (or an empty one) means completed now.
_COMPLETED_NOW = TrainingCompletionCreate()


@router.post(
    ENROLMENTS + "/{enrolment_id}/completion",
    operation_id="org_complete_training_enrolment",
    summary="Record that a person completed a wave",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409),
)
async def complete_enrolment(
    programme_id: uuid.UUID,
    enrolment_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    body: TrainingCompletionCreate = _COMPLETED_NOW,
) -> TrainingEnrolmentRead:
    """Marks the enrolment completed at `completed_at` (now when absent; never in the future:
    422). An advanced wave is completed only once the person has completed every basic wave
    of the programme, on or before that date: otherwise 409 naming the basic waves missing,
    and nothing is written. Completing a completed enrolment changes nothing (its first
    completion stands). Accepts `Idempotency-Key`."""
    return await service.complete_enrolment(session, principal, programme_id, enrolment_id, body)


@router.delete(
    ENROLMENTS + "/{enrolment_id}",
    operation_id="org_delete_training_enrolment",
    summary="Delete an enrolment",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def delete_enrolment(
    programme_id: uuid.UUID, enrolment_id: uuid.UUID, session: SessionDep, principal: PrincipalDep
) -> Response:
    """Removes an enrolment (and with it its completion)."""
    await service.delete_enrolment(session, principal, programme_id, enrolment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/v1/org/people/{person_id}/training",
    operation_id="org_get_person_training",
    summary="A person's training",
    response_model=PersonTraining,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_person_training(
    person_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """Every enrolment of the person across programmes, with the wave's name, level and
    position and the completion, by programme name then wave order."""
    return json_response(await service.read_person_training(conn, principal, person_id))


# --- coverage ----------------------------------------------------------------------------------


@router.get(
    "/v1/org/training/coverage",
    operation_id="org_get_training_coverage",
    summary="Training coverage",
    response_model=TrainingCoverageRead,
    responses=problem_responses(*COMMON_PROBLEMS, *INVENTORY_PROBLEMS),
)
async def get_training_coverage(
    conn: ReadDep,
    principal: PrincipalDep,
    inventory: InventoryClientDep,
    unit_id: Annotated[
        uuid.UUID | None, Query(description="Only the people of this unit (422 if unknown).")
    ] = None,
    include_subunits: Annotated[
        bool, Query(description="With `unit_id`: count the people of every unit below it too.")
    ] = True,
    role_id: Annotated[
        uuid.UUID | None,
        Query(
            description="Only the people holding this role (422 if the tenant has no such role)."
        ),
    ] = None,
) -> Response:
    """The share of people trained on the tools they own or use, for the whole tenant, a unit
    (with its subunits by default) or a role (both: the people in the unit holding the role).

    - **A person's tools**: the tenant's non-retired inventory tools that name the person as an
      owner (any owner role), or name the person's unit as an owner unit.
    - **Trained on a tool**: the person completed a wave whose `tool_ids` contain the tool.
    - **Covered**: trained on every one of their tools.

    Among the *active* people in scope: `people`; `people_with_tools` (at least one tool);
    `people_covered`; `coverage` = `people_covered / people_with_tools` (null when nobody has
    a tool); `tool_assignments` = the (person, tool) pairs; `trained_assignments` = those
    where the person is trained on the tool; `assignment_coverage` =
    `trained_assignments / tool_assignments` (null without pairs). Tool ownership is read
    from the inventory: 503 (or 504) when it cannot be asked."""
    body = await service.read_coverage(
        conn,
        principal,
        inventory,
        unit_id=unit_id,
        role_id=role_id,
        include_subunits=include_subunits,
    )
    return json_response(body)
