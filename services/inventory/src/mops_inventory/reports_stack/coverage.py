"""`GET /v1/inventory/reports/integration-coverage`: how the stack is wired, and to its core."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import (
    ColumnElement,
    Select,
    Subquery,
    and_,
    case,
    false,
    func,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from mops_inventory.deps import PrincipalDep, SessionDep
from mops_inventory.integrations.models import Integration
from mops_inventory.integrations.schemas import IntegrationStatus
from mops_inventory.reports import DEFAULT_REPORT_LIMIT, URL_TOO_LONG, ReportLimitQuery
from mops_inventory.reports_stack.schemas import (
    CoreToolsChosenBy,
    IntegrationCoverageReport,
    StackToolRef,
)
from mops_inventory.tools.models import Capability, Tool, ToolCapability
from mops_shared.contracts.common import name_key
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.errors import ValidationFailed, problem_responses
from mops_shared.kit.pagination import CursorQuery, SortOption, keyset_page, split_page

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

Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. The
counts and shares are over all the active tools. The four lists are `{{id, name}}` by name, a page
at a time: a page looks at the next `limit` active tools by name and lists those of them that
belong in each list; walking the pages with `cursor` = the previous page's `next_cursor` gives
the whole lists.
"""


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def live_neighbours(tenant_id: uuid.UUID, *, other_active: bool = False) -> Subquery:
    """(tool_id, other_id) for each live integration whose other end is not retired (or, with
    `other_active`, is active), once from each end: uncorrelated, so the database builds it
    once (a hashed set) rather than probing it per tool."""
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
                col(other.status) == ACTIVE if other_active else col(other.status) != RETIRED,
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
                location=ProblemLocation.query,
                pointer=f"/core_tool_id/{i}",
                detail="no tool with this id",
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
    session: AsyncSession,
    tenant_id: uuid.UUID,
    requested: list[uuid.UUID] | None,
    *,
    limit: int = DEFAULT_REPORT_LIMIT,
    cursor: str | None = None,
) -> IntegrationCoverageReport:
    """Three queries, whatever the number of tools: the core tools, the counts over every
    active tool, and one page of active tools with their flags."""
    core = await _core_tools(session, tenant_id, requested)
    core_ids = {tool.id for tool in core}
    # The tools listed are active, hence not retired: only the other end needs checking.
    live = live_neighbours(tenant_id)
    integrated = col(Tool.id).in_(select(live.c.tool_id))
    connected: ColumnElement[bool] = (
        col(Tool.id).in_(select(live.c.tool_id).where(live.c.other_id.in_(list(core_ids))))
        if core_ids
        else false()
    )
    non_core: ColumnElement[bool] = col(Tool.id).not_in(list(core_ids)) if core_ids else true()
    shares = col(Tool.shares_data_with_core)
    active_tools = (col(Tool.tenant_id) == tenant_id, col(Tool.status) == ACTIVE)

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    counts = (
        await session.execute(
            select(
                func.count().label("active"),
                count(integrated).label("integrated"),
                count(non_core).label("non_core"),
                count(and_(non_core, connected)).label("connected"),
                count(shares.is_(False)).label("not_sharing"),
                count(shares.is_(None)).label("unknown"),
            ).where(*active_tools)
        )
    ).one()
    sort = SortOption("name", (col(Tool.name_key), col(Tool.id)))
    page = keyset_page(
        select(
            col(Tool.id),
            col(Tool.name),
            col(Tool.name_key),
            shares,
            integrated.label("integrated"),
            connected.label("connected"),
        ).where(*active_tools),
        sort,
        limit,
        cursor,
    )
    rows, next_cursor = split_page((await session.execute(page)).all(), sort, limit)
    not_integrated: list[StackToolRef] = []
    not_connected: list[StackToolRef] = []
    not_sharing: list[StackToolRef] = []
    unknown: list[StackToolRef] = []
    for row in rows:
        ref = StackToolRef(id=row.id, name=row.name)
        if not row.integrated:
            not_integrated.append(ref)
        if row.id not in core_ids and not row.connected:
            not_connected.append(ref)
        if row.shares_data_with_core is None:
            unknown.append(ref)
        elif not row.shares_data_with_core:
            not_sharing.append(ref)
    active, non_core_count = int(counts.active), int(counts.non_core)
    return IntegrationCoverageReport(
        core_tools=core,
        core_tools_chosen_by=(
            CoreToolsChosenBy.capability if requested is None else CoreToolsChosenBy.request
        ),
        active_tool_count=active,
        integrated_tool_count=int(counts.integrated),
        integrated_share=_share(int(counts.integrated), active),
        non_core_active_tool_count=non_core_count,
        connected_to_core_count=int(counts.connected),
        connected_to_core_share=_share(int(counts.connected), non_core_count),
        not_sharing_data_with_core_count=int(counts.not_sharing),
        core_data_sharing_unknown_count=int(counts.unknown),
        not_integrated=not_integrated,
        not_connected_to_core=not_connected,
        not_sharing_data_with_core=not_sharing,
        core_data_sharing_unknown=unknown,
        next_cursor=next_cursor,
    )


@router.get(
    "/v1/inventory/reports/integration-coverage",
    operation_id="inventory_get_integration_coverage_report",
    summary="Integration coverage of the active stack and its core",
    description=COVERAGE_DESCRIPTION,
    responses={**URL_TOO_LONG, **problem_responses(401, 403, 422)},
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
    limit: ReportLimitQuery = DEFAULT_REPORT_LIMIT,
    cursor: CursorQuery = None,
) -> IntegrationCoverageReport:
    return await coverage_report(
        session, principal.tenant_id, core_tool_id, limit=limit, cursor=cursor
    )
