"""Every query on training programmes, waves and enrolments; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.db import Db, connection_of
from mops_org.roles.models import Role
from mops_org.training.models import TrainingEnrolment, TrainingProgramme, TrainingWave

# The units' own recursive subtree query, so both walk the tree the same way.
from mops_org.units.tree import subtree_cte
from mops_shared.kit.db import among, rowcount, table_of, update_by_id
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, mappings, page_of_rows

# Core columns, not mapped attributes: a select made of these alone runs as Core (rows, no
# entities).
_programmes = table_of(TrainingProgramme).c
_waves = table_of(TrainingWave).c
_enrolments = table_of(TrainingEnrolment).c
_roles = table_of(Role).c

PROGRAMME_SORTS = sort_options([("name", [_programmes.name_key])], tiebreaker=_programmes.id)
ENROLMENT_SORTS = sort_options(
    [("enrolled_at", [_enrolments.enrolled_at])], tiebreaker=_enrolments.id
)


# --- programmes --------------------------------------------------------------------------------


async def get_programme(
    session: AsyncSession, tenant_id: uuid.UUID, programme_id: uuid.UUID
) -> TrainingProgramme | None:
    result = await session.execute(
        select(TrainingProgramme).where(
            col(TrainingProgramme.tenant_id) == tenant_id,
            col(TrainingProgramme.id) == programme_id,
        )
    )
    return result.scalar_one_or_none()


async def name_taken(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, except_id: uuid.UUID | None = None
) -> bool:
    stmt = select(col(TrainingProgramme.id)).where(
        col(TrainingProgramme.tenant_id) == tenant_id, col(TrainingProgramme.name_key) == key
    )
    if except_id is not None:
        stmt = stmt.where(col(TrainingProgramme.id) != except_id)
    return (await session.execute(stmt.limit(1))).first() is not None


async def remove(
    session: AsyncSession, row: TrainingProgramme | TrainingWave | TrainingEnrolment
) -> None:
    await session.delete(row)


def add(session: AsyncSession, row: TrainingProgramme | TrainingWave | TrainingEnrolment) -> None:
    session.add(row)


# --- waves -------------------------------------------------------------------------------------


async def waves_of(
    session: AsyncSession, tenant_id: uuid.UUID, programme_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[TrainingWave]]:
    """The waves of each programme, in order: one query for any number of programmes."""
    waves: dict[uuid.UUID, list[TrainingWave]] = defaultdict(list)
    if not programme_ids:
        return waves
    result = await session.execute(
        select(TrainingWave)
        .where(
            col(TrainingWave.tenant_id) == tenant_id,
            col(TrainingWave.programme_id).in_(list(programme_ids)),
        )
        .order_by(col(TrainingWave.programme_id), col(TrainingWave.position))
    )
    for wave in result.scalars():
        waves[wave.programme_id].append(wave)
    return waves


async def waves_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, wave_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, TrainingWave]:
    if not wave_ids:
        return {}
    result = await session.execute(
        select(TrainingWave).where(
            col(TrainingWave.tenant_id) == tenant_id, col(TrainingWave.id).in_(list(wave_ids))
        )
    )
    return {wave.id: wave for wave in result.scalars()}


async def enrolment_counts(
    session: AsyncSession, tenant_id: uuid.UUID, wave_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """How many enrolments each of these waves has (waves without any are absent)."""
    if not wave_ids:
        return {}
    result = await session.execute(
        select(col(TrainingEnrolment.wave_id), func.count())
        .where(
            col(TrainingEnrolment.tenant_id) == tenant_id,
            col(TrainingEnrolment.wave_id).in_(list(wave_ids)),
        )
        .group_by(col(TrainingEnrolment.wave_id))
    )
    return {wave_id: int(count) for wave_id, count in result}


# --- enrolments --------------------------------------------------------------------------------


async def get_enrolment(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    programme_id: uuid.UUID,
    enrolment_id: uuid.UUID,
) -> TrainingEnrolment | None:
    result = await session.execute(
        select(TrainingEnrolment).where(
            col(TrainingEnrolment.tenant_id) == tenant_id,
            col(TrainingEnrolment.programme_id) == programme_id,
            col(TrainingEnrolment.id) == enrolment_id,
        )
    )
    return result.scalar_one_or_none()


async def enrolled(
    session: AsyncSession, tenant_id: uuid.UUID, wave_id: uuid.UUID, person_id: uuid.UUID
) -> bool:
    stmt = select(col(TrainingEnrolment.id)).where(
        col(TrainingEnrolment.tenant_id) == tenant_id,
        col(TrainingEnrolment.wave_id) == wave_id,
        col(TrainingEnrolment.person_id) == person_id,
    )
    return (await session.execute(stmt.limit(1))).first() is not None


async def completions_of(
    session: AsyncSession, tenant_id: uuid.UUID, programme_id: uuid.UUID, person_id: uuid.UUID
) -> dict[uuid.UUID, datetime]:
    """{wave id: completed at} of the waves of the programme the person completed."""
    result = await session.execute(
        select(col(TrainingEnrolment.wave_id), col(TrainingEnrolment.completed_at)).where(
            col(TrainingEnrolment.tenant_id) == tenant_id,
            col(TrainingEnrolment.programme_id) == programme_id,
            col(TrainingEnrolment.person_id) == person_id,
            col(TrainingEnrolment.completed_at).is_not(None),
        )
    )
    return {wave_id: completed_at for wave_id, completed_at in result if completed_at}


async def mark_completed(
    session: AsyncSession, tenant_id: uuid.UUID, enrolment_id: uuid.UUID, completed_at: datetime
) -> bool:
    """Completes the enrolment unless it already is (a concurrent completion won): whether
    this call did."""
    result = await session.execute(
        update(TrainingEnrolment)
        .where(
            col(TrainingEnrolment.tenant_id) == tenant_id,
            col(TrainingEnrolment.id) == enrolment_id,
            col(TrainingEnrolment.completed_at).is_(None),
        )
        .values(completed_at=completed_at)
        .execution_options(synchronize_session=False)
    )
    return bool(rowcount(result))


# --- in bulk (an organisation import) ----------------------------------------------------------


async def all_programmes(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every programme of the tenant as a row (fields as attributes)."""
    conn = await connection_of(db)
    stmt = select(table_of(TrainingProgramme)).where(_programmes.tenant_id == tenant_id)
    return (await conn.execute(stmt)).all()


async def all_waves(db: Db, tenant_id: uuid.UUID) -> Sequence[Row[Any]]:
    """Every wave of the tenant as a row (fields as attributes), by programme and in order."""
    conn = await connection_of(db)
    stmt = (
        select(table_of(TrainingWave))
        .where(_waves.tenant_id == tenant_id)
        .order_by(_waves.programme_id, _waves.position)
    )
    return (await conn.execute(stmt)).all()


async def all_enrolments(
    db: Db, tenant_id: uuid.UUID
) -> list[tuple[uuid.UUID, uuid.UUID, datetime | None]]:
    """(wave id, person id, completed at) of every enrolment of the tenant."""
    conn = await connection_of(db)
    result = await conn.execute(
        select(_enrolments.wave_id, _enrolments.person_id, _enrolments.completed_at).where(
            _enrolments.tenant_id == tenant_id
        )
    )
    return [(wave_id, person_id, completed_at) for wave_id, person_id, completed_at in result]


async def insert_programmes(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(insert(TrainingProgramme), rows)


async def update_programmes(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """The same columns of many programmes by id, in one executemany."""
    await update_by_id(session, table_of(TrainingProgramme), rows)


async def delete_waves(session: AsyncSession, wave_ids: Collection[uuid.UUID]) -> None:
    await session.execute(delete(TrainingWave).where(col(TrainingWave.id).in_(list(wave_ids))))


async def move_waves_aside(session: AsyncSession, programme_id: uuid.UUID) -> None:
    """Positions are unique per programme: the programme's waves move to negative ones, out of
    the way of the positions they are given next."""
    await session.execute(
        update(TrainingWave)
        .where(col(TrainingWave.programme_id) == programme_id)
        .values(position=-1 - col(TrainingWave.position))
    )


async def update_wave(session: AsyncSession, wave_id: uuid.UUID, values: dict[str, Any]) -> None:
    await session.execute(
        update(TrainingWave).where(col(TrainingWave.id) == wave_id).values(**values)
    )


async def insert_waves(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(insert(TrainingWave), rows)


async def wave_ids_by_name(
    session: AsyncSession, tenant_id: uuid.UUID, programme_ids: Collection[uuid.UUID]
) -> list[tuple[uuid.UUID, str, uuid.UUID]]:
    """(programme id, wave name, wave id) of every wave of these programmes."""
    result = await session.execute(
        select(col(TrainingWave.programme_id), col(TrainingWave.name), col(TrainingWave.id)).where(
            col(TrainingWave.tenant_id) == tenant_id,
            col(TrainingWave.programme_id).in_(list(programme_ids)),
        )
    )
    return [(programme_id, name, wave_id) for programme_id, name, wave_id in result]


async def insert_enrolments(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    await session.execute(insert(TrainingEnrolment), rows)


async def complete_enrolments(
    session: AsyncSession, completions: list[tuple[uuid.UUID, uuid.UUID, datetime]]
) -> None:
    """Sets when each (wave id, person id) enrolment was completed: one executemany for all."""
    enrolments = table_of(TrainingEnrolment)
    await session.execute(
        update(enrolments)
        .where(
            enrolments.c.wave_id == bindparam("done_wave"),
            enrolments.c.person_id == bindparam("done_person"),
        )
        .values(completed_at=bindparam("done_at")),
        [
            {"done_wave": wave, "done_person": person, "done_at": at}
            for wave, person, at in completions
        ],
    )


# --- references --------------------------------------------------------------------------------


_ROLE_VISIBLE = (
    select(_roles.id)
    .where(
        _roles.id == bindparam("role_id"),
        or_(_roles.tenant_id.is_(None), _roles.tenant_id == bindparam("tenant_id")),
    )
    .limit(1)
)


async def role_visible(conn: AsyncConnection, tenant_id: uuid.UUID, role_id: uuid.UUID) -> bool:
    """Whether the role is one the tenant sees: built-in (no tenant) or its own."""
    found = await conn.execute(_ROLE_VISIBLE, {"tenant_id": tenant_id, "role_id": role_id})
    return found.first() is not None


async def subtree_ids(
    conn: AsyncConnection, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> set[uuid.UUID]:
    """The unit's id and the ids of every unit below it, in one recursive query."""
    tree = subtree_cte(tenant_id, unit_id)
    return set((await conn.execute(select(tree.c.id))).scalars())


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------


_PROGRAMME_PAGES = PageStatements.of_columns(select(table_of(TrainingProgramme)), _programmes)


async def programme_page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's programmes as rows of the programmes table."""
    return await _PROGRAMME_PAGES.page(conn, sort, limit, cursor, tenant_id=tenant_id)


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_PROGRAMME_ROW = select(table_of(TrainingProgramme)).where(
    _programmes.tenant_id == bindparam("tenant_id"), _programmes.id == bindparam("programme_id")
)


async def programme_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, programme_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's programme as a row of the programmes table, or None."""
    rows = await mappings(
        conn, _PROGRAMME_ROW, {"tenant_id": tenant_id, "programme_id": programme_id}
    )
    return rows[0] if rows else None


async def wave_rows_of(
    conn: AsyncConnection, tenant_id: uuid.UUID, programme_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[ReadRow]]:
    """The waves of each programme as rows of the waves table, in order: one query for any
    number of programmes."""
    waves: dict[uuid.UUID, list[ReadRow]] = defaultdict(list)
    if not programme_ids:
        return waves
    rows = await mappings(
        conn,
        select(table_of(TrainingWave))
        .where(_waves.tenant_id == tenant_id, among(conn, _waves.programme_id, programme_ids))
        .order_by(_waves.programme_id, _waves.position),
    )
    for row in rows:
        waves[row["programme_id"]].append(row)
    return waves


def _enrolments_with_waves(tenant_id: Any) -> Any:
    """Enrolments as rows of their table with their wave's `wave_name`, `wave_level` and
    `wave_position`."""
    return (
        select(
            table_of(TrainingEnrolment),
            _waves.name.label("wave_name"),
            _waves.level.label("wave_level"),
            _waves.position.label("wave_position"),
        )
        .join(table_of(TrainingWave), _waves.id == _enrolments.wave_id)
        .where(_enrolments.tenant_id == tenant_id, _waves.tenant_id == tenant_id)
    )


async def enrolment_page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    programme_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    wave_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    completed: bool | None = None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the programme's enrolments as rows, each with its wave's name and level."""
    stmt = _enrolments_with_waves(tenant_id).where(_enrolments.programme_id == programme_id)
    if wave_id is not None:
        stmt = stmt.where(_enrolments.wave_id == wave_id)
    if person_id is not None:
        stmt = stmt.where(_enrolments.person_id == person_id)
    if completed is not None:
        done = _enrolments.completed_at
        stmt = stmt.where(done.is_not(None) if completed else done.is_(None))
    return await page_of_rows(conn, stmt, sort, limit, cursor)


_ENROLMENT_ROW = _enrolments_with_waves(bindparam("tenant_id")).where(
    _enrolments.programme_id == bindparam("programme_id"),
    _enrolments.id == bindparam("enrolment_id"),
)


async def enrolment_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, programme_id: uuid.UUID, enrolment_id: uuid.UUID
) -> ReadRow | None:
    """The programme's enrolment as a row with its wave's name and level, or None."""
    rows = await mappings(
        conn,
        _ENROLMENT_ROW,
        {"tenant_id": tenant_id, "programme_id": programme_id, "enrolment_id": enrolment_id},
    )
    return rows[0] if rows else None


_PERSON_ENROLMENTS = (
    _enrolments_with_waves(bindparam("tenant_id"))
    .add_columns(_programmes.name.label("programme_name"))
    .join(table_of(TrainingProgramme), _programmes.id == _enrolments.programme_id)
    .where(_enrolments.person_id == bindparam("person_id"))
    .order_by(_programmes.name_key, _programmes.id, _waves.position)
)


async def person_enrolment_rows(
    conn: AsyncConnection, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> list[ReadRow]:
    """The person's enrolments as rows with their wave's name, level and position and their
    programme's name, by programme name then wave order."""
    return list(
        await mappings(conn, _PERSON_ENROLMENTS, {"tenant_id": tenant_id, "person_id": person_id})
    )
