"""What an import plans against: everything the tenant has of what a file can hold, loaded
once (a query per table), so that planning is done in memory."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_org.coordination.models import CoordinationMechanism, CoordinationParticipant
from mops_org.imports.plan import (
    Existing,
    ExistingNamed,
    ExistingPerson,
    ExistingRole,
    ExistingUnit,
)
from mops_org.people.models import Person
from mops_org.profile.models import OrgProfile
from mops_org.raci.models import RaciMatrix
from mops_org.roles.models import PersonRole, PersonSkill, Role
from mops_org.training.models import TrainingEnrolment, TrainingProgramme, TrainingWave
from mops_org.units.models import Unit
from mops_shared.contracts.common import name_key


async def load_existing(
    session: AsyncSession, tenant_id: uuid.UUID, tool_ids: dict[str, uuid.UUID] | None
) -> Existing:
    units = {
        unit.name_key: ExistingUnit(
            unit.id,
            unit.name,
            unit.type,
            unit.parent_id,
            unit.role,
            unit.lead_person_id,
            unit.version,
            unit.created_at,
            unit.updated_at,
        )
        for unit in (await session.execute(select(Unit).where(col(Unit.tenant_id) == tenant_id)))
        .scalars()
        .all()
    }
    role_ids: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for person_id, role_id in await session.execute(
        select(col(PersonRole.person_id), col(PersonRole.role_id))
        .where(col(PersonRole.tenant_id) == tenant_id)
        .order_by(col(PersonRole.person_id), col(PersonRole.position))
    ):
        role_ids[person_id].append(role_id)
    skills: dict[uuid.UUID, dict[str, tuple[str, int, datetime | None]]] = defaultdict(dict)
    for skill in (
        await session.execute(select(PersonSkill).where(col(PersonSkill.tenant_id) == tenant_id))
    ).scalars():
        skills[skill.person_id][skill.skill_key] = (
            skill.skill,
            skill.proficiency,
            skill.assessed_at,
        )
    people = {
        person.email_key: ExistingPerson(
            person.id,
            person.name,
            person.email,
            person.unit_id,
            person.manager_id,
            person.active,
            person.version,
            role_ids.get(person.id, []),
            skills.get(person.id, {}),
            person.created_at,
            person.updated_at,
        )
        for person in (
            await session.execute(select(Person).where(col(Person.tenant_id) == tenant_id))
        ).scalars()
    }
    roles = {
        role.name_key: ExistingRole(role.id, role.name, role.legal)
        for role in (
            await session.execute(
                select(Role).where(
                    (col(Role.tenant_id) == tenant_id) | col(Role.tenant_id).is_(None)
                )
            )
        ).scalars()
    }
    raci = {
        matrix.name_key: ExistingNamed(
            matrix.id,
            matrix.version,
            {
                "name": matrix.name,
                "allow_accountable_responsible": matrix.allow_accountable_responsible,
                "activities": matrix.activities,
            },
        )
        for matrix in (
            await session.execute(select(RaciMatrix).where(col(RaciMatrix.tenant_id) == tenant_id))
        ).scalars()
    }
    participants: dict[uuid.UUID, list[str]] = defaultdict(list)
    for mechanism_id, unit_id in await session.execute(
        select(
            col(CoordinationParticipant.mechanism_id), col(CoordinationParticipant.unit_id)
        ).where(col(CoordinationParticipant.tenant_id) == tenant_id)
    ):
        participants[mechanism_id].append(str(unit_id))
    coordination = {
        m.name_key: ExistingNamed(
            m.id,
            m.version,
            {
                "name": m.name,
                "kind": m.kind,
                "level": m.level,
                "cadence": m.cadence,
                "description": m.description,
                "owner_unit_id": str(m.owner_unit_id) if m.owner_unit_id else None,
                "participating_unit_ids": sorted(participants.get(m.id, [])),
            },
        )
        for m in (
            await session.execute(
                select(CoordinationMechanism).where(
                    col(CoordinationMechanism.tenant_id) == tenant_id
                )
            )
        ).scalars()
    }
    waves: dict[uuid.UUID, list[TrainingWave]] = defaultdict(list)
    for wave in (
        await session.execute(
            select(TrainingWave)
            .where(col(TrainingWave.tenant_id) == tenant_id)
            .order_by(col(TrainingWave.programme_id), col(TrainingWave.position))
        )
    ).scalars():
        waves[wave.programme_id].append(wave)
    programmes = {
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
        for p in (
            await session.execute(
                select(TrainingProgramme).where(col(TrainingProgramme.tenant_id) == tenant_id)
            )
        ).scalars()
    }
    enrolments: dict[tuple[uuid.UUID, uuid.UUID], datetime | None] = {
        (wave_id, person_id): completed_at
        for wave_id, person_id, completed_at in await session.execute(
            select(
                col(TrainingEnrolment.wave_id),
                col(TrainingEnrolment.person_id),
                col(TrainingEnrolment.completed_at),
            ).where(col(TrainingEnrolment.tenant_id) == tenant_id)
        )
    }
    profile_row = await session.get(OrgProfile, tenant_id)
    profile = (
        {
            "name": profile_row.name,
            "model": profile_row.model,
            "commerce_structure": profile_row.commerce_structure,
            "notes": profile_row.notes,
            "version": profile_row.version,
        }
        if profile_row is not None
        else None
    )
    return Existing(
        units=units,
        people=people,
        roles=roles,
        raci=raci,
        coordination=coordination,
        programmes=programmes,
        enrolments=enrolments,
        waves_with_enrolments={wave_id for wave_id, _ in enrolments},
        profile=profile,
        tool_ids=tool_ids,
    )


def _wave_state(wave: TrainingWave) -> dict[str, Any]:
    return {
        "name": wave.name,
        "level": wave.level,
        "tool_ids": list(wave.tool_ids),
        "unresolved_tools": list(wave.unresolved_tools),
        "skills": list(wave.skills),
    }
