"""What other domains may ask of people: read-only look-ups over its own repository.

People, roles and units check references to one another (a person's unit and roles, a unit's
lead and members, a role holder). They ask each other here rather than through each other's
services, which import one another's look-ups: through the services those checks were an import
cycle.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.people import repository
from mops_org.people.models import Person
from mops_shared.kit.reads import ReadRow

# The sorts of people's lists (the router resolves the one a client names).
PERSON_SORTS = repository.PERSON_SORTS


async def person_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> Person | None:
    """The tenant's person, None when absent (another tenant's is as absent as none): for the
    other domains' reference checks."""
    return await repository.get_by_id(session, tenant_id, person_id)


async def person_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, person_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's person as a row of the people table, None when absent: for the other
    domains' reads (`mops_shared.kit.reads`)."""
    return await repository.person_row(conn, tenant_id, person_id)


async def load_role_ids(
    session: AsyncSession, tenant_id: uuid.UUID, people: Sequence[Person]
) -> None:
    """Sets each person's `role_ids` (one query for them all)."""
    await repository.load_role_ids(session, tenant_id, people)


async def in_unit(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> list[Person]:
    return await repository.in_unit(session, tenant_id, unit_id)


async def count_in_unit(session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID) -> int:
    return await repository.count_in_unit(session, tenant_id, unit_id)
