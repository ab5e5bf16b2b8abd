"""Moves the webhooks' rows from the gateway's database, where they lived until the webhooks
became a service of their own, to the webhooks service's database.

The gateway's migration that drops those tables refuses while they hold rows, so nothing is
lost by upgrading; `mops run` and `mops migrate` call this first, and `mops move-webhook-data`
runs it alone. The copy commits before anything is deleted, and a row the webhooks database
already has is skipped, so a move cut short is simply run again.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Column, delete, inspect, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_shared.kit.db import create_engine, insert_ignoring_conflicts
from mops_shared.kit.settings import default_database_url
from mops_webhooks.models import metadata

# Parents before children (foreign keys); deleted in the reverse order.
TABLES = (
    "webhook_connections",
    "webhook_events",
    "webhook_subscriptions",
    "webhook_inbox",
    "webhook_crm_objects",
    "webhook_deliveries",
    "webhook_delivery_attempts",
)
_CHUNK = 500


def database_url(service: str, folder: Path) -> str:
    return os.environ.get(f"MOPS_{service.upper()}_DATABASE_URL") or default_database_url(
        folder, service
    )


async def _holding(conn: AsyncConnection) -> list[str]:
    present = set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    holding = []
    for name in TABLES:
        if name in present:
            table = metadata.tables[name]
            if (await conn.execute(select(literal(1)).select_from(table).limit(1))).first():
                holding.append(name)
    return holding


async def _columns_held(conn: AsyncConnection, name: str) -> list[Column[Any]]:
    """The table's columns the gateway's copy has: the webhooks' tables gained columns since
    (a trace's `traceparent`), which the rows moved get empty."""
    held = await conn.run_sync(lambda sync: {c["name"] for c in inspect(sync).get_columns(name)})
    return [column for column in metadata.tables[name].columns if column.name in held]


async def gateway_holds_webhook_rows(gateway_url: str) -> bool:
    engine = create_engine(gateway_url)
    try:
        async with engine.connect() as conn:
            return bool(await _holding(conn))
    except Exception:  # no database yet, or unreadable: alembic will say what is wrong
        return False
    finally:
        await engine.dispose()


async def move(gateway_url: str, webhooks_url: str) -> dict[str, int]:
    """Rows copied per table (those the webhooks database lacked), then emptied at the
    gateway. The webhooks database must be migrated to head."""
    source = create_engine(gateway_url)
    target = create_engine(webhooks_url)
    copied: dict[str, int] = {}
    try:
        async with source.connect() as reading:
            holding = await _holding(reading)
            async with target.begin() as writing:
                for name in TABLES:
                    if name not in holding:
                        continue
                    table = metadata.tables[name]
                    copied[name] = 0
                    rows = await reading.stream(select(*await _columns_held(reading, name)))
                    async for chunk in rows.mappings().partitions(_CHUNK):
                        statement = insert_ignoring_conflicts(
                            target.dialect.name,
                            table,
                            [dict(row) for row in chunk],
                            conflict_columns=["id"],
                        )
                        copied[name] += (await writing.execute(statement)).rowcount or 0
        # Committed there before anything goes here.
        async with source.begin() as deleting:
            for name in reversed(TABLES):
                if name in holding:
                    await deleting.execute(delete(metadata.tables[name]))
    finally:
        await source.dispose()
        await target.dispose()
    return copied


def move_if_any(folder: Path) -> dict[str, int] | None:
    """Moves the rows when the gateway's database still holds some (the webhooks database
    migrated first); None when it holds none."""
    gateway_url = database_url("gateway", folder)
    if not asyncio.run(gateway_holds_webhook_rows(gateway_url)):
        return None
    return asyncio.run(move(gateway_url, database_url("webhooks", folder)))
