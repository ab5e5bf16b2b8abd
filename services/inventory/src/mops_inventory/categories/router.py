from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.categories import service
from mops_inventory.categories.schemas import CategorySort, SubcategoryCreate
from mops_inventory.deps import LandscapeSeederDep, PrincipalDep, ReadDep, SessionDep
from mops_shared.contracts.inventory import CategoryPage, CategoryRead
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import DEFAULT_LIMIT, CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/categories", tags=["inventory"])

COMMON_PROBLEMS = (401, 403, 422)


@router.get(
    "",
    operation_id="inventory_list_categories",
    summary="List categories",
    response_model=CategoryPage,
    responses=problem_responses(*COMMON_PROBLEMS),
)
async def list_categories(
    conn: ReadDep,
    principal: PrincipalDep,
    seeder: LandscapeSeederDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    sort: Annotated[
        CategorySort, Query(description="`name`, `-name`, `created_at` or `-created_at`.")
    ] = CategorySort.name,
    parent_id: Annotated[
        uuid.UUID | None, Query(description="Only subcategories of this category.")
    ] = None,
) -> Response:
    """The categories of the tenant, a page at a time (cursor pagination).

    Every tenant starts with the six top-level categories of the martech landscape.
    """
    body = await service.read_categories(
        conn,
        principal,
        seeder,
        sort=sort,
        limit=limit,
        cursor=cursor,
        parent_id=parent_id,
    )
    return json_response(body)


@router.get(
    "/{category_id}",
    operation_id="inventory_get_category",
    summary="Get a category",
    response_model=CategoryRead,
    responses=problem_responses(*COMMON_PROBLEMS, 404),
)
async def get_category(
    category_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    seeder: LandscapeSeederDep,
) -> Response:
    """One category of the tenant."""
    return json_response(await service.read_category(conn, principal, seeder, category_id))


@router.post(
    "",
    operation_id="inventory_create_category",
    summary="Add a subcategory",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(*COMMON_PROBLEMS, 409),
)
async def create_category(
    body: SubcategoryCreate,
    session: SessionDep,
    principal: PrincipalDep,
    seeder: LandscapeSeederDep,
    response: Response,
) -> CategoryRead:
    """A subcategory of one of the tenant's categories (the six landscape ones are built in)."""
    created = await service.create_subcategory(session, principal, seeder, body)
    response.headers["Location"] = f"/v1/inventory/categories/{created.id}"
    return created
