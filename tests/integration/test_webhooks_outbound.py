"""Outbound webhooks through the gateway: subscriptions, the event intake, the delivery job and
its log. Deliveries go to a real HTTP receiver on 127.0.0.1 and are checked with the
`standardwebhooks` library, as a subscriber would check them.

The webhooks service here has a database of its own, so the delivery job (run by the tests,
with a clock they control) only ever sees this module's deliveries. Two services share it, each
behind a gateway of its own: one that allows private targets (the receiver is on loopback) and
one that does not. The relays' intake is the service's own, not the gateway's.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
import pytest_asyncio
from cryptography.fernet import Fernet
from fastapi import FastAPI
from sqlalchemy import delete, func, select
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from mops_gateway.main import create_app as create_gateway
from mops_shared.contracts.events import EVENT_INTAKE_PATH, SIGNATURE_HEADER, sign_batch
from mops_shared.kit.db import utcnow
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.jobs import WorkerContext
from mops_webhooks.main import create_app as create_webhooks
from mops_webhooks.outbound.jobs import (
    MAX_ATTEMPTS,
    RETRY_AFTER_CAP_SECONDS,
    RETRY_SCHEDULE,
    USER_AGENT,
    deliver_due,
    lease_seconds,
)
from mops_webhooks.outbound.models import DeliveryAttemptRow, DomainEventRow, WebhookSubscription
from tests.integration.conftest import TenantKey, client_for, gateway_settings, new_tenant
from tests.support import (
    TEST_SECRET,
    Served,
    assert_problem,
    drop_postgres_database,
    migrate_async,
    new_database,
    running,
    serve,
    settings_kwargs,
    walk_pages,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")

SUBSCRIPTIONS = "/v1/webhooks/subscriptions"
DELIVERIES = "/v1/webhooks/deliveries"


# --- a receiver on loopback -----------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 204
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0  # before answering
    drip: float = 0.0  # between the bytes of the body, once the status has been sent


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    """Records every request; each hook answers its scripted replies in turn, the last one
    again and again (204 when none was given)."""

    def __init__(self) -> None:
        self.base = ""
        self.received: list[Received] = []
        self.scripts: dict[str, list[Reply]] = {}
        self.app = Starlette(routes=[Route("/{path:path}", self._answer, methods=["GET", "POST"])])

    def hook(self, *replies: Reply) -> str:
        path = f"/hooks/{uuid.uuid4().hex}"
        self.scripts[path] = list(replies) or [Reply()]
        return self.base + path

    def at(self, url: str) -> list[Received]:
        path = httpx.URL(url).path
        return [r for r in self.received if r.path == path]

    async def _answer(self, request: Request) -> Response:
        body = await request.body()
        self.received.append(Received(request.url.path, dict(request.headers), body))
        script = self.scripts.get(request.url.path, [Reply(404)])
        reply = script.pop(0) if len(script) > 1 else script[0]
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.drip:
            return StreamingResponse(self._drip(reply), reply.status, reply.headers)
        return Response(reply.body, status_code=reply.status, headers=reply.headers)

    async def _drip(self, reply: Reply) -> AsyncIterator[bytes]:
        for byte in reply.body:
            yield bytes([byte])
            await asyncio.sleep(reply.drip)


@dataclass
class World:
    lenient: FastAPI  # the gateway in front of `service`
    strict: FastAPI  # the gateway in front of `strict_service`
    service: (
        FastAPI  # the lenient one: private targets allowed: subscriptions may point at the receiver
    )
    strict_service: FastAPI  # the production default
    receiver: Receiver


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    workdir: Path = tmp_path_factory.mktemp("outbound")
    receiver = Receiver()
    served: list[Served] = []
    databases: list[str] = []
    try:
        urls: dict[str, str] = {}
        for service in ("gateway", "webhooks"):
            urls[service], pg_name = await new_database(service, workdir)
            if pg_name:
                databases.append(pg_name)
            await migrate_async(service, urls[service])
        served.append(await serve(receiver.app))
        receiver.base = served[0].url
        services = {
            private: create_webhooks(
                WebhooksSettings(
                    **settings_kwargs("webhooks", urls["webhooks"]),
                    worker_enabled=False,
                    allow_private_targets=private,
                )
            )
            for private in (True, False)
        }
        gateways = {}
        for private, service in services.items():
            served.append(await serve(service))
            gateways[private] = create_gateway(
                gateway_settings(urls["gateway"], webhooks_url=served[-1].url)
            )
        async with running(gateways[True]), running(gateways[False]):
            yield World(gateways[True], gateways[False], services[True], services[False], receiver)
    finally:
        for server in served:
            await server.stop()
        for name in databases:
            await drop_postgres_database(name)


class _IntakeAtTheService(httpx.AsyncBaseTransport):
    """The relays post to the webhooks service's intake directly (the gateway does not serve
    it); everything else goes through the gateway, as an API client's calls do."""

    def __init__(self, gateway: FastAPI, service: FastAPI) -> None:
        self.gateway = httpx.ASGITransport(app=gateway)
        self.service = httpx.ASGITransport(app=service)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        to = self.service if request.url.path == EVENT_INTAKE_PATH else self.gateway
        return await to.handle_async_request(request)


@pytest_asyncio.fixture(loop_scope="session")
async def client(world: World) -> AsyncIterator[httpx.AsyncClient]:
    transport = _IntakeAtTheService(world.lenient, world.service)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as gateway:
        yield gateway
    # Each test starts from no subscriptions and no events: nothing left due for the next one.
    async with world.service.state.sessionmaker() as session:
        await session.execute(delete(WebhookSubscription))
        await session.execute(delete(DomainEventRow))
        await session.commit()


@pytest_asyncio.fixture(loop_scope="session")
async def tenant(world: World) -> TenantKey:
    return await new_tenant(world.lenient)


class FakeClock:
    """A minute ahead unless told: what the intake has just made due is due for it."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or utcnow() + timedelta(minutes=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def worker(app: FastAPI, clock: FakeClock | None = None, **settings: Any) -> WorkerContext:
    """The webhooks service's worker context with the test's clock (and settings changed)."""
    context: WorkerContext = app.state.worker_context
    return dataclasses.replace(
        context,
        clock=clock or utcnow,
        settings=context.settings.model_copy(update=settings) if settings else context.settings,
    )


# --- helpers --------------------------------------------------------------------------------------


async def subscribe(
    client: httpx.AsyncClient, tenant: TenantKey, url: str, *event_types: str, **extra: Any
) -> dict[str, Any]:
    body = {"url": url, "event_types": list(event_types or ("*",)), **extra}
    response = await client.post(SUBSCRIPTIONS, json=body, headers=tenant.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def event(tenant_id: uuid.UUID, event_type: str = "tool.created", **data: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "tenant_id": str(tenant_id),
        "type": event_type,
        "occurred_at": "2026-11-28T10:15:30.250000+00:00",
        "service": "inventory",
        "data": data or {"tool_id": str(uuid.uuid4()), "name": "HubSpot"},
    }


async def post_events(
    client: httpx.AsyncClient, *events: dict[str, Any], signature: str | None = None
) -> httpx.Response:
    body = json.dumps({"events": list(events)}).encode()
    headers = {
        "content-type": "application/json",
        SIGNATURE_HEADER: signature if signature is not None else sign_batch(TEST_SECRET, body),
    }
    return await client.post(EVENT_INTAKE_PATH, content=body, headers=headers)


async def take_in(client: httpx.AsyncClient, *events: dict[str, Any]) -> None:
    response = await post_events(client, *events)
    assert response.status_code == 200, response.text


async def deliveries_of(
    client: httpx.AsyncClient, tenant: TenantKey, **params: Any
) -> list[dict[str, Any]]:
    return await walk_pages(authed(client, tenant), DELIVERIES, **params)


class _Authed:
    """What `walk_pages` needs of a client, sending the tenant's key with every GET."""

    def __init__(self, client: httpx.AsyncClient, tenant: TenantKey) -> None:
        self._client, self._tenant = client, tenant

    async def get(self, url: str, params: dict[str, Any]) -> httpx.Response:
        return await self._client.get(url, params=params, headers=self._tenant.headers)


def authed(client: httpx.AsyncClient, tenant: TenantKey) -> httpx.AsyncClient:
    return cast(httpx.AsyncClient, _Authed(client, tenant))


async def delivery(
    client: httpx.AsyncClient, tenant: TenantKey, delivery_id: str
) -> dict[str, Any]:
    response = await client.get(f"{DELIVERIES}/{delivery_id}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


async def only_delivery(
    client: httpx.AsyncClient, tenant: TenantKey, subscription: dict[str, Any]
) -> dict[str, Any]:
    (found,) = await deliveries_of(client, tenant, subscription_id=subscription["id"])
    return await delivery(client, tenant, found["id"])


def verified(secret: str, received: Received) -> Any:
    return Webhook(secret).verify(received.body, received.headers)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- signing --------------------------------------------------------------------------------------


async def test_a_delivery_is_signed_as_standard_webhooks_libraries_verify(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    subscription = await subscribe(client, tenant, url, "tool.*")
    secret = subscription["secret"]
    assert secret.startswith("whsec_")
    read = await client.get(f"{SUBSCRIPTIONS}/{subscription['id']}", headers=tenant.headers)
    assert secret not in read.text  # shown once
    created = event(tenant.tenant_id, "tool.created", name="Marketo")
    await take_in(client, created)

    assert await deliver_due(worker(world.service)) == 1

    (received,) = world.receiver.at(url)
    assert verified(secret, received) == {
        "type": "tool.created",
        "timestamp": "2026-11-28T10:15:30.250000Z",
        "data": {"name": "Marketo"},
    }
    assert received.headers["webhook-id"] == created["id"]
    assert received.headers["user-agent"] == USER_AGENT
    assert received.headers["content-type"] == "application/json"
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 43 + "=").verify(received.body, received.headers)
    found = await only_delivery(client, tenant, subscription)
    assert (found["status"], found["attempts"], found["last_status_code"]) == ("delivered", 1, 204)
    assert found["delivered_at"] is not None
    (attempt,) = found["attempt_log"]
    assert (attempt["status_code"], attempt["error"]) == (204, None)
    assert attempt["latency_ms"] >= 0
    assert found["data"] == {"name": "Marketo"}
    assert await deliver_due(worker(world.service)) == 0  # nothing left due


async def test_during_a_rotation_old_and_new_secrets_both_verify(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    given = "whsec_" + "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"  # 24 bytes, base64
    subscription = await subscribe(client, tenant, url, secret=given)
    assert subscription["secret"] == given
    old = given
    rotated = await client.post(
        f"{SUBSCRIPTIONS}/{subscription['id']}/secret",
        json={"overlap_seconds": 120},
        headers=tenant.headers,
    )
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["secret"]
    assert new.startswith("whsec_")
    assert new != old
    expires = at(rotated.json()["previous_secret_expires_at"])
    await take_in(client, event(tenant.tenant_id))
    await deliver_due(worker(world.service))

    (during,) = world.receiver.at(url)
    signatures = during.headers["webhook-signature"].split(" ")
    assert [s[:3] for s in signatures] == ["v1,", "v1,"]
    assert verified(new, during)["type"] == "tool.created"
    assert verified(old, during)["type"] == "tool.created"

    # Once the overlap has ended only the new secret signs.
    clock = FakeClock(expires + timedelta(seconds=1))
    await take_in(client, event(tenant.tenant_id))
    await deliver_due(worker(world.service, clock))
    after = world.receiver.at(url)[1]
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    assert verified(new, after)["type"] == "tool.created"
    with pytest.raises(WebhookVerificationError):
        verified(old, after)

    # A rotation without overlap drops the previous secret at once.
    again = await client.post(
        f"{SUBSCRIPTIONS}/{subscription['id']}/secret",
        json={"overlap_seconds": 0},
        headers=tenant.headers,
    )
    assert again.json()["previous_secret_expires_at"] is None
    newest = again.json()["secret"]
    await take_in(client, event(tenant.tenant_id))
    await deliver_due(worker(world.service))
    last = world.receiver.at(url)[2]
    assert verified(newest, last)["type"] == "tool.created"
    with pytest.raises(WebhookVerificationError):
        verified(new, last)


async def test_bad_secrets_and_event_types_are_refused_at_their_pointer(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    for secret in ("whsec_not base64!", "whsec_" + "QUJD"):  # malformed, and 3 bytes
        body = {"url": url, "event_types": ["*"], "secret": secret}
        refused = await client.post(SUBSCRIPTIONS, json=body, headers=tenant.headers)
        assert_problem(refused, 422, "/secret")
    # Malformed, or well formed but naming nothing in the catalogue (a typo, a prefix).
    for bad in ("Tool.Created", "tool.", "tool*", "tool.*.x", "", "tool.create", "tools.*"):
        body = {"url": url, "event_types": ["tool.created", bad]}
        refused = await client.post(SUBSCRIPTIONS, json=body, headers=tenant.headers)
        assert_problem(refused, 422, "/event_types/1")
    refused = await client.post(
        SUBSCRIPTIONS, json={"url": url, "event_types": []}, headers=tenant.headers
    )
    assert_problem(refused, 422, "/event_types")
    subscription = await subscribe(client, tenant, url)
    rotated = await client.post(
        f"{SUBSCRIPTIONS}/{subscription['id']}/secret",
        json={"overlap_seconds": 8 * 24 * 3600},
        headers=tenant.headers,
    )
    assert_problem(rotated, 422, "/overlap_seconds")


# --- retries --------------------------------------------------------------------------------------


async def test_failures_are_retried_on_the_schedule_until_dead(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook(Reply(500, body=b"x" * 2000))
    subscription = await subscribe(client, tenant, url)
    created = event(tenant.tenant_id)
    await take_in(client, created)
    clock = FakeClock()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert await deliver_due(worker(world.service, clock)) == 1
        found = await only_delivery(client, tenant, subscription)
        assert found["attempts"] == attempt
        if attempt == MAX_ATTEMPTS:
            break
        assert found["status"] == "failed"
        wait = (at(found["next_attempt_at"]) - clock.now).total_seconds()
        base = RETRY_SCHEDULE[attempt - 1]
        assert base / 2 - 0.001 <= wait <= base + 0.001, (attempt, wait)
        clock.advance(wait - 1)
        assert await deliver_due(worker(world.service, clock)) == 0  # not due yet
        clock.advance(1)
    assert (found["status"], found["next_attempt_at"]) == ("dead", None)
    log = found["attempt_log"]
    assert len(log) == MAX_ATTEMPTS
    assert {(a["status_code"], a["error"]) for a in log} == {(500, "HTTP 500")}
    assert all(len(a["response_snippet"]) == 500 for a in log)
    requests = world.receiver.at(url)
    assert len(requests) == MAX_ATTEMPTS
    assert {r.headers["webhook-id"] for r in requests} == {created["id"]}  # stable across retries
    assert len({r.headers["webhook-timestamp"] for r in requests}) == MAX_ATTEMPTS
    clock.advance(30 * 24 * 3600)
    assert await deliver_due(worker(world.service, clock)) == 0  # dead stays dead

    # Redelivered by hand: due at once, a fresh schedule, the old attempts kept.
    redelivered = await client.post(f"{DELIVERIES}/{found['id']}/redeliver", headers=tenant.headers)
    assert redelivered.status_code == 200, redelivered.text
    assert (redelivered.json()["status"], redelivered.json()["attempts"]) == ("pending", 0)
    world.receiver.scripts[httpx.URL(url).path] = [Reply(200)]
    assert await deliver_due(worker(world.service, clock)) == 1
    found = await only_delivery(client, tenant, subscription)
    assert (found["status"], found["attempts"]) == ("delivered", 1)
    assert len(found["attempt_log"]) == MAX_ATTEMPTS + 1


async def test_a_5xx_is_retried_and_a_429_waits_for_retry_after(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    clock = FakeClock()
    # Asked at the second attempt, an hour on: three hours after that (HTTP dates drop the
    # fraction of a second).
    later = format_datetime(clock.now + timedelta(hours=4), usegmt=True)
    url = world.receiver.hook(
        Reply(429, {"retry-after": "3600"}),
        Reply(503, {"retry-after": later}),
        Reply(503, {"retry-after": "999999999"}),
        Reply(502),
        Reply(200, body=b"thanks"),
    )
    subscription = await subscribe(client, tenant, url)
    await take_in(client, event(tenant.tenant_id))

    async def attempt() -> tuple[dict[str, Any], float | None]:
        assert await deliver_due(worker(world.service, clock)) == 1
        found = await only_delivery(client, tenant, subscription)
        if found["next_attempt_at"] is None:
            return found, None
        wait = (at(found["next_attempt_at"]) - clock.now).total_seconds()
        clock.advance(wait)
        return found, wait

    found, wait = await attempt()  # 429: the schedule says 2.5-5 s, the receiver an hour
    assert (found["status"], found["last_status_code"], wait) == ("failed", 429, 3600)
    found, wait = await attempt()  # 503 with an HTTP date three hours on
    assert found["last_status_code"] == 503
    assert wait is not None
    assert 3 * 3600 - 1 < wait <= 3 * 3600
    found, wait = await attempt()  # an absurd Retry-After is capped
    assert wait == RETRY_AFTER_CAP_SECONDS
    found, wait = await attempt()  # a 502 without one follows the schedule (10 minutes)
    assert wait is not None
    assert RETRY_SCHEDULE[3] / 2 <= wait <= RETRY_SCHEDULE[3]
    found, wait = await attempt()
    assert (found["status"], found["attempts"], wait) == ("delivered", 5, None)
    assert found["attempt_log"][-1]["response_snippet"] == "thanks"
    assert [a["status_code"] for a in found["attempt_log"]] == [429, 503, 503, 502, 200]


async def test_redirects_are_failures_and_never_followed(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    elsewhere = world.receiver.hook()
    url = world.receiver.hook(Reply(307, {"location": elsewhere}))
    subscription = await subscribe(client, tenant, url)
    await take_in(client, event(tenant.tenant_id))
    assert await deliver_due(worker(world.service)) == 1
    assert len(world.receiver.at(url)) == 1
    assert world.receiver.at(elsewhere) == []
    found = await only_delivery(client, tenant, subscription)
    assert (found["status"], found["last_status_code"]) == ("failed", 307)
    assert "redirects are not followed" in found["attempt_log"][0]["error"]


async def test_network_errors_and_timeouts_are_failed_attempts(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = await subscribe(client, tenant, f"http://127.0.0.1:{closed_port}/hook")
    slow_url = world.receiver.hook(Reply(204, delay=2.0))
    slow = await subscribe(client, tenant, slow_url)
    dripping = await subscribe(
        client, tenant, world.receiver.hook(Reply(200, body=b"ok" * 8, drip=0.2))
    )
    await take_in(client, event(tenant.tenant_id))
    assert await deliver_due(worker(world.service, delivery_timeout_seconds=0.5)) == 3
    unreachable = await only_delivery(client, tenant, refused)
    assert unreachable["status"] == "failed"
    assert unreachable["attempt_log"][0]["status_code"] is None
    assert unreachable["attempt_log"][0]["error"].startswith("ClientConnectorError")
    timed_out = await only_delivery(client, tenant, slow)
    assert timed_out["status"] == "failed"
    assert timed_out["attempt_log"][0]["error"] == "timeout after 0.5 s"
    # A receiver that sends its status at once and then drips its body is cut off too.
    dripped = await only_delivery(client, tenant, dripping)
    assert dripped["status"] == "failed"
    assert dripped["attempt_log"][0]["error"] == "timeout after 0.5 s"
    assert dripped["attempt_log"][0]["latency_ms"] < 1500


async def test_a_410_disables_the_subscription_and_closes_what_it_was_owed(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    gone_url = world.receiver.hook(Reply(500), Reply(410))
    gone = await subscribe(client, tenant, gone_url)
    kept = await subscribe(client, tenant, world.receiver.hook())
    clock = FakeClock()
    first = event(tenant.tenant_id)
    await take_in(client, first)
    assert await deliver_due(worker(world.service, clock)) == 2  # gone's fails (500), kept's ok
    second = event(tenant.tenant_id)
    await take_in(client, second)
    assert await deliver_due(worker(world.service, clock)) == 2  # gone answers 410 this time

    read = (await client.get(f"{SUBSCRIPTIONS}/{gone['id']}", headers=tenant.headers)).json()
    assert read["enabled"] is False
    assert "410" in read["disabled_reason"]
    assert read["version"] == gone["version"] + 1
    owed = await deliveries_of(client, tenant, subscription_id=gone["id"])
    # The 410'd one and the failed one waiting for its retry are both closed.
    assert {d["event_id"]: d["status"] for d in owed} == {
        first["id"]: "disabled",
        second["id"]: "disabled",
    }
    assert {
        d["status"] for d in await deliveries_of(client, tenant, subscription_id=kept["id"])
    } == {"delivered"}
    clock.advance(7 * 24 * 3600)
    assert await deliver_due(worker(world.service, clock)) == 0
    assert len(world.receiver.at(gone_url)) == 2

    # New events skip it; redelivering to it is refused while it is disabled.
    await take_in(client, event(tenant.tenant_id))
    assert len(await deliveries_of(client, tenant, subscription_id=gone["id"])) == 2
    redeliver = f"{DELIVERIES}/{owed[0]['id']}/redeliver"
    assert_problem(await client.post(redeliver, headers=tenant.headers), 409)
    enabled = await client.patch(
        f"{SUBSCRIPTIONS}/{gone['id']}", json={"enabled": True}, headers=tenant.headers
    )
    assert enabled.status_code == 200, enabled.text
    assert (enabled.json()["enabled"], enabled.json()["disabled_reason"]) == (True, None)
    again = await client.post(redeliver, headers=tenant.headers)
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "pending"


async def test_disabling_through_the_api_closes_pending_deliveries(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    subscription = await subscribe(client, tenant, url)
    await take_in(client, event(tenant.tenant_id))
    path = f"{SUBSCRIPTIONS}/{subscription['id']}"
    disabled = await client.patch(path, json={"enabled": False}, headers=tenant.headers)
    assert disabled.status_code == 200, disabled.text
    assert disabled.json()["disabled_reason"] == "disabled through the API"
    assert await deliver_due(worker(world.service)) == 0
    assert world.receiver.at(url) == []
    (closed,) = await deliveries_of(client, tenant)
    assert closed["status"] == "disabled"


async def test_a_second_worker_cannot_overwrite_an_outcome_already_recorded(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    # The first worker's request is slow; its lease runs out and a second worker delivers.
    url = world.receiver.hook(Reply(500, delay=0.5), Reply(204))
    subscription = await subscribe(client, tenant, url)
    await take_in(client, event(tenant.tenant_id))
    clock = FakeClock()
    first = asyncio.create_task(deliver_due(worker(world.service, clock)))
    while not world.receiver.at(url):
        await asyncio.sleep(0.01)
    late = FakeClock(clock.now + timedelta(seconds=lease_seconds(worker(world.service)) + 1))
    assert await deliver_due(worker(world.service, late)) == 1
    assert await first == 1
    found = await only_delivery(client, tenant, subscription)
    # The slow 500 came back last and changed nothing; both attempts are in the log.
    assert (found["status"], found["attempts"]) == ("delivered", 1)
    assert sorted(a["status_code"] for a in found["attempt_log"]) == [204, 500]


async def test_a_stale_worker_does_not_overwrite_a_later_retry(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook(Reply(500), Reply(500, delay=0.5), Reply(500))
    subscription = await subscribe(client, tenant, url)
    await take_in(client, event(tenant.tenant_id))
    clock = FakeClock()
    await deliver_due(worker(world.service, clock))  # failed once; due again within 5 s
    clock.advance(5)
    first = asyncio.create_task(deliver_due(worker(world.service, clock)))
    while len(world.receiver.at(url)) < 2:
        await asyncio.sleep(0.01)
    late = FakeClock(clock.now + timedelta(seconds=lease_seconds(worker(world.service)) + 1))
    assert await deliver_due(worker(world.service, late)) == 1
    assert await first == 1
    found = await only_delivery(client, tenant, subscription)
    # Both saw `failed` after one attempt; the second worker's outcome (its clock) stands.
    assert (found["status"], found["attempts"]) == ("failed", 2)
    assert at(found["next_attempt_at"]) >= late.now + timedelta(seconds=RETRY_SCHEDULE[1] / 2)
    assert len(found["attempt_log"]) == 3


async def test_full_batches_are_claimed_one_after_another_in_one_call(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    await subscribe(client, tenant, url)
    await take_in(client, *(event(tenant.tenant_id) for _ in range(5)))
    assert await deliver_due(worker(world.service, worker_batch=2)) == 5
    assert len(world.receiver.at(url)) == 5
    assert {d["status"] for d in await deliveries_of(client, tenant)} == {"delivered"}


async def test_a_secret_that_cannot_be_decrypted_fails_its_deliveries_only(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    subscription = await subscribe(client, tenant, url)
    await take_in(client, event(tenant.tenant_id))
    other_key = worker(world.service)
    other_key.box = Fernet(Fernet.generate_key())  # as if the secrets key had been changed
    assert await deliver_due(other_key) == 1
    assert world.receiver.at(url) == []
    found = await only_delivery(client, tenant, subscription)
    assert found["status"] == "failed"
    assert found["attempt_log"][0]["error"] == "the signing secret cannot be decrypted"


# --- SSRF -----------------------------------------------------------------------------------------

PRIVATE_URLS = [
    "http://127.0.0.1:8080/hook",
    "http://10.0.0.1/hook",
    "http://172.16.5.4/hook",
    "http://192.168.1.1/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/hook",
    "http://0.0.0.0/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[fe80::1]/hook",
    "http://[fc00::1]/hook",
    "http://localhost:8080/hook",
]


@pytest.mark.parametrize("url", PRIVATE_URLS)
async def test_private_targets_are_refused_at_registration(
    world: World, tenant: TenantKey, url: str
) -> None:
    async with client_for(world.strict) as strict:
        body = {"url": url, "event_types": ["*"]}
        refused = await strict.post(SUBSCRIPTIONS, json=body, headers=tenant.headers)
        problem = assert_problem(refused, 422, "/url")
        assert "public addresses" in problem["detail"]


@pytest.mark.parametrize(
    "url",
    ["ftp://93.184.215.14/hook", "http://user:pw@93.184.215.14/hook", "file:///etc/passwd"],
)
async def test_other_schemes_and_credentials_are_refused_even_where_private_is_allowed(
    world: World, client: httpx.AsyncClient, tenant: TenantKey, url: str
) -> None:
    body = {"url": url, "event_types": ["*"]}
    refused = await client.post(SUBSCRIPTIONS, json=body, headers=tenant.headers)
    assert_problem(refused, 422, "/url")


async def test_a_private_url_is_refused_when_changed_to_and_at_send_time(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    subscription = await subscribe(client, tenant, url)  # allowed where private targets are
    async with client_for(world.strict) as strict:
        path = f"{SUBSCRIPTIONS}/{subscription['id']}"
        changed = await strict.patch(
            path, json={"url": "http://169.254.169.254/"}, headers=tenant.headers
        )
        assert_problem(changed, 422, "/url")
        # Public IP literals need no DNS lookup, so nothing leaves the machine here.
        allowed = await strict.patch(
            path, json={"description": "via strict"}, headers=tenant.headers
        )
        assert allowed.status_code == 200, allowed.text
    await take_in(client, event(tenant.tenant_id))
    assert await deliver_due(worker(world.service, allow_private_targets=False)) == 1
    assert world.receiver.at(url) == []  # no connection was made
    found = await only_delivery(client, tenant, subscription)
    assert found["status"] == "failed"
    (attempt,) = found["attempt_log"]
    assert (attempt["status_code"], attempt["error"]) == (None, "refused: private address")
    clock = FakeClock(at(found["next_attempt_at"]))
    assert await deliver_due(worker(world.service, clock)) == 1  # allowed again: delivered
    assert len(world.receiver.at(url)) == 1


# --- the intake -----------------------------------------------------------------------------------


async def events_stored(world: World, ids: list[str]) -> int:
    async with world.service.state.sessionmaker() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(DomainEventRow)
            .where(DomainEventRow.id.in_([uuid.UUID(i) for i in ids]))  # type: ignore[attr-defined]
        )
    return int(count or 0)


@pytest.mark.parametrize("spoil", ["unsigned", "wrong_secret", "tampered", "stale"])
async def test_an_unsigned_or_badly_signed_batch_is_401_and_stores_nothing(
    world: World, client: httpx.AsyncClient, tenant: TenantKey, spoil: str
) -> None:
    await subscribe(client, tenant, world.receiver.hook())
    sent = event(tenant.tenant_id)
    body = json.dumps({"events": [sent]}).encode()
    signature = {
        "unsigned": "",
        "wrong_secret": sign_batch("another-secret-0123456789abcdef", body),
        "tampered": sign_batch(TEST_SECRET, body.replace(b"inventory", b"inventorz")),
        "stale": sign_batch(TEST_SECRET, body, now=utcnow().timestamp() - 600),
    }[spoil]
    response = await post_events(client, sent, signature=signature)
    assert_problem(response, 401)
    assert await events_stored(world, [sent["id"]]) == 0
    assert await deliveries_of(client, tenant) == []


async def test_a_batch_is_stored_once_however_often_it_comes(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    subscription = await subscribe(client, tenant, world.receiver.hook())
    batch = [event(tenant.tenant_id), event(tenant.tenant_id, "tool.retired")]
    first = await post_events(client, *batch, batch[0])  # an id twice in one batch, too
    assert first.status_code == 200, first.text
    assert first.json() == {"received": 3, "stored": 2}
    again = await post_events(client, *batch)
    assert again.json() == {"received": 2, "stored": 0}
    assert await events_stored(world, [e["id"] for e in batch]) == 2
    owed = await deliveries_of(client, tenant, subscription_id=subscription["id"])
    assert sorted(d["event_id"] for d in owed) == sorted(e["id"] for e in batch)
    invalid = await post_events(client, {**event(tenant.tenant_id), "type": ""})
    assert_problem(invalid, 422, "/events/0/type")


async def test_only_matching_enabled_subscriptions_are_owed_an_event(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    hook = world.receiver.hook()
    patterns = {
        "exact": ["tool.created"],
        "family": ["tool.*"],
        "everything": ["*"],
        "other_family": ["unit.*"],
        "two": ["unit.created", "tool.retired"],
    }
    subs = {name: await subscribe(client, tenant, hook, *types) for name, types in patterns.items()}
    disabled = await subscribe(client, tenant, hook, "*")
    await client.patch(
        f"{SUBSCRIPTIONS}/{disabled['id']}", json={"enabled": False}, headers=tenant.headers
    )
    await take_in(
        client,
        event(tenant.tenant_id, "tool.created"),
        event(tenant.tenant_id, "tool.retired"),
        event(tenant.tenant_id, "unit.created"),
    )
    owed = await deliveries_of(client, tenant)
    by_subscription = {
        name: sorted(d["event_type"] for d in owed if d["subscription_id"] == sub["id"])
        for name, sub in subs.items()
    }
    assert by_subscription == {
        "exact": ["tool.created"],
        "family": ["tool.created", "tool.retired"],
        "everything": ["tool.created", "tool.retired", "unit.created"],
        "other_family": ["unit.created"],
        "two": ["tool.retired", "unit.created"],
    }
    assert all(d["subscription_id"] != disabled["id"] for d in owed)
    assert {d["status"] for d in owed} == {"pending"}


async def test_tenants_never_see_each_others_events_subscriptions_or_deliveries(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    other = await new_tenant(world.lenient)
    mine = await subscribe(client, tenant, world.receiver.hook())
    theirs_url = world.receiver.hook()
    theirs = await subscribe(client, other, theirs_url)
    await take_in(client, event(tenant.tenant_id))
    assert await deliver_due(worker(world.service)) == 1
    assert world.receiver.at(theirs_url) == []
    assert await deliveries_of(client, other) == []
    assert await deliveries_of(client, other, subscription_id=mine["id"]) == []
    (owed,) = await deliveries_of(client, tenant)
    assert owed["subscription_id"] == mine["id"]
    for method, path in [
        ("GET", f"{DELIVERIES}/{owed['id']}"),
        ("POST", f"{DELIVERIES}/{owed['id']}/redeliver"),
        ("GET", f"{SUBSCRIPTIONS}/{mine['id']}"),
        ("PATCH", f"{SUBSCRIPTIONS}/{mine['id']}"),
        ("POST", f"{SUBSCRIPTIONS}/{mine['id']}/secret"),
        ("DELETE", f"{SUBSCRIPTIONS}/{mine['id']}"),
    ]:
        body: dict[str, Any] | None = {} if method in ("PATCH", "POST") else None
        response = await client.request(method, path, json=body, headers=other.headers)
        assert_problem(response, 404)
    listed = (await client.get(SUBSCRIPTIONS, headers=other.headers)).json()["items"]
    assert [s["id"] for s in listed] == [theirs["id"]]
    assert (await delivery(client, tenant, owed["id"]))["status"] == "delivered"


# --- subscriptions and the log --------------------------------------------------------------------


async def test_subscriptions_are_listed_changed_and_deleted(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    url = world.receiver.hook()
    created = await client.post(
        SUBSCRIPTIONS,
        json={"url": url, "event_types": ["tool.*", "tool.*"], "description": " CRM sync "},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    first = created.json()
    assert created.headers["location"] == f"{SUBSCRIPTIONS}/{first['id']}"
    assert created.headers["etag"] == '"1"'
    assert (first["event_types"], first["description"], first["enabled"]) == (
        ["tool.*"],
        "CRM sync",
        True,
    )
    for _ in range(2):
        await subscribe(client, tenant, url)
    listed = await walk_pages(authed(client, tenant), SUBSCRIPTIONS, limit=2)
    assert [s["id"] for s in listed][:1] == [first["id"]]
    assert len(listed) == 3
    assert all("secret" not in s for s in listed)

    path = f"{SUBSCRIPTIONS}/{first['id']}"
    stale = await client.patch(
        path, json={"description": "x"}, headers={**tenant.headers, "if-match": '"7"'}
    )
    assert_problem(stale, 412)
    assert_problem(
        await client.patch(path, json={"url": None}, headers=tenant.headers), 422, "/url"
    )
    changed = await client.patch(
        path,
        json={"event_types": ["unit.created"], "description": None},
        headers={**tenant.headers, "if-match": '"1"'},
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["event_types"], changed.json()["description"]) == (
        ["unit.created"],
        None,
    )
    assert (changed.json()["version"], changed.headers["etag"]) == (2, '"2"')

    reader = await new_tenant(world.lenient, scopes=["inventory:read"])
    assert_problem(await client.get(SUBSCRIPTIONS, headers=reader.headers), 403)
    assert_problem(await client.get(DELIVERIES, headers=reader.headers), 403)

    await take_in(client, event(tenant.tenant_id, "unit.created"))
    assert (await client.delete(path, headers=tenant.headers)).status_code == 204
    assert_problem(await client.get(path, headers=tenant.headers), 404)
    assert await deliveries_of(client, tenant, subscription_id=first["id"]) == []


async def test_the_delivery_log_filters_and_pages_newest_first(
    world: World, client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    ok = await subscribe(client, tenant, world.receiver.hook())
    failing = await subscribe(client, tenant, world.receiver.hook(Reply(500)), "tool.created")
    await take_in(client, event(tenant.tenant_id, "tool.created"))
    await take_in(client, event(tenant.tenant_id, "unit.created"))
    await take_in(client, event(tenant.tenant_id, "tool.created"))
    await deliver_due(worker(world.service))

    everything = await deliveries_of(client, tenant, limit=2)
    assert len(everything) == 5
    created = [at(d["created_at"]) for d in everything]
    assert created == sorted(created, reverse=True)
    assert len({d["id"] for d in everything}) == 5
    failed = await deliveries_of(client, tenant, status="failed")
    assert [d["subscription_id"] for d in failed] == [failing["id"], failing["id"]]
    units = await deliveries_of(client, tenant, event_type="unit.created")
    assert [(d["subscription_id"], d["status"]) for d in units] == [(ok["id"], "delivered")]
    assert len(await deliveries_of(client, tenant, subscription_id=ok["id"])) == 3
    refused = await client.get(DELIVERIES, params={"status": "lost"}, headers=tenant.headers)
    assert_problem(refused, 422)
    unknown = f"{DELIVERIES}/{uuid.uuid4()}"
    assert_problem(await client.get(unknown, headers=tenant.headers), 404)
    attempts = await _attempt_count(world, [d["id"] for d in everything])
    assert attempts == 5


async def _attempt_count(world: World, delivery_ids: list[str]) -> int:
    async with world.service.state.sessionmaker() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(DeliveryAttemptRow)
            .where(
                DeliveryAttemptRow.delivery_id.in_([uuid.UUID(i) for i in delivery_ids])  # type: ignore[attr-defined]
            )
        )
    return int(count or 0)
