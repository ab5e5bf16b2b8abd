"""Use cases on units; each validates first, then writes and commits once.

A unit's parent must be a unit of the tenant, never the unit itself nor one below it (the tree
never loops); its lead must be a person of the tenant. A unit the inventory still names as a
tool owner cannot be deleted. Every write leaves audit entries and outbox events
(`unit.created`, `unit.updated`, `unit.moved`, `unit.deleted`, and `person.updated` and
`coordination_mechanism.updated` for the people and mechanisms a delete moves) in the same
transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.coordination import service as coordination_service
from mops_org.db import writes
from mops_org.people import lookups as people_lookups
from mops_org.units import repository
from mops_org.units.models import Unit
from mops_org.units.schemas import UnitAncestor, UnitCreate, UnitInTree, UnitUpdate
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.org import PersonRead, UnitRead
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, body_error, found
from mops_shared.kit.outbox import record_event, record_events
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import WireJSON, dumps
from mops_shared.kit.writes import snapshot

# The router resolves the sort a client names with these.
UNIT_SORTS = repository.UNIT_SORTS
# How many of the tools still owned by a unit a refused delete names.
_NAMED_TOOLS = 10


def _duplicate(name: str) -> Conflict:
    return Conflict(f"A unit named {name!r} already exists.")


async def _lead_problem(
    session: AsyncSession, tenant_id: uuid.UUID, lead_person_id: uuid.UUID | None
) -> ProblemFieldError | None:
    # Another tenant's person is as absent as one that never existed.
    if lead_person_id is None:
        return None
    if await people_lookups.person_of_tenant(session, tenant_id, lead_person_id) is None:
        return body_error("/lead_person_id", "no person with this id")
    return None


async def _parent_problem(
    session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID | None, parent_id: uuid.UUID
) -> ProblemFieldError | None:
    """Why `parent_id` cannot be the parent of `unit_id` (None for a new unit), or None."""
    if parent_id == unit_id:
        return body_error("/parent_id", "a unit cannot be its own parent")
    # Another tenant's unit is as absent as one that never existed.
    if await repository.get_by_id(session, tenant_id, parent_id) is None:
        return body_error("/parent_id", "no unit with this id")
    if unit_id is not None and await repository.is_in_subtree(
        session, tenant_id, unit_id, parent_id
    ):
        return body_error(
            "/parent_id", "this unit is below the unit moved: that would create a cycle"
        )
    return None


async def _integrity_conflict(
    session: AsyncSession, tenant_id: uuid.UUID, name: str, unit_id: uuid.UUID | None
) -> Conflict:
    """After a unique or foreign key violation (rolled back): what the concurrent write was."""
    key = name_key(name)
    if await repository.get_by_name_key(session, tenant_id, key, except_id=unit_id) is not None:
        return _duplicate(name)
    return Conflict(
        "A unit or person this one refers to changed at the same time; read them again and retry."
    )


async def create_unit(session: AsyncSession, principal: Principal, data: UnitCreate) -> UnitRead:
    tenant_id = principal.tenant_id
    key = name_key(data.name)
    errors = [
        problem
        for problem in (
            None
            if data.parent_id is None
            else await _parent_problem(session, tenant_id, None, data.parent_id),
            await _lead_problem(session, tenant_id, data.lead_person_id),
        )
        if problem is not None
    ]
    ValidationFailed.raise_if_any(errors)
    if await repository.get_by_name_key(session, tenant_id, key) is not None:
        raise _duplicate(data.name)
    now = utcnow()
    unit = repository.add(
        session,
        Unit(
            tenant_id=tenant_id,
            name=data.name,
            name_key=key,
            type=data.type.value,
            parent_id=data.parent_id,
            role=data.role.value if data.role else None,
            lead_person_id=data.lead_person_id,
            created_at=now,
            updated_at=now,
        ),
    )
    try:
        # Flushed first so a lost race for the name fails before anything else is written.
        await session.flush()
        created = UnitRead.model_validate(unit)
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="unit",
            object_id=created.id,
            before=None,
            after=snapshot(created),
            event="unit.created",
        )
        await session.commit()
    except IntegrityError as exc:  # a concurrent create won the race for the name
        await session.rollback()
        raise await _integrity_conflict(session, tenant_id, data.name, None) from exc
    return created


async def _get(session: AsyncSession, principal: Principal, unit_id: uuid.UUID) -> Unit:
    unit = found(
        await repository.get_by_id(session, principal.tenant_id, unit_id), f"No unit {unit_id}."
    )
    return unit


UNIT_JSON = WireJSON(UnitRead)


async def read_unit(
    conn: AsyncConnection, principal: Principal, unit_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's unit as `UnitRead`'s JSON, with its version (for the ETag)."""
    row = found(
        await repository.unit_row(conn, principal.tenant_id, unit_id), f"No unit {unit_id}."
    )
    return UNIT_JSON.dumps(UNIT_JSON.item(row)), int(row["version"])


SUBTREE_JSON = WireJSON(UnitInTree)
ANCESTOR_JSON = WireJSON(UnitAncestor)


async def read_subtree(
    conn: AsyncConnection,
    principal: Principal,
    unit_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`UnitSubtreePage`'s JSON. A first page always holds the unit itself: an empty one means
    there is no such unit; a later page is checked first (a missing unit is a 404 before any
    question of its cursor)."""
    tenant_id = principal.tenant_id
    if cursor is not None and await repository.unit_row(conn, tenant_id, unit_id) is None:
        raise NotFound(f"No unit {unit_id}.")
    rows, next_cursor = await repository.subtree_rows(
        conn, tenant_id, unit_id, limit=limit, cursor=cursor
    )
    if not rows and cursor is None:
        raise NotFound(f"No unit {unit_id}.")
    return SUBTREE_JSON.dumps_page(SUBTREE_JSON.items(rows), next_cursor)


async def read_ancestors(conn: AsyncConnection, principal: Principal, unit_id: uuid.UUID) -> bytes:
    """`UnitAncestors`' JSON, from the unit's chain (its own row first, which says it exists)."""
    chain = await repository.chain_rows(conn, principal.tenant_id, unit_id)
    if not chain:
        raise NotFound(f"No unit {unit_id}.")
    return dumps({"items": ANCESTOR_JSON.items(chain[1:])})


async def update_unit(
    session: AsyncSession,
    principal: Principal,
    unit_id: uuid.UUID,
    data: UnitUpdate,
    if_match: str | None,
) -> UnitRead:
    tenant_id = principal.tenant_id
    changes = data.model_dump(exclude_unset=True)

    async def apply(unit: Unit, before: UnitRead, now: datetime) -> bool:
        errors: list[ProblemFieldError] = [
            body_error(f"/{required}", f"{required} cannot be null")
            for required in ("name", "type")
            if required in changes and changes[required] is None
        ]
        ValidationFailed.raise_if_any(errors)
        if data.parent_id is not None and data.parent_id != unit.parent_id:
            problem = await _parent_problem(session, tenant_id, unit.id, data.parent_id)
            if problem is not None:
                errors.append(problem)
        if "lead_person_id" in changes:
            problem = await _lead_problem(session, tenant_id, data.lead_person_id)
            if problem is not None:
                errors.append(problem)
        ValidationFailed.raise_if_any(errors)
        if data.name is not None:
            key = name_key(data.name)
            if await repository.get_by_name_key(session, tenant_id, key, except_id=unit.id):
                raise _duplicate(data.name)
            unit.name, unit.name_key = data.name, key
        if data.type is not None:
            unit.type = data.type.value
        if "parent_id" in changes:
            unit.parent_id = data.parent_id
        if "role" in changes:
            unit.role = data.role.value if data.role else None
        if "lead_person_id" in changes:
            unit.lead_person_id = data.lead_person_id
        # A unit's PATCH is always a change: its version moves even when the values do not.
        return True

    async def also(before: UnitRead, after: UnitRead) -> None:
        if after.parent_id != before.parent_id:
            await record_event(
                session,
                writes.outbox,
                principal,
                "unit.moved",
                _moved(after.id, before.parent_id, after.parent_id),
            )

    async def conflict(before: UnitRead) -> Exception:
        return await _integrity_conflict(session, tenant_id, data.name or before.name, unit_id)

    return await writes.update_versioned(
        session,
        principal,
        what="unit",
        object_type="unit",
        event="unit.updated",
        if_match=if_match,
        load=lambda: _get(session, principal, unit_id),
        read=_read,
        apply=apply,
        also=also,
        conflict=conflict,
    )


async def _read(unit: Unit) -> UnitRead:
    return UnitRead.model_validate(unit)


def _moved(unit_id: uuid.UUID, before: uuid.UUID | None, after: uuid.UUID | None) -> dict[str, Any]:
    return {
        "id": str(unit_id),
        "from_parent_id": str(before) if before else None,
        "to_parent_id": str(after) if after else None,
    }


async def delete_unit(
    session: AsyncSession,
    principal: Principal,
    unit_id: uuid.UUID,
    if_match: str | None,
    reassign_to: uuid.UUID | None,
    inventory: InventoryClient,
) -> None:
    async def conflict(before: UnitRead) -> Exception:
        # A child or a person was added to it at the same time.
        return Conflict(
            f"A unit or person was put in {before.name} at the same time; read again and retry."
        )

    await writes.delete_versioned(
        session,
        principal,
        what="unit",
        object_type="unit",
        event="unit.deleted",
        if_match=if_match,
        load=lambda: _get(session, principal, unit_id),
        read=_read,
        prepare=lambda unit, before: _empty_or_pass_on(
            session, principal, unit, reassign_to, inventory
        ),
        data=lambda before: {
            "id": str(before.id),
            "name": before.name,
            "reassigned_to": str(reassign_to) if reassign_to else None,
        },
        conflict=conflict,
    )


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


async def _refuse_if_owner_of_tools(
    principal: Principal, inventory: InventoryClient, unit: Unit
) -> None:
    """409 naming the tools while the inventory names the unit as an owner; the client's own
    503 (504) when the inventory cannot be asked, so nothing is deleted unchecked."""
    tools, more = await inventory.tools_owned_by_units(principal, [unit.id], limit=_NAMED_TOOLS)
    if not tools:
        return
    names = ", ".join(tool.tool_name for tool in tools)
    if more:
        names += " and more"
    raise Conflict(
        f"{unit.name} is still an owner of tools in the inventory ({names}): give them another "
        f"owner first (GET /v1/inventory/reports/ownership?unit_id={unit.id} lists them all)."
    )


async def _empty_or_pass_on(
    session: AsyncSession,
    principal: Principal,
    unit: Unit,
    reassign_to: uuid.UUID | None,
    inventory: InventoryClient,
) -> None:
    """Before a unit's delete: refuses it while it holds units or people and nothing takes
    them (409), or a `reassign_to` that cannot (422), or while the inventory names it as a
    tool owner (409); otherwise its children, people and coordination mechanisms pass to
    `reassign_to`, each change recorded like any other."""
    tenant_id = principal.tenant_id
    unit_id = unit.id
    if reassign_to is None:
        children = await repository.count_children(session, tenant_id, unit_id)
        people = await people_lookups.count_in_unit(session, tenant_id, unit_id)
        if children or people:
            held = [
                _counted(children, "child unit", "child units") if children else "",
                _counted(people, "person", "people") if people else "",
            ]
            raise Conflict(
                f"{unit.name} has {' and '.join(h for h in held if h)}: move them first, or "
                "pass reassign_to with the unit that takes them."
            )
    else:
        if reassign_to == unit_id:
            why = "a unit cannot be reassigned to itself"
        elif await repository.get_by_id(session, tenant_id, reassign_to) is None:
            why = "no unit with this id"
        elif await repository.is_in_subtree(session, tenant_id, unit_id, reassign_to):
            why = "this unit is below the unit deleted"
        else:
            why = ""
        if why:
            raise ValidationFailed.at(ProblemLocation.query, "/reassign_to", why)
    # Last of the checks: the one call to another service, made only for a delete that may go.
    await _refuse_if_owner_of_tools(principal, inventory, unit)
    now = utcnow()
    if reassign_to is not None:
        moved = await repository.children_of(session, tenant_id, unit_id)
        await writes.update_all(
            session,
            principal,
            moved,
            UnitRead,
            object_type="unit",
            event="unit.updated",
            values={"parent_id": reassign_to},
            now=now,
        )
        await record_events(
            session,
            writes.outbox,
            principal,
            [("unit.moved", _moved(child.id, unit_id, reassign_to)) for child in moved],
        )
        await writes.update_all(
            session,
            principal,
            await people_lookups.in_unit(session, tenant_id, unit_id),
            PersonRead,
            object_type="person",
            event="person.updated",
            values={"unit_id": reassign_to},
            now=now,
        )
    await coordination_service.pass_unit_on(session, principal, unit_id, reassign_to, now)


async def read_units(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
    type_: str | None,
    ids: Collection[uuid.UUID] | None,
) -> bytes:
    """`list_units`' answer as JSON (`UnitPage`)."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        parent_id=parent_id,
        type_=type_,
        ids=ids,
    )
    return UNIT_JSON.dumps_page(UNIT_JSON.items(rows), next_cursor)
