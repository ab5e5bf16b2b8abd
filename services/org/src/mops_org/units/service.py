"""Use cases on units; each commits once at its end."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import writes
from mops_org.units import repository
from mops_org.units.models import Unit
from mops_shared.audit import record_audit
from mops_shared.auth import Principal
from mops_shared.errors import Conflict, NotFound, ValidationFailed
from mops_shared.outbox import record_event
from mops_shared.schemas.common import name_key
from mops_shared.schemas.org import UnitCreate, UnitRead


async def create_unit(session: AsyncSession, principal: Principal, data: UnitCreate) -> UnitRead:
    tenant_id = principal.tenant_id
    key = name_key(data.name)
    if data.parent_id is not None:
        # Another tenant's unit is as absent as one that never existed.
        if await repository.get_by_id(session, tenant_id, data.parent_id) is None:
            raise ValidationFailed.at("body", "/parent_id", "no unit with this id")
    if await repository.get_by_name_key(session, tenant_id, key) is not None:
        raise Conflict(f"A unit named {data.name!r} already exists.")
    unit = repository.add(
        session,
        Unit(
            tenant_id=tenant_id,
            name=data.name,
            name_key=key,
            type=data.type.value,
            parent_id=data.parent_id,
        ),
    )
    try:
        # Flushed first so a lost race for the name fails before anything else is written.
        await session.flush()
        created = UnitRead.model_validate(unit)
        snapshot = created.model_dump(mode="json")
        await record_audit(
            session,
            writes.audit,
            principal,
            action="create",
            object_type="unit",
            object_id=created.id,
            before=None,
            after=snapshot,
        )
        await record_event(session, writes.outbox, principal, "unit.created", snapshot)
        await session.commit()
    except IntegrityError as exc:  # a concurrent create won the race for the name
        await session.rollback()
        raise Conflict(f"A unit named {data.name!r} already exists.") from exc
    return created


async def get_unit(session: AsyncSession, principal: Principal, unit_id: uuid.UUID) -> UnitRead:
    unit = await repository.get_by_id(session, principal.tenant_id, unit_id)
    if unit is None:
        raise NotFound(f"No unit {unit_id}.")
    return UnitRead.model_validate(unit)
