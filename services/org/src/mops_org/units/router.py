from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from mops_org.deps import PrincipalDep, SessionDep
from mops_org.units import repository, service
from mops_shared.errors import problem_responses
from mops_shared.pagination import MAX_LIMIT, CursorQuery, LimitQuery, resolve_sort
from mops_shared.schemas.org import UnitCreate, UnitPage, UnitRead, UnitType

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
async def create_unit(body: UnitCreate, session: SessionDep, principal: PrincipalDep) -> UnitRead:
    """Adds a unit to the organisation tree. Names are unique in the tenant, without case."""
    return await service.create_unit(session, principal, body)


@router.get(
    "",
    operation_id="org_list_units",
    summary="List units",
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_units(
    session: SessionDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        str, Query(description="`name`, `-name`, `created_at` or `-created_at`.")
    ] = "name",
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
) -> UnitPage:
    """The units of the tenant, a page at a time (cursor pagination)."""
    items, next_cursor = await repository.list_page(
        session,
        principal.tenant_id,
        sort=resolve_sort(repository.UNIT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        parent_id=parent_id,
        type_=type.value if type else None,
        ids=ids,
    )
    return UnitPage(items=[UnitRead.model_validate(u) for u in items], next_cursor=next_cursor)


@router.get(
    "/{unit_id}",
    operation_id="org_get_unit",
    summary="Get a unit",
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_unit(unit_id: uuid.UUID, session: SessionDep, principal: PrincipalDep) -> UnitRead:
    """One unit of the tenant."""
    return await service.get_unit(session, principal, unit_id)
