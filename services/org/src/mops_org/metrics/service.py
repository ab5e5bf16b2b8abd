"""The organisation in figures: a few set-based queries per metric, the inventory asked once."""

from __future__ import annotations

import asyncio
import statistics
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

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
from mops_org.profile.inference import CENTRE_UNIT_TYPES
from mops_org.profile.service import infer_from
from mops_org.raci.service import raci_summary
from mops_org.roles.gaps import skill_gap_counts_by_role
from mops_org.training.coverage import (
    add_owners,
    compute_coverage,
    coverage_inputs,
    tools_by_owner,
)
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import GatewayTimeout, ServiceUnavailable
from mops_shared.kit.reads import read_connection

T = TypeVar("T")


_METRICS_JSON = TypeAdapter(OrgMetrics)


async def read_metrics(
    engine: AsyncEngine, principal: Principal, inventory: InventoryClient, *, allow_partial: bool
) -> bytes:
    """`OrgMetrics`' JSON: the figures are computed into their model, written once."""
    metrics = await org_metrics(engine, principal, inventory, allow_partial=allow_partial)
    return _METRICS_JSON.dump_json(metrics, by_alias=True)


async def org_metrics(
    engine: AsyncEngine,
    principal: Principal,
    inventory: InventoryClient,
    *,
    allow_partial: bool,
) -> OrgMetrics:
    """Every metric, the independent ones at once: the inventory prepares the ownership report
    in its own process while this one reads its own database on several connections of the
    read engine (`kit.reads.read_connection`: autocommit, no transaction around the reads)."""
    tenant_id = principal.tenant_id

    async def read(query: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        async with read_connection(engine) as conn:
            return await query(conn)

    # Side by side, and every one of them run to its end: a failure of one (a 503 from the
    # inventory, say) does not cancel the others, as a task group would: a read cancelled
    # while it takes or gives back its connection can leave that connection out of the pool.
    ownership_task = asyncio.ensure_future(_ownership(inventory, principal, allow_partial))
    raci = asyncio.ensure_future(read(lambda c: raci_summary(c, tenant_id)))
    gaps = asyncio.ensure_future(read(lambda c: skill_gap_counts_by_role(c, tenant_id)))
    coverage = asyncio.ensure_future(read(lambda c: coverage_inputs(c, tenant_id)))
    # The quick ones share a connection: four per request at most.
    small = asyncio.ensure_future(read(lambda c: _small(c, tenant_id)))
    results = await asyncio.gather(
        ownership_task, raci, gaps, coverage, small, return_exceptions=True
    )
    # The first failure, in this order (the inventory's first), is the answer, as if sequential.
    failure = next((r for r in results if isinstance(r, BaseException)), None)
    if failure is not None:
        raise failure
    ownership = ownership_task.result()
    shape, spans, coordination = small.result()
    model = training = None
    if ownership is not None:
        owned = tools_by_owner(ownership)
        async with read_connection(engine) as conn:
            model = await infer_from(conn, tenant_id, ownership, shape)
            inputs = await add_owners(conn, coverage.result(), owned)
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
            central=shape.units_of("central"),
            edge=shape.units_of("edge"),
            outside=shape.units_of("outside"),
        ),
        unavailable=[] if ownership is not None else ["training", "model"],
    )


async def _small(
    conn: AsyncConnection, tenant_id: uuid.UUID
) -> tuple[inference.OrgShape, SpansOfControl, CoordinationSummary]:
    return (
        await inference.org_shape(conn, tenant_id),
        await _spans(conn, tenant_id),
        await coordination_summary(conn, tenant_id),
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
    people = shape.people_by_side()
    central, edge = people.central, people.edge
    return PeopleDistribution(
        active=central + edge + people.outside + people.unassigned,
        central=central,
        edge=edge,
        outside=people.outside,
        unassigned=people.unassigned,
        centralisation_ratio=central / (central + edge) if central + edge else None,
    )


def _centres(shape: inference.OrgShape) -> CentreOfExcellenceSize:
    centres = sum(1 for _, _, unit_type, _ in shape.units if unit_type in CENTRE_UNIT_TYPES)
    inside = shape.centre_units()
    people = sum(count for unit_id, count in shape.people_by_unit.items() if unit_id in inside)
    return CentreOfExcellenceSize(units=centres, people=people)


async def _spans(conn: AsyncConnection, tenant_id: uuid.UUID) -> SpansOfControl:
    reports = await repository.active_report_counts(conn, tenant_id)
    return SpansOfControl(
        managers=len(reports),
        mean=statistics.fmean(reports) if reports else None,
        median=statistics.median(reports) if reports else None,
        max=max(reports) if reports else None,
        wide=sum(1 for count in reports if count > WIDE_SPAN),
    )
