from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.deps import PrincipalDep, ReadDep, SessionDep
from mops_inventory.licences import service
from mops_inventory.licences.schemas import LicenceUsageCreate, LicenceUsagePage, LicenceUsageRead
from mops_shared.contracts.common import IsoDate
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/tools/{tool_id}/licence-usage", tags=["inventory"])


@router.post(
    "",
    operation_id="inventory_record_licence_usage",
    summary="Record seats in use on a day",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": LicenceUsageRead, "description": "That day's count was replaced."},
        **problem_responses(401, 403, 404, 422),
    },
)
async def record_licence_usage(
    tool_id: uuid.UUID,
    body: LicenceUsageCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
) -> LicenceUsageRead:
    """One count per tool and day: 201 for a new day, 200 when it replaces that day's count."""
    usage, created = await service.record_usage(session, principal, tool_id, body)
    if not created:
        response.status_code = status.HTTP_200_OK
    return usage


@router.get(
    "",
    operation_id="inventory_list_licence_usage",
    summary="List a tool's licence usage over time",
    response_model=LicenceUsagePage,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_licence_usage(
    tool_id: uuid.UUID,
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    since: Annotated[IsoDate | None, Query(description="From this day on.")] = None,
    until: Annotated[IsoDate | None, Query(description="Up to this day.")] = None,
) -> Response:
    """The seats-active series of one tool, oldest first."""
    body = await service.read_usage(
        conn, principal, tool_id, limit=limit, cursor=cursor, since=since, until=until
    )
    return json_response(body)
