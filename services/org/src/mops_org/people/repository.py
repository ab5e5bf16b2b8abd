"""Every query on people; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, insert, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.db import Db, connection_of
from mops_org.people.models import Person
from mops_org.roles.models import PersonRole
from mops_shared.kit.db import among_parameter, find_for_tenant, table_of, update_by_id
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, first_row, json_array_of

# Core columns, not mapped attributes: a select made of these alone runs as Core (rows, no
# entities), and the same sorts serve the entity queries too.
_people = table_of(Person).c
_person_roles = table_of(PersonRole).c
# The tenant, a parameter of every statement built once here.
_TENANT: Any = bindparam("tenant_id")

PERSON_SORTS = sort_options(
    [
        ("name", [_people.name_key]),
        ("email", [_people.email_key]),
        ("created_at", [_people.created_at]),
    ],
    tiebreaker=_people.id,
)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> Person | None:
    return await find_for_tenant(session, Person, tenant_id, person_id)


async def load_role_ids(
    session: AsyncSession, tenant_id: uuid.UUID, people: Sequence[Person]
) -> None:
    """Sets `role_ids` on each person, in their order, in one query for all of them."""
    if not people:
        return
    held: dict[uuid.UUID, list[uuid.UUID]] = {person.id: [] for person in people}
    rows = await session.execute(
        select(col(PersonRole.person_id), col(PersonRole.role_id))
        .where(col(PersonRole.tenant_id) == tenant_id, col(PersonRole.person_id).in_(held))
        .order_by(col(PersonRole.person_id), col(PersonRole.position))
    )
    for person_id, role_id in rows:
        held[person_id].append(role_id)
    for person in people:
        person.role_ids = held[person.id]


async def replace_role_ids(
    session: AsyncSession, tenant_id: uuid.UUID, person: Person, role_ids: Sequence[uuid.UUID]
) -> None:
    """Gives the person exactly these roles, in this order (the person must be flushed, the
    roles checked: a built-in or the tenant's, each once)."""
    await session.execute(delete(PersonRole).where(col(PersonRole.person_id) == person.id))
    if role_ids:
        await session.execute(
            insert(PersonRole),
            [
                {"person_id": person.id, "role_id": role_id, "tenant_id": tenant_id, "position": i}
                for i, role_id in enumerate(role_ids)
            ],
        )
    person.role_ids = list(role_ids)


async def email_taken(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> bool:
    stmt = select(col(Person.id)).where(
        col(Person.tenant_id) == tenant_id, col(Person.email_key) == key
    )
    if except_id is not None:
        stmt = stmt.where(col(Person.id) != except_id)
    return (await session.execute(stmt.limit(1))).first() is not None


async def manager_of(
    session: AsyncSession, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> tuple[bool, uuid.UUID | None]:
    """(whether the person exists in the tenant, its manager's id)."""
    row = (
        await session.execute(
            select(col(Person.manager_id)).where(
                col(Person.tenant_id) == tenant_id, col(Person.id) == person_id
            )
        )
    ).first()
    return (False, None) if row is None else (True, row[0])


async def reports_of(
    session: AsyncSession, tenant_id: uuid.UUID, manager_id: uuid.UUID
) -> list[Person]:
    """The people who report to this one, by name, with their role ids."""
    result = await session.execute(
        select(Person)
        .where(col(Person.tenant_id) == tenant_id, col(Person.manager_id) == manager_id)
        .order_by(col(Person.name_key), col(Person.id))
    )
    people = list(result.scalars())
    await load_role_ids(session, tenant_id, people)
    return people


async def in_unit(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> list[Person]:
    """The people of this unit, by name, with their role ids."""
    result = await session.execute(
        select(Person)
        .where(col(Person.tenant_id) == tenant_id, col(Person.unit_id) == unit_id)
        .order_by(col(Person.name_key), col(Person.id))
    )
    people = list(result.scalars())
    await load_role_ids(session, tenant_id, people)
    return people


async def count_in_unit(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> int:
    result = await session.execute(
        select(func.count())
        .select_from(Person)
        .where(col(Person.tenant_id) == tenant_id, col(Person.unit_id) == unit_id)
    )
    return int(result.scalar_one())


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    unit_id: uuid.UUID | None = None,
    manager_id: uuid.UUID | None = None,
    active: bool | None = None,
    ids: Collection[uuid.UUID] | None = None,
    email_keys: Collection[str] | None = None,
    role_id: uuid.UUID | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of people as rows of the people table, each with its `role_ids`."""
    return await _PEOPLE_PAGES.page(
        conn,
        sort,
        limit,
        cursor,
        tenant_id=tenant_id,
        ids=list(ids) if ids is not None else None,
        email_keys=list(email_keys) if email_keys is not None else None,
        unit_id=unit_id,
        manager_id=manager_id,
        active=active,
        role_id=role_id,
    )


def _people_filtered(given: frozenset[str], dialect: str) -> Select[Any]:
    """`page_rows`' statement with the filters given, each a bound parameter of its name."""
    stmt = _PERSON_READ.where(_people.tenant_id == _TENANT)
    if "ids" in given:
        stmt = stmt.where(among_parameter(dialect, _people.id, "ids"))
    if "email_keys" in given:
        stmt = stmt.where(_people.email_key.in_(bindparam("email_keys", expanding=True)))
    for name in ("unit_id", "manager_id", "active"):
        if name in given:
            stmt = stmt.where(_people[name] == bindparam(name))
    if "role_id" in given:
        stmt = stmt.where(
            _people.id.in_(
                select(_person_roles.person_id).where(
                    _person_roles.tenant_id == _TENANT,
                    _person_roles.role_id == bindparam("role_id"),
                )
            )
        )
    return stmt


# A person as its wire schema reads it: its row with the ids of the roles it holds (as text,
# in their order), in the one statement.
_PERSON_READ = select(
    table_of(Person),
    json_array_of(
        select(_person_roles.role_id)
        .where(
            _person_roles.tenant_id == _people.tenant_id,
            _person_roles.person_id == _people.id,
        )
        .order_by(_person_roles.position),
        outer=table_of(Person),
    ).label("role_ids"),
)
_PEOPLE_PAGES = PageStatements(_people_filtered)

# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_PERSON_READ_ROW = _PERSON_READ.where(
    _people.tenant_id == bindparam("tenant_id"), _people.id == bindparam("person_id")
)
_PERSON_ROW = select(table_of(Person)).where(
    _people.tenant_id == bindparam("tenant_id"), _people.id == bindparam("person_id")
)


async def person_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's person as a row of the people table, or None."""
    return await first_row(conn, _PERSON_ROW, {"tenant_id": tenant_id, "person_id": person_id})


async def person_read_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's person as a row of the people table with its `role_ids`, or None."""
    return await first_row(conn, _PERSON_READ_ROW, {"tenant_id": tenant_id, "person_id": person_id})


def add(session: AsyncSession, person: Person) -> Person:
    session.add(person)
    return person


# --- in bulk (an organisation import) ----------------------------------------------------------


async def all_of(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every person of the tenant as a row of the people table (fields as attributes), without
    their role ids (`all_role_ids` has them)."""
    conn = await connection_of(db)
    stmt = select(table_of(Person)).where(_people.tenant_id == tenant_id)
    return (await conn.execute(stmt)).all()


async def all_role_ids(db: Db, tenant_id: uuid.UUID) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Every person's role ids in order, by person (those without roles are absent)."""
    role_ids: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    conn = await connection_of(db)
    for person_id, role_id in await conn.execute(
        select(_person_roles.person_id, _person_roles.role_id)
        .where(_person_roles.tenant_id == tenant_id)
        .order_by(_person_roles.person_id, _person_roles.position)
    ):
        role_ids[person_id].append(role_id)
    return role_ids


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """New people in one statement, every column given."""
    await session.execute(insert(Person), rows)


async def update_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The same columns of many people by id, in one executemany."""
    await update_by_id(session, table_of(Person), rows)


async def replace_roles_of_people(
    session: AsyncSession, tenant_id: uuid.UUID, roles: dict[uuid.UUID, list[uuid.UUID]]
) -> None:
    """Gives each of these people exactly these roles, in this order (the roles checked)."""
    await session.execute(
        delete(PersonRole).where(
            col(PersonRole.tenant_id) == tenant_id,
            col(PersonRole.person_id).in_(list(roles)),
        )
    )
    rows = [
        {"person_id": pid, "role_id": rid, "tenant_id": tenant_id, "position": i}
        for pid, held in roles.items()
        for i, rid in enumerate(held)
    ]
    if rows:
        await session.execute(insert(PersonRole), rows)
