"""The operating model the data suggests: where the marketing people and the tool ownership sit.

A unit is *edge* (business units, regions), *outside* marketing (sales, IT, legal: see
`SIDE_RULES`) or *central*. `model_basis` counts people and tools on each side, and the people
embedded at the edge from marketing's centres; `infer_model` applies the rules of
`INFERENCE_RULES` to those figures (pure, so the metrics can reuse both with an ownership list
fetched once).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import bindparam, func, or_, select

from mops_org.db import Db, connection_of
from mops_org.people.models import Person
from mops_org.roles.models import PersonRole
from mops_org.units.models import Unit
from mops_org.units.tree import within
from mops_shared.contracts.org import UnitRole, UnitType
from mops_shared.contracts.org_profile import ModelBasis, OperatingModel
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.db import among, table_of

# Core columns: the selects made of these run as Core (rows, no entities).
_unit_columns = table_of(Unit).c
_people = table_of(Person).c

UnitSide = Literal["central", "edge", "outside"]

# Unit types that are the edge of the organisation, with every unit below them.
EDGE_UNIT_TYPES = frozenset({UnitType.business_unit.value, UnitType.region.value})
# Unit types that are marketing's centres (of excellence, of marketing operations): the hubs.
CENTRE_UNIT_TYPES = frozenset(
    {UnitType.centre_of_excellence.value, UnitType.marketing_ops_centre.value}
)
# At or above this share of people (and of owned tools) in central units: centralized.
CENTRALIZED_MIN_SHARE = 0.85
# At or below this share of people (and of owned tools) in central units: independent.
INDEPENDENT_MAX_SHARE = 0.25

SIDE_RULES = (
    "A unit is *edge* when its type is `business_unit` or `region` or it lies below such a "
    "unit. Marketing's centres are the units of type `centre_of_excellence` or "
    "`marketing_ops_centre` and those with role `hub`; when the tenant has one, a `function` "
    "unit with no centre in it or below it (sales, IT, legal) is *outside* marketing, with the "
    "units below it that are not edge (without a centre, mops cannot tell marketing's "
    "function from the others, and counts them all central). Every other unit is *central*."
)

INFERENCE_RULES = (
    f"{SIDE_RULES} Active people in a unit count as central, edge or outside people. A tool "
    "(retired ones left out) is owned by the units its owners name, or, for an owner naming "
    "only a person, by that person's unit; it is a central tool when all its marketing owning "
    "units (central or edge) are central, an edge tool when all are edge, shared when both, an "
    "outside tool when only units outside marketing own it, unowned when it has no owning "
    "unit. The people share is central / (central + edge) people; the tool share is central "
    "/ (central + edge + shared) tools: people and tools outside marketing count in neither. "
    "An edge person is *embedded* from a centre when their manager is an active person of a "
    "centre (or of a unit below one), or when they hold a role that an active person of a "
    "centre holds. The first rule that applies decides:\n\n"
    "1. no person in a marketing unit and no tool with a marketing owning unit: `inferred` is "
    "null (not enough data);\n"
    "2. at least one unit with role `hub` and one with role `spoke` (the labels), or a centre "
    "with active people serving edge units through people embedded from it (the structure): "
    "`hub_and_spoke`;\n"
    f"3. people share ≥ {CENTRALIZED_MIN_SHARE:.2f} and tool share ≥ "
    f"{CENTRALIZED_MIN_SHARE:.2f}: `centralized`;\n"
    f"4. people share ≤ {INDEPENDENT_MAX_SHARE:.2f} and tool share ≤ "
    f"{INDEPENDENT_MAX_SHARE:.2f}: `independent`;\n"
    "5. otherwise `hybrid_matrix`.\n\n"
    "In rules 3 and 4 a share that cannot be computed (no person in a unit, or no owned tool) "
    "does not count against the rule. `agrees` compares the inferred model with the declared "
    "one and is null when either is null."
)

UnitRow = tuple[uuid.UUID, uuid.UUID | None, str, str | None]  # id, parent, type, role


def _ancestors(parents: dict[uuid.UUID, uuid.UUID | None], unit_id: uuid.UUID) -> set[uuid.UUID]:
    """The unit and every unit above it."""
    seen: set[uuid.UUID] = set()
    current: uuid.UUID | None = unit_id
    while current is not None and current not in seen:
        seen.add(current)
        current = parents.get(current)
    return seen


def _sides(rows: Iterable[UnitRow]) -> dict[uuid.UUID, UnitSide]:
    """Each unit's side (see SIDE_RULES)."""
    parents: dict[uuid.UUID, uuid.UUID | None] = {}
    edge_types: set[uuid.UUID] = set()
    functions: set[uuid.UUID] = set()
    markers: set[uuid.UUID] = set()
    for unit_id, parent_id, type_, role in rows:
        parents[unit_id] = parent_id
        if type_ in EDGE_UNIT_TYPES:
            edge_types.add(unit_id)
        elif type_ == UnitType.function.value:
            functions.add(unit_id)
        if type_ in CENTRE_UNIT_TYPES or role == UnitRole.hub.value:
            markers.add(unit_id)
    edge = within(parents, edge_types)
    outside: set[uuid.UUID] = set()
    if markers:
        marketing = {f for m in markers for f in _ancestors(parents, m) if f in functions}
        outside = within(parents, functions - marketing) - within(parents, marketing) - edge
    return {
        unit_id: "edge" if unit_id in edge else "outside" if unit_id in outside else "central"
        for unit_id in parents
    }


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_UNITS = select(
    _unit_columns.id, _unit_columns.parent_id, _unit_columns.type, _unit_columns.role
).where(_unit_columns.tenant_id == bindparam("tenant_id"))
_ACTIVE_PEOPLE_BY_UNIT = (
    select(_people.unit_id, func.count())
    .where(_people.tenant_id == bindparam("tenant_id"), _people.active.is_(True))
    .group_by(_people.unit_id)
)


async def _unit_rows(db: Db, tenant_id: uuid.UUID) -> Sequence[UnitRow]:
    result = await (await connection_of(db)).execute(_UNITS, {"tenant_id": tenant_id})
    return [(row[0], row[1], row[2], row[3]) for row in result]


async def classify_units(db: Db, tenant_id: uuid.UUID) -> dict[uuid.UUID, UnitSide]:
    """Every unit of the tenant, `central` or `edge` (one query, a walk in Python)."""
    return _sides(await _unit_rows(db, tenant_id))


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
class PeopleBySide:
    """Active people by side of their unit."""

    central: int
    edge: int
    outside: int
    unassigned: int


@dataclass(frozen=True)
class OrgShape:
    """The tenant's units and where its active people are: what several metrics read."""

    units: Sequence[UnitRow]
    sides: dict[uuid.UUID, UnitSide]
    people_by_unit: dict[uuid.UUID | None, int]  # active people per unit (None: no unit)

    def people_by_side(self) -> PeopleBySide:
        people = {"central": 0, "edge": 0, "outside": 0}
        unassigned = 0
        for unit_id, count in self.people_by_unit.items():
            side = self.sides.get(unit_id) if unit_id is not None else None
            if side is None:
                unassigned += count
            else:
                people[side] += count
        return PeopleBySide(unassigned=unassigned, **people)

    def units_of(self, side: UnitSide) -> list[uuid.UUID]:
        return sorted(unit_id for unit_id, of in self.sides.items() if of == side)

    def centre_units(self) -> set[uuid.UUID]:
        """The centres (by type) and every unit below one of them, wherever they are."""
        parents = {unit_id: parent_id for unit_id, parent_id, _, _ in self.units}
        centres = {unit_id for unit_id, _, type_, _ in self.units if type_ in CENTRE_UNIT_TYPES}
        return within(parents, centres)

    def hubs(self) -> set[uuid.UUID]:
        """Marketing's centres as SIDE_RULES reads them (centres by type, and units labelled
        `hub`) with the units below them, but for those of a region or business unit: where
        people are embedded from."""
        parents = {unit_id: parent_id for unit_id, parent_id, _, _ in self.units}
        centres = {
            unit_id
            for unit_id, _, type_, role in self.units
            if type_ in CENTRE_UNIT_TYPES or role == UnitRole.hub.value
        }
        return {unit_id for unit_id in within(parents, centres) if self.sides[unit_id] != "edge"}


async def org_shape(db: Db, tenant_id: uuid.UUID) -> OrgShape:
    """Two queries: the units, and the active people per unit."""
    rows = await _unit_rows(db, tenant_id)
    return OrgShape(
        units=rows,
        sides=_sides(rows),
        people_by_unit=await _active_people_by_unit(db, tenant_id),
    )


_manager = table_of(Person).alias("manager")
_hub_person = table_of(Person).alias("hub_person")
_holdings = table_of(PersonRole).c
_hub_holding = table_of(PersonRole).alias("hub_holding")


async def _embedded(db: Db, tenant_id: uuid.UUID, shape: OrgShape) -> dict[uuid.UUID, int]:
    """Per edge unit, its active people embedded from a centre: managed by an active person
    of a centre, or holding a role an active person of a centre holds (one query, none when
    there is no centre or no edge unit)."""
    hubs, edge = shape.hubs(), shape.units_of("edge")
    if not hubs or not edge:
        return {}
    conn = await connection_of(db)
    managed = (
        select(_manager.c.id)
        .where(
            _manager.c.id == _people.manager_id,
            _manager.c.tenant_id == tenant_id,
            _manager.c.active.is_(True),
            among(conn, _manager.c.unit_id, hubs),
        )
        .exists()
    )
    hub_roles = (
        select(_hub_holding.c.role_id)
        .join(_hub_person, _hub_person.c.id == _hub_holding.c.person_id)
        .where(
            _hub_person.c.tenant_id == tenant_id,
            _hub_person.c.active.is_(True),
            among(conn, _hub_person.c.unit_id, hubs),
        )
    )
    shares_role = (
        select(_holdings.person_id)
        .where(_holdings.person_id == _people.id, _holdings.role_id.in_(hub_roles))
        .exists()
    )
    result = await conn.execute(
        select(_people.unit_id, func.count())
        .where(
            _people.tenant_id == tenant_id,
            _people.active.is_(True),
            among(conn, _people.unit_id, edge),
            or_(managed, shares_role),
        )
        .group_by(_people.unit_id)
    )
    return {unit_id: int(count) for unit_id, count in result}


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
    people = shape.people_by_side()

    person_only = {
        owner.person_id
        for tool in ownership
        for owner in tool.owners
        if owner.unit_id is None and owner.person_id is not None
    }
    person_units = await _units_of_people(db, tenant_id, person_only)
    tools = {"central": 0, "edge": 0, "shared": 0, "outside": 0, "unowned": 0}
    for tool in ownership:
        # Units the tenant does not have (deleted since, or never its own) tell nothing.
        tool_sides = {
            sides[unit_id] for unit_id in _owning_units(tool, person_units) if unit_id in sides
        }
        marketing = tool_sides - {"outside"}
        if not tool_sides:
            tools["unowned"] += 1
        elif not marketing:
            tools["outside"] += 1
        elif len(marketing) == 2:
            tools["shared"] += 1
        else:
            tools[marketing.pop()] += 1
    embedded = await _embedded(db, tenant_id, shape)

    owned = tools["central"] + tools["edge"] + tools["shared"]
    return ModelBasis(
        central_people=people.central,
        edge_people=people.edge,
        outside_people=people.outside,
        unassigned_people=people.unassigned,
        central_people_share=_share(people.central, people.central + people.edge),
        central_tools=tools["central"],
        edge_tools=tools["edge"],
        shared_tools=tools["shared"],
        outside_tools=tools["outside"],
        unowned_tools=tools["unowned"],
        central_tool_share=_share(tools["central"], owned),
        hub_units=roles.count(UnitRole.hub.value),
        spoke_units=roles.count(UnitRole.spoke.value),
        centre_people=sum(shape.people_by_unit.get(unit_id, 0) for unit_id in shape.hubs()),
        embedded_people=sum(embedded.values()),
        served_edge_units=len(embedded),
    )


def _units(count: int, role: str) -> str:
    return f"{count} {role} unit{'' if count == 1 else 's'}"


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


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
            "no active person is in a marketing unit and no tool has a marketing owning unit: "
            "not enough data"
        ]
    reasons: list[str] = []
    if hub_units and spoke_units:
        reasons.append(
            f"{_units(hub_units, 'hub')} and {_units(spoke_units, 'spoke')}: hub_and_spoke"
        )
        return OperatingModel.hub_and_spoke, reasons
    if basis.centre_people and basis.embedded_people:
        reasons.append(
            f"centres of {_count(basis.centre_people, 'person', 'people')} serve "
            f"{_units(basis.served_edge_units, 'edge')} through "
            f"{_count(basis.embedded_people, 'person', 'people')} embedded from them (managed "
            "from a centre, or holding a centre's role): hub_and_spoke"
        )
        return OperatingModel.hub_and_spoke, reasons
    reasons.append(
        f"not both a hub and a spoke unit ({_units(hub_units, 'hub')}, "
        f"{_units(spoke_units, 'spoke')}), and no edge person embedded from a staffed centre: "
        "not hub_and_spoke"
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
