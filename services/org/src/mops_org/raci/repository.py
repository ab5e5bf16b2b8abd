"""Every query on RACI matrices and on the assignees they name; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    Uuid,
    any_,
    cast,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped
from sqlmodel import col

from mops_org.people.models import Person
from mops_org.raci.models import RaciMatrix
from mops_org.roles.models import PersonRole, Role
from mops_org.units.models import Unit
from mops_shared.kit.db import among, find_for_tenant, parse_uuids, table_of, update_by_id
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options

MATRIX_SORTS = sort_options([("name", [RaciMatrix.name_key])], tiebreaker=RaciMatrix.id)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, matrix_id: uuid.UUID
) -> RaciMatrix | None:
    return await find_for_tenant(session, RaciMatrix, tenant_id, matrix_id)


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


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """New matrices in one statement, every column given (an organisation import)."""
    await session.execute(insert(RaciMatrix), rows)


async def update_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The same columns of many matrices by id, in one executemany (an organisation import)."""
    await update_by_id(session, table_of(RaciMatrix), rows)


# --- assignees ---------------------------------------------------------------------------------
#
# Each loader takes the ids a matrix names as its stored text and answers (missing, flagged):
# the ids that are not the tenant's, and those that count as legal. Only those come back from the
# database, as text: a matrix names thousands of people, and reading a row (and making a UUID)
# for each cost more than the rest of its validation.

Found = tuple[set[str], set[str]]


def _uuid_array(ids: Collection[str]) -> ColumnElement[Any]:
    """The ids as one `uuid[]` parameter, sent as text and cast by PostgreSQL."""
    return cast(literal(list(ids), ARRAY(Text())), ARRAY(Uuid()))


def _missing(
    ids: Collection[str],
    id_column: Mapped[uuid.UUID],
    tenant_column: Mapped[uuid.UUID],
    tenant_id: uuid.UUID,
) -> Select[tuple[uuid.UUID]]:
    """Which of `ids` are not rows of the tenant (PostgreSQL: `unnest` of one array)."""
    wanted = func.unnest(_uuid_array(ids)).table_valued("id").render_derived()
    return select(wanted.c.id).where(
        ~exists().where(id_column == wanted.c.id, tenant_column == tenant_id)
    )


async def _texts(session: AsyncSession, stmt: Select[Any]) -> set[str]:
    connection = await session.connection()
    return {str(value) for value in (await connection.execute(stmt)).scalars().all()}


async def _found(
    session: AsyncSession,
    ids: Collection[str],
    *,
    exists_in: tuple[Mapped[uuid.UUID], Mapped[uuid.UUID], uuid.UUID],
    flagged: Select[Any],
    flagged_column: Mapped[uuid.UUID] | Mapped[uuid.UUID | None],
) -> Found:
    """(missing, flagged) of `ids`. `exists_in` is (id column, tenant column, tenant) of the
    table the ids must be rows of; `flagged` selects the flagged ids, filtered here to `ids`."""
    id_column, tenant_column, tenant_id = exists_in
    if session.get_bind().dialect.name == "postgresql":
        missing = await _texts(session, _missing(ids, id_column, tenant_column, tenant_id))
        marked = await _texts(session, flagged.where(flagged_column == any_(_uuid_array(ids))))
        return missing, marked
    # SQLite: IN lists of UUIDs (the column type stores them as hex).
    parsed = parse_uuids(ids)
    present = await _texts(
        session,
        select(id_column).where(tenant_column == tenant_id, among(session, id_column, parsed)),
    )
    marked = await _texts(session, flagged.where(among(session, flagged_column, parsed)))
    return {i for i in ids if i not in present}, marked


def _legal_holders(tenant_id: uuid.UUID) -> Select[uuid.UUID]:
    """The ids of the tenant's people who hold a legal role."""
    return (
        select(col(PersonRole.person_id))
        .join(Role, col(Role.id) == col(PersonRole.role_id))
        .where(col(PersonRole.tenant_id) == tenant_id, col(Role.legal).is_(True))
    )


async def roles_found(session: AsyncSession, tenant_id: uuid.UUID, ids: Collection[str]) -> Found:
    """(missing, legal) of these role ids: a role is there when the tenant sees it (built in or
    its own)."""
    connection = await session.connection()
    visible = select(col(Role.id), col(Role.legal)).where(
        or_(col(Role.tenant_id).is_(None), col(Role.tenant_id) == tenant_id),
        among(session, col(Role.id), parse_uuids(ids)),
    )
    roles = {str(role_id): bool(legal) for role_id, legal in (await connection.execute(visible))}
    return {i for i in ids if i not in roles}, {i for i, legal in roles.items() if legal}


async def people_found(session: AsyncSession, tenant_id: uuid.UUID, ids: Collection[str]) -> Found:
    """(missing, holding a legal role) of these person ids."""
    return await _found(
        session,
        ids,
        exists_in=(col(Person.id), col(Person.tenant_id), tenant_id),
        flagged=_legal_holders(tenant_id),
        flagged_column=col(PersonRole.person_id),
    )


async def units_found(session: AsyncSession, tenant_id: uuid.UUID, ids: Collection[str]) -> Found:
    """(missing, with an active person holding a legal role) of these unit ids."""
    # From the few holders of a legal role to their units, not from the units' people: joined
    # once, where `IN (subquery)` took 11 s at 2 000 units.
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
    return await _found(
        session,
        ids,
        exists_in=(col(Unit.id), col(Unit.tenant_id), tenant_id),
        flagged=legal_units,
        flagged_column=col(Person.unit_id),
    )
