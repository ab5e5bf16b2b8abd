from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.contracts import service
from mops_inventory.contracts.schemas import (
    ContractCreate,
    ContractPage,
    ContractRead,
    ContractSort,
    ContractUpdate,
)
from mops_inventory.deps import PrincipalDep, ReadDep, SessionDep
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(tags=["inventory"])

SortQuery = Annotated[
    ContractSort,
    Query(description="`created_at`, `-created_at`, `renewal_date` or `-renewal_date`."),
]


@router.post(
    "/v1/inventory/tools/{tool_id}/contracts",
    operation_id="inventory_create_contract",
    summary="Add a contract to a tool",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_contract(
    tool_id: uuid.UUID,
    body: ContractCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
) -> ContractRead:
    """A tool may have several contracts (per term, per entity). Accepts `Idempotency-Key`."""
    contract = await service.create_contract(session, principal, tool_id, body)
    response.headers["Location"] = f"/v1/inventory/contracts/{contract.id}"
    return tagged(response, contract)


@router.get(
    "/v1/inventory/contracts",
    operation_id="inventory_list_contracts",
    summary="List contracts",
    response_model=ContractPage,
    responses=problem_responses(401, 403, 422),
)
async def list_contracts(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: SortQuery = ContractSort.created_at,
    tool_id: Annotated[uuid.UUID | None, Query(description="Only this tool's contracts.")] = None,
) -> Response:
    """The tenant's contracts, a page at a time."""
    body = await service.read_contracts(
        conn, principal, sort=sort, limit=limit, cursor=cursor, tool_id=tool_id
    )
    return json_response(body)


@router.get(
    "/v1/inventory/contracts/{contract_id}",
    operation_id="inventory_get_contract",
    summary="Get a contract",
    response_model=ContractRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_contract(contract_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One contract, with its ETag and notice deadline."""
    body, version = await service.read_contract(conn, principal, contract_id)
    return json_response(body, version=version)


@router.patch(
    "/v1/inventory/contracts/{contract_id}",
    operation_id="inventory_update_contract",
    summary="Change a contract",
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def update_contract(
    contract_id: uuid.UUID,
    body: ContractUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    if_match: IfMatch = None,
) -> ContractRead:
    """Changes the fields sent."""
    contract = await service.update_contract(session, principal, contract_id, body, if_match)
    return tagged(response, contract)


@router.delete(
    "/v1/inventory/contracts/{contract_id}",
    operation_id="inventory_delete_contract",
    summary="Delete a contract",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def delete_contract(
    contract_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a contract."""
    await service.delete_contract(session, principal, contract_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
