"""Use cases on people; each validates everything first, then writes and commits once.

A person's unit must be a unit of the tenant, its manager a person of the tenant other than
itself, and the manager chain must not loop; its roles are built-in or tenant roles, each once.
Every write leaves an audit entry and an outbox event (`person.created`, `person.updated`,
`person.deleted`) in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.db import writes
from mops_org.people import lookups, repository
from mops_org.people.models import Person
from mops_org.people.schemas import PersonCreate, PersonUpdate

# People, roles and units check references to one another through their look-ups.
from mops_org.roles import lookups as roles_lookups
from mops_org.units import lookups as units_lookups
from mops_shared.contracts.common import name_key
from mops_shared.contracts.org import PersonRead
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, ValidationFailed, found
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import WireJSON
from mops_shared.kit.writes import snapshot

# The router resolves the sort a client names with these.
PERSON_SORTS = lookups.PERSON_SORTS
# How many of a manager's reports a refused delete names.
_NAMED_REPORTS = 10


def _duplicate(email: str) -> Conflict:
    return Conflict(f"A person with the email {email!r} already exists.")


async def _manager_problem(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    person_id: uuid.UUID | None,
    manager_id: uuid.UUID,
) -> str | None:
    """Why `manager_id` cannot manage `person_id` (None for a new person), or None."""
    if manager_id == person_id:
        return "a person cannot be their own manager"
    # Another tenant's person is as absent as one that never existed.
    exists, above = await repository.manager_of(session, tenant_id, manager_id)
    if not exists:
        return "no person with this id"
    seen = {manager_id}
    while above is not None and above not in seen:
        if above == person_id:
            return "this manager reports, directly or not, to the person: that would be a cycle"
        seen.add(above)
        _, above = await repository.manager_of(session, tenant_id, above)
    return None


async def _role_problems(
    session: AsyncSession, tenant_id: uuid.UUID, role_ids: Sequence[uuid.UUID]
) -> list[ProblemFieldError]:
    """Each role id listed twice or that names no role the tenant sees, at its position."""
    known = await roles_lookups.visible_role_ids(session, tenant_id, role_ids)
    errors: list[ProblemFieldError] = []
    first: dict[uuid.UUID, int] = {}
    for i, role_id in enumerate(role_ids):
        if role_id in first:
            why = f"listed twice (also at /role_ids/{first[role_id]})"
        elif role_id not in known:
            why = "no role with this id"
        else:
            why = ""
        first.setdefault(role_id, i)
        if why:
            errors.append(
                ProblemFieldError(
                    location=ProblemLocation.body, pointer=f"/role_ids/{i}", detail=why
                )
            )
    return errors


async def _check_references(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    person_id: uuid.UUID | None,
    *,
    unit_id: uuid.UUID | None,
    manager_id: uuid.UUID | None,
    role_ids: Sequence[uuid.UUID] = (),
) -> None:
    errors: list[ProblemFieldError] = []
    if (
        unit_id is not None
        and await units_lookups.unit_of_tenant(session, tenant_id, unit_id) is None
    ):
        errors.append(
            ProblemFieldError(
                location=ProblemLocation.body, pointer="/unit_id", detail="no unit with this id"
            )
        )
    if manager_id is not None:
        why = await _manager_problem(session, tenant_id, person_id, manager_id)
        if why is not None:
            errors.append(
                ProblemFieldError(location=ProblemLocation.body, pointer="/manager_id", detail=why)
            )
    errors += await _role_problems(session, tenant_id, role_ids)
    if errors:
        raise ValidationFailed("; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors)


async def _integrity_conflict(
    session: AsyncSession, tenant_id: uuid.UUID, email: str, person_id: uuid.UUID | None
) -> Conflict:
    """After a unique or foreign key violation (rolled back): what the concurrent write was."""
    if await repository.email_taken(session, tenant_id, email.lower(), except_id=person_id):
        return _duplicate(email)
    return Conflict(
        "A unit, person or role this one refers to changed at the same time; read them again "
        "and retry."
    )


async def create_person(
    session: AsyncSession, principal: Principal, data: PersonCreate
) -> PersonRead:
    tenant_id = principal.tenant_id
    await _check_references(
        session,
        tenant_id,
        None,
        unit_id=data.unit_id,
        manager_id=data.manager_id,
        role_ids=data.role_ids,
    )
    key = data.email.lower()
    if await repository.email_taken(session, tenant_id, key):
        raise _duplicate(data.email)
    now = utcnow()
    person = repository.add(
        session,
        Person(
            tenant_id=tenant_id,
            name=data.name,
            name_key=name_key(data.name),
            email=data.email,
            email_key=key,
            unit_id=data.unit_id,
            manager_id=data.manager_id,
            active=data.active,
            created_at=now,
            updated_at=now,
        ),
    )
    try:
        # Flushed first so a lost race for the email fails before anything else is written.
        await session.flush()
        await repository.replace_role_ids(session, tenant_id, person, data.role_ids)
        created = PersonRead.model_validate(person)
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="person",
            object_id=created.id,
            before=None,
            after=snapshot(created),
            event="person.created",
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise await _integrity_conflict(session, tenant_id, data.email, None) from exc
    return created


async def _get(session: AsyncSession, principal: Principal, person_id: uuid.UUID) -> Person:
    """The tenant's person with its role ids, or 404."""
    person = found(
        await repository.get_by_id(session, principal.tenant_id, person_id),
        f"No person {person_id}.",
    )
    await repository.load_role_ids(session, principal.tenant_id, [person])
    return person


async def update_person(
    session: AsyncSession,
    principal: Principal,
    person_id: uuid.UUID,
    data: PersonUpdate,
    if_match: str | None,
) -> PersonRead:
    tenant_id = principal.tenant_id
    changes = data.model_dump(exclude_unset=True)

    async def apply(person: Person, before: PersonRead, now: datetime) -> bool:
        for required in ("name", "email", "active", "role_ids"):
            if required in changes and changes[required] is None:
                raise ValidationFailed.at(
                    ProblemLocation.body, f"/{required}", f"{required} cannot be null"
                )
        await _check_references(
            session,
            tenant_id,
            person.id,
            unit_id=data.unit_id if "unit_id" in changes else None,
            manager_id=data.manager_id if "manager_id" in changes else None,
            role_ids=data.role_ids or (),
        )
        if data.email is not None:
            key = data.email.lower()
            if await repository.email_taken(session, tenant_id, key, except_id=person.id):
                raise _duplicate(data.email)
        after = {
            "name": before.name if data.name is None else data.name,
            "email": before.email if data.email is None else data.email,
            "unit_id": data.unit_id if "unit_id" in changes else before.unit_id,
            "manager_id": data.manager_id if "manager_id" in changes else before.manager_id,
            "active": before.active if data.active is None else data.active,
        }
        role_ids = data.role_ids if data.role_ids is not None else before.role_ids
        if all(getattr(before, field) == value for field, value in after.items()) and list(
            role_ids
        ) == list(before.role_ids):
            # Nothing new: the version and ETag stay, and no audit entry or event is written.
            return False
        for field, value in after.items():
            setattr(person, field, value)
        if data.name is not None:
            person.name_key = name_key(data.name)
        if data.email is not None:
            person.email_key = data.email.lower()
        return True

    async def finish(person: Person) -> PersonRead:
        if data.role_ids is not None and data.role_ids != person.role_ids:
            await repository.replace_role_ids(session, tenant_id, person, data.role_ids)
        return PersonRead.model_validate(person)

    async def conflict(before: PersonRead) -> Exception:
        return await _integrity_conflict(session, tenant_id, data.email or before.email, person_id)

    return await writes.update_versioned(
        session,
        principal,
        what="person",
        object_type="person",
        event="person.updated",
        if_match=if_match,
        load=lambda: _get(session, principal, person_id),
        read=_read,
        apply=apply,
        finish=finish,
        conflict=conflict,
    )


async def _read(person: Person) -> PersonRead:
    return PersonRead.model_validate(person)


async def delete_person(
    session: AsyncSession, principal: Principal, person_id: uuid.UUID, if_match: str | None
) -> None:
    tenant_id = principal.tenant_id

    async def prepare(person: Person, before: PersonRead) -> None:
        reports = await repository.reports_of(session, tenant_id, person_id)
        active = [report for report in reports if report.active]
        if active:
            names = ", ".join(report.name for report in active[:_NAMED_REPORTS])
            if len(active) > _NAMED_REPORTS:
                names += f" and {len(active) - _NAMED_REPORTS} more"
            raise Conflict(
                f"{person.name} manages {len(active)} active "
                f"{'person' if len(active) == 1 else 'people'} ({names}): "
                "give them another manager first."
            )
        # Inactive reports lose their manager, each change recorded like any other.
        await writes.update_all(
            session,
            principal,
            reports,
            PersonRead,
            object_type="person",
            event="person.updated",
            values={"manager_id": None},
            now=utcnow(),
        )

    async def conflict(before: PersonRead) -> Exception:
        # Someone was given this manager at the same time.
        return Conflict(
            f"Someone was given {before.name} as manager at the same time; read again and retry."
        )

    await writes.delete_versioned(
        session,
        principal,
        what="person",
        object_type="person",
        event="person.deleted",
        if_match=if_match,
        load=lambda: _get(session, principal, person_id),
        read=_read,
        prepare=prepare,
        data=lambda before: {"id": str(before.id), "name": before.name, "email": before.email},
        conflict=conflict,
    )


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

PERSON_JSON = WireJSON(PersonRead)


async def read_people(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    unit_id: uuid.UUID | None,
    manager_id: uuid.UUID | None,
    active: bool | None,
    role_id: uuid.UUID | None,
    ids: Collection[uuid.UUID] | None,
    email_keys: Collection[str] | None,
) -> bytes:
    """`list_people`' answer as JSON: a page of people, each with its `role_ids`."""
    tenant_id = principal.tenant_id
    rows, next_cursor = await repository.page_rows(
        conn,
        tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        unit_id=unit_id,
        manager_id=manager_id,
        active=active,
        role_id=role_id,
        ids=ids,
        email_keys=email_keys,
    )
    return PERSON_JSON.dumps_page(PERSON_JSON.items(rows), next_cursor)


async def read_person(
    conn: AsyncConnection, principal: Principal, person_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's person as `PersonRead`'s JSON (with its `role_ids`), with its version (for
    the ETag)."""
    tenant_id = principal.tenant_id
    row = found(
        await repository.person_read_row(conn, tenant_id, person_id), f"No person {person_id}."
    )
    return PERSON_JSON.dumps(PERSON_JSON.item(row)), int(row["version"])
