from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_org.deps import InventoryClientDep, PrincipalDep, ReadDep, SessionDep
from mops_org.units import service
from mops_org.units.schemas import UnitAncestors, UnitCreate, UnitSort, UnitSubtreePage, UnitUpdate
from mops_shared.contracts.org import UnitPage, UnitRead, UnitType
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import MAX_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/org/units", tags=["org"])

COMMON_PROBLEMS = (401, 403, 422)

# A batch lookup asked with the largest limit fits in one page: it never needs a cursor.
MAX_BATCH_IDS = MAX_LIMIT


@router.post(
    "",
    operation_id="org_create_unit",
    summary="Create a unit",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_unit(
    body: UnitCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> UnitRead:
    """Adds a unit to the organisation tree. Names are unique in the tenant, without case; the
    parent must be a unit of the tenant and the lead a person of the tenant."""
    unit = await service.create_unit(session, principal, body)
    response.headers["Location"] = f"/v1/org/units/{unit.id}"
    return tagged(response, unit)


@router.get(
    "",
    operation_id="org_list_units",
    summary="List units",
    response_model=UnitPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_units(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        UnitSort, Query(description="`name`, `-name`, `created_at` or `-created_at`.")
    ] = UnitSort.name,
    parent_id: Annotated[uuid.UUID | None, Query(description="Only children of this unit.")] = None,
    type: Annotated[UnitType | None, Query(description="Only units of this type.")] = None,
    ids: Annotated[
        list[uuid.UUID] | None,
        Query(
            alias="id",
            max_length=MAX_BATCH_IDS,
            description=(
                f"Only these units (repeat the parameter, at most {MAX_BATCH_IDS})"
                " — a batch lookup."
            ),
        ),
    ] = None,
) -> Response:
    """The units of the tenant, a page at a time (cursor pagination)."""
    body = await service.read_units(
        conn,
        principal,
        sort=resolve_sort(service.UNIT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        parent_id=parent_id,
        type_=type.value if type else None,
        ids=ids,
    )
    return json_response(body)


@router.get(
    "/{unit_id}",
    operation_id="org_get_unit",
    summary="Get a unit",
    response_model=UnitRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_unit(unit_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One unit of the tenant, with its ETag."""
    body, version = await service.read_unit(conn, principal, unit_id)
    return json_response(body, version=version)


@router.patch(
    "/{unit_id}",
    operation_id="org_update_unit",
    summary="Change or move a unit",
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412),
)
async def update_unit(
    unit_id: uuid.UUID,
    body: UnitUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> UnitRead:
    """Changes the fields sent. A new `parent_id` moves the unit with everything below it: the
    parent must be a unit of the tenant, neither the unit itself nor one below it (null makes
    it a root). Honours `If-Match`."""
    unit = await service.update_unit(session, principal, unit_id, body, if_match)
    return tagged(response, unit)


@router.delete(
    "/{unit_id}",
    operation_id="org_delete_unit",
    summary="Delete a unit",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*COMMON_PROBLEMS, 404, 409, 412, 502, 503, 504),
)
async def delete_unit(
    unit_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    inventory: InventoryClientDep,
    if_match: IfMatch = None,
    reassign_to: Annotated[
        uuid.UUID | None,
        Query(
            description=(
                "The unit that takes the deleted unit's child units and people (not the unit"
                " itself nor one below it)."
            )
        ),
    ] = None,
) -> Response:
    """Removes a unit. Refused (409) while it has child units or people, unless `reassign_to`
    names the unit that takes them (and the coordination mechanisms it owns or takes part in),
    all in one change; without it, those mechanisms lose the unit. Refused (409, naming the
    tools) while the inventory names the unit as a tool owner, and 503 (504) when the inventory
    cannot be asked: nothing is deleted then. Honours `If-Match`."""
    await service.delete_unit(session, principal, unit_id, if_match, reassign_to, inventory)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{unit_id}/subtree",
    operation_id="org_get_unit_subtree",
    summary="Get a unit's subtree",
    response_model=UnitSubtreePage,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_unit_subtree(
    unit_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Response:
    """The unit and every unit below it, each with its `depth` below it (0 for the unit), by
    depth then name, a page at a time (cursor pagination)."""
    return json_response(
        await service.read_subtree(conn, principal, unit_id, limit=limit, cursor=cursor)
    )


@router.get(
    "/{unit_id}/ancestors",
    operation_id="org_get_unit_ancestors",
    summary="Get a unit's ancestors",
    response_model=UnitAncestors,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_unit_ancestors(
    unit_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """The units above this one, from its parent up to the root (nearest first)."""
    return json_response(await service.read_ancestors(conn, principal, unit_id))
