from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.deps import OrgClientDep, PrincipalDep, ReadDep, SessionDep
from mops_inventory.tools import service
from mops_inventory.tools.schemas import StatusHistory, ToolCreate, ToolSort, ToolUpdate
from mops_shared.contracts.inventory import ToolPage, ToolRead, ToolStatus
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/tools", tags=["inventory"])


@router.post(
    "",
    operation_id="inventory_create_tool",
    summary="Add a tool",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 409, 422, 503, 504),
)
async def create_tool(
    body: ToolCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
) -> ToolRead:
    """Adds a tool to the stack. Owner units are checked with the org service (503 if it
    cannot be asked; nothing is stored then). Accepts `Idempotency-Key`."""
    tool = await service.create_tool(session, principal, org, body)
    response.headers["Location"] = f"/v1/inventory/tools/{tool.id}"
    return tagged(response, tool)


@router.get(
    "",
    operation_id="inventory_list_tools",
    summary="List tools",
    response_model=ToolPage,
    responses=problem_responses(401, 403, 422),
)
async def list_tools(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        ToolSort, Query(description="`name`, `-name`, `created_at` or `-created_at`.")
    ] = ToolSort.name,
    status: Annotated[ToolStatus | None, Query(description="Only tools in this status.")] = None,
    category_id: Annotated[uuid.UUID | None, Query(description="Only this category.")] = None,
    vendor: Annotated[str | None, Query(max_length=200, description="Exact vendor.")] = None,
    capability: Annotated[
        str | None, Query(max_length=120, description="Tools with this capability (no case).")
    ] = None,
    owner_unit_id: Annotated[
        uuid.UUID | None, Query(description="Tools owned by this org unit.")
    ] = None,
    name: Annotated[
        str | None,
        Query(max_length=200, description="The tool with this name (case and spacing ignored)."),
    ] = None,
) -> Response:
    """The tenant's tools, a page at a time."""
    body = await service.read_tools(
        conn,
        principal,
        sort=sort,
        limit=limit,
        cursor=cursor,
        status=status.value if status else None,
        category_id=category_id,
        vendor=vendor,
        capability=capability,
        owner_unit_id=owner_unit_id,
        name=name,
    )
    return json_response(body)


@router.get(
    "/{tool_id}",
    operation_id="inventory_get_tool",
    summary="Get a tool",
    response_model=ToolRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_tool(tool_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One tool, with its ETag."""
    body, version = await service.read_tool(conn, principal, tool_id)
    return json_response(body, version=version)


@router.patch(
    "/{tool_id}",
    operation_id="inventory_update_tool",
    summary="Change a tool",
    responses=problem_responses(401, 403, 404, 409, 412, 422, 503, 504),
)
async def update_tool(
    tool_id: uuid.UUID,
    body: ToolUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    if_match: IfMatch = None,
) -> ToolRead:
    """Changes the fields sent. A status change is recorded in the tool's status history."""
    tool = await service.update_tool(session, principal, org, tool_id, body, if_match)
    return tagged(response, tool)


@router.delete(
    "/{tool_id}",
    operation_id="inventory_delete_tool",
    summary="Delete a tool",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def delete_tool(
    tool_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a tool and what hangs off it (prefer status `retired` to keep its history)."""
    await service.delete_tool(session, principal, tool_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{tool_id}/status-history",
    operation_id="inventory_get_tool_status_history",
    summary="Get a tool's status history",
    response_model=StatusHistory,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_tool_status_history(
    tool_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """Every status the tool has had (evaluating, active, sunsetting, retired), with when and
    by which API key, oldest first."""
    return json_response(await service.read_status_history(conn, principal, tool_id))
