"""`GET /v1/inventory/reports/integration-coverage`: how the stack is wired, and to its core."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import ColumnElement, Select, Subquery, false, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.integrations.models import Integration
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.errors import ValidationFailed, problem_responses
from mops_shared.schemas.common import name_key
from mops_shared.schemas.integrations import IntegrationStatus
from mops_shared.schemas.inventory import ToolStatus
from mops_shared.schemas.problem import ProblemFieldError
from mops_shared.schemas.reports_stack import (
    CoreToolsChosenBy,
    IntegrationCoverageReport,
    StackToolRef,
)

router = APIRouter(tags=["inventory"])

CORE_CAPABILITY = "Customer data platform"
MAX_CORE_TOOLS = 100
LIVE_EDGE = IntegrationStatus.active.value
ACTIVE = ToolStatus.active.value
RETIRED = ToolStatus.retired.value

COVERAGE_DESCRIPTION = f"""\
How the tenant's **active** tools (status `active`) are integrated with each other and with the
core customer-data platform.

**Live integration**: an integration with status `active` whose two tools are not `retired`
(`planned`, `broken` and `retired` integrations carry no data today). Direction does not matter:
a tool is integrated whether it is the source or the target.

**Core tools**: the tools given as `core_tool_id` (repeatable, at most {MAX_CORE_TOOLS}; each must
be a tool of the tenant, else 422); by default, the tenant's `active` tools having the capability
named "{CORE_CAPABILITY}" (compared without case). With no core tool, no tool is connected to
the core.

- `not_integrated`: active tools with no live integration at all, at either end;
- `not_connected_to_core`: active tools, other than the core tools themselves, with no **direct**
  live integration with a core tool, in either direction (a path through another tool does not
  count);
- `not_sharing_data_with_core`: the edge tools, active tools with `shares_data_with_core` false;
  active tools where it is not stated (`null`) are listed in `core_data_sharing_unknown` instead;
- `integrated_share`: active tools with a live integration / active tools;
- `connected_to_core_share`: active non-core tools directly connected to a core tool / active
  non-core tools.

Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. Lists
are `{{id, name}}` by name.
"""


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _live_neighbours(tenant_id: uuid.UUID) -> Subquery:
    """(tool_id, other_id) for each live integration, once from each end: uncorrelated, so the
    database builds it once (a hashed set) rather than probing it per tool."""
    ends: list[Select[Any, Any]] = []
    for mine, theirs in (
        (Integration.source_tool_id, Integration.target_tool_id),
        (Integration.target_tool_id, Integration.source_tool_id),
    ):
        other = aliased(Tool)
        ends.append(
            select(col(mine).label("tool_id"), col(theirs).label("other_id"))
            .join(other, col(other.id) == col(theirs))
            .where(
                col(Integration.tenant_id) == tenant_id,
                col(Integration.status) == LIVE_EDGE,
                col(other.tenant_id) == tenant_id,
                col(other.status) != RETIRED,
            )
        )
    return union_all(*ends).subquery("live_neighbours")


async def _core_tools(
    session: AsyncSession, tenant_id: uuid.UUID, requested: list[uuid.UUID] | None
) -> list[StackToolRef]:
    stmt = select(col(Tool.id), col(Tool.name)).where(col(Tool.tenant_id) == tenant_id)
    if requested is None:
        stmt = stmt.where(
            col(Tool.status) == ACTIVE,
            col(Tool.id).in_(
                select(col(ToolCapability.tool_id))
                .join(Capability, col(Capability.id) == col(ToolCapability.capability_id))
                .where(
                    col(Capability.tenant_id) == tenant_id,
                    col(Capability.name_key) == name_key(CORE_CAPABILITY),
                )
            ),
        )
    else:
        stmt = stmt.where(col(Tool.id).in_(set(requested)))
    rows = await session.execute(stmt.order_by(col(Tool.name_key), col(Tool.id)))
    found = [StackToolRef(id=tool_id, name=name) for tool_id, name in rows.all()]
    if requested is not None:
        known = {tool.id for tool in found}
        errors = [
            ProblemFieldError(
                location="query", pointer=f"/core_tool_id/{i}", detail="no tool with this id"
            )
            for i, tool_id in enumerate(requested)
            if tool_id not in known
        ]
        if errors:
            raise ValidationFailed(
                "; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors
            )
    return found


async def coverage_report(
    session: AsyncSession, tenant_id: uuid.UUID, requested: list[uuid.UUID] | None
) -> IntegrationCoverageReport:
    """Two queries, whatever the number of tools: the core tools, then every active tool with
    its flags."""
    core = await _core_tools(session, tenant_id, requested)
    core_ids = {tool.id for tool in core}
    # The tools listed are active, hence not retired: only the other end needs checking.
    live = _live_neighbours(tenant_id)
    integrated_flag = col(Tool.id).in_(select(live.c.tool_id))
    connected: ColumnElement[bool] = (
        col(Tool.id).in_(select(live.c.tool_id).where(live.c.other_id.in_(list(core_ids))))
        if core_ids
        else false()
    )
    rows = await session.execute(
        select(
            col(Tool.id),
            col(Tool.name),
            col(Tool.shares_data_with_core),
            integrated_flag.label("integrated"),
            connected.label("connected"),
        )
        .where(col(Tool.tenant_id) == tenant_id, col(Tool.status) == ACTIVE)
        .order_by(col(Tool.name_key), col(Tool.id))
    )
    active = integrated = non_core = connected_count = 0
    not_integrated: list[StackToolRef] = []
    not_connected: list[StackToolRef] = []
    not_sharing: list[StackToolRef] = []
    unknown: list[StackToolRef] = []
    for tool_id, name, shares, is_integrated, is_connected in rows.all():
        ref = StackToolRef(id=tool_id, name=name)
        active += 1
        if is_integrated:
            integrated += 1
        else:
            not_integrated.append(ref)
        if tool_id not in core_ids:
            non_core += 1
            if is_connected:
                connected_count += 1
            else:
                not_connected.append(ref)
        if shares is None:
            unknown.append(ref)
        elif not shares:
            not_sharing.append(ref)
    return IntegrationCoverageReport(
        core_tools=core,
        core_tools_chosen_by=(
            CoreToolsChosenBy.capability if requested is None else CoreToolsChosenBy.request
        ),
        active_tool_count=active,
        integrated_tool_count=integrated,
        integrated_share=_share(integrated, active),
        non_core_active_tool_count=non_core,
        connected_to_core_count=connected_count,
        connected_to_core_share=_share(connected_count, non_core),
        not_integrated=not_integrated,
        not_connected_to_core=not_connected,
        not_sharing_data_with_core=not_sharing,
        core_data_sharing_unknown=unknown,
    )


@router.get(
    "/v1/inventory/reports/integration-coverage",
    operation_id="inventory_get_integration_coverage_report",
    summary="Integration coverage of the active stack and its core",
    description=COVERAGE_DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def get_integration_coverage_report(
    session: SessionDep,
    principal: PrincipalDep,
    core_tool_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_CORE_TOOLS,
            description="A core tool (repeat for several). Default: the active tools with the "
            f'capability "{CORE_CAPABILITY}".',
        ),
    ] = None,
) -> IntegrationCoverageReport:
    return await coverage_report(session, principal.tenant_id, core_tool_id)
