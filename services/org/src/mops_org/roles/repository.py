"""Every query on roles, their required skills, who holds them and people's skills.

A tenant sees the built-in roles (no tenant) and its own; every query is filtered so.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, func, insert, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.db import Db, connection_of
from mops_org.people.models import Person
from mops_org.roles.models import PersonRole, PersonSkill, Role, RoleSkill
from mops_shared.kit.db import among, table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import ReadRow, first_row, mappings, page_of_rows

# Core columns, not mapped attributes: a select made of these alone runs as Core (rows, no
# entities), and they serve the entity queries as well.
_roles = table_of(Role).c
_role_skills = table_of(RoleSkill).c
_person_skills = table_of(PersonSkill).c

ROLE_SORTS = sort_options([("name", [_roles.name_key])], tiebreaker=_roles.id)


def visible_to(tenant_id: Any) -> ColumnElement[bool]:
    """The roles a tenant sees: the built-in ones and its own (`tenant_id` a value or a
    bind parameter)."""
    return or_(_roles.tenant_id == tenant_id, _roles.tenant_id.is_(None))


async def get_by_id(session: AsyncSession, tenant_id: uuid.UUID, role_id: uuid.UUID) -> Role | None:
    result = await session.execute(
        select(Role).where(visible_to(tenant_id), col(Role.id) == role_id)
    )
    return result.scalar_one_or_none()


async def get_by_name_key(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> Role | None:
    """The built-in or tenant role whose `spelling_key` of the name is `key`."""
    stmt = select(Role).where(visible_to(tenant_id), col(Role.name_key) == key)
    if except_id is not None:
        stmt = stmt.where(col(Role.id) != except_id)
    return (await session.execute(stmt.limit(1))).scalar_one_or_none()


async def roles_by_key(db: Db, tenant_id: uuid.UUID) -> dict[str, Row[Any]]:
    """The built-in and the tenant's roles by `spelling_key(name)` (names are unique so), as
    rows of the roles table (fields as attributes)."""
    conn = await connection_of(db)
    result = await conn.execute(select(table_of(Role)).where(visible_to(tenant_id)))
    return {role.name_key: role for role in result.all()}


async def visible_ids(
    session: AsyncSession, tenant_id: uuid.UUID, role_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Those of `role_ids` the tenant sees (another tenant's role is as absent as none)."""
    if not role_ids:
        return set()
    result = await session.execute(
        select(col(Role.id)).where(visible_to(tenant_id), col(Role.id).in_(set(role_ids)))
    )
    return set(result.scalars())


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    builtin: bool | None = None,
    legal: bool | None = None,
    ids: Collection[uuid.UUID] | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the roles the tenant sees as rows of the roles table."""
    stmt = select(table_of(Role)).where(visible_to(tenant_id))
    if ids is not None:
        stmt = stmt.where(among(conn, _roles.id, ids))
    if builtin is not None:
        stmt = stmt.where(_roles.builtin == builtin)
    if legal is not None:
        stmt = stmt.where(_roles.legal == legal)
    return await page_of_rows(conn, stmt, sort, limit, cursor)


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_ROLE_ROW = select(table_of(Role)).where(
    visible_to(bindparam("tenant_id")), _roles.id == bindparam("role_id")
)


async def role_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, role_id: uuid.UUID
) -> ReadRow | None:
    """A role the tenant sees as a row of the roles table, or None."""
    return await first_row(conn, _ROLE_ROW, {"tenant_id": tenant_id, "role_id": role_id})


async def skill_rows_of(
    conn: AsyncConnection, role_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[ReadRow]]:
    """Each role's required skills as rows (skill_key, skill, min_proficiency), in one query
    for all the roles (already read through `visible_to`, which scopes them to the tenant);
    unsorted: the database's collation may order otherwise than the answer does."""
    found: dict[uuid.UUID, list[ReadRow]] = {role_id: [] for role_id in role_ids}
    if not found:
        return found
    rows = await mappings(
        conn,
        select(
            _role_skills.role_id,
            _role_skills.skill_key,
            _role_skills.skill,
            _role_skills.min_proficiency,
        ).where(among(conn, _role_skills.role_id, list(found))),
    )
    for row in rows:
        found[row["role_id"]].append(row)
    return found


_PERSON_SKILLS = select(
    _person_skills.skill_key,
    _person_skills.skill,
    _person_skills.proficiency,
    _person_skills.assessed_at,
).where(
    _person_skills.tenant_id == bindparam("tenant_id"),
    _person_skills.person_id == bindparam("person_id"),
)


async def person_skill_rows(
    conn: AsyncConnection, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> list[ReadRow]:
    """The person's skills as rows (skill_key, skill, proficiency, assessed_at), unsorted."""
    return list(
        await mappings(conn, _PERSON_SKILLS, {"tenant_id": tenant_id, "person_id": person_id})
    )


async def skills_of(
    session: AsyncSession, role_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[RoleSkill]]:
    """Each role's required skills by skill name, in one query for all the roles (already
    read through `visible_to`, which is what scopes them to the tenant)."""
    skills: dict[uuid.UUID, list[RoleSkill]] = {role_id: [] for role_id in role_ids}
    if not skills:
        return skills
    result = await session.execute(
        select(RoleSkill)
        .where(col(RoleSkill.role_id).in_(skills))
        .order_by(col(RoleSkill.role_id), col(RoleSkill.skill_key))
    )
    for skill in result.scalars():
        skills[skill.role_id].append(skill)
    return skills


async def replace_skills(
    session: AsyncSession, role_id: uuid.UUID, skills: Sequence[tuple[str, str, int]]
) -> None:
    """The role requires exactly these (skill_key, skill, min_proficiency)."""
    await session.execute(delete(RoleSkill).where(col(RoleSkill.role_id) == role_id))
    if skills:
        await session.execute(
            insert(RoleSkill),
            [
                {"role_id": role_id, "skill_key": key, "skill": skill, "min_proficiency": level}
                for key, skill, level in skills
            ],
        )


async def holders(
    session: AsyncSession, tenant_id: uuid.UUID, role_id: uuid.UUID, *, named: int
) -> tuple[int, list[str]]:
    """How many of the tenant's people hold the role, and the first `named` names by name."""
    held = (
        select(col(Person.name))
        .join(PersonRole, col(PersonRole.person_id) == col(Person.id))
        .where(
            col(PersonRole.tenant_id) == tenant_id,
            col(PersonRole.role_id) == role_id,
            col(Person.tenant_id) == tenant_id,
        )
    )
    count = (await session.execute(select(func.count()).select_from(held.subquery()))).scalar_one()
    names = await session.execute(held.order_by(col(Person.name_key), col(Person.id)).limit(named))
    return int(count), list(names.scalars())


def add(session: AsyncSession, role: Role) -> Role:
    session.add(role)
    return role


# --- people's skills -----------------------------------------------------------------------


async def person_skills(
    session: AsyncSession, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> list[PersonSkill]:
    """The person's skills by skill name."""
    result = await session.execute(
        select(PersonSkill)
        .where(col(PersonSkill.tenant_id) == tenant_id, col(PersonSkill.person_id) == person_id)
        .order_by(col(PersonSkill.skill_key))
    )
    return list(result.scalars())


async def replace_person_skills(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    person_id: uuid.UUID,
    skills: Sequence[tuple[str, str, int, datetime | None]],
) -> None:
    """The person holds exactly these (skill_key, skill, proficiency, assessed_at)."""
    await session.execute(
        delete(PersonSkill).where(
            col(PersonSkill.tenant_id) == tenant_id, col(PersonSkill.person_id) == person_id
        )
    )
    if skills:
        rows: list[dict[str, Any]] = [
            {
                "person_id": person_id,
                "tenant_id": tenant_id,
                "skill_key": key,
                "skill": skill,
                "proficiency": proficiency,
                "assessed_at": assessed_at,
            }
            for key, skill, proficiency, assessed_at in skills
        ]
        await session.execute(insert(PersonSkill), rows)


# --- in bulk (an organisation import) ----------------------------------------------------------


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """New roles of the tenant in one statement, every column given."""
    await session.execute(insert(Role), rows)


async def all_person_skills(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every skill every person of the tenant holds, as rows (fields as attributes)."""
    conn = await connection_of(db)
    stmt = select(table_of(PersonSkill)).where(_person_skills.tenant_id == tenant_id)
    return (await conn.execute(stmt)).all()


async def replace_skills_of_people(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    person_ids: Collection[uuid.UUID],
    rows: list[dict[str, Any]],
) -> None:
    """These people hold exactly these skills (`rows`: person_skills rows, every column)."""
    await session.execute(
        delete(PersonSkill).where(
            col(PersonSkill.tenant_id) == tenant_id,
            col(PersonSkill.person_id).in_(list(person_ids)),
        )
    )
    if rows:
        await session.execute(insert(PersonSkill), rows)
