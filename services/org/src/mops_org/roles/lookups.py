"""What other domains may ask of roles: read-only look-ups over its own repository.

People, roles and units check references to one another (a person's unit and roles, a unit's
lead and members, a role holder). They ask each other here rather than through each other's
services, which import one another's look-ups: through the services those checks were an import
cycle.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.roles import repository


async def visible_role_ids(
    session: AsyncSession, tenant_id: uuid.UUID, role_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Those of `role_ids` the tenant sees (built in or its own): for people's role checks."""
    return await repository.visible_ids(session, tenant_id, role_ids)
