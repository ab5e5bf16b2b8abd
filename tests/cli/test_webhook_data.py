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

from mops_cli import webhook_data
from mops_shared.kit.db import create_engine, create_sessionmaker, utcnow
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
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            session.add_all([connection, subscription, event])
            await session.flush()
            session.add_all(
                [
                    InboxEventRow(
                        tenant_id=tenant,
                        connection_id=connection.id,
                        provider="generic",
                        identity="generic:msg_1",
                        payload={"type": "contact.created"},
                        status="processed",
                    ),
                    CrmObjectRow(
                        tenant_id=tenant,
                        connection_id=connection.id,
                        object_type="contact",
                        object_id="42",
                        properties={"source": {"value": "ADS", "at": "2026-11-28T10:00:00Z"}},
                        outcomes=["lead"],
                    ),
                    delivery,
                ]
            )
            await session.flush()
            session.add(
                DeliveryAttemptRow(
                    tenant_id=tenant,
                    delivery_id=delivery.id,
                    attempted_at=utcnow(),
                    status_code=204,
                    latency_ms=12,
                )
            )
            await session.commit()
    finally:
        await engine.dispose()


async def _rows(url: str) -> dict[str, list[dict[str, Any]]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            present = set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
            return {
                name: [
                    dict(row)
                    for row in (await conn.execute(select(metadata.tables[name]))).mappings()
                ]
                for name in webhook_data.TABLES
                if name in present
            }
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
    assert asyncio.run(_rows(webhooks)) == before  # every column of every row
    assert all(rows == [] for rows in asyncio.run(_rows(gateway)).values())
    assert not asyncio.run(webhook_data.gateway_holds_webhook_rows(gateway))

    migrate("gateway", gateway)
    assert asyncio.run(_rows(gateway)) == {}  # the tables are gone
    assert asyncio.run(_rows(webhooks)) == before


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
    assert asyncio.run(_rows(webhooks)) == rows
    assert not asyncio.run(webhook_data.gateway_holds_webhook_rows(gateway))


async def _seed_again(url: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            for name in webhook_data.TABLES:
                await conn.execute(metadata.tables[name].insert(), rows[name])
    finally:
        await engine.dispose()
