"""Helpers of the org tests."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI

from mops_org.db import writes
from tests.support import outbox_rows


async def outbox_events(app: FastAPI, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    """The tenant's events in the org service's outbox, oldest first."""
    return await outbox_rows(app, writes.outbox, tenant_id)
