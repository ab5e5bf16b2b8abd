from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from mops_inventory.deps import OrgClientDep, PrincipalDep, ReadDep, SessionDep
from mops_inventory.scenarios import service
from mops_inventory.scenarios.schemas import (
    ScenarioCreate,
    ScenarioPage,
    ScenarioRead,
    ScenarioSort,
    ScenarioUpdate,
)
from mops_shared.contracts.scenarios import ScenarioDiff
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/inventory/scenarios", tags=["inventory"])


@router.post(
    "",
    operation_id="inventory_create_scenario",
    summary="Create a target-stack scenario",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 409, 422, 503, 504),
)
async def create_scenario(
    body: ScenarioCreate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
) -> ScenarioRead:
    """A named target state ("2027 target") as planned changes by stage. Tools must be the
    tenant's, owner units the org service's; a replacement chain may not form a cycle."""
    scenario = await service.create_scenario(session, principal, org, body)
    response.headers["Location"] = f"/v1/inventory/scenarios/{scenario.id}"
    return tagged(response, scenario)


@router.get(
    "",
    operation_id="inventory_list_scenarios",
    summary="List scenarios",
    response_model=ScenarioPage,
    responses=problem_responses(401, 403, 422),
)
async def list_scenarios(
    conn: ReadDep,
    principal: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        ScenarioSort, Query(description="`name`, `-name`, `created_at` or `-created_at`.")
    ] = ScenarioSort.name,
) -> Response:
    """The tenant's scenarios."""
    body = await service.read_scenarios(conn, principal, sort=sort, limit=limit, cursor=cursor)
    return json_response(body)


@router.get(
    "/{scenario_id}",
    operation_id="inventory_get_scenario",
    summary="Get a scenario",
    response_model=ScenarioRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_scenario(scenario_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep) -> Response:
    """One scenario with its planned changes."""
    body, version = await service.read_scenario(conn, principal, scenario_id)
    return json_response(body, version=version)


@router.patch(
    "/{scenario_id}",
    operation_id="inventory_update_scenario",
    summary="Change a scenario",
    responses=problem_responses(401, 403, 404, 409, 412, 422, 503, 504),
)
async def update_scenario(
    scenario_id: uuid.UUID,
    body: ScenarioUpdate,
    response: Response,
    session: SessionDep,
    principal: PrincipalDep,
    org: OrgClientDep,
    if_match: IfMatch = None,
) -> ScenarioRead:
    """Changes the fields sent; `changes` replaces the whole list."""
    scenario = await service.update_scenario(session, principal, org, scenario_id, body, if_match)
    return tagged(response, scenario)


@router.delete(
    "/{scenario_id}",
    operation_id="inventory_delete_scenario",
    summary="Delete a scenario",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def delete_scenario(
    scenario_id: uuid.UUID, session: SessionDep, principal: PrincipalDep, if_match: IfMatch = None
) -> Response:
    """Removes a scenario."""
    await service.delete_scenario(session, principal, scenario_id, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{scenario_id}/diff",
    operation_id="inventory_get_scenario_diff",
    summary="Gap analysis: current stack against the scenario",
    response_model=ScenarioDiff,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_scenario_diff(
    scenario_id: uuid.UUID, conn: ReadDep, principal: PrincipalDep
) -> Response:
    """Stage by stage (cumulative): tools added, retired and replaced, the stack's annual cost
    per currency before and after, capabilities gained and lost. The current stack is every
    tool not retired; a tool's cost is the sum of its contracts."""
    return json_response(await service.read_scenario_diff(conn, principal, scenario_id))
