"""Every query on coordination mechanisms; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.coordination.models import CoordinationMechanism, CoordinationParticipant
from mops_org.db import Db, connection_of
from mops_org.units.models import Unit
from mops_shared.kit.db import among, find_for_tenant, table_of, update_by_id
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import ReadRow, mappings, page_of_rows

# Core columns, not mapped attributes: a select made of these alone runs as Core (rows, no
# entities).
_mechanisms = table_of(CoordinationMechanism).c
_participants = table_of(CoordinationParticipant).c
_units = table_of(Unit).c

MECHANISM_SORTS = sort_options([("name", [_mechanisms.name_key])], tiebreaker=_mechanisms.id)


async def get_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, mechanism_id: uuid.UUID
) -> CoordinationMechanism | None:
    return await find_for_tenant(session, CoordinationMechanism, tenant_id, mechanism_id)


async def name_taken(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> bool:
    stmt = select(col(CoordinationMechanism.id)).where(
        col(CoordinationMechanism.tenant_id) == tenant_id,
        col(CoordinationMechanism.name_key) == key,
    )
    if except_id is not None:
        stmt = stmt.where(col(CoordinationMechanism.id) != except_id)
    return (await session.execute(stmt.limit(1))).first() is not None


async def units_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, unit_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these ids are units of the tenant, in one query."""
    if not unit_ids:
        return set()
    rows = await session.execute(
        select(col(Unit.id)).where(col(Unit.tenant_id) == tenant_id, col(Unit.id).in_(unit_ids))
    )
    return set(rows.scalars())


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    kind: str | None = None,
    level: str | None = None,
    unit_id: uuid.UUID | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's mechanisms as rows of the mechanisms table."""
    stmt = select(table_of(CoordinationMechanism)).where(_mechanisms.tenant_id == tenant_id)
    if kind is not None:
        stmt = stmt.where(_mechanisms.kind == kind)
    if level is not None:
        stmt = stmt.where(_mechanisms.level == level)
    if unit_id is not None:
        taking_part = select(_participants.mechanism_id).where(
            _participants.tenant_id == tenant_id, _participants.unit_id == unit_id
        )
        stmt = stmt.where(
            or_(_mechanisms.owner_unit_id == unit_id, _mechanisms.id.in_(taking_part))
        )
    return await page_of_rows(conn, stmt, sort, limit, cursor)


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_MECHANISM_ROW = select(table_of(CoordinationMechanism)).where(
    _mechanisms.tenant_id == bindparam("tenant_id"), _mechanisms.id == bindparam("mechanism_id")
)


async def mechanism_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, mechanism_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's mechanism as a row of the mechanisms table, or None."""
    rows = await mappings(
        conn, _MECHANISM_ROW, {"tenant_id": tenant_id, "mechanism_id": mechanism_id}
    )
    return rows[0] if rows else None


async def participant_ids_of(
    conn: AsyncConnection, mechanism_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The participating unit ids of many mechanisms in one query, by unit name."""
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    if not mechanism_ids:
        return found
    rows = await conn.execute(
        select(_participants.mechanism_id, _participants.unit_id)
        .join(table_of(Unit), _units.id == _participants.unit_id)
        .where(among(conn, _participants.mechanism_id, mechanism_ids))
        .order_by(_participants.mechanism_id, _units.name_key, _units.id)
    )
    for mechanism_id, unit_id in rows:
        found[mechanism_id].append(unit_id)
    return found


async def participants_of(
    session: AsyncSession, mechanism_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The participating unit ids of many mechanisms in one query, by unit name."""
    if not mechanism_ids:
        return {}
    rows = await session.execute(
        select(col(CoordinationParticipant.mechanism_id), col(CoordinationParticipant.unit_id))
        .join(Unit, col(Unit.id) == col(CoordinationParticipant.unit_id))
        .where(col(CoordinationParticipant.mechanism_id).in_(mechanism_ids))
        .order_by(col(CoordinationParticipant.mechanism_id), col(Unit.name_key), col(Unit.id))
    )
    found: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for mechanism_id, unit_id in rows:
        found[mechanism_id].append(unit_id)
    return found


async def set_participants(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    mechanism_id: uuid.UUID,
    unit_ids: Sequence[uuid.UUID],
) -> None:
    await session.execute(
        delete(CoordinationParticipant).where(
            col(CoordinationParticipant.mechanism_id) == mechanism_id
        )
    )
    session.add_all(
        CoordinationParticipant(mechanism_id=mechanism_id, unit_id=unit_id, tenant_id=tenant_id)
        for unit_id in unit_ids
    )


async def of_unit(
    session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> list[CoordinationMechanism]:
    """The mechanisms the unit owns or takes part in, by name."""
    participates = select(col(CoordinationParticipant.mechanism_id)).where(
        col(CoordinationParticipant.tenant_id) == tenant_id,
        col(CoordinationParticipant.unit_id) == unit_id,
    )
    rows = await session.execute(
        select(CoordinationMechanism)
        .where(
            col(CoordinationMechanism.tenant_id) == tenant_id,
            or_(
                col(CoordinationMechanism.owner_unit_id) == unit_id,
                col(CoordinationMechanism.id).in_(participates),
            ),
        )
        .order_by(col(CoordinationMechanism.name_key), col(CoordinationMechanism.id))
    )
    return list(rows.scalars())


async def replace_participant(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    unit_id: uuid.UUID,
    reassign_to: uuid.UUID | None,
    mechanism_ids: Collection[uuid.UUID],
) -> None:
    """The unit stops taking part anywhere; `reassign_to` takes its place in `mechanism_ids`."""
    await session.execute(
        delete(CoordinationParticipant).where(
            col(CoordinationParticipant.tenant_id) == tenant_id,
            col(CoordinationParticipant.unit_id) == unit_id,
        )
    )
    if reassign_to is not None:
        session.add_all(
            CoordinationParticipant(
                mechanism_id=mechanism_id, unit_id=reassign_to, tenant_id=tenant_id
            )
            for mechanism_id in mechanism_ids
        )


_COUNTS = (
    select(_mechanisms.kind, _mechanisms.level, func.count())
    .where(_mechanisms.tenant_id == bindparam("tenant_id"))
    .group_by(_mechanisms.kind, _mechanisms.level)
)


async def counts_by_kind_and_level(
    conn: AsyncConnection, tenant_id: uuid.UUID
) -> list[tuple[str, str, int]]:
    """(kind, level, how many mechanisms) of the tenant, in one grouped query."""
    rows = await conn.execute(_COUNTS, {"tenant_id": tenant_id})
    return [(kind, level, int(count)) for kind, level, count in rows]


def add(session: AsyncSession, mechanism: CoordinationMechanism) -> CoordinationMechanism:
    session.add(mechanism)
    return mechanism


# --- in bulk (an organisation import) ----------------------------------------------------------


async def all_of(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every mechanism of the tenant as a row (fields as attributes)."""
    conn = await connection_of(db)
    stmt = select(table_of(CoordinationMechanism)).where(_mechanisms.tenant_id == tenant_id)
    return (await conn.execute(stmt)).all()


async def all_participants(db: Db, tenant_id: uuid.UUID) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(mechanism id, unit id) of every participation of the tenant, in no order."""
    conn = await connection_of(db)
    rows = await conn.execute(
        select(_participants.mechanism_id, _participants.unit_id).where(
            _participants.tenant_id == tenant_id
        )
    )
    return [(mechanism_id, unit_id) for mechanism_id, unit_id in rows]


async def insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """New mechanisms in one statement, every column given."""
    await session.execute(insert(CoordinationMechanism), rows)


async def update_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The same columns of many mechanisms by id, in one executemany."""
    await update_by_id(session, table_of(CoordinationMechanism), rows)


async def replace_participants(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    mechanism_id: uuid.UUID,
    unit_ids: Sequence[uuid.UUID],
) -> None:
    """As `set_participants`, written at once (statements, not objects left to the flush)."""
    await session.execute(
        delete(CoordinationParticipant).where(
            col(CoordinationParticipant.mechanism_id) == mechanism_id
        )
    )
    if unit_ids:
        await session.execute(
            insert(CoordinationParticipant),
            [
                {"mechanism_id": mechanism_id, "unit_id": unit_id, "tenant_id": tenant_id}
                for unit_id in unit_ids
            ],
        )
