"""The metrics' own query. The other figures come from the domains that own them (their
services and helpers); what no domain answers is read here."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_org.people.models import Person
from mops_shared.kit.db import table_of

_people = table_of(Person).c

# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_REPORT_COUNTS = (
    select(func.count())
    .where(
        _people.tenant_id == bindparam("tenant_id"),
        _people.active,
        _people.manager_id.is_not(None),
    )
    .group_by(_people.manager_id)
)


async def active_report_counts(conn: AsyncConnection, tenant_id: uuid.UUID) -> list[int]:
    """For each manager with active direct reports, how many: one grouped query."""
    rows = await conn.execute(_REPORT_COUNTS, {"tenant_id": tenant_id})
    return [int(count) for (count,) in rows]
