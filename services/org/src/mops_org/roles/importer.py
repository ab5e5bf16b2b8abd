"""The roles' part of an organisation import: the catalogue as the import matches role names
against it, the roles a file adds, and people's skills (person_skills), in bulk (through the
roles' repository)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import Db
from mops_org.importing import Change, HeldSkills
from mops_org.roles import repository


@dataclass
class ExistingRole:
    id: uuid.UUID
    name: str
    legal: bool


async def existing_roles(db: Db, tenant_id: uuid.UUID) -> dict[str, ExistingRole]:
    """The roles the tenant sees (built-ins and its own) by spelling key."""
    return {
        key: ExistingRole(role.id, role.name, role.legal)
        for key, role in (await repository.roles_by_key(db, tenant_id)).items()
    }


async def create_roles(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    new_roles: dict[str, tuple[uuid.UUID, str]],
    now: datetime,
) -> list[Change]:
    """The tenant's new roles (`new_roles`: key → (id, name)), in one statement."""
    if not new_roles:
        return []
    rows: list[dict[str, Any]] = [
        {
            "id": role_id,
            "tenant_id": tenant_id,
            "name": name,
            "name_key": key,
            "description": None,
            "legal": False,
            "builtin": False,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for key, (role_id, name) in new_roles.items()
    ]
    await repository.insert_rows(session, rows)
    return [("create", "role", row["id"], None, _role_snapshot(row)) for row in rows]


def _role_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "name": row["name"],
        "description": None,
        "legal": False,
        "builtin": False,
        "required_skills": [],
        "version": 1,
    }


async def existing_skills(db: Db, tenant_id: uuid.UUID) -> dict[uuid.UUID, HeldSkills]:
    """What every person of the tenant holds, by person id (those without skills are absent)."""
    skills: dict[uuid.UUID, HeldSkills] = defaultdict(dict)
    for skill in await repository.all_person_skills(db, tenant_id):
        skills[skill.person_id][skill.skill_key] = (
            skill.skill,
            skill.proficiency,
            skill.assessed_at,
        )
    return skills


async def replace_skills(
    session: AsyncSession, tenant_id: uuid.UUID, skills: dict[uuid.UUID, HeldSkills]
) -> None:
    """These people (by id) hold exactly these skills (the people written before)."""
    if not skills:
        return
    rows = [
        {
            "person_id": pid,
            "skill_key": key,
            "tenant_id": tenant_id,
            "skill": skill,
            "proficiency": level,
            "assessed_at": at,
        }
        for pid, held in skills.items()
        for key, (skill, level, at) in held.items()
    ]
    await repository.replace_skills_of_people(session, tenant_id, list(skills), rows)
