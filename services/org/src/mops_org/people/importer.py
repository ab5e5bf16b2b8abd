"""The people's part of an organisation import: the tenant's people as the import compares them
(with their roles and skills), and the import's writes of them and of their roles, in bulk
(through the people's repository). Their skills are the roles' to write (`roles.importer`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import Db
from mops_org.importing import Change, HeldSkills
from mops_org.people import repository
from mops_shared.contracts.common import name_key
from mops_shared.contracts.org import PersonRead


@dataclass
class ExistingPerson:
    id: uuid.UUID
    name: str
    email: str
    unit_id: uuid.UUID | None
    manager_id: uuid.UUID | None
    active: bool
    version: int
    role_ids: list[uuid.UUID]
    skills: HeldSkills
    created_at: datetime
    updated_at: datetime


@dataclass
class PersonPlan:
    index: int
    key: str
    id: uuid.UUID
    existing: ExistingPerson | None
    name: str
    email: str
    unit_key: str | None
    manager_key: str | None
    manager_given: bool
    active: bool
    role_keys: list[str] | None  # None: the file does not say (keep the person's roles)
    skills: HeldSkills | None


async def existing_people(
    db: Db, tenant_id: uuid.UUID, skills: dict[uuid.UUID, HeldSkills]
) -> dict[str, ExistingPerson]:
    """The tenant's people by email key, with their roles and these skills (by person id)."""
    role_ids = await repository.all_role_ids(db, tenant_id)
    return {
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
        for person in await repository.all_of(db, tenant_id)
    }


@dataclass
class PeopleWrites:
    new: list[dict[str, Any]]
    changed: list[dict[str, Any]]
    replace_roles: dict[uuid.UUID, list[uuid.UUID]]
    replace_skills: dict[uuid.UUID, HeldSkills]  # for the roles' importer to write
    changes: list[Change]


def people_writes(
    tenant_id: uuid.UUID,
    people: list[PersonPlan],
    existing: dict[str, ExistingPerson],
    unit_ids: dict[str, uuid.UUID],
    person_ids: dict[str, uuid.UUID],
    role_ids: dict[str, uuid.UUID],
    now: datetime,
) -> PeopleWrites:
    """The rows the planned people need (`unit_ids`, `person_ids` and `role_ids`: every unit,
    person and role of the tenant and the file, by key), and the changes they make."""
    people_by_id = {person.id: person for person in existing.values()}
    new_people: list[dict[str, Any]] = []
    changed_people: list[dict[str, Any]] = []
    person_befores: dict[uuid.UUID, dict[str, Any]] = {}
    final_roles: dict[uuid.UUID, list[uuid.UUID]] = {}
    final_skills: dict[uuid.UUID, HeldSkills] = {}
    replace_roles: dict[uuid.UUID, list[uuid.UUID]] = {}
    replace_skills: dict[uuid.UUID, HeldSkills] = {}
    for person in people:
        unit_id = unit_ids[person.unit_key] if person.unit_key else None
        manager_id = person_ids[person.manager_key] if person.manager_key else None
        roles = (
            [role_ids[key] for key in person.role_keys] if person.role_keys is not None else None
        )
        old = person.existing
        if old is None:
            new_people.append(
                {
                    "id": person.id,
                    "tenant_id": tenant_id,
                    "name": person.name,
                    "name_key": name_key(person.name),
                    "email": person.email,
                    "email_key": person.key,
                    "unit_id": unit_id,
                    "manager_id": manager_id,
                    "active": person.active,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            final_roles[person.id] = roles or []
            final_skills[person.id] = person.skills or {}
            if roles:
                replace_roles[person.id] = roles
            if person.skills:
                replace_skills[person.id] = person.skills
            continue
        manager_after = manager_id if person.manager_given else old.manager_id
        roles_after = roles if roles is not None else old.role_ids
        skills_after = person.skills if person.skills is not None else old.skills
        final_roles[person.id] = roles_after
        final_skills[person.id] = skills_after
        if roles_after != old.role_ids:
            replace_roles[person.id] = roles_after
        if skills_after != old.skills:
            replace_skills[person.id] = skills_after
        if (
            (old.name, old.email, old.unit_id, old.manager_id, old.active)
            != (person.name, person.email, unit_id, manager_after, person.active)
            or person.id in replace_roles
            or person.id in replace_skills
        ):
            person_befores[person.id] = _person_snapshot(vars(old), old.role_ids, old.skills)
            changed_people.append(
                {
                    "id": person.id,
                    "name": person.name,
                    "name_key": name_key(person.name),
                    "email": person.email,
                    "unit_id": unit_id,
                    "manager_id": manager_after,
                    "active": person.active,
                    "version": old.version + 1,
                    "updated_at": now,
                }
            )
    changes: list[Change] = [
        (
            "create",
            "person",
            row["id"],
            None,
            _person_snapshot(row, final_roles[row["id"]], final_skills[row["id"]]),
        )
        for row in new_people
    ]
    for row in changed_people:
        old_person = people_by_id[row["id"]]
        after = {**vars(old_person), **row}
        changes.append(
            (
                "update",
                "person",
                row["id"],
                person_befores[row["id"]],
                _person_snapshot(after, final_roles[row["id"]], final_skills[row["id"]]),
            )
        )
    return PeopleWrites(new_people, changed_people, replace_roles, replace_skills, changes)


async def write_people(session: AsyncSession, tenant_id: uuid.UUID, writes: PeopleWrites) -> None:
    """The new and changed people and their roles (their units written before them)."""
    if writes.new:
        # Managers may be people inserted in the same statement: set after.
        await repository.insert_rows(session, [{**row, "manager_id": None} for row in writes.new])
        await repository.update_rows(
            session,
            [
                {"id": row["id"], "manager_id": row["manager_id"]}
                for row in writes.new
                if row["manager_id"]
            ],
        )
    await repository.update_rows(session, writes.changed)
    if writes.replace_roles:
        await repository.replace_roles_of_people(session, tenant_id, writes.replace_roles)


def _person_snapshot(
    row: dict[str, Any], role_ids: list[uuid.UUID], skills: HeldSkills
) -> dict[str, Any]:
    """The person as the API reads it, with their skills, as a skills change records it."""
    return {
        **PersonRead.model_validate({**row, "role_ids": role_ids}).model_dump(mode="json"),
        "skills": [
            {"skill": skill, "proficiency": level, "assessed_at": at.isoformat() if at else None}
            for skill, level, at in sorted(skills.values(), key=lambda held: held[0])
        ],
    }
