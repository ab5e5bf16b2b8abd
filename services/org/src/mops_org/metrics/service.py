"""The organisation in figures: a few set-based queries per metric, the inventory asked once."""

from __future__ import annotations

import statistics
import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_org.coordination.service import coordination_summary
from mops_org.people.models import Person
from mops_org.profile import inference
from mops_org.profile.service import infer_from
from mops_org.raci.service import raci_summary
from mops_org.roles.gaps import skill_gap_counts_by_role
from mops_org.training.coverage import training_coverage
from mops_shared.auth import Principal
from mops_shared.clients import InventoryClient
from mops_shared.errors import GatewayTimeout, ServiceUnavailable
from mops_shared.schemas.org import UnitType
from mops_shared.schemas.org_metrics import (
    WIDE_SPAN,
    CentreOfExcellenceSize,
    OrgMetrics,
    PeopleDistribution,
    SpansOfControl,
)
from mops_shared.schemas.reports import ToolOwnership

_CENTRES = (UnitType.centre_of_excellence.value, UnitType.marketing_ops_centre.value)


async def org_metrics(
    session: AsyncSession,
    principal: Principal,
    inventory: InventoryClient,
    *,
    allow_partial: bool,
) -> OrgMetrics:
    tenant_id = principal.tenant_id
    unavailable: list[str] = []
    ownership: list[ToolOwnership] | None
    try:
        # The inventory first: no database transaction is held open while it answers.
        ownership = await inventory.all_ownership(principal)
    except (ServiceUnavailable, GatewayTimeout):
        if not allow_partial:
            raise
        ownership = None
        unavailable = ["training", "model"]
    shape = await inference.org_shape(session, tenant_id)
    model = (
        await infer_from(session, tenant_id, ownership, shape) if ownership is not None else None
    )
    return OrgMetrics(
        people=_people(shape),
        centre_of_excellence=_centres(shape),
        spans_of_control=await _spans(session, tenant_id),
        raci=await raci_summary(session, tenant_id),
        coordination=await coordination_summary(session, tenant_id),
        training=(
            await training_coverage(session, tenant_id, ownership)
            if ownership is not None
            else None
        ),
        skill_gaps_by_role=await skill_gap_counts_by_role(session, tenant_id),
        model=model,
        unavailable=unavailable,
    )


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
    parent = {unit_id: parent_id for unit_id, parent_id, _, _ in shape.units}
    centres = {unit_id for unit_id, _, unit_type, _ in shape.units if unit_type in _CENTRES}
    inside: dict[uuid.UUID, bool] = {}

    def in_centre(unit_id: uuid.UUID) -> bool:
        # Walks up to the first unit already known (or a root); the tree never loops.
        trail: list[uuid.UUID] = []
        current: uuid.UUID | None = unit_id
        found = False
        while current is not None:
            if current in inside:
                found = inside[current]
                break
            trail.append(current)
            if current in centres:
                found = True
                break
            current = parent.get(current)
        for seen in trail:
            inside[seen] = found
        return found

    people = sum(
        count
        for unit_id, count in shape.people_by_unit.items()
        if unit_id is not None and in_centre(unit_id)
    )
    return CentreOfExcellenceSize(units=len(centres), people=people)


async def _spans(session: AsyncSession, tenant_id: uuid.UUID) -> SpansOfControl:
    reports = [
        count
        for (count,) in await session.execute(
            select(func.count())
            .where(
                col(Person.tenant_id) == tenant_id,
                col(Person.active),
                col(Person.manager_id).is_not(None),
            )
            .group_by(col(Person.manager_id))
        )
    ]
    return SpansOfControl(
        managers=len(reports),
        mean=statistics.fmean(reports) if reports else None,
        median=statistics.median(reports) if reports else None,
        max=max(reports) if reports else None,
        wide=sum(1 for count in reports if count > WIDE_SPAN),
    )
