"""The profile's part of an organisation import: the tenant's profile as the import compares it,
and the import's write of it (through the profile's repository)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import Db, connection_of
from mops_org.importing import Change
from mops_org.profile import repository


async def existing_profile(db: Db, tenant_id: uuid.UUID) -> dict[str, Any] | None:
    """The profile's fields and version, None when it was never written."""
    profile_row = await repository.profile_row(await connection_of(db), tenant_id)
    if profile_row is None:
        return None
    return {
        field: profile_row[field]
        for field in ("name", "model", "commerce_structure", "notes", "version")
    }


async def import_profile(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    profile: dict[str, Any],
    old: dict[str, Any] | None,
    now: datetime,
) -> Change | None:
    """Writes the file's profile unless the tenant's (`old`) already equals it."""
    if old is not None:
        before = {k: old[k] for k in profile}
        if before == profile:
            return None
        version = old["version"] + 1
        await repository.update_values(
            session, tenant_id, {**profile, "version": version, "updated_at": now}
        )
        return (
            "update",
            "org_profile",
            tenant_id,
            {**before, "version": old["version"]},
            {**profile, "version": version},
        )
    await repository.insert_row(
        session,
        {"tenant_id": tenant_id, **profile, "version": 1, "created_at": now, "updated_at": now},
    )
    return ("update", "org_profile", tenant_id, None, {**profile, "version": 1})
