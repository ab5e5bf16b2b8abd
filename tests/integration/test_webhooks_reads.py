"""The webhooks service's GETs, read as Core rows and written by `mops_shared.kit.reads`, answer
byte for byte what the ORM path gave for the same rows: the entities, the wire model validated
from them, then FastAPI's serialisation of the model (kept here, as the reference). With the
same ETags, 404s for another tenant's rows, and never a secret.

The rows are written straight into the webhooks database where the API cannot make them as
wanted (inbox events in every state, deliveries with attempts, payloads with awkward values)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import select
from sqlmodel import col

from mops_shared.contracts.event_types import EVENT_TYPES
from mops_shared.contracts.pagination import Page
from mops_shared.kit.etag import etag_of
from mops_webhooks.inbound.models import InboxEventRow, WebhookConnection
from mops_webhooks.inbound.schemas import (
    ConnectionPage,
    EventType,
    EventTypeList,
    InboxEvent,
    InboxPage,
)
from mops_webhooks.inbound.service import to_read as connection_read
from mops_webhooks.outbound.models import (
    DeliveryAttemptRow,
    DeliveryRow,
    DomainEventRow,
    WebhookSubscription,
)
from mops_webhooks.outbound.schemas import (
    Delivery,
    DeliveryAttempt,
    DeliveryDetail,
    DeliveryPage,
    SubscriptionPage,
)
from mops_webhooks.outbound.service import to_read as subscription_read
from tests.integration.conftest import Stack, client_for
from tests.integration.webhooks_support import HUBSPOT_SECRET, HUBSPOT_URL, SALESFORCE_ORG
from tests.support import assert_problem, new_principal, principal_headers

pytestmark = pytest.mark.asyncio

WEBHOOKS = "/v1/webhooks"
T0 = datetime(2026, 11, 30, 9, 15, 0, tzinfo=UTC)  # whole seconds: no fraction written
# Values a JSON payload may hold that serialisers disagree on when they are careless.
AWKWARD: dict[str, Any] = {
    "z_first": 1,
    "a_then": [None, True, False, 0, -1, 1.5, 1e16, 0.1, 123456789.125],
    "text": 'é ü 😀 \u2028 <tag> "quoted" back\\slash',
    "nested": {"b": {"c": []}, "a": {}},
}


def dump(model: BaseModel) -> bytes:
    """What FastAPI wrote of a route's returned model: its JSON by its type (with aliases)."""
    return TypeAdapter(type(model)).dump_json(model, by_alias=True)


def tenant_client(app: FastAPI, tenant_id: uuid.UUID) -> httpx.AsyncClient:
    client = client_for(app)
    client.headers.update(principal_headers(new_principal(tenant_id)))
    return client


@pytest_asyncio.fixture
async def tenant_id() -> uuid.UUID:
    return uuid.uuid4()


@pytest_asyncio.fixture
async def service(stack: Stack, tenant_id: uuid.UUID) -> AsyncIterator[httpx.AsyncClient]:
    """The webhooks service itself (in process), signed as a tenant of the test's own."""
    async with tenant_client(stack.webhooks, tenant_id) as client:
        yield client


@pytest_asyncio.fixture
async def other(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with tenant_client(stack.webhooks, uuid.uuid4()) as client:
        yield client


async def pages(client: httpx.AsyncClient, url: str, **params: Any) -> list[httpx.Response]:
    """Every page of a list, two items at a time (so the cursors are used)."""
    answers: list[httpx.Response] = []
    cursor: str | None = None
    while True:
        query = {"limit": 2, **params} | ({"cursor": cursor} if cursor else {})
        answer = await client.get(url, params=query)
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        answers.append(answer)
        cursor = answer.json()["next_cursor"]
        if cursor is None:
            return answers


def assert_pages_are(
    answers: Sequence[httpx.Response], page: type[Page[Any]], items: Sequence[BaseModel]
) -> None:
    """Each page's bytes are the page model's of the reference items, in order."""
    start = 0
    for answer in answers:
        count = len(answer.json()["items"])
        expected = page(items=list(items[start : start + count]), next_cursor=None)
        assert answer.content == dump(
            expected.model_copy(update={"next_cursor": answer.json()["next_cursor"]})
        )
        start += count
    assert start == len(items)


# --- connections ---------------------------------------------------------------------------------


async def test_connections_are_the_orm_paths_bytes_and_never_show_a_secret(
    stack: Stack, service: httpx.AsyncClient, other: httpx.AsyncClient, tenant_id: uuid.UUID
) -> None:
    rules = [{"property": "hs_analytics_source", "equals": "PAID_SEARCH", "tool_name": "Ads"}]
    bodies: list[dict[str, Any]] = [
        {
            "provider": "hubspot",
            "name": "HubSpot EMEA",
            "public_url": HUBSPOT_URL,
            "secret": HUBSPOT_SECRET,
            "attribution_rules": rules,
            "currency": "EUR",
        },
        {"provider": "generic", "name": "Forms"},
        {"provider": "pipedrive", "name": "Pipedrive", "username": "u", "password": "pipe-pass"},
        {"provider": "salesforce", "name": "Salesforce", "organization_id": SALESFORCE_ORG},
    ]
    created = []
    for body in bodies:
        answer = await service.post(f"{WEBHOOKS}/connections", json=body)
        assert answer.status_code == 201, answer.text
        created.append(answer.json())
    # The HubSpot connection in the middle of a rotation: two secrets accepted.
    rotated = await service.post(
        f"{WEBHOOKS}/connections/{created[0]['id']}/secret", json={"secret": "second-secret"}
    )
    assert rotated.status_code == 200, rotated.text

    async with stack.webhooks.state.sessionmaker() as session:
        entities = list(
            (
                await session.execute(
                    select(WebhookConnection)
                    .where(col(WebhookConnection.tenant_id) == tenant_id)
                    .order_by(col(WebhookConnection.created_at), col(WebhookConnection.id))
                )
            ).scalars()
        )
    reads = [connection_read(entity) for entity in entities]
    assert [r.secrets for r in reads] == [2, 1, 1, 1]

    listed = await pages(service, f"{WEBHOOKS}/connections")
    assert len(listed) == 2
    assert_pages_are(listed, ConnectionPage, reads)
    for entity, read in zip(entities, reads, strict=True):
        answer = await service.get(f"{WEBHOOKS}/connections/{entity.id}")
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert answer.headers["etag"] == etag_of(entity.version)
        assert answer.content == dump(read)
        # Neither the encrypted secrets, nor the hashed credentials, nor anything given in clear.
        for secret in [*entity.secrets, entity.credential_hash]:
            assert secret is None or secret.encode() not in answer.content
        for given in (HUBSPOT_SECRET, "second-secret", "pipe-pass"):
            assert given.encode() not in answer.content
        assert_problem(await other.get(f"{WEBHOOKS}/connections/{entity.id}"), 404)
    assert (await other.get(f"{WEBHOOKS}/connections")).json()["items"] == []

    # A write answers what the read then gives.
    changed = await service.patch(
        f"{WEBHOOKS}/connections/{created[1]['id']}", json={"name": "Forms (EU)"}
    )
    assert changed.status_code == 200, changed.text
    read_back = await service.get(f"{WEBHOOKS}/connections/{created[1]['id']}")
    assert read_back.json() == changed.json()
    assert read_back.headers["etag"] == changed.headers["etag"] == etag_of(2)


async def test_the_event_types_are_the_catalogue(service: httpx.AsyncClient) -> None:
    answer = await service.get(f"{WEBHOOKS}/event-types")

    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    expected = EventTypeList(
        items=[EventType(type=name, description=text) for name, text in EVENT_TYPES.items()]
    )
    assert answer.content == dump(expected)


# --- the inbox -----------------------------------------------------------------------------------


def inbox_event(row: InboxEventRow) -> InboxEvent:
    """The ORM path's model of an inbox row."""
    return InboxEvent.model_validate({name: getattr(row, name) for name in InboxEvent.model_fields})


async def test_the_inbox_is_the_orm_paths_bytes(
    stack: Stack, service: httpx.AsyncClient, other: httpx.AsyncClient, tenant_id: uuid.UUID
) -> None:
    created = await service.post(
        f"{WEBHOOKS}/connections", json={"provider": "generic", "name": "Forms"}
    )
    assert created.status_code == 201, created.text
    connection_id = uuid.UUID(created.json()["id"])
    states: list[dict[str, Any]] = [
        {"status": "pending", "attempts": 0, "payload": AWKWARD},
        {"status": "processed", "attempts": 1, "detail": "lead recorded", "processed": True},
        {"status": "unmapped", "attempts": 1, "detail": "no rule matched", "processed": True},
        {"status": "failed", "attempts": 2, "last_error": "inventory answered 503"},
        {"status": "dead", "attempts": 8, "last_error": "gave up", "payload": [1, "two"]},
        # Beyond 64 bits: written by pydantic's serialiser instead of orjson.
        {"status": "pending", "attempts": 0, "payload": {"big": 2**70, "at": "x"}},
    ]
    async with stack.webhooks.state.sessionmaker() as session:
        for n, state in enumerate(states):
            received = T0 + timedelta(seconds=n, microseconds=n * 1001)
            session.add(
                InboxEventRow(
                    tenant_id=tenant_id,
                    connection_id=connection_id,
                    provider="generic",
                    identity=f"generic:msg_{n}",
                    kind="form.submitted" if n % 2 else None,
                    occurred_at=received - timedelta(minutes=1) if n % 3 else None,
                    received_at=received,
                    payload=state.get("payload", {"n": n}),
                    headers={"webhook-id": f"msg_{n}"},
                    status=state["status"],
                    attempts=state["attempts"],
                    next_attempt_at=received,
                    last_error=state.get("last_error"),
                    detail=state.get("detail"),
                    processed_at=received + timedelta(seconds=1) if "processed" in state else None,
                )
            )
        await session.commit()
        rows = list(
            (
                await session.execute(
                    select(InboxEventRow)
                    .where(col(InboxEventRow.tenant_id) == tenant_id)
                    .order_by(col(InboxEventRow.received_at), col(InboxEventRow.id))
                )
            ).scalars()
        )
    events = [inbox_event(row) for row in rows]

    assert_pages_are(await pages(service, f"{WEBHOOKS}/inbox"), InboxPage, events)
    assert_pages_are(
        await pages(service, f"{WEBHOOKS}/inbox", sort="-received_at"), InboxPage, events[::-1]
    )
    assert_pages_are(
        await pages(service, f"{WEBHOOKS}/inbox", status="pending", connection_id=connection_id),
        InboxPage,
        [e for e in events if e.status == "pending"],
    )
    for row, event in zip(rows, events, strict=True):
        answer = await service.get(f"{WEBHOOKS}/inbox/{row.id}")
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert answer.content == dump(event)
        assert b"webhook-id" not in answer.content  # the kept headers are not shown
        assert_problem(await other.get(f"{WEBHOOKS}/inbox/{row.id}"), 404)
    assert_problem(await service.get(f"{WEBHOOKS}/inbox/{uuid.uuid4()}"), 404)

    # A replay answers (202) the event as it is read after it.
    dead = rows[4]
    replayed = await service.post(f"{WEBHOOKS}/inbox/{dead.id}/replay")
    assert replayed.status_code == 202, replayed.text
    assert replayed.headers["content-type"] == "application/json"
    assert replayed.json()["status"] == "pending"
    assert replayed.json()["attempts"] == 0
    assert replayed.content == (await service.get(f"{WEBHOOKS}/inbox/{dead.id}")).content
    assert_problem(await other.post(f"{WEBHOOKS}/inbox/{dead.id}/replay"), 404)


# --- subscriptions and deliveries ----------------------------------------------------------------


def delivery_detail(
    row: DeliveryRow, event: DomainEventRow, attempts: list[DeliveryAttemptRow]
) -> DeliveryDetail:
    """The ORM path's model of a delivery with its event and attempts."""
    return DeliveryDetail.model_validate(
        {name: getattr(row, name) for name in Delivery.model_fields}
        | {
            "occurred_at": event.occurred_at,
            "data": event.data,
            "attempt_log": [
                {name: getattr(a, name) for name in DeliveryAttempt.model_fields} for a in attempts
            ],
        }
    )


async def test_subscriptions_and_deliveries_are_the_orm_paths_bytes(
    stack: Stack, service: httpx.AsyncClient, other: httpx.AsyncClient, tenant_id: uuid.UUID
) -> None:
    async with stack.webhooks.state.sessionmaker() as session:
        subscriptions = [
            WebhookSubscription(
                tenant_id=tenant_id,
                url="https://hooks.example.com/a",
                description=None,
                event_types=["tool.*", "assessment.completed"],
                secrets=["encrypted-new", "encrypted-old"],
                previous_secret_expires_at=T0 + timedelta(hours=24, microseconds=5),
                created_at=T0,
                updated_at=T0 + timedelta(seconds=3),
            ),
            WebhookSubscription(
                tenant_id=tenant_id,
                url="https://hooks.example.com/b?x=1",
                description="Warehouse sync: ünïcode",
                event_types=["*"],
                secrets=["encrypted-only"],
                enabled=False,
                disabled_reason="the receiver answered 410 Gone",
                created_at=T0 + timedelta(seconds=1),
                updated_at=T0 + timedelta(seconds=1),
            ),
            WebhookSubscription(
                tenant_id=tenant_id,
                url="https://hooks.example.com/c",
                event_types=["tool.created"],
                secrets=["encrypted-c"],
                created_at=T0 + timedelta(seconds=2),
                updated_at=T0 + timedelta(seconds=2),
            ),
        ]
        session.add_all(subscriptions)
        events = [
            DomainEventRow(
                id=uuid.uuid4(),
                tenant_id=tenant_id,
                type="tool.created",
                service="inventory",
                occurred_at=T0 + timedelta(milliseconds=n),
                received_at=T0 + timedelta(seconds=1),
                data=AWKWARD if n == 0 else {"id": str(uuid.uuid4()), "n": n, "big": 2**65 * n},
            )
            for n in range(3)
        ]
        session.add_all(events)
        await session.flush()
        deliveries = [
            DeliveryRow(
                tenant_id=tenant_id,
                subscription_id=subscriptions[n % 2].id,
                event_id=events[n % 3].id,
                event_type="tool.created",
                status=status,
                attempts=attempts,
                next_attempt_at=T0 + timedelta(minutes=n)
                if status in ("pending", "failed")
                else None,
                last_status_code=code,
                delivered_at=T0 + timedelta(seconds=30) if status == "delivered" else None,
                created_at=T0 + timedelta(seconds=n),
            )
            for n, (status, attempts, code) in enumerate(
                [("pending", 0, None), ("delivered", 1, 200), ("failed", 2, 503), ("dead", 8, None)]
            )
        ]
        session.add_all(deliveries)
        await session.flush()
        session.add_all(
            DeliveryAttemptRow(
                tenant_id=tenant_id,
                delivery_id=deliveries[2].id,
                attempted_at=T0 + timedelta(seconds=10 * n, microseconds=n),
                status_code=503 if n else None,
                latency_ms=40 + n,
                error="connection refused" if n == 0 else "503 Service Unavailable",
                response_snippet=None if n == 0 else "<html>busy</html>",
            )
            for n in range(3)
        )
        await session.commit()
        subscriptions = list(
            (
                await session.execute(
                    select(WebhookSubscription)
                    .where(col(WebhookSubscription.tenant_id) == tenant_id)
                    .order_by(col(WebhookSubscription.created_at), col(WebhookSubscription.id))
                )
            ).scalars()
        )
        delivery_rows = list(
            (
                await session.execute(
                    select(DeliveryRow)
                    .where(col(DeliveryRow.tenant_id) == tenant_id)
                    .order_by(col(DeliveryRow.created_at).desc(), col(DeliveryRow.id).desc())
                )
            ).scalars()
        )
        details = []
        for row in delivery_rows:
            event = await session.get(DomainEventRow, row.event_id)
            assert event is not None
            attempts = (
                await session.execute(
                    select(DeliveryAttemptRow)
                    .where(col(DeliveryAttemptRow.delivery_id) == row.id)
                    .order_by(col(DeliveryAttemptRow.attempted_at), col(DeliveryAttemptRow.id))
                )
            ).scalars()
            details.append(delivery_detail(row, event, list(attempts)))

    reads = [subscription_read(s) for s in subscriptions]
    assert_pages_are(await pages(service, f"{WEBHOOKS}/subscriptions"), SubscriptionPage, reads)
    for subscription, read in zip(subscriptions, reads, strict=True):
        answer = await service.get(f"{WEBHOOKS}/subscriptions/{subscription.id}")
        assert answer.status_code == 200, answer.text
        assert answer.headers["etag"] == etag_of(subscription.version)
        assert answer.content == dump(read)
        assert b"encrypted" not in answer.content
        assert_problem(await other.get(f"{WEBHOOKS}/subscriptions/{subscription.id}"), 404)

    summaries = [Delivery.model_validate(d.model_dump()) for d in details]
    assert_pages_are(await pages(service, f"{WEBHOOKS}/deliveries"), DeliveryPage, summaries)
    for params in (
        {"subscription_id": subscriptions[0].id},
        {"status": "failed"},
        {"event_type": "tool.created", "status": "delivered"},
    ):
        expected = [
            s for s in summaries if all(str(getattr(s, k)) == str(v) for k, v in params.items())
        ]
        assert expected
        assert_pages_are(
            await pages(service, f"{WEBHOOKS}/deliveries", **params), DeliveryPage, expected
        )
    for row, detail in zip(delivery_rows, details, strict=True):
        answer = await service.get(f"{WEBHOOKS}/deliveries/{row.id}")
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert answer.content == dump(detail)
        assert_problem(await other.get(f"{WEBHOOKS}/deliveries/{row.id}"), 404)
    assert len(details[1].attempt_log) == 3  # the failed one (second newest) with its log

    # A redelivery answers the delivery as it is read after it; not while disabled (409).
    failed = delivery_rows[1]
    again = await service.post(f"{WEBHOOKS}/deliveries/{failed.id}/redeliver")
    assert again.status_code == 200, again.text
    assert (again.json()["status"], again.json()["attempts"]) == ("pending", 0)
    assert again.content == (await service.get(f"{WEBHOOKS}/deliveries/{failed.id}")).content
    disabled = next(r for r in delivery_rows if r.subscription_id == subscriptions[1].id)
    assert_problem(await service.post(f"{WEBHOOKS}/deliveries/{disabled.id}/redeliver"), 409)
