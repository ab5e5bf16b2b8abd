"""The operating model the data suggests: where the marketing people and the tool ownership sit.

A unit is *edge* when it is a business unit or a region, or lies below one; every other unit is
*central*. `model_basis` counts people and tools on each side and `infer_model` applies the
rules of `INFERENCE_RULES` to those figures (pure, so the metrics can reuse both with an
ownership list fetched once).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import bindparam, func, select

from mops_org.db import Db, connection_of
from mops_org.people.models import Person
from mops_org.units.models import Unit
from mops_org.units.tree import within
from mops_shared.contracts.org import UnitRole, UnitType
from mops_shared.contracts.org_profile import ModelBasis, OperatingModel
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.db import among, table_of

# Core columns: the selects made of these run as Core (rows, no entities).
_unit_columns = table_of(Unit).c
_people = table_of(Person).c

UnitSide = Literal["central", "edge"]

# Unit types that are the edge of the organisation, with every unit below them.
EDGE_UNIT_TYPES = frozenset({UnitType.business_unit.value, UnitType.region.value})
# At or above this share of people (and of owned tools) in central units: centralized.
CENTRALIZED_MIN_SHARE = 0.85
# At or below this share of people (and of owned tools) in central units: independent.
INDEPENDENT_MAX_SHARE = 0.25

INFERENCE_RULES = (
    "A unit is *edge* when its type is `business_unit` or `region` or it lies below such a "
    "unit; every other unit is *central*. Active people in a unit count as central or edge "
    "people. A tool (retired ones left out) is owned by the units its owners name, or, for an "
    "owner naming only a person, by that person's unit; it is a central tool when all its "
    "owning units are central, an edge tool when all are edge, shared when both, unowned when "
    "it has none. The people share is central / (central + edge) people; the tool share is "
    "central / (central + edge + shared) tools. The first rule that applies decides:\n\n"
    "1. no person in a unit and no tool with an owning unit: `inferred` is null (not enough "
    "data);\n"
    "2. at least one unit with role `hub` and one with role `spoke`: `hub_and_spoke`;\n"
    f"3. people share ≥ {CENTRALIZED_MIN_SHARE:.2f} and tool share ≥ "
    f"{CENTRALIZED_MIN_SHARE:.2f}: `centralized`;\n"
    f"4. people share ≤ {INDEPENDENT_MAX_SHARE:.2f} and tool share ≤ "
    f"{INDEPENDENT_MAX_SHARE:.2f}: `independent`;\n"
    "5. otherwise `hybrid_matrix`.\n\n"
    "In rules 3 and 4 a share that cannot be computed (no person in a unit, or no owned tool) "
    "does not count against the rule. `agrees` compares the inferred model with the declared "
    "one and is null when either is null."
)


def _sides(rows: Iterable[tuple[uuid.UUID, uuid.UUID | None, str]]) -> dict[uuid.UUID, UnitSide]:
    """Each unit's side from (id, parent_id, type): edge when it or a unit above it is edge."""
    parents: dict[uuid.UUID, uuid.UUID | None] = {}
    edge_types: set[uuid.UUID] = set()
    for unit_id, parent_id, type_ in rows:
        parents[unit_id] = parent_id
        if type_ in EDGE_UNIT_TYPES:
            edge_types.add(unit_id)
    edge = within(parents, edge_types)
    return {unit_id: "edge" if unit_id in edge else "central" for unit_id in parents}


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_UNITS = select(
    _unit_columns.id, _unit_columns.parent_id, _unit_columns.type, _unit_columns.role
).where(_unit_columns.tenant_id == bindparam("tenant_id"))
_ACTIVE_PEOPLE_BY_UNIT = (
    select(_people.unit_id, func.count())
    .where(_people.tenant_id == bindparam("tenant_id"), _people.active.is_(True))
    .group_by(_people.unit_id)
)


async def _unit_rows(
    db: Db, tenant_id: uuid.UUID
) -> Sequence[tuple[uuid.UUID, uuid.UUID | None, str, str | None]]:
    result = await (await connection_of(db)).execute(_UNITS, {"tenant_id": tenant_id})
    return [(row[0], row[1], row[2], row[3]) for row in result]


async def classify_units(db: Db, tenant_id: uuid.UUID) -> dict[uuid.UUID, UnitSide]:
    """Every unit of the tenant, `central` or `edge` (one query, a walk in Python)."""
    rows = await _unit_rows(db, tenant_id)
    return _sides((unit_id, parent_id, type_) for unit_id, parent_id, type_, _ in rows)


async def _active_people_by_unit(db: Db, tenant_id: uuid.UUID) -> dict[uuid.UUID | None, int]:
    conn = await connection_of(db)
    result = await conn.execute(_ACTIVE_PEOPLE_BY_UNIT, {"tenant_id": tenant_id})
    return {unit_id: int(count) for unit_id, count in result}


async def _units_of_people(
    db: Db, tenant_id: uuid.UUID, person_ids: set[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """The unit of each of these people of the tenant who is in one."""
    if not person_ids:
        return {}
    conn = await connection_of(db)
    result = await conn.execute(
        select(_people.id, _people.unit_id).where(
            _people.tenant_id == tenant_id,
            among(conn, _people.id, person_ids),
            _people.unit_id.is_not(None),
        )
    )
    return {person_id: unit_id for person_id, unit_id in result.all() if unit_id is not None}


def _owning_units(tool: ToolOwnership, person_units: dict[uuid.UUID, uuid.UUID]) -> set[uuid.UUID]:
    """The units its owners name, or, for an owner naming only a person, that person's unit."""
    units: set[uuid.UUID] = set()
    for owner in tool.owners:
        if owner.unit_id is not None:
            units.add(owner.unit_id)
        elif owner.person_id is not None and owner.person_id in person_units:
            units.add(person_units[owner.person_id])
    return units


def _share(central: int, total: int) -> float | None:
    return central / total if total else None


@dataclass(frozen=True)
class OrgShape:
    """The tenant's units and where its active people are: what several metrics read."""

    units: Sequence[tuple[uuid.UUID, uuid.UUID | None, str, str | None]]  # id, parent, type, role
    sides: dict[uuid.UUID, UnitSide]
    people_by_unit: dict[uuid.UUID | None, int]  # active people per unit (None: no unit)

    def people_by_side(self) -> tuple[int, int, int]:
        """(central, edge, unassigned) active people."""
        people = {"central": 0, "edge": 0}
        unassigned = 0
        for unit_id, count in self.people_by_unit.items():
            side = self.sides.get(unit_id) if unit_id is not None else None
            if side is None:
                unassigned += count
            else:
                people[side] += count
        return people["central"], people["edge"], unassigned


async def org_shape(db: Db, tenant_id: uuid.UUID) -> OrgShape:
    """Two queries: the units, and the active people per unit."""
    rows = await _unit_rows(db, tenant_id)
    return OrgShape(
        units=rows,
        sides=_sides((unit_id, parent_id, type_) for unit_id, parent_id, type_, _ in rows),
        people_by_unit=await _active_people_by_unit(db, tenant_id),
    )


async def model_basis(
    db: Db,
    tenant_id: uuid.UUID,
    ownership: list[ToolOwnership],
    shape: OrgShape | None = None,
) -> ModelBasis:
    """The people and tool figures of the tenant the model is inferred from; `ownership` is
    the inventory's list of the tenant's tools with their owners (and `shape` the units and
    people, when the caller has them already)."""
    shape = shape or await org_shape(db, tenant_id)
    sides = shape.sides
    roles = [role for *_, role in shape.units]
    central_people, edge_people, unassigned = shape.people_by_side()
    people = {"central": central_people, "edge": edge_people}

    person_only = {
        owner.person_id
        for tool in ownership
        for owner in tool.owners
        if owner.unit_id is None and owner.person_id is not None
    }
    person_units = await _units_of_people(db, tenant_id, person_only)
    tools = {"central": 0, "edge": 0, "shared": 0, "unowned": 0}
    for tool in ownership:
        # Units the tenant does not have (deleted since, or never its own) tell nothing.
        tool_sides = {
            sides[unit_id] for unit_id in _owning_units(tool, person_units) if unit_id in sides
        }
        if not tool_sides:
            tools["unowned"] += 1
        elif len(tool_sides) == 2:
            tools["shared"] += 1
        else:
            tools[tool_sides.pop()] += 1

    owned = tools["central"] + tools["edge"] + tools["shared"]
    return ModelBasis(
        central_people=people["central"],
        edge_people=people["edge"],
        unassigned_people=unassigned,
        central_people_share=_share(people["central"], people["central"] + people["edge"]),
        central_tools=tools["central"],
        edge_tools=tools["edge"],
        shared_tools=tools["shared"],
        unowned_tools=tools["unowned"],
        central_tool_share=_share(tools["central"], owned),
        hub_units=roles.count(UnitRole.hub.value),
        spoke_units=roles.count(UnitRole.spoke.value),
    )


def _units(count: int, role: str) -> str:
    return f"{count} {role} unit{'' if count == 1 else 's'}"


def _percent(share: float) -> str:
    value = round(share * 100, 1)
    return f"{value:g}%"


def _share_check(
    basis: ModelBasis, model: OperatingModel, threshold: float, *, at_least: bool
) -> tuple[bool, str]:
    """Whether both shares are on the model's side of the threshold, and why (or why not)."""
    people = basis.central_people + basis.edge_people
    owned = basis.central_tools + basis.edge_tools + basis.shared_tools
    facts: list[str] = []
    holds = True
    for share, text in (
        (
            basis.central_people_share,
            f"of people ({basis.central_people} of {people}) are in central units",
        ),
        (
            basis.central_tool_share,
            f"of owned tools ({basis.central_tools} of {owned}) are owned centrally only",
        ),
    ):
        if share is None:
            continue
        ok = share >= threshold if at_least else share <= threshold
        holds = holds and ok
        side = ("at least" if ok else "below") if at_least else ("at most" if ok else "above")
        facts.append(f"{_percent(share)} {text}, {side} {_percent(threshold)}")
    return holds, f"{'; '.join(facts)}: {'' if holds else 'not '}{model.value}"


def infer_model(
    basis: ModelBasis, hub_units: int, spoke_units: int
) -> tuple[OperatingModel | None, list[str]]:
    """The model the figures suggest (None without enough data) and the reasons, one per rule
    applied, in order (see INFERENCE_RULES)."""
    people = basis.central_people + basis.edge_people
    owned = basis.central_tools + basis.edge_tools + basis.shared_tools
    if not people and not owned:
        return None, [
            "no active person is in a unit and no tool has an owning unit: not enough data"
        ]
    reasons: list[str] = []
    if hub_units and spoke_units:
        reasons.append(
            f"{_units(hub_units, 'hub')} and {_units(spoke_units, 'spoke')}: hub_and_spoke"
        )
        return OperatingModel.hub_and_spoke, reasons
    reasons.append(
        f"not both a hub and a spoke unit ({_units(hub_units, 'hub')}, "
        f"{_units(spoke_units, 'spoke')}): not hub_and_spoke"
    )
    for model, threshold, at_least in (
        (OperatingModel.centralized, CENTRALIZED_MIN_SHARE, True),
        (OperatingModel.independent, INDEPENDENT_MAX_SHARE, False),
    ):
        holds, reason = _share_check(basis, model, threshold, at_least=at_least)
        reasons.append(reason)
        if holds:
            return model, reasons
    reasons.append("neither mostly central nor mostly at the edge: hybrid_matrix")
    return OperatingModel.hybrid_matrix, reasons
