"""Custom field definitions, and the check of a tool's `custom_fields` against them."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.custom_fields import repository
from mops_inventory.custom_fields.models import CustomFieldDefinition
from mops_inventory.custom_fields.schemas import (
    CustomFieldCreate,
    CustomFieldRead,
    check_value,
)
from mops_inventory.db import writes
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.audit import record_audit
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import Conflict, ValidationFailed
from mops_shared.kit.reads import WireJSON


async def create_definition(
    session: AsyncSession, principal: Principal, data: CustomFieldCreate
) -> CustomFieldRead:
    definition = CustomFieldDefinition(
        tenant_id=principal.tenant_id,
        key=data.key,
        label=data.label,
        type=data.type.value,
        options=list(data.options),
    )
    session.add(definition)
    try:
        await session.flush()
        read = CustomFieldRead.model_validate(definition)
        await record_audit(
            session,
            writes.audit,
            principal,
            action="create",
            object_type="custom_field",
            object_id=definition.id,
            before=None,
            after=read.model_dump(mode="json"),
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A custom field {data.key!r} already exists.") from exc
    return read


DEFINITION_JSON = WireJSON(CustomFieldRead)


async def read_definitions(
    conn: AsyncConnection, principal: Principal, *, limit: int, cursor: str | None
) -> bytes:
    """`list_custom_fields`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn, principal.tenant_id, limit=limit, cursor=cursor
    )
    return DEFINITION_JSON.dumps_page(DEFINITION_JSON.items(rows), next_cursor)


async def check_custom_fields(
    session: AsyncSession, tenant_id: uuid.UUID, values: dict[str, Any]
) -> None:
    """Every key must be a field the tenant declared, every value of the field's type."""
    if not values:
        return
    definitions = {
        d.key: CustomFieldCreate.model_validate(d, from_attributes=True)
        for d in await repository.with_keys(session, tenant_id, values)
    }
    errors = []
    for key, value in values.items():
        definition = definitions.get(key)
        reason = (
            "no custom field with this key"
            if definition is None
            else check_value(definition, value)
        )
        if reason is not None:
            detail = reason if definition is None else f"the custom field takes {reason}"
            errors.append(
                ProblemFieldError(
                    location=ProblemLocation.body, pointer=f"/custom_fields/{key}", detail=detail
                )
            )
    if errors:
        raise ValidationFailed("; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors)
