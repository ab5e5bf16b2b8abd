"""Use cases on coordination mechanisms; each validates everything first, then writes and
commits once.

A mechanism's owner unit and participating units must be units of the tenant, each
participant listed once. Every write leaves an audit entry and an outbox event
(`coordination_mechanism.created`, `coordination_mechanism.updated`,
`coordination_mechanism.deleted`) in the same transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.coordination import repository
from mops_org.coordination.models import CoordinationMechanism
from mops_org.coordination.schemas import (
    LEVEL_SCORES,
    CoordinationMechanismCreate,
    CoordinationMechanismRead,
    CoordinationMechanismUpdate,
)
from mops_org.db import writes
from mops_shared.contracts.common import name_key
from mops_shared.contracts.org_metrics import (
    CoordinationKind,
    CoordinationSummary,
    IntegrationLevel,
)
from mops_shared.contracts.problem import ProblemFieldError
from mops_shared.kit.audit import record_audits
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, ValidationFailed, body_error, found
from mops_shared.kit.outbox import record_events
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import ReadRow, WireJSON
from mops_shared.kit.writes import snapshot

# The router resolves the sort a client names with these.
MECHANISM_SORTS = repository.MECHANISM_SORTS


def _duplicate(name: str) -> Conflict:
    return Conflict(f"A coordination mechanism named {name!r} already exists.")


async def check_units(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    owner_unit_id: uuid.UUID | None,
    participating_unit_ids: Sequence[uuid.UUID] | None,
    pointer_prefix: str = "",
) -> list[ProblemFieldError]:
    """What is wrong with these unit references (empty when nothing is), in one query: units
    that are not the tenant's, participants listed twice."""
    wanted = set(participating_unit_ids or ())
    if owner_unit_id is not None:
        wanted.add(owner_unit_id)
    # Another tenant's unit is as absent as one that never existed.
    found = await repository.units_of_tenant(session, tenant_id, wanted)
    errors: list[ProblemFieldError] = []
    if owner_unit_id is not None and owner_unit_id not in found:
        errors.append(body_error(f"{pointer_prefix}/owner_unit_id", "no unit with this id"))
    seen: dict[uuid.UUID, int] = {}
    for i, unit_id in enumerate(participating_unit_ids or ()):
        at = f"{pointer_prefix}/participating_unit_ids/{i}"
        first = seen.setdefault(unit_id, i)
        if first != i:
            errors.append(body_error(at, f"this unit is already listed (at {first})"))
        elif unit_id not in found:
            errors.append(body_error(at, "no unit with this id"))
    return errors


async def to_reads(
    session: AsyncSession, mechanisms: Sequence[CoordinationMechanism]
) -> list[CoordinationMechanismRead]:
    """The mechanisms as read; the participants of all of them loaded in one query."""
    participants = await repository.participants_of(session, [m.id for m in mechanisms])
    return [
        CoordinationMechanismRead.model_validate(
            {
                "id": mechanism.id,
                "name": mechanism.name,
                "kind": mechanism.kind,
                "cadence": mechanism.cadence,
                "level": mechanism.level,
                "description": mechanism.description,
                "owner_unit_id": mechanism.owner_unit_id,
                "participating_unit_ids": participants.get(mechanism.id, []),
                "version": mechanism.version,
                "created_at": mechanism.created_at,
                "updated_at": mechanism.updated_at,
            }
        )
        for mechanism in mechanisms
    ]


async def _integrity_conflict(
    session: AsyncSession, tenant_id: uuid.UUID, name: str, mechanism_id: uuid.UUID | None
) -> Conflict:
    """After a unique or foreign key violation (rolled back): what the concurrent write was."""
    if await repository.name_taken(session, tenant_id, name_key(name), except_id=mechanism_id):
        return _duplicate(name)
    return Conflict(
        "A unit this mechanism refers to changed at the same time; read them again and retry."
    )


async def create_mechanism(
    session: AsyncSession, principal: Principal, data: CoordinationMechanismCreate
) -> CoordinationMechanismRead:
    tenant_id = principal.tenant_id
    ValidationFailed.raise_if_any(
        await check_units(
            session,
            tenant_id,
            owner_unit_id=data.owner_unit_id,
            participating_unit_ids=data.participating_unit_ids,
        )
    )
    key = name_key(data.name)
    if await repository.name_taken(session, tenant_id, key):
        raise _duplicate(data.name)
    now = utcnow()
    mechanism = repository.add(
        session,
        CoordinationMechanism(
            tenant_id=tenant_id,
            name=data.name,
            name_key=key,
            kind=data.kind.value,
            cadence=data.cadence.value if data.cadence else None,
            level=data.level.value,
            description=data.description,
            owner_unit_id=data.owner_unit_id,
            created_at=now,
            updated_at=now,
        ),
    )
    try:
        # Flushed first so a lost race for the name fails before anything else is written.
        await session.flush()
        await repository.set_participants(
            session, tenant_id, mechanism.id, data.participating_unit_ids
        )
        await session.flush()
        (created,) = await to_reads(session, [mechanism])
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="coordination_mechanism",
            object_id=created.id,
            before=None,
            after=snapshot(created),
            event="coordination_mechanism.created",
        )
        await session.commit()
    except IntegrityError as exc:  # the name taken, or a unit deleted, at the same time
        await session.rollback()
        raise await _integrity_conflict(session, tenant_id, data.name, None) from exc
    return created


async def _get(
    session: AsyncSession, principal: Principal, mechanism_id: uuid.UUID
) -> CoordinationMechanism:
    mechanism = found(
        await repository.get_by_id(session, principal.tenant_id, mechanism_id),
        f"No coordination mechanism {mechanism_id}.",
    )
    return mechanism


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

MECHANISM_JSON = WireJSON(CoordinationMechanismRead)


async def _mechanism_items(conn: AsyncConnection, rows: Sequence[ReadRow]) -> list[dict[str, Any]]:
    """`CoordinationMechanismRead`'s fields of each row, the participants of all of them read
    in one query."""
    participants = await repository.participant_ids_of(conn, [row["id"] for row in rows])
    return [
        MECHANISM_JSON.item(row, participating_unit_ids=participants.get(row["id"], []))
        for row in rows
    ]


async def read_mechanism(
    conn: AsyncConnection, principal: Principal, mechanism_id: uuid.UUID
) -> tuple[bytes, int]:
    """The mechanism as `CoordinationMechanismRead`'s JSON, with its version (for the ETag)."""
    row = found(
        await repository.mechanism_row(conn, principal.tenant_id, mechanism_id),
        f"No coordination mechanism {mechanism_id}.",
    )
    (item,) = await _mechanism_items(conn, [row])
    return MECHANISM_JSON.dumps(item), int(row["version"])


async def read_mechanisms(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    kind: CoordinationKind | None,
    level: IntegrationLevel | None,
    unit_id: uuid.UUID | None,
) -> bytes:
    """`list_mechanisms`' answer as JSON (`CoordinationMechanismPage`)."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        kind=kind.value if kind else None,
        level=level.value if level else None,
        unit_id=unit_id,
    )
    return MECHANISM_JSON.dumps_page(await _mechanism_items(conn, rows), next_cursor)


async def coordination_summary(conn: AsyncConnection, tenant_id: uuid.UUID) -> CoordinationSummary:
    """The tenant's mechanisms counted by level and kind, and their maturity, in one query."""
    by_level: Counter[IntegrationLevel] = Counter()
    by_kind: Counter[CoordinationKind] = Counter()
    for kind, level, count in await repository.counts_by_kind_and_level(conn, tenant_id):
        by_level[IntegrationLevel(level)] += count
        by_kind[CoordinationKind(kind)] += count
    total = sum(by_level.values())
    score = sum(LEVEL_SCORES[level] * count for level, count in by_level.items())
    top = max(LEVEL_SCORES.values())
    return CoordinationSummary(
        mechanisms=total,
        by_level={level: by_level[level] for level in IntegrationLevel},
        by_kind={kind: by_kind[kind] for kind in CoordinationKind},
        maturity=score / total / top if total else None,
    )


async def update_mechanism(
    session: AsyncSession,
    principal: Principal,
    mechanism_id: uuid.UUID,
    data: CoordinationMechanismUpdate,
    if_match: str | None,
) -> CoordinationMechanismRead:
    tenant_id = principal.tenant_id
    changes = data.model_dump(exclude_unset=True)

    async def apply(
        mechanism: CoordinationMechanism, before: CoordinationMechanismRead, now: datetime
    ) -> bool:
        errors = [
            body_error(f"/{required}", f"{required} cannot be null")
            for required in ("name", "kind", "level", "participating_unit_ids")
            if required in changes and changes[required] is None
        ]
        ValidationFailed.raise_if_any(errors)
        ValidationFailed.raise_if_any(
            await check_units(
                session,
                tenant_id,
                owner_unit_id=data.owner_unit_id,
                participating_unit_ids=data.participating_unit_ids,
            )
        )
        if _changes_nothing(data, before):
            # A PATCH that states what the mechanism already is changes nothing: same version
            # and ETag, no audit entry, no event.
            return False
        if data.name is not None:
            key = name_key(data.name)
            if await repository.name_taken(session, tenant_id, key, except_id=mechanism.id):
                raise _duplicate(data.name)
            mechanism.name, mechanism.name_key = data.name, key
        if data.kind is not None:
            mechanism.kind = data.kind.value
        if data.level is not None:
            mechanism.level = data.level.value
        if "cadence" in changes:
            mechanism.cadence = data.cadence.value if data.cadence else None
        if "description" in changes:
            mechanism.description = data.description
        if "owner_unit_id" in changes:
            mechanism.owner_unit_id = data.owner_unit_id
        return True

    async def finish(mechanism: CoordinationMechanism) -> CoordinationMechanismRead:
        if data.participating_unit_ids is not None:
            await repository.set_participants(
                session, tenant_id, mechanism.id, data.participating_unit_ids
            )
            await session.flush()
        return await _read(session, mechanism)

    async def conflict(before: CoordinationMechanismRead) -> Exception:
        return await _integrity_conflict(session, tenant_id, data.name or before.name, mechanism_id)

    return await writes.update_versioned(
        session,
        principal,
        what="coordination mechanism",
        object_type="coordination_mechanism",
        event="coordination_mechanism.updated",
        if_match=if_match,
        load=lambda: _get(session, principal, mechanism_id),
        read=lambda mechanism: _read(session, mechanism),
        apply=apply,
        finish=finish,
        conflict=conflict,
    )


async def _read(
    session: AsyncSession, mechanism: CoordinationMechanism
) -> CoordinationMechanismRead:
    (read,) = await to_reads(session, [mechanism])
    return read


def _changes_nothing(data: CoordinationMechanismUpdate, before: CoordinationMechanismRead) -> bool:
    proposed = data.model_dump(mode="json", exclude_unset=True)
    current = before.model_dump(mode="json")
    for field, value in proposed.items():
        if field == "participating_unit_ids":
            if sorted(value) != sorted(current[field]):
                return False
        elif value != current[field]:
            return False
    return True


async def delete_mechanism(
    session: AsyncSession, principal: Principal, mechanism_id: uuid.UUID, if_match: str | None
) -> None:
    # Its participants go with it (ON DELETE CASCADE).
    await writes.delete_versioned(
        session,
        principal,
        what="coordination mechanism",
        object_type="coordination_mechanism",
        event="coordination_mechanism.deleted",
        if_match=if_match,
        load=lambda: _get(session, principal, mechanism_id),
        read=lambda mechanism: _read(session, mechanism),
        data=lambda before: {"id": str(before.id), "name": before.name},
    )


async def pass_unit_on(
    session: AsyncSession,
    principal: Principal,
    unit_id: uuid.UUID,
    reassign_to: uuid.UUID | None,
    now: datetime,
) -> None:
    """The coordination mechanisms a deleted unit owns or takes part in pass to `reassign_to`
    (a participant once), or lose it without one; each change recorded like any other. Part of
    the unit's delete: flushed, not committed."""
    tenant_id = principal.tenant_id
    mechanisms = await repository.of_unit(session, tenant_id, unit_id)
    if not mechanisms:
        return
    befores = await to_reads(session, mechanisms)
    await repository.replace_participant(
        session,
        tenant_id,
        unit_id,
        reassign_to,
        [
            before.id
            for before in befores
            if unit_id in before.participating_unit_ids
            and reassign_to not in before.participating_unit_ids
        ],
    )
    for mechanism in mechanisms:
        if mechanism.owner_unit_id == unit_id:
            mechanism.owner_unit_id = reassign_to
        mechanism.version += 1
        mechanism.updated_at = now
    await session.flush()  # `WHERE version = <read>` on each: a concurrent change wins
    afters = [snapshot(after) for after in await to_reads(session, mechanisms)]
    await record_audits(
        session,
        writes.audit,
        principal,
        [
            ("update", "coordination_mechanism", before.id, snapshot(before), after)
            for before, after in zip(befores, afters, strict=True)
        ],
    )
    await record_events(
        session,
        writes.outbox,
        principal,
        [("coordination_mechanism.updated", after) for after in afters],
    )
