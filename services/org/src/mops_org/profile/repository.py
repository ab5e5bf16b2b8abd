"""The tenant's profile row, if it was ever written."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_org.profile.models import OrgProfile


async def get(session: AsyncSession, tenant_id: uuid.UUID) -> OrgProfile | None:
    result = await session.execute(select(OrgProfile).where(col(OrgProfile.tenant_id) == tenant_id))
    return result.scalar_one_or_none()


def add(session: AsyncSession, profile: OrgProfile) -> OrgProfile:
    session.add(profile)
    return profile
