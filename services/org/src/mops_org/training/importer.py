"""The training's part of an organisation import: the tenant's programmes as the import compares
them (each a whole document with its waves) and their enrolments, and the import's writes of
them (through the training repository)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import Db
from mops_org.importing import Change, DocumentPlan, ExistingNamed, document_write
from mops_org.training import repository
from mops_shared.contracts.common import name_key

# (wave id, person id) → when it was completed (None: not yet).
Enrolments = dict[tuple[uuid.UUID, uuid.UUID], datetime | None]


async def existing_programmes(db: Db, tenant_id: uuid.UUID) -> dict[str, ExistingNamed]:
    """The tenant's programmes by name key, with their waves (and the waves' ids by name key)."""
    waves: dict[uuid.UUID, list[Row[Any]]] = defaultdict(list)
    for wave in await repository.all_waves(db, tenant_id):
        waves[wave.programme_id].append(wave)
    return {
        p.name_key: ExistingNamed(
            p.id,
            p.version,
            {
                "name": p.name,
                "description": p.description,
                "waves": [_wave_state(w) for w in waves.get(p.id, [])],
                "wave_ids": {name_key(w.name): w.id for w in waves.get(p.id, [])},
            },
        )
        for p in await repository.all_programmes(db, tenant_id)
    }


def _wave_state(wave: Row[Any]) -> dict[str, Any]:
    return {
        "name": wave.name,
        "level": wave.level,
        "tool_ids": list(wave.tool_ids),
        "unresolved_tools": list(wave.unresolved_tools),
        "skills": list(wave.skills),
    }


async def existing_enrolments(db: Db, tenant_id: uuid.UUID) -> Enrolments:
    return {
        (wave_id, person_id): completed_at
        for wave_id, person_id, completed_at in await repository.all_enrolments(db, tenant_id)
    }


def _columns(state: dict[str, Any]) -> dict[str, Any]:
    return {"name": state["name"], "description": state["description"]}


async def import_programmes(
    session: AsyncSession, tenant_id: uuid.UUID, programmes: list[DocumentPlan], now: datetime
) -> list[Change]:
    """Adds the new programmes and updates those that differ from the file, waves included."""
    changes: list[Change] = []
    for programme in programmes:
        write = document_write(programme, tenant_id, now, "training_programme", _columns)
        if write is None:
            continue
        if write.update is not None:
            await repository.update_programmes(session, [write.update])
        if write.insert is not None:
            await repository.insert_programmes(session, [write.insert])
        changes.append(write.change)
        await _replace_waves(session, tenant_id, programme)
    return changes


async def _replace_waves(
    session: AsyncSession, tenant_id: uuid.UUID, programme: DocumentPlan
) -> None:
    """Waves matched by name keep their id (and so their enrolments); others are replaced."""
    kept = programme.existing.state.get("wave_ids", {}) if programme.existing else {}
    wanted = {name_key(w["name"]) for w in programme.state["waves"]}
    gone = [wave_id for key, wave_id in kept.items() if key not in wanted]
    if gone:
        await repository.delete_waves(session, gone)
    if kept:
        await repository.move_waves_aside(session, programme.id)
    for position, wave in enumerate(programme.state["waves"]):
        values = {
            "name": wave["name"],
            "level": wave["level"],
            "tool_ids": wave["tool_ids"],
            "unresolved_tools": wave["unresolved_tools"],
            "skills": wave["skills"],
            "position": position,
        }
        wave_id = kept.get(name_key(wave["name"]))
        if wave_id is not None:
            await repository.update_wave(session, wave_id, values)
        else:
            await repository.insert_waves(
                session,
                [
                    {
                        "id": uuid.uuid4(),
                        "tenant_id": tenant_id,
                        "programme_id": programme.id,
                        **values,
                    }
                ],
            )


async def import_enrolments(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    enrolments: list[tuple[str, str, str, datetime | None]],
    programmes: list[DocumentPlan],
    person_ids: dict[str, uuid.UUID],
    existing: Enrolments,
    now: datetime,
) -> list[Change]:
    """Enrols people in waves and completes the enrolments the file completes (its programmes
    and people written before). `enrolments`: (programme key, wave name key, person email key,
    completed at); `person_ids`: every person of the tenant and the file, by email key."""
    if not enrolments:
        return []
    programme_ids = {p.key: p.id for p in programmes}
    wave_ids: dict[tuple[uuid.UUID, str], uuid.UUID] = {
        (programme_id, name_key(name)): wave_id
        for programme_id, name, wave_id in await repository.wave_ids_by_name(
            session, tenant_id, programme_ids.values()
        )
    }
    new_rows: list[dict[str, Any]] = []
    completions: list[tuple[uuid.UUID, uuid.UUID, datetime]] = []
    for programme_key, wave_key, person_key, completed_at in enrolments:
        programme_id = programme_ids[programme_key]
        wave_id = wave_ids[(programme_id, wave_key)]
        person_id = person_ids[person_key]
        if (wave_id, person_id) not in existing:
            new_rows.append(
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "programme_id": programme_id,
                    "wave_id": wave_id,
                    "person_id": person_id,
                    "enrolled_at": now,
                    "completed_at": completed_at,
                }
            )
        elif completed_at is not None and existing[(wave_id, person_id)] is None:
            completions.append((wave_id, person_id, completed_at))
    if new_rows:
        await repository.insert_enrolments(session, new_rows)
    if completions:
        await repository.complete_enrolments(session, completions)
    return [
        (
            "create",
            "training_enrolment",
            row["id"],
            None,
            {
                k: str(v)
                if isinstance(v, uuid.UUID)
                else v.isoformat()
                if isinstance(v, datetime)
                else v
                for k, v in row.items()
                if k != "tenant_id"
            },
        )
        for row in new_rows
    ]
