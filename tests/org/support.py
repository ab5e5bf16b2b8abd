"""Helpers of the org tests."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI
from sqlalchemy import select

from mops_org.db import writes


async def outbox_events(app: FastAPI, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    """The tenant's events in the org service's outbox, oldest first."""
    outbox = writes.outbox
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            select(outbox).where(outbox.c.tenant_id == tenant_id).order_by(outbox.c.occurred_at)
        )
        return [dict(row) for row in rows.mappings()]
