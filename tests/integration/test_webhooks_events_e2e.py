"""A domain event's whole way out: a tool created and retired in the inventory, relayed from
its outbox to the gateway's intake, fanned out to a subscription and delivered to a receiver on
loopback, verified there with the `standardwebhooks` library as a subscriber would."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from mops_webhooks.outbound.jobs import deliver_due
from tests.integration.conftest import Stack, TenantKey, relay_inventory_events, subscribers

pytestmark = pytest.mark.asyncio


async def test_a_tool_s_events_reach_a_subscriber_signed_and_once(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    async with subscribers(stack) as subscribed:
        client = subscribed.client
        created = await client.post(
            "/v1/webhooks/subscriptions",
            json={"url": subscribed.receiver_url, "event_types": ["tool.*"]},
            headers=tenant.headers,
        )
        assert created.status_code == 201, created.text
        secret = created.json()["secret"]

        made = await gateway_client.post(
            "/v1/inventory/tools",
            json={"name": f"Relay {uuid.uuid4().hex[:6]}", "status": "active"},
            headers=tenant.headers,
        )
        assert made.status_code == 201, made.text
        tool = made.json()
        retired = await gateway_client.patch(
            f"/v1/inventory/tools/{tool['id']}",
            json={"status": "retired"},
            headers=tenant.headers,
        )
        assert retired.status_code == 200, retired.text

        # Relayed twice (an answer lost, say): the intake keeps each event once.
        await relay_inventory_events(stack, subscribed.webhooks, again=True)
        context = subscribed.webhooks.state.worker_context
        while await deliver_due(context):
            pass
    received = subscribed.received

    webhook = Webhook(secret)
    payloads: list[dict[str, Any]] = [webhook.verify(body, headers) for headers, body in received]
    mine = [p for p in payloads if p["data"].get("id") == tool["id"]]
    assert sorted(p["type"] for p in mine) == [
        "tool.created",
        "tool.retired",
        "tool.status_changed",
        "tool.updated",
    ]
    assert len({headers["webhook-id"] for headers, _ in received}) == len(received)
    assert next(p for p in mine if p["type"] == "tool.retired")["data"]["status"] == "retired"
