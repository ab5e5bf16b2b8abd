"""Use cases on the role catalogue and on people's skills; each validates everything first, then
writes and commits once.

Role names are unique among the built-in roles and the tenant's, compared with `spelling_key`
(case, spacing and British/American spelling folded); a role requires each skill once
(`name_key`). Built-in roles are read-only. A change of a person's skills is a change of the
person: it honours the person's ETag and bumps its version. Every write leaves an audit entry and
an outbox event (`role.created`, `role.updated`, `role.deleted`, `person.updated`) in the same
transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.db import writes

# People, roles and units check references to one another through their look-ups.
from mops_org.people import lookups as people_lookups
from mops_org.people.models import Person
from mops_org.roles import gaps, repository
from mops_org.roles.models import Role, RoleSkill
from mops_org.roles.schemas import (
    MAX_SKILL_NAME,
    HeldSkill,
    PersonSkillGaps,
    PersonSkills,
    PersonSkillsUpdate,
    RequiredSkill,
    RoleCreate,
    RoleRead,
    RoleSkillGaps,
    RoleUpdate,
    UnitSkillGaps,
)
from mops_org.units import lookups as units_lookups
from mops_shared.contracts.common import name_key, spelling_key
from mops_shared.contracts.org import PersonRead
from mops_shared.contracts.problem import ProblemFieldError
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, body_error, found
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import ReadRow, WireJSON, dumps
from mops_shared.kit.writes import retry_lost_races, snapshot

# The router resolves the sort a client names with these.
ROLE_SORTS = repository.ROLE_SORTS

# How many holders a refused role delete names.
_NAMED_HOLDERS = 10
# The width of roles.name_key: casefolding can lengthen a name ("ß" → "ss").
_MAX_NAME_KEY = 200

SkillRow = tuple[str, str, int]


def _skill_key_problems(
    names: Sequence[str], pointer: str
) -> tuple[list[str], list[ProblemFieldError]]:
    """Each skill's key (`name_key`) and the errors of the skills listed twice or whose key does
    not fit (`pointer` is the list's, e.g. `/skills`)."""
    keys = [name_key(name) for name in names]
    errors: list[ProblemFieldError] = []
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in first:
            errors.append(
                body_error(f"{pointer}/{i}/skill", f"listed twice (also at {pointer}/{first[key]})")
            )
        elif len(key) > MAX_SKILL_NAME:
            errors.append(
                body_error(
                    f"{pointer}/{i}/skill", f"at most {MAX_SKILL_NAME} characters once folded"
                )
            )
        first.setdefault(key, i)
    return keys, errors


def _required_rows(
    skills: Sequence[RequiredSkill],
) -> tuple[list[SkillRow], list[ProblemFieldError]]:
    keys, errors = _skill_key_problems([s.skill for s in skills], "/required_skills")
    rows = sorted((key, s.skill, s.min_proficiency) for key, s in zip(keys, skills, strict=True))
    return rows, errors


def _name_problem(name: str) -> ProblemFieldError | None:
    if len(spelling_key(name)) > _MAX_NAME_KEY:
        return body_error("/name", f"at most {_MAX_NAME_KEY} characters once folded")
    return None


def _rows(skills: Sequence[RoleSkill]) -> list[SkillRow]:
    """(skill_key, skill, min_proficiency) by key, sorted here: the database's collation may
    order otherwise."""
    return sorted((s.skill_key, s.skill, s.min_proficiency) for s in skills)


def role_read(role: Role, rows: Sequence[SkillRow]) -> RoleRead:
    return RoleRead(
        id=role.id,
        name=role.name,
        description=role.description,
        legal=role.legal,
        builtin=role.builtin,
        required_skills=[
            RequiredSkill(skill=skill, min_proficiency=level) for _, skill, level in sorted(rows)
        ],
        version=role.version,
        created_at=role.created_at,
        updated_at=role.updated_at,
    )


async def _name_conflict(
    session: AsyncSession, tenant_id: uuid.UUID, name: str, except_id: uuid.UUID | None
) -> Conflict | None:
    clash = await repository.get_by_name_key(
        session, tenant_id, spelling_key(name), except_id=except_id
    )
    if clash is None:
        return None
    if clash.builtin:
        return Conflict(
            f"{name!r} is the built-in role {clash.name!r}: use it, or choose another name."
        )
    return Conflict(f"A role named {clash.name!r} already exists.")


def _builtin_refused(role: Role) -> Conflict:
    return Conflict(
        f"{role.name} is a built-in role, shared by every tenant: it cannot be changed or "
        "deleted. Create a role of your own instead."
    )


async def create_role(session: AsyncSession, principal: Principal, data: RoleCreate) -> RoleRead:
    tenant_id = principal.tenant_id
    rows, errors = _required_rows(data.required_skills)
    problem = _name_problem(data.name)
    ValidationFailed.raise_if_any([problem, *errors] if problem else errors)
    conflict = await _name_conflict(session, tenant_id, data.name, None)
    if conflict is not None:
        raise conflict
    now = utcnow()
    role = repository.add(
        session,
        Role(
            tenant_id=tenant_id,
            name=data.name,
            name_key=spelling_key(data.name),
            description=data.description,
            legal=data.legal,
            builtin=False,
            created_at=now,
            updated_at=now,
        ),
    )
    try:
        # Flushed first so a lost race for the name fails before anything else is written.
        await session.flush()
        await repository.replace_skills(session, role.id, rows)
        created = role_read(role, rows)
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="role",
            object_id=created.id,
            before=None,
            after=snapshot(created),
            event="role.created",
        )
        await session.commit()
    except IntegrityError as exc:  # a concurrent create won the race for the name
        await session.rollback()
        raise Conflict(f"A role named {data.name!r} was created at the same time.") from exc
    return created


async def role_or_404(session: AsyncSession, principal: Principal, role_id: uuid.UUID) -> Role:
    """A role the tenant sees (built-in or its own); another tenant's is as absent as none."""
    role = found(
        await repository.get_by_id(session, principal.tenant_id, role_id), f"No role {role_id}."
    )
    return role


async def _read_one(session: AsyncSession, role: Role) -> RoleRead:
    return role_read(role, _rows((await repository.skills_of(session, [role.id]))[role.id]))


async def update_role(
    session: AsyncSession,
    principal: Principal,
    role_id: uuid.UUID,
    data: RoleUpdate,
    if_match: str | None,
) -> RoleRead:
    tenant_id = principal.tenant_id
    changes = data.model_dump(exclude_unset=True)
    # The required skills as read and as they become: the rows themselves are written after
    # the role's guarded flush, and only when they change.
    old_rows: list[SkillRow] = []
    rows: list[SkillRow] = []

    async def read(role: Role) -> RoleRead:
        nonlocal old_rows
        old_rows = _rows((await repository.skills_of(session, [role.id]))[role.id])
        return role_read(role, old_rows)

    async def apply(role: Role, before: RoleRead, now: datetime) -> bool:
        nonlocal rows
        errors = [
            body_error(f"/{required}", f"{required} cannot be null")
            for required in ("name", "legal", "required_skills")
            if required in changes and changes[required] is None
        ]
        ValidationFailed.raise_if_any(errors)
        rows = old_rows
        if data.required_skills is not None:
            rows, errors = _required_rows(data.required_skills)
        if data.name is not None and (problem := _name_problem(data.name)) is not None:
            errors.insert(0, problem)
        ValidationFailed.raise_if_any(errors)
        name = role.name if data.name is None else data.name
        description = data.description if "description" in changes else role.description
        legal = role.legal if data.legal is None else data.legal
        if (name, description, legal, rows) == (role.name, role.description, role.legal, old_rows):
            # Nothing to write: the role keeps its version, and no audit entry or event is made.
            return False
        if name != role.name:
            conflict = await _name_conflict(session, tenant_id, name, role.id)
            if conflict is not None:
                raise conflict
            role.name, role.name_key = name, spelling_key(name)
        role.description, role.legal = description, legal
        return True

    async def finish(role: Role) -> RoleRead:
        if rows != old_rows:
            await repository.replace_skills(session, role.id, rows)
        return role_read(role, rows)

    async def conflict(before: RoleRead) -> Exception:
        # A concurrent write took the name.
        return Conflict(f"A role named {data.name!r} was created at the same time.")

    return await writes.update_versioned(
        session,
        principal,
        what="role",
        object_type="role",
        event="role.updated",
        if_match=if_match,
        load=lambda: _writable_role(session, principal, role_id),
        read=read,
        apply=apply,
        finish=finish,
        conflict=conflict,
    )


async def _writable_role(session: AsyncSession, principal: Principal, role_id: uuid.UUID) -> Role:
    """The tenant's own role, or 404; a built-in role is refused (409) before any If-Match."""
    role = await role_or_404(session, principal, role_id)
    if role.builtin:
        raise _builtin_refused(role)
    return role


async def delete_role(
    session: AsyncSession, principal: Principal, role_id: uuid.UUID, if_match: str | None
) -> None:
    tenant_id = principal.tenant_id

    async def prepare(role: Role, before: RoleRead) -> None:
        count, names = await repository.holders(session, tenant_id, role.id, named=_NAMED_HOLDERS)
        if count:
            listed = ", ".join(names)
            if count > len(names):
                listed += f" and {count - len(names)} more"
            raise Conflict(
                f"{role.name} is held by {count} {'person' if count == 1 else 'people'} "
                f"({listed}): give them other roles first."
            )
        await repository.replace_skills(session, role.id, [])

    async def conflict(before: RoleRead) -> Exception:
        # Someone was given the role at the same time.
        return Conflict(
            f"Someone was given the role {before.name} at the same time; read again and retry."
        )

    await writes.delete_versioned(
        session,
        principal,
        what="role",
        object_type="role",
        event="role.deleted",
        if_match=if_match,
        load=lambda: _writable_role(session, principal, role_id),
        read=lambda role: _read_one(session, role),
        prepare=prepare,
        data=lambda before: {"id": str(before.id), "name": before.name},
        conflict=conflict,
    )


# --- people's skills -----------------------------------------------------------------------


def _held(rows: Sequence[tuple[str, str, int, datetime | None]]) -> list[HeldSkill]:
    return [
        HeldSkill(skill=skill, proficiency=proficiency, assessed_at=assessed_at)
        for _, skill, proficiency, assessed_at in rows
    ]


async def _person(session: AsyncSession, principal: Principal, person_id: uuid.UUID) -> Person:
    person = found(
        await people_lookups.person_of_tenant(session, principal.tenant_id, person_id),
        f"No person {person_id}.",
    )
    return person


async def _skill_rows(
    session: AsyncSession, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> list[tuple[str, str, int, datetime | None]]:
    """The person's skills by key, sorted here: the database's collation may order otherwise."""
    return sorted(
        (s.skill_key, s.skill, s.proficiency, s.assessed_at)
        for s in await repository.person_skills(session, tenant_id, person_id)
    )


async def replace_person_skills(
    session: AsyncSession,
    principal: Principal,
    person_id: uuid.UUID,
    data: PersonSkillsUpdate,
    if_match: str | None,
) -> PersonSkills:
    return await retry_lost_races(
        session,
        "person",
        lambda: _replace_skills_once(session, principal, person_id, data, if_match),
    )


def _person_snapshot(person: Person, skills: Sequence[HeldSkill]) -> dict[str, Any]:
    return {
        **PersonRead.model_validate(person).model_dump(mode="json"),
        "skills": [skill.model_dump(mode="json") for skill in skills],
    }


async def _replace_skills_once(
    session: AsyncSession,
    principal: Principal,
    person_id: uuid.UUID,
    data: PersonSkillsUpdate,
    if_match: str | None,
) -> PersonSkills:
    tenant_id = principal.tenant_id
    person = await _person(session, principal, person_id)
    check_if_match(if_match, person.version)
    keys, errors = _skill_key_problems([s.skill for s in data.skills], "/skills")
    ValidationFailed.raise_if_any(errors)
    rows = sorted(
        (
            key,
            s.skill,
            s.proficiency,
            s.assessed_at.astimezone(UTC) if s.assessed_at is not None else None,
        )
        for key, s in zip(keys, data.skills, strict=True)
    )
    old_rows = await _skill_rows(session, tenant_id, person.id)
    before_skills, after_skills = _held(old_rows), _held(rows)
    if rows == old_rows:
        # Nothing to write: the person keeps its version, and no audit entry or event is made.
        return PersonSkills(person_id=person.id, version=person.version, skills=before_skills)
    await people_lookups.load_role_ids(session, tenant_id, [person])
    before = _person_snapshot(person, before_skills)
    person.version += 1
    person.updated_at = utcnow()
    # `WHERE version = <read>` fails here (StaleDataError) if another write got in first.
    await session.flush()
    await repository.replace_person_skills(session, tenant_id, person.id, rows)
    await writes.record_change(
        session,
        principal,
        action="update",
        object_type="person",
        object_id=person.id,
        before=before,
        after=_person_snapshot(person, after_skills),
        event="person.updated",
    )
    await session.commit()
    return PersonSkills(person_id=person.id, version=person.version, skills=after_skills)


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

ROLE_JSON = WireJSON(RoleRead)
REQUIRED_JSON = WireJSON(RequiredSkill)
HELD_JSON = WireJSON(HeldSkill)
# The gap views are computed into their models: each written once, as FastAPI would have.
_PERSON_GAPS_JSON = TypeAdapter(PersonSkillGaps)
_ROLE_GAPS_JSON = TypeAdapter(RoleSkillGaps)
_UNIT_GAPS_JSON = TypeAdapter(UnitSkillGaps)


def _by_key(rows: Sequence[ReadRow]) -> list[ReadRow]:
    """Skill rows by key, sorted here: the database's collation may order otherwise."""
    return sorted(rows, key=lambda row: row["skill_key"])


async def _role_items(conn: AsyncConnection, rows: Sequence[ReadRow]) -> list[dict[str, Any]]:
    """`RoleRead`'s fields of each row, the required skills read in one query for them all."""
    skills = await repository.skill_rows_of(conn, [row["id"] for row in rows])
    return [
        ROLE_JSON.item(row, required_skills=REQUIRED_JSON.items(_by_key(skills[row["id"]])))
        for row in rows
    ]


async def read_roles(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    builtin: bool | None,
    legal: bool | None,
    ids: Collection[uuid.UUID] | None,
) -> bytes:
    """`list_roles`' answer as JSON (`RolePage`)."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        builtin=builtin,
        legal=legal,
        ids=ids,
    )
    return ROLE_JSON.dumps_page(await _role_items(conn, rows), next_cursor)


async def _role_row(conn: AsyncConnection, principal: Principal, role_id: uuid.UUID) -> ReadRow:
    """A role the tenant sees (built-in or its own) as a row; another tenant's is a 404."""
    row = found(
        await repository.role_row(conn, principal.tenant_id, role_id), f"No role {role_id}."
    )
    return row


async def read_role(
    conn: AsyncConnection, principal: Principal, role_id: uuid.UUID
) -> tuple[bytes, int]:
    """The role as `RoleRead`'s JSON, with its version (for the ETag)."""
    row = await _role_row(conn, principal, role_id)
    (item,) = await _role_items(conn, [row])
    return ROLE_JSON.dumps(item), int(row["version"])


async def _person_row(conn: AsyncConnection, principal: Principal, person_id: uuid.UUID) -> ReadRow:
    row = found(
        await people_lookups.person_row(conn, principal.tenant_id, person_id),
        f"No person {person_id}.",
    )
    return row


async def read_person_skills(
    conn: AsyncConnection, principal: Principal, person_id: uuid.UUID
) -> tuple[bytes, int]:
    """`PersonSkills`' JSON, with the person's version (the ETag is the person's)."""
    person = await _person_row(conn, principal, person_id)
    rows = await repository.person_skill_rows(conn, principal.tenant_id, person_id)
    version = int(person["version"])
    body = dumps(
        {"person_id": person["id"], "version": version, "skills": HELD_JSON.items(_by_key(rows))}
    )
    return body, version


async def read_person_skill_gaps(
    conn: AsyncConnection, principal: Principal, person_id: uuid.UUID
) -> bytes:
    person = await _person_row(conn, principal, person_id)
    found = PersonSkillGaps(
        person_id=person["id"],
        gaps=await gaps.person_gaps(conn, principal.tenant_id, person["id"]),
    )
    return _PERSON_GAPS_JSON.dump_json(found, by_alias=True)


async def read_role_skill_gaps(
    conn: AsyncConnection,
    principal: Principal,
    role_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
) -> bytes:
    await _role_row(conn, principal, role_id)
    found = await gaps.role_gaps_page(
        conn, principal.tenant_id, role_id, limit=limit, cursor=cursor
    )
    return _ROLE_GAPS_JSON.dump_json(found, by_alias=True)


async def read_unit_skill_gaps(
    conn: AsyncConnection, principal: Principal, unit_id: uuid.UUID, *, include_subunits: bool
) -> bytes:
    # Another tenant's unit is as absent as one that never existed.
    if await units_lookups.unit_row(conn, principal.tenant_id, unit_id) is None:
        raise NotFound(f"No unit {unit_id}.")
    found = await gaps.unit_gaps(
        conn, principal.tenant_id, unit_id, include_subunits=include_subunits
    )
    return _UNIT_GAPS_JSON.dump_json(found, by_alias=True)
