"""The tenant's profile row, if it was ever written."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_org.profile.models import OrgProfile
from mops_shared.kit.db import table_of
from mops_shared.kit.reads import ReadRow, first_row


async def get(session: AsyncSession, tenant_id: uuid.UUID) -> OrgProfile | None:
    result = await session.execute(select(OrgProfile).where(col(OrgProfile.tenant_id) == tenant_id))
    return result.scalar_one_or_none()


# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_PROFILE_ROW = select(table_of(OrgProfile)).where(
    table_of(OrgProfile).c.tenant_id == bindparam("tenant_id")
)


async def profile_row(conn: AsyncConnection, tenant_id: uuid.UUID) -> ReadRow | None:
    """The tenant's profile as a row of the profiles table, None before its first write."""
    return await first_row(conn, _PROFILE_ROW, {"tenant_id": tenant_id})


def add(session: AsyncSession, profile: OrgProfile) -> OrgProfile:
    session.add(profile)
    return profile


async def insert_row(session: AsyncSession, row: dict[str, Any]) -> None:
    """The profile's first row, every column given (an organisation import)."""
    await session.execute(insert(OrgProfile), [row])


async def update_values(
    session: AsyncSession, tenant_id: uuid.UUID, values: dict[str, Any]
) -> None:
    """Sets these columns of the tenant's profile (an organisation import)."""
    await session.execute(
        update(OrgProfile).where(col(OrgProfile.tenant_id) == tenant_id).values(**values)
    )
