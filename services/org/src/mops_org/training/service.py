"""Use cases on training programmes, their waves and enrolments; each validates everything
first (the inventory is asked about tool ids before anything is written), then writes and
commits once.

Every write leaves an audit entry and an outbox event in the same transaction:
`training_programme.created|updated|deleted` and `training_enrolment.created|completed|deleted`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.db import writes
from mops_org.people import lookups as people_lookups
from mops_org.training import repository
from mops_org.training.coverage import training_coverage
from mops_org.training.models import TrainingEnrolment, TrainingProgramme, TrainingWave
from mops_org.training.schemas import (
    PersonTrainingItem,
    TrainingCompletionCreate,
    TrainingCoverageRead,
    TrainingEnrolmentCreate,
    TrainingEnrolmentRead,
    TrainingProgrammeCreate,
    TrainingProgrammeRead,
    TrainingProgrammeUpdate,
    TrainingWaveChange,
    TrainingWaveCreate,
    TrainingWaveRead,
    WaveLevel,
)
from mops_org.units import lookups as units_lookups
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, body_error, found
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import ReadRow, WireJSON, dumps
from mops_shared.kit.writes import snapshot

# The router resolves the sort a client names with these.
PROGRAMME_SORTS = repository.PROGRAMME_SORTS
ENROLMENT_SORTS = repository.ENROLMENT_SORTS


def _duplicate(name: str) -> Conflict:
    return Conflict(f"A training programme named {name!r} already exists.")


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(repr(name) for name in names)


# --- reads -------------------------------------------------------------------------------------


def _wave_read(wave: TrainingWave) -> TrainingWaveRead:
    return TrainingWaveRead.model_validate(wave)


def _programme_read(
    programme: TrainingProgramme, waves: Sequence[TrainingWave]
) -> TrainingProgrammeRead:
    return TrainingProgrammeRead(
        id=programme.id,
        name=programme.name,
        description=programme.description,
        waves=[_wave_read(wave) for wave in waves],
        version=programme.version,
        created_at=programme.created_at,
        updated_at=programme.updated_at,
    )


def _enrolment_read(enrolment: TrainingEnrolment, wave: TrainingWave) -> TrainingEnrolmentRead:
    return TrainingEnrolmentRead(
        id=enrolment.id,
        programme_id=enrolment.programme_id,
        wave_id=enrolment.wave_id,
        wave_name=wave.name,
        wave_level=WaveLevel(wave.level),
        person_id=enrolment.person_id,
        enrolled_at=enrolment.enrolled_at,
        completed=enrolment.completed_at is not None,
        completed_at=enrolment.completed_at,
    )


async def _get_programme(
    session: AsyncSession, principal: Principal, programme_id: uuid.UUID
) -> TrainingProgramme:
    # Another tenant's programme is as absent as one that never existed.
    programme = found(
        await repository.get_programme(session, principal.tenant_id, programme_id),
        f"No training programme {programme_id}.",
    )
    return programme


async def _waves(
    session: AsyncSession, tenant_id: uuid.UUID, programme_id: uuid.UUID
) -> list[TrainingWave]:
    return (await repository.waves_of(session, tenant_id, [programme_id])).get(programme_id, [])


# --- validation of waves -----------------------------------------------------------------------


def _wave_errors(waves: Sequence[TrainingWaveCreate]) -> list[ProblemFieldError]:
    """What is wrong with the waves on their own: order of levels, duplicates."""
    errors: list[ProblemFieldError] = []
    first_advanced: int | None = None
    names: dict[str, int] = {}
    for i, wave in enumerate(waves):
        if wave.level is WaveLevel.advanced and first_advanced is None:
            first_advanced = i
        if wave.level is WaveLevel.basic and first_advanced is not None:
            errors.append(
                body_error(
                    f"/waves/{i}/level",
                    f"a basic wave cannot come after the advanced wave "
                    f"{waves[first_advanced].name!r} (/waves/{first_advanced}): functional "
                    "basics come first, every basic wave before every advanced wave",
                )
            )
        key = name_key(wave.name)
        if key in names:
            errors.append(
                body_error(f"/waves/{i}/name", f"/waves/{names[key]} already has this name")
            )
        names.setdefault(key, i)
        seen_tools: dict[uuid.UUID, int] = {}
        for j, tool_id in enumerate(wave.tool_ids):
            if tool_id in seen_tools:
                errors.append(
                    body_error(
                        f"/waves/{i}/tool_ids/{j}",
                        f"this tool is already listed at /waves/{i}/tool_ids/{seen_tools[tool_id]}",
                    )
                )
            seen_tools.setdefault(tool_id, j)
        seen_skills: dict[str, int] = {}
        for j, skill in enumerate(wave.skills):
            skill_key = name_key(skill.skill)
            if skill_key in seen_skills:
                errors.append(
                    body_error(
                        f"/waves/{i}/skills/{j}/skill",
                        f"this skill is already listed at "
                        f"/waves/{i}/skills/{seen_skills[skill_key]}",
                    )
                )
            seen_skills.setdefault(skill_key, j)
    if first_advanced is not None and not any(w.level is WaveLevel.basic for w in waves):
        errors.append(
            body_error(
                "/waves",
                "a programme with an advanced wave needs at least one basic wave before it",
            )
        )
    return errors


async def _unknown_tool_errors(
    inventory: InventoryClient, principal: Principal, waves: Sequence[TrainingWaveCreate]
) -> list[ProblemFieldError]:
    """Every tool id that is not a tool of the tenant in the inventory. Raises the client's
    503/504 problem when the inventory cannot be asked."""
    wanted = {tool_id for wave in waves for tool_id in wave.tool_ids}
    if not wanted:
        return []
    known = await inventory.existing_tool_ids(principal, wanted)
    return [
        body_error(f"/waves/{i}/tool_ids/{j}", "no inventory tool with this id")
        for i, wave in enumerate(waves)
        for j, tool_id in enumerate(wave.tool_ids)
        if tool_id not in known
    ]


def _wave_values(wave: TrainingWaveCreate) -> dict[str, Any]:
    return {
        "name": wave.name,
        "level": wave.level.value,
        "tool_ids": [str(tool_id) for tool_id in wave.tool_ids],
        "skills": [skill.model_dump(mode="json") for skill in wave.skills],
    }


def _same_content(wave: TrainingWave, values: dict[str, Any]) -> bool:
    return all(getattr(wave, field) == value for field, value in values.items())


# --- programmes --------------------------------------------------------------------------------


async def create_programme(
    session: AsyncSession,
    principal: Principal,
    inventory: InventoryClient,
    data: TrainingProgrammeCreate,
) -> TrainingProgrammeRead:
    tenant_id = principal.tenant_id
    errors = _wave_errors(data.waves)
    errors += await _unknown_tool_errors(inventory, principal, data.waves)
    ValidationFailed.raise_if_any(errors)
    key = name_key(data.name)
    if await repository.name_taken(session, tenant_id, key):
        raise _duplicate(data.name)
    now = utcnow()
    programme = TrainingProgramme(
        tenant_id=tenant_id,
        name=data.name,
        name_key=key,
        description=data.description,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, programme)
    try:
        # Flushed first so a lost race for the name fails before anything else is written.
        await session.flush()
        waves = [
            TrainingWave(
                tenant_id=tenant_id, programme_id=programme.id, position=i, **_wave_values(wave)
            )
            for i, wave in enumerate(data.waves)
        ]
        for wave in waves:
            repository.add(session, wave)
        await session.flush()
        created = _programme_read(programme, waves)
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="training_programme",
            object_id=created.id,
            before=None,
            after=snapshot(created),
            event="training_programme.created",
        )
        await session.commit()
    except IntegrityError as exc:  # a concurrent create won the race for the name
        await session.rollback()
        raise _duplicate(data.name) from exc
    return created


def _match_waves(
    sent: Sequence[TrainingWaveChange], current: Sequence[TrainingWave]
) -> tuple[list[TrainingWave | None], list[ProblemFieldError]]:
    """The existing wave each sent wave keeps (None: a new wave): by `id`, else by name."""
    by_id = {wave.id: wave for wave in current}
    by_name = {name_key(wave.name): wave for wave in current}
    claimed = {wave.id for wave in sent if wave.id is not None}
    kept_at: dict[uuid.UUID, int] = {}
    errors: list[ProblemFieldError] = []
    matches: list[TrainingWave | None] = []
    for i, wave in enumerate(sent):
        match: TrainingWave | None = None
        if wave.id is not None:
            match = by_id.get(wave.id)
            if match is None:
                errors.append(
                    body_error(f"/waves/{i}/id", "no wave with this id in this programme")
                )
            elif match.id in kept_at:
                errors.append(
                    body_error(
                        f"/waves/{i}/id", f"/waves/{kept_at[match.id]} already keeps this wave"
                    )
                )
                match = None
        else:
            candidate = by_name.get(name_key(wave.name))
            if candidate is not None and candidate.id not in claimed | kept_at.keys():
                match = candidate
        if match is not None:
            kept_at[match.id] = i
        matches.append(match)
    return matches, errors


async def update_programme(
    session: AsyncSession,
    principal: Principal,
    inventory: InventoryClient,
    programme_id: uuid.UUID,
    data: TrainingProgrammeUpdate,
    if_match: str | None,
) -> TrainingProgrammeRead:
    tenant_id = principal.tenant_id
    changes = data.model_dump(exclude_unset=True)
    # The waves as read, and what the sent ones keep or remove: written after the programme's
    # guarded flush.
    current: list[TrainingWave] = []
    matches: list[TrainingWave | None] = []
    removed: list[TrainingWave] = []

    async def read(programme: TrainingProgramme) -> TrainingProgrammeRead:
        nonlocal current
        current = await _waves(session, tenant_id, programme.id)
        return _programme_read(programme, current)

    async def apply(
        programme: TrainingProgramme, before: TrainingProgrammeRead, now: datetime
    ) -> bool:
        nonlocal matches, removed
        errors: list[ProblemFieldError] = [
            body_error(f"/{required}", f"{required} cannot be null")
            for required in ("name", "waves")
            if required in changes and changes[required] is None
        ]
        ValidationFailed.raise_if_any(errors)
        matches, removed = [], []
        if data.waves is not None:
            matches, match_errors = _match_waves(data.waves, current)
            errors = _wave_errors(data.waves) + match_errors
            errors += await _unknown_tool_errors(inventory, principal, data.waves)
            ValidationFailed.raise_if_any(errors)
            kept = {match.id for match in matches if match is not None}
            removed = [wave for wave in current if wave.id not in kept]

        name_changes = data.name is not None and data.name != programme.name
        description_changes = "description" in changes and data.description != programme.description
        waves_change = data.waves is not None and (
            len(data.waves) != len(current)
            or any(
                match is not wave or not _same_content(wave, _wave_values(sent))
                for sent, match, wave in zip(data.waves, matches, current, strict=True)
            )
        )
        if not (name_changes or description_changes or waves_change):
            # A PATCH that states what the programme already is changes nothing: same version
            # and ETag, no audit entry, no event.
            return False

        if data.name is not None and name_changes:
            key = name_key(data.name)
            if await repository.name_taken(session, tenant_id, key, except_id=programme.id):
                raise _duplicate(data.name)
        if removed:
            counts = await repository.enrolment_counts(session, tenant_id, [w.id for w in removed])
            busy = [wave for wave in removed if counts.get(wave.id)]
            if busy:
                held = ", ".join(
                    f"{wave.name!r} "
                    f"({counts[wave.id]} enrolment{'s' if counts[wave.id] > 1 else ''})"
                    for wave in busy
                )
                raise Conflict(
                    f"These waves have enrolments and cannot be removed: {held}. Keep them "
                    "(send their id or name) or delete their enrolments first."
                )

        if data.name is not None:
            programme.name, programme.name_key = data.name, name_key(data.name)
        if "description" in changes:
            programme.description = data.description
        return True

    async def finish(programme: TrainingProgramme) -> TrainingProgrammeRead:
        waves = current
        if data.waves is not None:
            waves = await _replace_waves(session, programme, data.waves, matches, removed)
        return _programme_read(programme, waves)

    async def conflict(before: TrainingProgrammeRead) -> Exception:
        if data.name is not None and await repository.name_taken(
            session, tenant_id, name_key(data.name), except_id=programme_id
        ):
            return _duplicate(data.name)
        return Conflict("The training programme changed at the same time; read it again and retry.")

    return await writes.update_versioned(
        session,
        principal,
        what="training programme",
        object_type="training_programme",
        event="training_programme.updated",
        if_match=if_match,
        load=lambda: _get_programme(session, principal, programme_id),
        read=read,
        apply=apply,
        finish=finish,
        conflict=conflict,
    )


async def _replace_waves(
    session: AsyncSession,
    programme: TrainingProgramme,
    sent: Sequence[TrainingWaveChange],
    matches: Sequence[TrainingWave | None],
    removed: Sequence[TrainingWave],
) -> list[TrainingWave]:
    """The programme's waves become `sent`, in order; kept waves keep their id (and with it
    their enrolments) and their unresolved tools."""
    for wave in removed:
        await repository.remove(session, wave)
    # Positions are unique per programme: kept waves step aside first so that a reordering
    # never collides with itself, nor with a new wave, halfway through.
    kept = [match for match in matches if match is not None]
    for i, wave in enumerate(kept):
        wave.position = -1 - i
    await session.flush()
    waves: list[TrainingWave] = []
    for i, (wave_data, match) in enumerate(zip(sent, matches, strict=True)):
        values = _wave_values(wave_data)
        if match is None:
            wave = TrainingWave(
                tenant_id=programme.tenant_id, programme_id=programme.id, position=i, **values
            )
            repository.add(session, wave)
        else:
            wave = match
            wave.position = i
            for field, value in values.items():
                setattr(wave, field, value)
        waves.append(wave)
    await session.flush()
    return waves


async def delete_programme(
    session: AsyncSession, principal: Principal, programme_id: uuid.UUID, if_match: str | None
) -> None:
    async def read(programme: TrainingProgramme) -> TrainingProgrammeRead:
        return _programme_read(programme, await _waves(session, principal.tenant_id, programme.id))

    # Its waves and enrolments go with it (ON DELETE CASCADE).
    await writes.delete_versioned(
        session,
        principal,
        what="training programme",
        object_type="training_programme",
        event="training_programme.deleted",
        if_match=if_match,
        load=lambda: _get_programme(session, principal, programme_id),
        read=read,
        data=lambda before: {"id": str(before.id), "name": before.name},
    )


# --- enrolments --------------------------------------------------------------------------------


async def create_enrolment(
    session: AsyncSession,
    principal: Principal,
    programme_id: uuid.UUID,
    data: TrainingEnrolmentCreate,
) -> TrainingEnrolmentRead:
    tenant_id = principal.tenant_id
    programme = await _get_programme(session, principal, programme_id)
    errors: list[ProblemFieldError] = []
    person = await people_lookups.person_of_tenant(session, tenant_id, data.person_id)
    if person is None:
        errors.append(body_error("/person_id", "no person with this id"))
    wave = (await repository.waves_by_id(session, tenant_id, [data.wave_id])).get(data.wave_id)
    if wave is None or wave.programme_id != programme.id:
        errors.append(body_error("/wave_id", "no wave with this id in this programme"))
    ValidationFailed.raise_if_any(errors)
    assert person is not None
    assert wave is not None
    duplicate = Conflict(f"{person.name} is already enrolled in the wave {wave.name!r}.")
    if await repository.enrolled(session, tenant_id, wave.id, person.id):
        raise duplicate
    enrolment = TrainingEnrolment(
        tenant_id=tenant_id,
        programme_id=programme.id,
        wave_id=wave.id,
        person_id=person.id,
        enrolled_at=utcnow(),
    )
    repository.add(session, enrolment)
    try:
        await session.flush()
        created = _enrolment_read(enrolment, wave)
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="training_enrolment",
            object_id=created.id,
            before=None,
            after=snapshot(created),
            event="training_enrolment.created",
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        if await repository.enrolled(session, tenant_id, data.wave_id, data.person_id):
            raise duplicate from exc
        raise Conflict(
            "The person or the wave was removed at the same time; read them again and retry."
        ) from exc
    return created


async def _get_enrolment(
    session: AsyncSession, principal: Principal, programme_id: uuid.UUID, enrolment_id: uuid.UUID
) -> tuple[TrainingEnrolment, TrainingWave]:
    tenant_id = principal.tenant_id
    await _get_programme(session, principal, programme_id)
    enrolment = found(
        await repository.get_enrolment(session, tenant_id, programme_id, enrolment_id),
        f"No enrolment {enrolment_id} in this training programme.",
    )
    wave = (await repository.waves_by_id(session, tenant_id, [enrolment.wave_id]))[
        enrolment.wave_id
    ]
    return enrolment, wave


async def _missing_basics(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    enrolment: TrainingEnrolment,
    completed_at: datetime,
) -> list[str]:
    """The basic waves of the programme the person has not completed by `completed_at`."""
    waves = await _waves(session, tenant_id, enrolment.programme_id)
    done = await repository.completions_of(
        session, tenant_id, enrolment.programme_id, enrolment.person_id
    )
    missing: list[str] = []
    for wave in waves:
        if wave.level != WaveLevel.basic:
            continue
        when = done.get(wave.id)
        if when is None:
            missing.append(repr(wave.name))
        elif when > completed_at:
            missing.append(f"{wave.name!r} (completed only on {when.isoformat()})")
    return missing


async def complete_enrolment(
    session: AsyncSession,
    principal: Principal,
    programme_id: uuid.UUID,
    enrolment_id: uuid.UUID,
    data: TrainingCompletionCreate,
) -> TrainingEnrolmentRead:
    tenant_id = principal.tenant_id
    enrolment, wave = await _get_enrolment(session, principal, programme_id, enrolment_id)
    before = _enrolment_read(enrolment, wave)
    if enrolment.completed_at is not None:
        # Completing a completed wave changes nothing: its first completion stands.
        return before
    now = utcnow()
    completed_at = data.completed_at or now
    if completed_at > now:
        raise ValidationFailed.at(
            ProblemLocation.body, "/completed_at", "completed_at cannot be in the future"
        )
    if wave.level == WaveLevel.advanced:
        missing = await _missing_basics(session, tenant_id, enrolment, completed_at)
        if missing:
            person = await people_lookups.person_of_tenant(session, tenant_id, enrolment.person_id)
            who = person.name if person is not None else "The person"
            raise Conflict(
                f"{wave.name!r} is an advanced wave: {who} must first complete every basic wave "
                f"of the programme. Not completed: {', '.join(missing)}."
            )
    if not await repository.mark_completed(session, tenant_id, enrolment.id, completed_at):
        # A concurrent completion got in first: its answer is this one's too.
        await session.rollback()
        session.expunge_all()
        return _enrolment_read(
            *await _get_enrolment(session, principal, programme_id, enrolment_id)
        )
    await session.refresh(enrolment)
    after = _enrolment_read(enrolment, wave)
    await writes.record_change(
        session,
        principal,
        action="update",
        object_type="training_enrolment",
        object_id=enrolment.id,
        before=snapshot(before),
        after=snapshot(after),
        event="training_enrolment.completed",
    )
    await session.commit()
    return after


async def delete_enrolment(
    session: AsyncSession, principal: Principal, programme_id: uuid.UUID, enrolment_id: uuid.UUID
) -> None:
    enrolment, wave = await _get_enrolment(session, principal, programme_id, enrolment_id)
    before = _enrolment_read(enrolment, wave)
    await repository.remove(session, enrolment)
    await session.flush()
    await writes.record_change(
        session,
        principal,
        action="delete",
        object_type="training_enrolment",
        object_id=enrolment_id,
        before=snapshot(before),
        after=None,
        event="training_enrolment.deleted",
        data={
            "id": str(enrolment_id),
            "programme_id": str(before.programme_id),
            "wave_id": str(before.wave_id),
            "person_id": str(before.person_id),
        },
    )
    await session.commit()


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------
#
# A wave's tool ids and skills are its stored JSON, written from validated waves (`_wave_values`,
# or the import, in the same shape): they are answered as stored.

PROGRAMME_JSON = WireJSON(TrainingProgrammeRead)
WAVE_JSON = WireJSON(TrainingWaveRead)
ENROLMENT_JSON = WireJSON(TrainingEnrolmentRead)
PERSON_ITEM_JSON = WireJSON(PersonTrainingItem)
# Coverage is computed into its model: written once, as FastAPI would have.
_COVERAGE_JSON = TypeAdapter(TrainingCoverageRead)


async def _programme_items(
    conn: AsyncConnection, tenant_id: uuid.UUID, rows: Sequence[ReadRow]
) -> list[dict[str, Any]]:
    """`TrainingProgrammeRead`'s fields of each row, the waves of all of them in one query."""
    waves = await repository.wave_rows_of(conn, tenant_id, [row["id"] for row in rows])
    return [
        PROGRAMME_JSON.item(row, waves=WAVE_JSON.items(waves.get(row["id"], []))) for row in rows
    ]


async def _programme_row(
    conn: AsyncConnection, principal: Principal, programme_id: uuid.UUID
) -> ReadRow:
    # Another tenant's programme is as absent as one that never existed.
    row = found(
        await repository.programme_row(conn, principal.tenant_id, programme_id),
        f"No training programme {programme_id}.",
    )
    return row


async def read_programme(
    conn: AsyncConnection, principal: Principal, programme_id: uuid.UUID
) -> tuple[bytes, int]:
    """The programme as `TrainingProgrammeRead`'s JSON, with its version (for the ETag)."""
    row = await _programme_row(conn, principal, programme_id)
    (item,) = await _programme_items(conn, principal.tenant_id, [row])
    return PROGRAMME_JSON.dumps(item), int(row["version"])


async def read_programmes(
    conn: AsyncConnection, principal: Principal, *, sort: SortOption, limit: int, cursor: str | None
) -> bytes:
    """`list_programmes`' answer as JSON (`TrainingProgrammePage`)."""
    rows, next_cursor = await repository.programme_page_rows(
        conn, principal.tenant_id, sort=sort, limit=limit, cursor=cursor
    )
    return PROGRAMME_JSON.dumps_page(
        await _programme_items(conn, principal.tenant_id, rows), next_cursor
    )


def _enrolment_item(row: ReadRow) -> dict[str, Any]:
    return ENROLMENT_JSON.item(row, completed=row["completed_at"] is not None)


async def read_enrolment(
    conn: AsyncConnection, principal: Principal, programme_id: uuid.UUID, enrolment_id: uuid.UUID
) -> bytes:
    """The enrolment as `TrainingEnrolmentRead`'s JSON (404 for the programme first)."""
    await _programme_row(conn, principal, programme_id)
    row = found(
        await repository.enrolment_row(conn, principal.tenant_id, programme_id, enrolment_id),
        f"No enrolment {enrolment_id} in this training programme.",
    )
    return ENROLMENT_JSON.dumps(_enrolment_item(row))


async def read_enrolments(
    conn: AsyncConnection,
    principal: Principal,
    programme_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    wave_id: uuid.UUID | None,
    person_id: uuid.UUID | None,
    completed: bool | None,
) -> bytes:
    """`list_enrolments`' answer as JSON (`TrainingEnrolmentPage`)."""
    await _programme_row(conn, principal, programme_id)
    rows, next_cursor = await repository.enrolment_page_rows(
        conn,
        principal.tenant_id,
        programme_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        wave_id=wave_id,
        person_id=person_id,
        completed=completed,
    )
    return ENROLMENT_JSON.dumps_page([_enrolment_item(row) for row in rows], next_cursor)


async def read_person_training(
    conn: AsyncConnection, principal: Principal, person_id: uuid.UUID
) -> bytes:
    """`PersonTraining`'s JSON."""
    tenant_id = principal.tenant_id
    if await people_lookups.person_row(conn, tenant_id, person_id) is None:
        raise NotFound(f"No person {person_id}.")
    rows = await repository.person_enrolment_rows(conn, tenant_id, person_id)
    items = [PERSON_ITEM_JSON.item(row, completed=row["completed_at"] is not None) for row in rows]
    return dumps({"person_id": person_id, "items": items})


# --- coverage ----------------------------------------------------------------------------------


async def read_coverage(
    conn: AsyncConnection,
    principal: Principal,
    inventory: InventoryClient,
    *,
    unit_id: uuid.UUID | None,
    role_id: uuid.UUID | None,
    include_subunits: bool,
) -> bytes:
    """`TrainingCoverageRead`'s JSON."""
    tenant_id = principal.tenant_id
    errors: list[ProblemFieldError] = []
    if unit_id is not None and await units_lookups.unit_row(conn, tenant_id, unit_id) is None:
        errors.append(
            ProblemFieldError(
                location=ProblemLocation.query, pointer="/unit_id", detail="no unit with this id"
            )
        )
    if role_id is not None and not await repository.role_visible(conn, tenant_id, role_id):
        errors.append(
            ProblemFieldError(
                location=ProblemLocation.query, pointer="/role_id", detail="no role with this id"
            )
        )
    ValidationFailed.raise_if_any(errors)
    unit_ids: set[uuid.UUID] | None = None
    if unit_id is not None:
        unit_ids = (
            await repository.subtree_ids(conn, tenant_id, unit_id)
            if include_subunits
            else {unit_id}
        )
    ownership = await inventory.all_ownership(principal)
    figures = await training_coverage(
        conn, tenant_id, ownership, unit_ids=unit_ids, role_id=role_id
    )
    found = TrainingCoverageRead(
        **figures.model_dump(),
        unit_id=unit_id,
        include_subunits=include_subunits,
        role_id=role_id,
    )
    return _COVERAGE_JSON.dump_json(found, by_alias=True)
