"""Skill gaps: what people's roles require against what they hold, computed in SQL.

A person's requirement for a skill is the highest `min_proficiency` any of their roles asks;
what they hold is their proficiency (0 when none is recorded); a gap is a requirement above
what they hold, and the shortfall is the difference. The role and unit views and the counts by
role look at active people only (someone who left has no gap to close); a person's own view
looks at that person whatever their state. Each view is a fixed number of set-based queries,
however many people the tenant has.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    distinct,
    func,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.engine import Result
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_org.people import lookups as people_lookups
from mops_org.people.models import Person
from mops_org.roles import repository
from mops_org.roles.models import PersonRole, PersonSkill, Role, RoleSkill
from mops_org.roles.schemas import (
    GapRole,
    PersonSkillGap,
    RoleHolderGaps,
    RoleRequirementGap,
    RoleSkillGaps,
    UnitSkillGap,
    UnitSkillGaps,
)
from mops_org.units.tree import subtree_cte
from mops_shared.contracts.org_metrics import RoleGapCount
from mops_shared.kit.db import among, table_of
from mops_shared.kit.pagination import keyset_page, split_page

# Core columns: the selects made of these run as Core (rows, no entities).
_holdings = table_of(PersonRole).c
_held_skills = table_of(PersonSkill).c
_role_skills = table_of(RoleSkill).c
_roles = table_of(Role).c
_people = table_of(Person).c

# What a person holds of the skill a requirement row names: 0 without a person_skills row.
_HELD = func.coalesce(_held_skills.proficiency, 0)


def _held_join(person_id: Any, skill_key: Any) -> ColumnElement[bool]:
    """The ON clause joining a person's held skill to a requirement (outer: may hold none).

    No tenant term: the person ids joined on are already the tenant's, and a tenant term would
    invite the planner onto the (tenant_id, skill_key) index, which before statistics exist
    (right after an import) it would probe once per requirement row."""
    return and_(
        _held_skills.person_id == person_id,
        _held_skills.skill_key == skill_key,
    )


def _active_holdings(tenant_id: Any) -> Select[Any]:
    """person_roles rows of the tenant's active people (a base to add columns and joins to)."""
    return (
        select()
        .select_from(table_of(PersonRole))
        .join(table_of(Person), _people.id == _holdings.person_id)
        .where(
            _holdings.tenant_id == tenant_id,
            _people.tenant_id == tenant_id,
            _people.active.is_(True),
        )
    )


# --- one person ----------------------------------------------------------------------------


async def person_gaps(
    conn: AsyncConnection, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> list[PersonSkillGap]:
    """The person's gaps by skill key, from one query over their roles' requirements."""
    rows: Result[Any] = await conn.execute(
        select(
            _role_skills.skill_key.label("key"),
            _role_skills.skill.label("skill"),
            _role_skills.min_proficiency.label("asked"),
            _roles.id.label("role_id"),
            _roles.name.label("role_name"),
            _holdings.position.label("position"),
            _HELD.label("held"),
        )
        .select_from(table_of(PersonRole))
        .join(table_of(Role), _roles.id == _holdings.role_id)
        .join(table_of(RoleSkill), _role_skills.role_id == _holdings.role_id)
        .outerjoin(
            table_of(PersonSkill),
            _held_join(_holdings.person_id, _role_skills.skill_key),
        )
        .where(_holdings.tenant_id == tenant_id, _holdings.person_id == person_id)
    )
    by_skill: dict[str, list[Any]] = {}
    for row in rows:
        by_skill.setdefault(row.key, []).append(row)
    gaps: list[PersonSkillGap] = []
    for key in sorted(by_skill):
        # The highest requirement first, then the person's more important role.
        asks = sorted(by_skill[key], key=lambda r: (-r.asked, r.position))
        top = asks[0]
        if top.held >= top.asked:
            continue
        gaps.append(
            PersonSkillGap(
                skill=top.skill,
                required=top.asked,
                held=top.held,
                shortfall=top.asked - top.held,
                roles=[
                    GapRole(id=r.role_id, name=r.role_name, min_proficiency=r.asked)
                    for r in asks
                    if r.asked > top.held
                ],
            )
        )
    return gaps


# --- by role -------------------------------------------------------------------------------


def _counts_statement(one_role: bool) -> Select[Any]:
    """Every role the tenant sees (or the one of the `role_id` parameter) with its holders and
    gaps, by name; the tenant is the `tenant_id` parameter."""
    tenant_id: Any = bindparam("tenant_id")
    # Per (role, holder) first, then per role: plain sums instead of COUNT(DISTINCT ...), which
    # sorts every requirement row.
    per_holder = (
        _active_holdings(tenant_id)
        .add_columns(
            _holdings.role_id.label("role_id"),
            func.sum(case((_HELD < _role_skills.min_proficiency, 1), else_=0)).label("gaps"),
        )
        .outerjoin(table_of(RoleSkill), _role_skills.role_id == _holdings.role_id)
        .outerjoin(table_of(PersonSkill), _held_join(_holdings.person_id, _role_skills.skill_key))
        .group_by(_holdings.role_id, _holdings.person_id)
    )
    if one_role:
        per_holder = per_holder.where(_holdings.role_id == bindparam("role_id"))
    holders = per_holder.subquery("per_holder")
    counted = (
        select(
            holders.c.role_id,
            func.count().label("people"),
            func.sum(case((holders.c.gaps > 0, 1), else_=0)).label("people_with_gaps"),
            func.sum(holders.c.gaps).label("gaps"),
        )
        .group_by(holders.c.role_id)
        .subquery("counted")
    )
    stmt = (
        select(
            _roles.id,
            _roles.name,
            func.coalesce(counted.c.people, 0),
            func.coalesce(counted.c.people_with_gaps, 0),
            func.coalesce(counted.c.gaps, 0),
        )
        .outerjoin(counted, counted.c.role_id == _roles.id)
        .where(repository.visible_to(tenant_id))
        .order_by(_roles.name_key, _roles.id)
    )
    if one_role:
        stmt = stmt.where(_roles.id == bindparam("role_id"))
    return stmt


# Built once: a statement object caches its own cache key; building this one and walking it
# for its key cost more than running it.
_COUNTS_ALL = _counts_statement(one_role=False)
_COUNTS_ONE = _counts_statement(one_role=True)


async def _counts(
    conn: AsyncConnection, tenant_id: uuid.UUID, role_id: uuid.UUID | None
) -> list[RoleGapCount]:
    """Every role the tenant sees (or just `role_id`) with its holders and gaps, by name, in
    one query."""
    if role_id is None:
        rows = await conn.execute(_COUNTS_ALL, {"tenant_id": tenant_id})
    else:
        rows = await conn.execute(_COUNTS_ONE, {"tenant_id": tenant_id, "role_id": role_id})
    return [
        RoleGapCount(
            role_id=row[0],
            role_name=row[1],
            people=int(row[2]),
            people_with_gaps=int(row[3]),
            gaps=int(row[4]),
        )
        for row in rows
    ]


async def skill_gap_counts_by_role(
    conn: AsyncConnection, tenant_id: uuid.UUID
) -> list[RoleGapCount]:
    """For every role the tenant sees (the built-in ones and its own, held or not), by name:
    the active people holding it, those of them below at least one of its minimum
    proficiencies, and the (person, skill) pairs below them. One query."""
    return await _counts(conn, tenant_id, None)


async def role_gaps_page(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    role_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
) -> RoleSkillGaps:
    """A page of the role's active holders by name, each with its gaps against the role's own
    requirements, and the totals over every holder."""
    sort = people_lookups.PERSON_SORTS["name"]
    holders = (
        select(_people.id, _people.name, _people.unit_id, _people.name_key)
        .join(table_of(PersonRole), _holdings.person_id == _people.id)
        .where(
            _holdings.tenant_id == tenant_id,
            _holdings.role_id == role_id,
            _people.tenant_id == tenant_id,
            _people.active.is_(True),
        )
    )
    rows = (await conn.execute(keyset_page(holders, sort, limit, cursor))).mappings().all()
    people, next_cursor = split_page(rows, sort, limit)
    gaps: dict[uuid.UUID, list[RoleRequirementGap]] = {person["id"]: [] for person in people}
    if people:
        short = await conn.execute(
            select(
                _holdings.person_id,
                _role_skills.skill_key,
                _role_skills.skill,
                _role_skills.min_proficiency,
                _HELD,
            )
            .select_from(table_of(PersonRole))
            .join(table_of(RoleSkill), _role_skills.role_id == _holdings.role_id)
            .outerjoin(
                table_of(PersonSkill),
                _held_join(_holdings.person_id, _role_skills.skill_key),
            )
            .where(
                _holdings.tenant_id == tenant_id,
                _holdings.role_id == role_id,
                among(conn, _holdings.person_id, gaps),
                _HELD < _role_skills.min_proficiency,
            )
        )
        for person_id, _key, skill, required, held in sorted(short, key=lambda r: r[1]):
            gaps[person_id].append(
                RoleRequirementGap(
                    skill=skill, required=required, held=held, shortfall=required - held
                )
            )
    (totals,) = await _counts(conn, tenant_id, role_id)
    return RoleSkillGaps(
        items=[
            RoleHolderGaps(
                person_id=person["id"],
                name=person["name"],
                unit_id=person["unit_id"],
                gaps=gaps[person["id"]],
            )
            for person in people
        ],
        next_cursor=next_cursor,
        totals=totals,
    )


# --- by unit -------------------------------------------------------------------------------


async def unit_gaps(
    conn: AsyncConnection, tenant_id: uuid.UUID, unit_id: uuid.UUID, *, include_subunits: bool
) -> UnitSkillGaps:
    """Per skill, over the active people of the unit (and of the units below it when asked):
    who requires it, who is short of it and by how much; and the people counted. One query."""
    in_scope: ColumnElement[bool]
    if include_subunits:
        tree = subtree_cte(tenant_id, unit_id, "gap_units")
        in_scope = _people.unit_id.in_(select(tree.c.id))
    else:
        in_scope = _people.unit_id == unit_id
    people = (
        select(_people.id)
        .where(_people.tenant_id == tenant_id, _people.active.is_(True), in_scope)
        .cte("gap_people")
    )
    # Each person's requirement per skill: the highest any of their roles asks.
    required = (
        select(
            _holdings.person_id.label("person_id"),
            _role_skills.skill_key.label("skill_key"),
            func.max(_role_skills.min_proficiency).label("required"),
        )
        .join(table_of(RoleSkill), _role_skills.role_id == _holdings.role_id)
        .where(
            _holdings.tenant_id == tenant_id,
            _holdings.person_id.in_(select(people.c.id)),
        )
        .group_by(_holdings.person_id, _role_skills.skill_key)
        .subquery("gap_required")
    )
    # Referenced twice below: computed once (PostgreSQL materialises such a CTE).
    assessed = (
        select(
            required.c.person_id,
            required.c.skill_key,
            required.c.required,
            _HELD.label("held"),
        )
        .select_from(required)
        .outerjoin(table_of(PersonSkill), _held_join(required.c.person_id, required.c.skill_key))
        .cte("gap_assessed")
    )
    # How each skill is written: as the tenant's catalogue writes it (never another tenant's).
    names = (
        select(_role_skills.skill_key, func.min(_role_skills.skill).label("skill"))
        .join(table_of(Role), _roles.id == _role_skills.role_id)
        .where(repository.visible_to(tenant_id))
        .group_by(_role_skills.skill_key)
        .subquery("gap_names")
    )
    is_short = assessed.c.held < assessed.c.required
    per_skill = (
        select(
            assessed.c.skill_key,
            names.c.skill,
            func.count(),
            func.sum(case((is_short, 1), else_=0)),
            func.sum(case((is_short, assessed.c.required - assessed.c.held), else_=0)),
        )
        .join(names, names.c.skill_key == assessed.c.skill_key)
        .group_by(assessed.c.skill_key, names.c.skill)
    )
    # The totals ride along as the one row without a skill.
    totals = select(
        cast(null(), String),
        cast(null(), String),
        select(func.count()).select_from(people).scalar_subquery(),
        func.count(distinct(assessed.c.person_id)),
        literal(0),
    ).where(is_short)
    people_counted = people_with_gaps = 0
    by_key: list[tuple[int, str, UnitSkillGap]] = []
    for key, skill, requiring, short, total in await conn.execute(union_all(per_skill, totals)):
        if key is None:
            people_counted, people_with_gaps = int(requiring), int(short)
            continue
        gap = UnitSkillGap(
            skill=skill,
            people_requiring=int(requiring),
            people_short=int(short),
            total_shortfall=int(total),
            average_shortfall=round(int(total) / int(short), 2) if short else 0.0,
        )
        by_key.append((-gap.people_short, key, gap))
    return UnitSkillGaps(
        unit_id=unit_id,
        include_subunits=include_subunits,
        people=people_counted,
        people_with_gaps=people_with_gaps,
        skills=[gap for _, _, gap in sorted(by_key)],
    )
