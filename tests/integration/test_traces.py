"""One trace across every hop: a tool created with an owner unit, through the gateway to the
inventory, from there to the org (the unit checked), into the outbox, its relay and its
delivery to a subscriber, all in the trace of the client's `traceparent`."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from mops_shared.kit import tracing
from mops_shared.kit.db import trace_statements
from mops_webhooks.outbound.jobs import deliver_due
from tests.integration.conftest import Stack, TenantKey, relay_inventory_events, subscribers

pytestmark = pytest.mark.asyncio

CLIENT_TRACE = uuid.uuid4().hex
CLIENT_SPAN = uuid.uuid4().hex[:16]


@pytest.fixture
def recorded(stack: Stack) -> Iterator[InMemorySpanExporter]:
    """Every span of the process recorded in memory, the stack's engines' statements too."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    restore = tracing.use_provider(provider)
    engines = [served.server.config.app.state.engine for served in stack.services.values()]
    stops = [trace_statements(engine) for engine in engines]
    try:
        yield exporter
    finally:
        for stop in stops:
            if stop is not None:
                stop()
        restore()


def one(spans: list[ReadableSpan], name: str, service: str | None = None) -> ReadableSpan:
    found = [
        s
        for s in spans
        if s.name == name
        and (service is None or (s.attributes or {}).get("mops.service") == service)
    ]
    assert len(found) == 1, (name, service, [s.name for s in spans])
    return found[0]


def parent_of(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


async def test_a_tool_created_is_one_trace_from_the_gateway_to_its_delivery(
    stack: Stack, tenant: TenantKey, recorded: InMemorySpanExporter
) -> None:
    async with subscribers(stack) as subscribed:
        client = subscribed.client
        subscription = await client.post(
            "/v1/webhooks/subscriptions",
            json={"url": subscribed.receiver_url, "event_types": ["tool.created"]},
            headers=tenant.headers,
        )
        assert subscription.status_code == 201, subscription.text
        unit = await client.post(
            "/v1/org/units",
            json={"name": f"Ops {uuid.uuid4().hex[:6]}", "type": "team"},
            headers=tenant.headers,
        )
        assert unit.status_code == 201, unit.text
        recorded.clear()

        made = await client.post(
            "/v1/inventory/tools",
            json={
                "name": f"Traced {uuid.uuid4().hex[:6]}",
                "status": "active",
                "owners": [{"role": "business_owner", "unit_id": unit.json()["id"]}],
            },
            headers={**tenant.headers, "traceparent": f"00-{CLIENT_TRACE}-{CLIENT_SPAN}-01"},
        )
        assert made.status_code == 201, made.text

        await relay_inventory_events(stack, subscribed.webhooks)
        while await deliver_due(subscribed.webhooks.state.worker_context):
            pass
    received = [headers for headers, _ in subscribed.received]

    assert [h["webhook-id"] for h in received] != []
    spans = [
        s for s in recorded.get_finished_spans() if s.context.trace_id == int(CLIENT_TRACE, 16)
    ]
    at_gateway = one(spans, "POST proxy:inventory", "gateway")
    at_inventory = one(spans, "POST /v1/inventory/tools", "inventory")
    to_org = one(spans, "GET org")  # the owner unit looked up, from the inventory
    at_org = next(
        s
        for s in spans
        if (s.attributes or {}).get("mops.service") == "org" and s.kind == SpanKind.SERVER
    )
    publish = one(spans, "publish tool.created")
    deliver = one(spans, "deliver tool.created")

    # The chain, parent by parent: client, gateway, inventory, org; the relay's span is the
    # request's child (the event recorded in it), the delivery the relay's.
    assert parent_of(at_gateway) == int(CLIENT_SPAN, 16)
    assert parent_of(at_inventory) == at_gateway.context.span_id
    assert parent_of(to_org) == at_inventory.context.span_id
    assert parent_of(at_org) == to_org.context.span_id
    assert parent_of(publish) == at_inventory.context.span_id
    assert parent_of(deliver) == publish.context.span_id
    assert publish.kind == SpanKind.PRODUCER
    assert (deliver.attributes or {})["http.response.status_code"] == 204
    assert (deliver.attributes or {})["webhook.id"] in {h["webhook-id"] for h in received}
    assert (at_inventory.attributes or {})["http.response.status_code"] == 201

    # Database spans of both services, each under its own service's request span.
    inserts = [
        s for s in spans if s.name == "INSERT" and parent_of(s) == at_inventory.context.span_id
    ]
    assert inserts, [s.name for s in spans]
    assert any(s.name == "SELECT" and parent_of(s) == at_org.context.span_id for s in spans)
