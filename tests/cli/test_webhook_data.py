"""Upgrading from a gateway that served the webhooks: their rows move to the webhooks
service's database, and the gateway's migration drops the tables only once they are empty."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_cli import webhook_data
from mops_shared.kit.db import create_engine, utcnow
from mops_webhooks.inbound.models import CrmObjectRow, InboxEventRow, WebhookConnection
from mops_webhooks.models import metadata
from mops_webhooks.outbound.models import (
    DeliveryAttemptRow,
    DeliveryRow,
    DomainEventRow,
    WebhookSubscription,
)
from tests.support import drop_postgres_database, migrate, new_database

# The gateway's last revision that still had the webhook tables.
BEFORE_THE_MOVE = "1e53ade360fa"


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[dict[str, str]]:
    created: list[str] = []
    urls: dict[str, str] = {}
    for service in ("gateway", "webhooks"):
        urls[service], pg_name = asyncio.run(new_database(service, tmp_path))
        if pg_name:
            created.append(pg_name)
    migrate("gateway", urls["gateway"], BEFORE_THE_MOVE)
    migrate("webhooks", urls["webhooks"])
    yield urls
    for name in created:
        asyncio.run(drop_postgres_database(name))


async def _seed(url: str) -> None:
    """One row in each webhook table, as the gateway stored them."""
    tenant = uuid.uuid4()
    connection = WebhookConnection(
        tenant_id=tenant, provider="generic", name="Forms", secrets=["encrypted"]
    )
    subscription = WebhookSubscription(
        tenant_id=tenant, url="https://hooks.example.com/a", event_types=["tool.*"], secrets=["e"]
    )
    event = DomainEventRow(
        id=uuid.uuid4(),
        tenant_id=tenant,
        type="tool.created",
        service="inventory",
        occurred_at=utcnow(),
        data={"name": "HubSpot"},
    )
    delivery = DeliveryRow(
        tenant_id=tenant,
        subscription_id=subscription.id,
        event_id=event.id,
        event_type=event.type,
        status="delivered",
        attempts=1,
    )
    attempt = DeliveryAttemptRow(
        tenant_id=tenant,
        delivery_id=delivery.id,
        attempted_at=utcnow(),
        status_code=204,
        latency_ms=12,
    )
    inbox = InboxEventRow(
        tenant_id=tenant,
        connection_id=connection.id,
        provider="generic",
        identity="generic:msg_1",
        payload={"type": "contact.created"},
        status="processed",
    )
    crm_object = CrmObjectRow(
        tenant_id=tenant,
        connection_id=connection.id,
        object_type="contact",
        object_id="42",
        properties={"source": {"value": "ADS", "at": "2026-11-28T10:00:00Z"}},
        outcomes=["lead"],
    )
    # Written with the gateway's columns only: its copies of the tables predate columns the
    # webhooks service added since (a trace's `traceparent`).
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            held = await _columns(conn)
            for row in (connection, event, subscription, inbox, crm_object, delivery, attempt):
                table = metadata.tables[row.__tablename__]
                values = {
                    c.name: getattr(row, c.key) for c in table.columns if c.name in held[table.name]
                }
                await conn.execute(table.insert(), [values])
    finally:
        await engine.dispose()


async def _columns(conn: AsyncConnection) -> dict[str, set[str]]:
    def read(sync: Any) -> dict[str, set[str]]:
        inspector = inspect(sync)
        present = set(inspector.get_table_names())
        return {
            name: {c["name"] for c in inspector.get_columns(name)}
            for name in webhook_data.TABLES
            if name in present
        }

    return await conn.run_sync(read)


async def _rows(
    url: str, like: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every row of the webhook tables the database has; with `like`, of the columns its rows
    have (the gateway's copies lack the columns added since)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            held = await _columns(conn)
            found: dict[str, list[dict[str, Any]]] = {}
            for name, names in held.items():
                if like is not None and like.get(name):
                    names = set(like[name][0])
                columns = [c for c in metadata.tables[name].columns if c.name in names]
                found[name] = [dict(r) for r in (await conn.execute(select(*columns))).mappings()]
            return found
    finally:
        await engine.dispose()


def test_the_rows_move_and_only_then_the_gateway_drops_the_tables(
    databases: dict[str, str],
) -> None:
    gateway, webhooks = databases["gateway"], databases["webhooks"]
    asyncio.run(_seed(gateway))
    before = asyncio.run(_rows(gateway))
    assert len(before) == 7
    assert all(len(rows) == 1 for rows in before.values())

    with pytest.raises(RuntimeError, match="mops move-webhook-data"):
        migrate("gateway", gateway)  # refuses while the tables hold rows
    assert asyncio.run(_rows(gateway)) == before  # and changed nothing

    assert asyncio.run(webhook_data.move(gateway, webhooks)) == dict.fromkeys(
        webhook_data.TABLES, 1
    )
    assert asyncio.run(_rows(webhooks, like=before)) == before  # every column of every row
    moved = asyncio.run(_rows(webhooks))
    # The columns the gateway never had are empty, not made up.
    assert [row["traceparent"] for row in moved["webhook_events"]] == [None]
    assert [row["traceparent"] for row in moved["webhook_inbox"]] == [None]
    assert all(rows == [] for rows in asyncio.run(_rows(gateway)).values())
    assert not asyncio.run(webhook_data.gateway_holds_webhook_rows(gateway))

    migrate("gateway", gateway)
    assert asyncio.run(_rows(gateway)) == {}  # the tables are gone
    assert asyncio.run(_rows(webhooks, like=before)) == before


def test_a_move_run_again_copies_nothing_twice(databases: dict[str, str]) -> None:
    gateway, webhooks = databases["gateway"], databases["webhooks"]
    asyncio.run(_seed(gateway))
    rows = asyncio.run(_rows(gateway))
    # A move cut short after its copy committed: the rows are in both databases.
    asyncio.run(webhook_data.move(gateway, webhooks))
    asyncio.run(_seed_again(gateway, rows))
    assert asyncio.run(webhook_data.move(gateway, webhooks)) == dict.fromkeys(
        webhook_data.TABLES, 0
    )
    assert asyncio.run(_rows(webhooks, like=rows)) == rows
    assert not asyncio.run(webhook_data.gateway_holds_webhook_rows(gateway))


async def _seed_again(url: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            for name in webhook_data.TABLES:
                await conn.execute(metadata.tables[name].insert(), rows[name])
    finally:
        await engine.dispose()
