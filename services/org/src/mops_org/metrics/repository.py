"""The metrics' own query. The other figures come from the domains that own them (their
services and helpers); what no domain answers is read here."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_org.people.models import Person


async def active_report_counts(session: AsyncSession, tenant_id: uuid.UUID) -> list[int]:
    """For each manager with active direct reports, how many: one grouped query."""
    rows = await session.execute(
        select(func.count())
        .where(
            col(Person.tenant_id) == tenant_id,
            col(Person.active),
            col(Person.manager_id).is_not(None),
        )
        .group_by(col(Person.manager_id))
    )
    return [int(count) for (count,) in rows]
