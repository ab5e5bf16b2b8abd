"""The webhooks service's gauges (`mops_webhooks.gauges`), read from its tables when its metrics
are scraped: the inbox's events still to process or given up, the oldest pending one's wait,
the deliveries owed; events already processed are not counted."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import insert

from mops_shared.kit.db import table_of, utcnow
from mops_webhooks.inbound.models import InboxEventRow
from tests.support import build_service_app, new_principal, principal_headers, running

pytestmark = pytest.mark.asyncio


async def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"http://127.0.0.1:{port}/metrics")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def inbox_row(connection_id: uuid.UUID, tenant_id: uuid.UUID, status: str, waited: float) -> dict:
    received = utcnow() - timedelta(seconds=waited)
    return {
        "id": uuid.uuid4(),
        "tenant_id": tenant_id,
        "connection_id": connection_id,
        "provider": "generic",
        "identity": uuid.uuid4().hex,
        "kind": "test",
        "occurred_at": None,
        "received_at": received,
        "payload": {},
        "headers": {},
        "status": status,
        "attempts": 0,
        "next_attempt_at": received,
    }


async def test_the_inbox_and_the_deliveries_are_gauged_when_scraped(
    database_urls: dict[str, str],
) -> None:
    app = build_service_app("webhooks", database_urls["webhooks"], metrics_port=0)
    principal = new_principal()
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://webhooks.test",
            headers=principal_headers(principal),
        ) as client:
            created = await client.post(
                "/v1/webhooks/connections", json={"provider": "generic", "name": "Gauged"}
            )
            assert created.status_code == 201, created.text
        connection_id = uuid.UUID(created.json()["id"])
        port = app.state.metrics.port
        before = await scrape(port)
        rows = [
            inbox_row(connection_id, principal.tenant_id, "pending", 3600),
            inbox_row(connection_id, principal.tenant_id, "dead", 10),
            inbox_row(connection_id, principal.tenant_id, "processed", 10),
        ]
        async with app.state.engine.begin() as conn:
            await conn.execute(insert(table_of(InboxEventRow)), rows)
        after = await scrape(port)

    def grown(name: str, status: str) -> float:
        key = (name, (("status", status),))
        return after[key] - before[key]

    assert grown("mops_inbox_events", "pending") == 1
    assert grown("mops_inbox_events", "dead") == 1
    assert grown("mops_inbox_events", "failed") == 0
    assert ("mops_inbox_events", (("status", "processed"),)) not in after  # never counted
    assert after[("mops_inbox_oldest_pending_seconds", ())] >= 3600
    assert ("mops_deliveries", (("status", "pending"),)) in after
    assert after[("mops_delivery_oldest_due_seconds", ())] >= 0
