"""The organisation in figures: a few set-based queries per metric, the inventory asked once."""

from __future__ import annotations

import asyncio
import statistics
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_org.coordination.service import coordination_summary
from mops_org.metrics import repository
from mops_org.metrics.schemas import (
    WIDE_SPAN,
    CentreOfExcellenceSize,
    CoordinationSummary,
    OrgMetrics,
    PeopleDistribution,
    SpansOfControl,
    UnitSides,
)
from mops_org.profile import inference
from mops_org.profile.service import infer_from
from mops_org.raci.service import raci_summary
from mops_org.roles.gaps import skill_gap_counts_by_role
from mops_org.training.coverage import (
    add_owners,
    compute_coverage,
    coverage_inputs,
    tools_by_owner,
)
from mops_org.units.tree import within
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.org import UnitType
from mops_shared.contracts.org_metrics import RoleGapCount
from mops_shared.contracts.org_raci import RaciSummary
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import GatewayTimeout, ServiceUnavailable

T = TypeVar("T")

_CENTRES = (UnitType.centre_of_excellence.value, UnitType.marketing_ops_centre.value)


async def org_metrics(
    sessionmaker: async_sessionmaker[AsyncSession],
    principal: Principal,
    inventory: InventoryClient,
    *,
    allow_partial: bool,
) -> OrgMetrics:
    """Every metric, the independent ones at once: the inventory prepares the ownership report
    in its own process while this one reads its own database on several connections."""
    tenant_id = principal.tenant_id

    async def read(query: Callable[[AsyncSession], Awaitable[T]]) -> T:
        async with sessionmaker() as session:
            return await query(session)

    try:
        async with asyncio.TaskGroup() as tasks:
            ownership_task = tasks.create_task(_ownership(inventory, principal, allow_partial))
            raci = tasks.create_task(read(lambda s: _raci(s, tenant_id)))
            gaps = tasks.create_task(read(lambda s: _gap_counts(s, tenant_id)))
            coverage = tasks.create_task(read(lambda s: coverage_inputs(s, tenant_id)))
            # The quick ones share a connection: four per request at most.
            small = tasks.create_task(read(lambda s: _small(s, tenant_id)))
    except BaseExceptionGroup as failed:
        # The first failure (a 503 from the inventory, say) is the answer, as if sequential.
        raise failed.exceptions[0] from None
    ownership = ownership_task.result()
    shape, spans, coordination = small.result()
    model = training = None
    if ownership is not None:
        model = await read(lambda s: infer_from(s, tenant_id, ownership, shape))
        owned = tools_by_owner(ownership)
        inputs = await read(lambda s: add_owners(s, coverage.result(), owned))
        training = compute_coverage(inputs, owned)
    return OrgMetrics(
        people=_people(shape),
        centre_of_excellence=_centres(shape),
        spans_of_control=spans,
        raci=raci.result(),
        coordination=coordination,
        training=training,
        skill_gaps_by_role=gaps.result(),
        model=model,
        unit_sides=UnitSides(
            central=sorted(u for u, side in shape.sides.items() if side == "central"),
            edge=sorted(u for u, side in shape.sides.items() if side == "edge"),
        ),
        unavailable=[] if ownership is not None else ["training", "model"],
    )


async def _raci(session: AsyncSession, tenant_id: uuid.UUID) -> RaciSummary:
    return await raci_summary(await session.connection(), tenant_id)


async def _gap_counts(session: AsyncSession, tenant_id: uuid.UUID) -> list[RoleGapCount]:
    return await skill_gap_counts_by_role(await session.connection(), tenant_id)


async def _small(
    session: AsyncSession, tenant_id: uuid.UUID
) -> tuple[inference.OrgShape, SpansOfControl, CoordinationSummary]:
    return (
        await inference.org_shape(session, tenant_id),
        await _spans(session, tenant_id),
        await coordination_summary(await session.connection(), tenant_id),
    )


async def _ownership(
    inventory: InventoryClient, principal: Principal, allow_partial: bool
) -> list[ToolOwnership] | None:
    """The tenant's tools and owners; None when the inventory cannot answer and a partial
    answer is allowed."""
    try:
        return await inventory.all_ownership(principal)
    except (ServiceUnavailable, GatewayTimeout):
        if not allow_partial:
            raise
        return None


def _people(shape: inference.OrgShape) -> PeopleDistribution:
    central, edge, unassigned = shape.people_by_side()
    return PeopleDistribution(
        active=central + edge + unassigned,
        central=central,
        edge=edge,
        unassigned=unassigned,
        centralisation_ratio=central / (central + edge) if central + edge else None,
    )


def _centres(shape: inference.OrgShape) -> CentreOfExcellenceSize:
    parents = {unit_id: parent_id for unit_id, parent_id, _, _ in shape.units}
    centres = {unit_id for unit_id, _, unit_type, _ in shape.units if unit_type in _CENTRES}
    inside = within(parents, centres)
    people = sum(count for unit_id, count in shape.people_by_unit.items() if unit_id in inside)
    return CentreOfExcellenceSize(units=len(centres), people=people)


async def _spans(session: AsyncSession, tenant_id: uuid.UUID) -> SpansOfControl:
    reports = await repository.active_report_counts(session, tenant_id)
    return SpansOfControl(
        managers=len(reports),
        mean=statistics.fmean(reports) if reports else None,
        median=statistics.median(reports) if reports else None,
        max=max(reports) if reports else None,
        wide=sum(1 for count in reports if count > WIDE_SPAN),
    )
