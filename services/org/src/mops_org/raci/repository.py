"""Every query on RACI matrices and on the assignees they name; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    Uuid,
    any_,
    bindparam,
    cast,
    exists,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.db import Db, connection_of
from mops_org.people.models import Person
from mops_org.raci.models import RaciMatrix
from mops_org.roles.models import PersonRole, Role
from mops_org.units.models import Unit
from mops_shared.kit.db import find_for_tenant, parse_uuids, table_of, update_by_id
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options
from mops_shared.kit.reads import ReadRow, first_row, mappings

# Core columns, not mapped attributes: a select made of these alone runs as Core (rows, no
# entities).
_matrices = table_of(RaciMatrix).c

MATRIX_SORTS = sort_options([("name", [_matrices.name_key])], tiebreaker=_matrices.id)


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


async def rows_after(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> list[ReadRow]:
    """Up to `limit + 1` matrices after the cursor, in the sort's order, as rows of the
    matrices table."""
    stmt = select(table_of(RaciMatrix)).where(_matrices.tenant_id == tenant_id)
    return list(await mappings(conn, keyset_page(stmt, sort, limit, cursor)))


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_MATRIX_ROW = select(table_of(RaciMatrix)).where(
    _matrices.tenant_id == bindparam("tenant_id"), _matrices.id == bindparam("matrix_id")
)


async def matrix_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, matrix_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's matrix as a row of the matrices table, or None."""
    return await first_row(conn, _MATRIX_ROW, {"tenant_id": tenant_id, "matrix_id": matrix_id})


_JUDGED = select(_matrices.allow_accountable_responsible, _matrices.activities).where(
    _matrices.tenant_id == bindparam("tenant_id")
)


async def judged_rows(conn: AsyncConnection, tenant_id: uuid.UUID) -> list[ReadRow]:
    """What judging every matrix of the tenant needs: (allow_accountable_responsible,
    activities) of each."""
    return list(await mappings(conn, _JUDGED, {"tenant_id": tenant_id}))


async def all_of(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every matrix of the tenant as a row of the matrices table (fields as attributes)."""
    conn = await connection_of(db)
    stmt = select(table_of(RaciMatrix)).where(_matrices.tenant_id == tenant_id)
    return (await conn.execute(stmt)).all()


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

_holdings = table_of(PersonRole).c
_people = table_of(Person).c
_roles = table_of(Role).c
_units = table_of(Unit).c


# The statements are built once, with parameters: a statement object caches its own cache key,
# and building these and walking them for their keys cost as much as running them. The tenant is
# the `tenant_id` parameter; the ids are `ids`: on PostgreSQL one `uuid[]` parameter, sent as
# text and cast there (`unnest` and `= ANY`); on SQLite an IN list of UUIDs (the column type
# stores them as hex).
_TENANT: Any = bindparam("tenant_id")
_IDS_ARRAY = cast(bindparam("ids", type_=ARRAY(Text())), ARRAY(Uuid()))
_IDS_LIST: Any = bindparam("ids", expanding=True, type_=Uuid())


@dataclass(frozen=True)
class _Loader:
    """The statements answering (missing, flagged) of ids of one table, per dialect."""

    missing: Select[Any]  # PostgreSQL: the ids that are not rows of the tenant
    flagged: Select[Any]  # PostgreSQL: the flagged ids among them
    present: Select[Any]  # SQLite: the ids that are rows of the tenant
    flagged_in: Select[Any]  # SQLite: the flagged ids among them


def _loader(
    id_column: ColumnElement[Any],
    tenant_column: ColumnElement[Any],
    flagged: Select[Any],
    flagged_column: ColumnElement[Any],
) -> _Loader:
    """`flagged` selects the flagged ids, filtered here to the ids asked."""
    wanted = func.unnest(_IDS_ARRAY).table_valued("id").render_derived()
    return _Loader(
        missing=select(wanted.c.id).where(
            ~exists().where(id_column == wanted.c.id, tenant_column == _TENANT)
        ),
        flagged=flagged.where(flagged_column == any_(_IDS_ARRAY)),
        present=select(id_column).where(tenant_column == _TENANT, id_column.in_(_IDS_LIST)),
        flagged_in=flagged.where(flagged_column.in_(_IDS_LIST)),
    )


async def _texts(conn: AsyncConnection, stmt: Select[Any], params: dict[str, Any]) -> set[str]:
    return {str(value) for value in (await conn.execute(stmt, params)).scalars().all()}


async def _found(
    conn: AsyncConnection, tenant_id: uuid.UUID, ids: Collection[str], loader: _Loader
) -> Found:
    """(missing, flagged) of `ids`."""
    if conn.dialect.name == "postgresql":
        params = {"tenant_id": tenant_id, "ids": list(ids)}
        return await _texts(conn, loader.missing, params), await _texts(
            conn, loader.flagged, params
        )
    params = {"tenant_id": tenant_id, "ids": parse_uuids(ids)}
    present = await _texts(conn, loader.present, params)
    marked = await _texts(conn, loader.flagged_in, params)
    return {i for i in ids if i not in present}, marked


# The ids of the tenant's people who hold a legal role.
_LEGAL_HOLDERS = (
    select(_holdings.person_id)
    .join(table_of(Role), _roles.id == _holdings.role_id)
    .where(_holdings.tenant_id == _TENANT, _roles.legal.is_(True))
)
# The units of the tenant's active people who hold a legal role: from the few holders of a legal
# role to their units, not from the units' people (joined once, where `IN (subquery)` took 11 s
# at 2 000 units).
_LEGAL_UNITS = (
    _LEGAL_HOLDERS.join(table_of(Person), _people.id == _holdings.person_id)
    .where(
        _people.tenant_id == _TENANT,
        _people.active.is_(True),
        _people.unit_id.is_not(None),
    )
    .with_only_columns(_people.unit_id)
    .distinct()
)
_PEOPLE = _loader(_people.id, _people.tenant_id, _LEGAL_HOLDERS, _holdings.person_id)
_UNITS = _loader(_units.id, _units.tenant_id, _LEGAL_UNITS, _people.unit_id)
_VISIBLE_ROLES = select(_roles.id, _roles.legal).where(
    or_(_roles.tenant_id.is_(None), _roles.tenant_id == _TENANT)
)
_ROLES_ARRAY = _VISIBLE_ROLES.where(_roles.id == any_(_IDS_ARRAY))
_ROLES_LIST = _VISIBLE_ROLES.where(_roles.id.in_(_IDS_LIST))


async def roles_found(conn: AsyncConnection, tenant_id: uuid.UUID, ids: Collection[str]) -> Found:
    """(missing, legal) of these role ids: a role is there when the tenant sees it (built in or
    its own)."""
    if conn.dialect.name == "postgresql":
        stmt, params = _ROLES_ARRAY, {"tenant_id": tenant_id, "ids": list(ids)}
    else:
        stmt, params = _ROLES_LIST, {"tenant_id": tenant_id, "ids": parse_uuids(ids)}
    roles = {str(role_id): bool(legal) for role_id, legal in (await conn.execute(stmt, params))}
    return {i for i in ids if i not in roles}, {i for i, legal in roles.items() if legal}


_NAMES = {
    "role": select(_roles.id, _roles.name).where(
        or_(_roles.tenant_id.is_(None), _roles.tenant_id == _TENANT)
    ),
    "person": select(_people.id, _people.name).where(_people.tenant_id == _TENANT),
    "unit": select(_units.id, _units.name).where(_units.tenant_id == _TENANT),
}
_NAME_IDS = {"role": _roles.id, "person": _people.id, "unit": _units.id}


async def assignee_names(
    conn: AsyncConnection, tenant_id: uuid.UUID, ids: Mapping[str, Collection[str]]
) -> dict[tuple[str, str], str]:
    """The names of these assignees (ids as text, by assignee type) that the tenant has, keyed
    by (type, id as text): one query per type named, for the few assignees a message names."""
    names: dict[tuple[str, str], str] = {}
    for kind, wanted in ids.items():
        if not wanted:
            continue
        stmt = _NAMES[kind].where(_NAME_IDS[kind].in_(_IDS_LIST))
        params = {"tenant_id": tenant_id, "ids": parse_uuids(wanted)}
        for assignee_id, name in await conn.execute(stmt, params):
            names[(kind, str(assignee_id))] = name
    return names


async def people_found(conn: AsyncConnection, tenant_id: uuid.UUID, ids: Collection[str]) -> Found:
    """(missing, holding a legal role) of these person ids."""
    return await _found(conn, tenant_id, ids, _PEOPLE)


async def units_found(conn: AsyncConnection, tenant_id: uuid.UUID, ids: Collection[str]) -> Found:
    """(missing, with an active person holding a legal role) of these unit ids."""
    return await _found(conn, tenant_id, ids, _UNITS)
