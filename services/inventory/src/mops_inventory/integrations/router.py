from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.deps import PrincipalDep, ReadDep, SessionDep
from mops_inventory.integrations import service
from mops_inventory.integrations.schemas import (
    IntegrationCreate,
    IntegrationPage,
    IntegrationRead,
    IntegrationSort,
    IntegrationStatus,
    IntegrationUpdate,
    SyncMode,
)
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/integrations", tags=["inventory"])


@router.post(
    "",
    operation_id="inventory_create_integration",
    summary="Connect two tools",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_integration(
    body: IntegrationCreate, response: Response, session: SessionDep, principal: PrincipalDep
) -> IntegrationRead:
    """Records that data flows from one of the tenant's tools to another (422 if either is
    unknown or both are the same tool; 409 if that direction is already recorded — the
    reverse direction is another integration). Accepts `Idempotency-Key`."""
    integration = await service.create_integration(session, principal, body)
    response.headers["Location"] = f"/v1/inventory/integrations/{integration.id}"
    return tagged(response, integration)


@router.get(
    "",
    operation_id="inventory_list_integrations",
    summary="List integrations",
    response_model=IntegrationPage,
    responses=problem_responses(401, 403, 422),
)
async def list_integrations(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        IntegrationSort, Query(description="`created_at` or `-created_at`.")
    ] = IntegrationSort.created_at,
    tool_id: Annotated[
        uuid.UUID | None, Query(description="Integrations with this tool at either end.")
    ] = None,
    source_tool_id: Annotated[
        uuid.UUID | None, Query(description="Integrations from this tool.")
    ] = None,
    target_tool_id: Annotated[
        uuid.UUID | None, Query(description="Integrations to this tool.")
    ] = None,
    status: Annotated[
        IntegrationStatus | None, Query(description="Only integrations in this status.")
    ] = None,
    sync_mode: Annotated[SyncMode | None, Query(description="Only this sync mode.")] = None,
) -> Response:
    """The tenant's integrations, a page at a time, with both tools' names."""
    body = await service.read_integrations(
        conn,
        principal,
        sort=sort,
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
        source_tool_id=source_tool_id,
        target_tool_id=target_tool_id,
        status=status.value if status else None,
        sync_mode=sync_mode.value if sync_mode else None,
    )
    return json_response(body)


@router.get(
    "/{integration_id}",
    operation_id="inventory_get_integration",
    summary="Get an integration",
    response_model=IntegrationRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_integration(
    integration_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """One integration, with its ETag."""
    body, version = await service.read_integration(conn, principal, integration_id)
    return json_response(body, version=version)


@router.patch(
    "/{integration_id}",
    operation_id="inventory_update_integration",
    summary="Change an integration",
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def update_integration(
    integration_id: uuid.UUID,
    body: IntegrationUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> IntegrationRead:
    """Changes the fields sent; the two tools of an integration never change (delete it and
    create another)."""
    integration = await service.update_integration(
        session, principal, integration_id, body, if_match
    )
    return tagged(response, integration)


@router.delete(
    "/{integration_id}",
    operation_id="inventory_delete_integration",
    summary="Delete an integration",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def delete_integration(
    integration_id: uuid.UUID,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> Response:
    """Removes an integration (prefer status `retired` to keep it on record)."""
    await service.delete_integration(session, principal, integration_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
