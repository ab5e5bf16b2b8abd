"""What other domains may ask of units: read-only look-ups over its own repository.

People, roles and units check references to one another (a person's unit and roles, a unit's
lead and members, a role holder). They ask each other here rather than through each other's
services, which import one another's look-ups: through the services those checks were an import
cycle.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.units import repository
from mops_org.units.models import Unit
from mops_shared.kit.reads import ReadRow


async def unit_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> Unit | None:
    """The tenant's unit, None when absent (another tenant's is as absent as none): for the
    other domains' reference checks."""
    return await repository.get_by_id(session, tenant_id, unit_id)


async def unit_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, unit_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's unit as a row of the units table, None when absent: for the other
    domains' reads (`mops_shared.kit.reads`)."""
    return await repository.unit_row(conn, tenant_id, unit_id)
