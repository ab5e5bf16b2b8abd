"""Every query on RACI matrices and on the assignees they name; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, Uuid, exists, func, literal, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped
from sqlmodel import col

from mops_org.people.models import Person
from mops_org.raci.models import RaciMatrix
from mops_org.roles.models import PersonRole, Role
from mops_org.units.models import Unit
from mops_shared.db import among
from mops_shared.pagination import SortOption, keyset_page, sort_options

MATRIX_SORTS = sort_options([("name", [RaciMatrix.name_key])], tiebreaker=RaciMatrix.id)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, matrix_id: uuid.UUID
) -> RaciMatrix | None:
    result = await session.execute(
        select(RaciMatrix).where(
            col(RaciMatrix.tenant_id) == tenant_id, col(RaciMatrix.id) == matrix_id
        )
    )
    return result.scalar_one_or_none()


async def name_taken(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> bool:
    stmt = select(col(RaciMatrix.id)).where(
        col(RaciMatrix.tenant_id) == tenant_id, col(RaciMatrix.name_key) == key
    )
    if except_id is not None:
        stmt = stmt.where(col(RaciMatrix.id) != except_id)
    return (await session.execute(stmt.limit(1))).first() is not None


async def page_after(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> list[RaciMatrix]:
    """Up to `limit + 1` matrices after the cursor, in the sort's order."""
    stmt = select(RaciMatrix).where(col(RaciMatrix.tenant_id) == tenant_id)
    return list((await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars())


async def all_of(session: AsyncSession, tenant_id: uuid.UUID) -> list[RaciMatrix]:
    result = await session.execute(select(RaciMatrix).where(col(RaciMatrix.tenant_id) == tenant_id))
    return list(result.scalars())


def add(session: AsyncSession, matrix: RaciMatrix) -> RaciMatrix:
    session.add(matrix)
    return matrix


# --- assignees ---------------------------------------------------------------------------------


async def _pairs(
    session: AsyncSession,
    ids: Collection[uuid.UUID],
    stmt: Select[uuid.UUID, bool],
    column: Mapped[uuid.UUID],
) -> dict[uuid.UUID, bool]:
    # Core execution: thousands of plain rows, without the ORM's per-row processing.
    connection = await session.connection()
    rows = (await connection.execute(stmt.where(among(session, column, ids)))).all()
    return {row[0]: bool(row[1]) for row in rows}


def _missing(
    ids: Collection[uuid.UUID],
    id_column: Mapped[uuid.UUID],
    tenant_column: Mapped[uuid.UUID],
    tenant_id: uuid.UUID,
) -> Select[tuple[uuid.UUID]]:
    """Which of `ids` are not rows of the tenant (PostgreSQL: `unnest` of one array)."""
    wanted = func.unnest(literal(list(ids), ARRAY(Uuid()))).table_valued("id").render_derived()
    return select(wanted.c.id).where(
        ~exists().where(id_column == wanted.c.id, tenant_column == tenant_id)
    )


async def _known_and_flagged(
    session: AsyncSession,
    ids: Collection[uuid.UUID],
    missing: Select[tuple[uuid.UUID]],
    flagged: Select[Any],
    flagged_column: Mapped[uuid.UUID] | Mapped[uuid.UUID | None],
) -> dict[uuid.UUID, bool]:
    """{id: flagged} of the ids that exist, where only the missing and the flagged ids come
    back from the database: a matrix names thousands of people, and reading a row for each
    cost more than the rest of its validation."""
    connection = await session.connection()
    absent = set((await connection.execute(missing)).scalars().all())
    marked = set(
        (await connection.execute(flagged.where(among(session, flagged_column, ids))))
        .scalars()
        .all()
    )
    return {assignee: assignee in marked for assignee in ids if assignee not in absent}


def _legal_holders(tenant_id: uuid.UUID) -> Select[uuid.UUID]:
    """The ids of the tenant's people who hold a legal role."""
    return (
        select(col(PersonRole.person_id))
        .join(Role, col(Role.id) == col(PersonRole.role_id))
        .where(col(PersonRole.tenant_id) == tenant_id, col(Role.legal).is_(True))
    )


async def roles_among(
    session: AsyncSession, tenant_id: uuid.UUID, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, bool]:
    """{role id: legal} of these ids that are roles the tenant sees (built-in or its own)."""
    stmt = select(col(Role.id), col(Role.legal)).where(
        or_(col(Role.tenant_id).is_(None), col(Role.tenant_id) == tenant_id)
    )
    return await _pairs(session, ids, stmt, col(Role.id))


async def people_among(
    session: AsyncSession, tenant_id: uuid.UUID, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, bool]:
    """{person id: holds a legal role} of these ids that are the tenant's people."""
    # A join to the (few) legal holders, not `id IN (subquery)` per row: PostgreSQL may run
    # such a subquery again for every row it tests.
    if session.get_bind().dialect.name == "postgresql":
        return await _known_and_flagged(
            session,
            ids,
            _missing(ids, col(Person.id), col(Person.tenant_id), tenant_id),
            _legal_holders(tenant_id),
            col(PersonRole.person_id),
        )
    legal = _legal_holders(tenant_id).distinct().subquery("legal")
    stmt = (
        select(col(Person.id), legal.c.person_id.is_not(None))
        .outerjoin(legal, legal.c.person_id == col(Person.id))
        .where(col(Person.tenant_id) == tenant_id)
    )
    return await _pairs(session, ids, stmt, col(Person.id))


async def units_among(
    session: AsyncSession, tenant_id: uuid.UUID, ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, bool]:
    """{unit id: has an active person holding a legal role} of these ids that are the
    tenant's units."""
    # From the few holders of a legal role to their units, not from the units' people; joined
    # once (see people_among), where `IN (subquery)` took 11 s at 2 000 units.
    legal_units = (
        _legal_holders(tenant_id)
        .join(Person, col(Person.id) == col(PersonRole.person_id))
        .where(
            col(Person.tenant_id) == tenant_id,
            col(Person.active).is_(True),
            col(Person.unit_id).is_not(None),
        )
        .with_only_columns(col(Person.unit_id))
        .distinct()
    )
    if session.get_bind().dialect.name == "postgresql":
        return await _known_and_flagged(
            session,
            ids,
            _missing(ids, col(Unit.id), col(Unit.tenant_id), tenant_id),
            legal_units,
            col(Person.unit_id),
        )
    legal = legal_units.subquery("legal")
    stmt = (
        select(col(Unit.id), legal.c.unit_id.is_not(None))
        .outerjoin(legal, legal.c.unit_id == col(Unit.id))
        .where(col(Unit.tenant_id) == tenant_id)
    )
    return await _pairs(session, ids, stmt, col(Unit.id))
