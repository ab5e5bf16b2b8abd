from __future__ import annotations

from fastapi import APIRouter, Response, status

from mops_inventory.custom_fields import service
from mops_inventory.custom_fields.schemas import CustomFieldCreate, CustomFieldPage, CustomFieldRead
from mops_inventory.deps import PrincipalDep, ReadDep, SessionDep
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/custom-fields", tags=["inventory"])


@router.post(
    "",
    operation_id="inventory_create_custom_field",
    summary="Declare a custom field for tools",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_custom_field(
    body: CustomFieldCreate, session: SessionDep, principal: PrincipalDep
) -> CustomFieldRead:
    """A typed field (string, number, boolean, date or enum) tools may then carry in
    `custom_fields`. Keys are permanent and unique in the tenant; fields are optional."""
    return await service.create_definition(session, principal, body)


@router.get(
    "",
    operation_id="inventory_list_custom_fields",
    summary="List custom fields",
    response_model=CustomFieldPage,
    responses=problem_responses(401, 403, 422),
)
async def list_custom_fields(
    conn: ReadDep, principal: PrincipalDep, limit: LimitQuery = 50, cursor: CursorQuery = None
) -> Response:
    """The tenant's custom fields, oldest first."""
    return json_response(
        await service.read_definitions(conn, principal, limit=limit, cursor=cursor)
    )
