"""Training coverage: the share of people trained on the tools they own or use.

A person's tools are the tenant's non-retired inventory tools that name the person as an owner,
or name the person's unit as an owner unit. A person is trained on a tool when they completed a
wave whose `tool_ids` contain it, and covered when trained on every one of their tools. Only
active people count. Three queries whatever the size of the organisation (people in scope, their
completed enrolments, the tenant's waves); the rest is set arithmetic in memory.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_org.people.models import Person
from mops_org.roles.models import PersonRole
from mops_org.training.models import TrainingEnrolment, TrainingWave
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.contracts.org_metrics import TrainingCoverage
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.db import among, table_of

# Core columns: the selects made of these run as Core (rows, no entities).
_people = table_of(Person).c
_holdings = table_of(PersonRole).c
_waves = table_of(TrainingWave).c
_enrolments = table_of(TrainingEnrolment).c


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class ToolsByOwner:
    """The non-retired tools of the inventory's ownership report, by owning person and unit."""

    by_person: dict[uuid.UUID, set[uuid.UUID]]
    by_unit: dict[uuid.UUID, set[uuid.UUID]]


def tools_by_owner(ownership: list[ToolOwnership]) -> ToolsByOwner:
    by_person: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    by_unit: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for tool in ownership:
        if tool.tool_status == ToolStatus.retired:
            continue
        for owner in tool.owners:
            if owner.person_id is not None:
                by_person[owner.person_id].add(tool.tool_id)
            if owner.unit_id is not None:
                by_unit[owner.unit_id].add(tool.tool_id)
    return ToolsByOwner(dict(by_person), dict(by_unit))


# The tenant is this parameter of every statement here.
_TENANT: Any = bindparam("tenant_id")


def _people_in_scope(
    conn: AsyncConnection, unit_ids: set[uuid.UUID] | None, role_id: uuid.UUID | None
) -> Select[uuid.UUID, uuid.UUID | None]:
    stmt = select(_people.id, _people.unit_id).where(
        _people.tenant_id == _TENANT, _people.active.is_(True)
    )
    if unit_ids is not None:
        stmt = stmt.where(among(conn, _people.unit_id, unit_ids))
    if role_id is not None:
        holders = select(_holdings.person_id).where(
            _holdings.tenant_id == _TENANT, _holdings.role_id == role_id
        )
        stmt = stmt.where(_people.id.in_(holders.scalar_subquery()))
    return stmt


@dataclass(frozen=True)
class _ScopeQueries:
    """The people in a scope (id, unit_id), how many per unit, and their completed
    enrolments (id, unit_id, wave_id)."""

    scope: Select[uuid.UUID, uuid.UUID | None]
    per_unit: Select[Any]
    completions: Select[Any]


def _queries(scope: Select[uuid.UUID, uuid.UUID | None]) -> _ScopeQueries:
    counted = scope.subquery("scope")
    return _ScopeQueries(
        scope=scope,
        per_unit=select(counted.c.unit_id, func.count()).group_by(counted.c.unit_id),
        completions=select(counted.c.id, counted.c.unit_id, _enrolments.wave_id)
        .join(table_of(TrainingEnrolment), _enrolments.person_id == counted.c.id)
        .where(_enrolments.tenant_id == _TENANT, _enrolments.completed_at.is_not(None)),
    )


# Built once, for the whole tenant (the metrics' scope, and the coverage's without a filter): a
# statement object caches its own cache key, so reusing it skips that walk.
_EVERYONE = _queries(
    select(_people.id, _people.unit_id).where(
        _people.tenant_id == _TENANT, _people.active.is_(True)
    )
)
_WAVE_TOOLS = select(_waves.id, _waves.tool_ids).where(_waves.tenant_id == _TENANT)


@dataclass(frozen=True)
class CoverageInputs:
    """What coverage needs of the org service's own data: how many people in scope each unit
    has, and the people in scope who completed a wave with tools, with the tools and their
    unit. Everyone else in a unit counts the same, so they are counted, not read."""

    people_by_unit: dict[uuid.UUID | None, int]
    trained: dict[uuid.UUID, set[uuid.UUID]]
    unit_of: dict[uuid.UUID, uuid.UUID | None]  # the unit of each trained or owning person
    scope: Select[uuid.UUID, uuid.UUID | None]
    tenant_id: uuid.UUID


async def coverage_inputs(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    unit_ids: set[uuid.UUID] | None = None,
    role_id: uuid.UUID | None = None,
) -> CoverageInputs:
    """Three queries (people in scope per unit, the tenant's waves, the completions in scope),
    whatever the size of the organisation."""
    if unit_ids is None and role_id is None:
        queries = _EVERYONE
    else:
        queries = _queries(_people_in_scope(conn, unit_ids, role_id))
    if unit_ids == set():
        return CoverageInputs({}, {}, {}, queries.scope, tenant_id)
    params = {"tenant_id": tenant_id}
    people_by_unit: dict[uuid.UUID | None, int] = {
        unit_id: int(count)
        for unit_id, count in (await conn.execute(queries.per_unit, params)).all()
    }
    wave_tools = {
        wave_id: {uuid.UUID(str(tool_id)) for tool_id in tool_ids}
        for wave_id, tool_ids in (await conn.execute(_WAVE_TOOLS, params)).all()
        if tool_ids
    }
    trained: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    unit_of: dict[uuid.UUID, uuid.UUID | None] = {}
    if wave_tools:
        for person_id, unit_id, wave_id in (await conn.execute(queries.completions, params)).all():
            if wave_id in wave_tools:
                trained[person_id] |= wave_tools[wave_id]
                unit_of[person_id] = unit_id
    return CoverageInputs(people_by_unit, dict(trained), unit_of, queries.scope, tenant_id)


async def add_owners(
    conn: AsyncConnection, inputs: CoverageInputs, owned: ToolsByOwner
) -> CoverageInputs:
    """The inputs with the unit of every person in scope who owns a tool in their own name
    (one query for those of them not already known)."""
    wanted = [person for person in owned.by_person if person not in inputs.unit_of]
    if not wanted or not inputs.people_by_unit:
        return inputs
    owners = inputs.scope.where(among(conn, _people.id, wanted))
    unit_of = dict(inputs.unit_of)
    found = await conn.execute(owners, {"tenant_id": inputs.tenant_id})
    unit_of.update((row[0], row[1]) for row in found.all())
    return CoverageInputs(
        inputs.people_by_unit, inputs.trained, unit_of, inputs.scope, inputs.tenant_id
    )


def compute_coverage(inputs: CoverageInputs, owned: ToolsByOwner) -> TrainingCoverage:
    """Coverage from the org's inputs (`add_owners` applied) and the tools by owner."""
    by_person, by_unit = owned.by_person, owned.by_unit
    covered = with_tools = assignments = trained_assignments = 0
    # The people read one by one: those who completed a wave, and those who own in their name.
    apart: dict[uuid.UUID | None, int] = defaultdict(int)
    for person_id, unit_id in inputs.unit_of.items():
        apart[unit_id] += 1
        own = by_person.get(person_id)
        of_unit = by_unit.get(unit_id) if unit_id is not None else None
        tools = own | of_unit if own and of_unit else own or of_unit
        if not tools:
            continue
        trained = inputs.trained.get(person_id)
        done = len(tools & trained) if trained else 0
        with_tools += 1
        assignments += len(tools)
        trained_assignments += done
        covered += done == len(tools)
    # Everyone else has their unit's tools and is trained on none of them.
    for unit_id, count in inputs.people_by_unit.items():
        of_unit = by_unit.get(unit_id) if unit_id is not None else None
        rest = count - apart.get(unit_id, 0)
        if of_unit and rest:
            with_tools += rest
            assignments += rest * len(of_unit)
    return TrainingCoverage(
        people=sum(inputs.people_by_unit.values()),
        people_with_tools=with_tools,
        people_covered=covered,
        coverage=_ratio(covered, with_tools),
        tool_assignments=assignments,
        trained_assignments=trained_assignments,
        assignment_coverage=_ratio(trained_assignments, assignments),
    )


async def training_coverage(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    ownership: list[ToolOwnership],
    *,
    unit_ids: set[uuid.UUID] | None = None,
    role_id: uuid.UUID | None = None,
) -> TrainingCoverage:
    """Coverage of the tenant's active people: all of them, or those in `unit_ids` (the caller
    expands a unit to its subtree) and/or holding `role_id`. `ownership` is the inventory's
    ownership report (`InventoryClient.all_ownership`); retired tools in it are ignored."""
    inputs = await coverage_inputs(conn, tenant_id, unit_ids=unit_ids, role_id=role_id)
    owned = tools_by_owner(ownership)
    return compute_coverage(await add_owners(conn, inputs, owned), owned)
