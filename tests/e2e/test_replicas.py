"""Replicas proven correct on one machine: two processes of every service (their relays,
renewal sweeps and webhook workers running in both) on one PostgreSQL and one Redis, nginx in
front of the two gateways and of each service's two replicas (tests/e2e/replicas.py).

A mixed workload goes through nginx: API keys, tools with contracts, units, people,
assessments, the sample CSV imported, CRM deliveries (some sent twice), with two webhook
subscriptions posting to a receiver in this test. Midway one replica of every service is
killed with SIGKILL. Then:

1. a key's rate limit is one budget across the two gateways (Redis);
2. a revoked key stops working on both gateways within `key_cache_seconds`;
3. every domain event the services recorded reached the webhooks service once and was delivered
   once to each subscription it matches (the receiver always answers 2xx), and no other;
4. every CRM event is in the inbox once, processed, and made one outcome;
5. every due renewal was announced once, and no renewal that is not due;
6. what got a 2xx is there, nothing came back as 500, nginx went around the dead replicas.

Where the kill lands. Deliveries and writes with an Idempotency-Key are claimed by a process
for a while, and a claim that process never finishes blocks that work for the claim's life:
a webhook delivery leased to a killed worker is retried when its lease ends (at least 30 s), and
a POST whose Idempotency-Key was claimed by a killed replica is answered 409 for the key's lock
(60 s) before it may be retried. A kill at the very moment a receiver has answered 2xx but the
worker has not recorded it would also send that delivery again (at least once is what a webhook
sender can promise; it is why deliveries carry webhook-id). So the gateway is killed with writes
in flight (its clients retry them through the other one, with their Idempotency-Key), and the
other services are killed with reads, CRM deliveries, relays, sweeps and the worker running,
between two writes of the clients and while no delivery is leased (checked under a lock on the
deliveries' table, which holds off new claims for that instant).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import csv
import hashlib
import hmac
import json
import os
import signal
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiohttp import web
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks.webhooks import Webhook

from mops_gateway.keys.schemas import ApiKeyCreate
from mops_gateway.keys.service import create_key
from mops_gateway.tenants.service import create_tenant
from mops_shared.kit.auth import ApiScope
from mops_shared.kit.db import create_engine, create_sessionmaker
from tests.e2e.replicas import Cluster, cluster
from tests.support import SAMPLES, backend

REDIS_URL = os.environ.get("MOPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SAMPLE_CSV = SAMPLES / "martech_inventory_sample.csv"
KEY_CACHE_SECONDS = 2.0
REVOCATION_MARGIN_SECONDS = 1.5
HORIZON_DAYS = 60
HUBSPOT_URL = "https://hooks.example.com/mops/hubspot"
HUBSPOT_SECRET = "replicas-0000-4000-8000-hubspotsecret"
HUBSPOT_PORTAL = 62515
SETTLE_TIMEOUT = 45.0
REQUEST_DEADLINE = 30.0

SETTINGS = {
    "MOPS_GATEWAY_KEY_CACHE_SECONDS": str(KEY_CACHE_SECONDS),
    # The workload's keys are not to be held back (the rate-limit check uses a key with a
    # limit of its own, far lower).
    "MOPS_GATEWAY_RATE_LIMIT_PER_MINUTE": "100000",
    "MOPS_GATEWAY_RATE_LIMIT_BURST": "10000",
    "MOPS_RELAY_POLL_SECONDS": "0.2",
    "MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS": "1",
    "MOPS_INVENTORY_RENEWAL_HORIZON_DAYS": str(HORIZON_DAYS),
    # The receiver listens on loopback.
    "MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS": "true",
    "MOPS_WEBHOOKS_WORKER_POLL_SECONDS": "0.2",
    # A CRM event claimed by the killed worker is due again soon, and so is one whose outcome
    # could not be recorded while an inventory replica was going down.
    "MOPS_WEBHOOKS_WORKER_LEASE_SECONDS": "3",
    "MOPS_WEBHOOKS_INBOX_RETRY_BASE_SECONDS": "1",
}
# The second subscription's filter, and the same rule written here to count what it is owed.
FILTERED_TYPES = ["tool.*", "contract.renewal_due", "outcome.recorded"]


def matches_filter(event_type: str) -> bool:
    return event_type.startswith("tool.") or event_type in FILTERED_TYPES


# --- the subscriber -----------------------------------------------------------------------------


@dataclass
class Receiver:
    """A webhook subscriber on loopback: records every delivery (subscription, webhook-id, the
    request) and always answers 204."""

    deliveries: list[tuple[str, str, bytes, dict[str, str]]] = field(default_factory=list)
    port: int = 0

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.deliveries.append(
            (request.match_info["name"], request.headers["webhook-id"], body, dict(request.headers))
        )
        return web.Response(status=204)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/{name}"

    def ids(self, name: str) -> Counter[str]:
        return Counter(i for sub, i, _, _ in self.deliveries if sub == name)


@contextlib.asynccontextmanager
async def receiving() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    app = web.Application()
    app.router.add_post("/hooks/{name}", receiver.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    receiver.port = int(runner.addresses[0][1])
    try:
        yield receiver
    finally:
        await runner.cleanup()


# --- a client that retries as a real one does -----------------------------------------------------


RETRIED_STATUSES = {502, 503, 504}


@dataclass
class Client:
    """Requests through nginx. A 502/503/504 or a broken connection is retried (a POST with the
    same Idempotency-Key, so it is never carried out twice), and so is a 409 that says the
    first try of that key is still being processed. Writes wait while `writes` is closed; the
    test closes it for the instant of a kill once none is in flight."""

    http: httpx.AsyncClient
    statuses: Counter[int] = field(default_factory=Counter)
    retries: int = 0
    done: int = 0
    writes_in_flight: int = 0
    writes: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.writes.set()

    async def send(
        self,
        method: str,
        path: str,
        key: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        idempotent: bool = True,
    ) -> httpx.Response:
        sent_headers = {"authorization": f"Bearer {key}", **(headers or {})}
        if method == "POST" and idempotent:
            sent_headers["idempotency-key"] = uuid.uuid4().hex
        gated = method != "GET"
        if gated:
            await self.writes.wait()
            self.writes_in_flight += 1
        try:
            return await self._send(method, path, sent_headers, json_body, content)
        finally:
            if gated:
                self.writes_in_flight -= 1
            self.done += 1

    async def _send(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        json_body: Any,
        content: bytes | None,
    ) -> httpx.Response:
        deadline = time.monotonic() + REQUEST_DEADLINE
        while True:
            try:
                response = await self.http.request(
                    method, path, json=json_body, content=content, headers=headers
                )
            except httpx.TransportError:
                response = None
            if response is not None:
                self.statuses[response.status_code] += 1
                in_progress = response.status_code == 409 and "still being processed" in (
                    response.text
                )
                if response.status_code not in RETRIED_STATUSES and not in_progress:
                    return response
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{method} {path}: no answer but retries for {REQUEST_DEADLINE:.0f} s "
                    f"(last: {response.status_code if response else 'no connection'})"
                )
            self.retries += 1
            await asyncio.sleep(0.1)

    async def pause_writes(self, timeout: float = 15.0) -> None:
        self.writes.clear()
        deadline = time.monotonic() + timeout
        while self.writes_in_flight:
            assert time.monotonic() < deadline, "writes still in flight"
            await asyncio.sleep(0.01)


def expect(response: httpx.Response, *statuses: int) -> dict[str, Any]:
    assert response.status_code in statuses, (
        f"{response.request.method} {response.request.url}: {response.status_code} "
        f"{response.text[:500]}"
    )
    body: dict[str, Any] = response.json() if response.content else {}
    return body


# --- the workload -------------------------------------------------------------------------------


def hubspot_headers(body: bytes) -> dict[str, str]:
    """Signed as HubSpot signs (v3): base64 HMAC-SHA256 of method, URI, body and timestamp."""
    stamp = str(int(time.time() * 1000))
    signed = b"POST" + HUBSPOT_URL.encode() + body + stamp.encode()
    digest = hmac.new(HUBSPOT_SECRET.encode(), signed, hashlib.sha256).digest()
    return {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": stamp,
        "x-hubspot-signature-v3": base64.b64encode(digest).decode(),
    }


@dataclass
class Workload:
    client: Client
    key: str
    receive_path: str
    framework_id: str
    today: date
    # What a 2xx said was created: (the path to read it at, what it is).
    created: list[str] = field(default_factory=list)
    assessments: list[str] = field(default_factory=list)
    crm_batches: list[bytes] = field(default_factory=list)
    crm_identities: set[str] = field(default_factory=set)
    contacts: set[str] = field(default_factory=set)
    due_contracts: set[str] = field(default_factory=set)
    later_contracts: set[str] = field(default_factory=set)
    next_contact: int = 1000

    async def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return expect(await self.client.send("POST", path, self.key, json_body=body), 201)

    async def tool_with_contract(self, tag: str, n: int, due: bool) -> None:
        tool = await self.post(
            "/v1/inventory/tools", {"name": f"{tag} tool {n}", "status": "active"}
        )
        self.created.append(f"/v1/inventory/tools/{tool['id']}")
        renewal = self.today + timedelta(days=(5 + n) if due else HORIZON_DAYS + 100 + n)
        contract = await self.post(
            f"/v1/inventory/tools/{tool['id']}/contracts",
            {
                "annual_cost": {"amount_minor": 100_000 + n, "currency": "EUR"},
                "renewal_date": renewal.isoformat(),
            },
        )
        self.created.append(f"/v1/inventory/contracts/{contract['id']}")
        (self.due_contracts if due else self.later_contracts).add(contract["id"])

    async def unit_with_people(self, tag: str, n: int) -> None:
        unit = await self.post(
            "/v1/org/units", {"name": f"{tag} unit {n}", "type": "business_unit"}
        )
        self.created.append(f"/v1/org/units/{unit['id']}")
        for p in range(2):
            person = await self.post(
                "/v1/org/people",
                {
                    "name": f"{tag} person {n}.{p}",
                    "email": f"{tag}.{n}.{p}@replicas.example",
                    "unit_id": unit["id"],
                },
            )
            self.created.append(f"/v1/org/people/{person['id']}")

    async def assessment(self, tag: str, n: int) -> None:
        name = f"{tag} assessment {n}"
        created = await self.post(
            "/v1/scoring/assessments", {"framework_id": self.framework_id, "name": name}
        )
        self.created.append(f"/v1/scoring/assessments/{created['id']}")
        self.assessments.append(name)

    async def crm_batch(self, resend: int | None = None) -> None:
        """A HubSpot batch of three new contacts from paid search (each one lead), or one sent
        before once more, as a CRM does when it missed the answer."""
        if resend is None:
            events = []
            for _ in range(3):
                self.next_contact += 1
                event_id = 10_000 + self.next_contact
                events.append(
                    {
                        "eventId": event_id,
                        "subscriptionType": "contact.propertyChange",
                        "objectId": self.next_contact,
                        "occurredAt": 1764300000000 + self.next_contact,
                        "portalId": HUBSPOT_PORTAL,
                        "attemptNumber": 0,
                        "propertyName": "hs_analytics_source",
                        "propertyValue": "PAID_SEARCH",
                    }
                )
                self.crm_identities.add(f"hubspot:{HUBSPOT_PORTAL}:{event_id}")
                self.contacts.add(str(self.next_contact))
            body = json.dumps(events).encode()
            self.crm_batches.append(body)
        else:
            body = self.crm_batches[resend]
        response = await self.client.send(
            "POST", self.receive_path, self.key, content=body, headers=hubspot_headers(body)
        )
        answer = expect(response, 200)
        assert answer["received"] == 3, answer
        if resend is None:
            # New events, unless an earlier try of this very request was taken before its
            # answer was lost (the client retried it).
            assert answer["stored"] == 3 or self.client.retries, answer

    async def reads(self) -> None:
        for path in ("/v1/inventory/tools", "/v1/org/units", "/v1/scoring/assessments"):
            expect(await self.client.send("GET", path, self.key), 200)


async def run_all(jobs: list[Callable[[], Awaitable[None]]], concurrency: int = 4) -> None:
    queue = iter(jobs)

    async def worker() -> None:
        for job in queue:  # shared: each worker takes the next job not yet taken
            await job()

    await asyncio.gather(*(worker() for _ in range(concurrency)))


def phase_jobs(work: Workload, tag: str, size: int, resend: list[int]) -> list[Any]:
    jobs: list[Any] = []
    for n in range(size):
        jobs.append(lambda n=n: work.tool_with_contract(tag, n, due=n % 3 != 2))
        jobs.append(lambda n=n: work.unit_with_people(tag, n))
        jobs.append(lambda n=n: work.assessment(tag, n))
        jobs.append(work.crm_batch)
        jobs.append(work.reads)
    jobs += [lambda i=i: work.crm_batch(resend=i) for i in resend]
    return jobs


# --- the databases, read directly ---------------------------------------------------------------


@contextlib.asynccontextmanager
async def engines(urls: dict[str, str]) -> AsyncIterator[dict[str, AsyncEngine]]:
    made = {service: create_engine(url, pool_size=2) for service, url in urls.items()}
    try:
        yield made
    finally:
        for engine in made.values():
            await engine.dispose()


async def rows(engine: AsyncEngine, sql: str, **params: Any) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(text(sql), params)).all())


async def produced_events(dbs: dict[str, AsyncEngine], tenant_id: uuid.UUID) -> list[Any]:
    """(id, type, data) of every event the domain services recorded for the tenant."""
    found: list[Any] = []
    for service in ("inventory", "org", "scoring"):
        found += await rows(
            dbs[service],
            "SELECT id, type, data FROM outbox_events WHERE tenant_id = :t",
            t=tenant_id,
        )
    return found


async def unsettled(
    dbs: dict[str, AsyncEngine], tenant_id: uuid.UUID, receiver: Receiver, due: set[str]
) -> list[str]:
    """What is still on its way: empty once everything has been relayed, delivered, processed
    and announced."""
    waiting: list[str] = []
    for service in ("inventory", "org", "scoring"):
        (count,) = (
            await rows(
                dbs[service], "SELECT count(*) FROM outbox_events WHERE published_at IS NULL"
            )
        )[0]
        if count:
            waiting.append(f"{count} {service} events not relayed")
    (open_deliveries,) = (
        await rows(
            dbs["webhooks"],
            "SELECT count(*) FROM webhook_deliveries WHERE status IN ('pending', 'failed')",
        )
    )[0]
    if open_deliveries:
        waiting.append(f"{open_deliveries} deliveries open")
    (open_inbox,) = (
        await rows(
            dbs["webhooks"],
            "SELECT count(*) FROM webhook_inbox WHERE status IN ('pending', 'failed')",
        )
    )[0]
    if open_inbox:
        waiting.append(f"{open_inbox} CRM events not processed")
    announced = {
        row.data["id"]
        for row in await produced_events(dbs, tenant_id)
        if row.type == "contract.renewal_due"
    }
    if missing := due - announced:
        waiting.append(f"{len(missing)} due renewals not announced")
    produced = {str(row.id) for row in await produced_events(dbs, tenant_id)}
    if missing := produced - set(receiver.ids("all")):
        waiting.append(f"{len(missing)} events not delivered")
    return waiting


# --- the test -----------------------------------------------------------------------------------


async def bootstrap_admin(url: str) -> tuple[uuid.UUID, str]:
    """A tenant and its admin key, written to the gateway's database as `mops run` does."""
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            tenant = await create_tenant(session, f"replicas-{uuid.uuid4().hex[:8]}")
            created = await create_key(
                session, tenant.id, ApiKeyCreate(name="replicas-admin", scopes=[ApiScope.admin])
            )
        return tenant.id, created.key
    finally:
        await engine.dispose()


async def shared_rate_limit(c: Cluster, admin: str) -> None:
    """1. A key's budget spent through one gateway is refused through the other."""
    async with httpx.AsyncClient(timeout=10, trust_env=False) as http:
        created = expect(
            await http.post(
                f"{c.url()}/v1/admin/keys",
                json={
                    "name": "limited",
                    "scopes": ["org:read"],
                    "rate_limit": {"requests_per_minute": 1, "burst": 4},
                },
                headers={"authorization": f"Bearer {admin}"},
            ),
            201,
        )
        auth = {"authorization": f"Bearer {created['key']}"}
        a, b = c.replica("gateway", "a").url, c.replica("gateway", "b").url
        statuses = [
            (await http.get(f"{gateway}/v1/org/units", headers=auth)).status_code
            for gateway in (a, b, a, b, a, b)
        ]
    assert statuses == [200, 200, 200, 200, 429, 429]


async def revocation_reaches_both_gateways(c: Cluster, admin: str) -> float:
    """2. A revoked key is refused by the gateway that revoked it at once, and by the other
    within its key cache's lifetime; the seconds the other took."""
    async with httpx.AsyncClient(timeout=10, trust_env=False) as http:
        admin_auth = {"authorization": f"Bearer {admin}"}
        created = expect(
            await http.post(
                f"{c.url()}/v1/admin/keys",
                json={"name": "revoked", "scopes": ["org:read"]},
                headers=admin_auth,
            ),
            201,
        )
        auth = {"authorization": f"Bearer {created['key']}"}
        a, b = c.replica("gateway", "a").url, c.replica("gateway", "b").url
        for gateway in (a, b):  # both have read (and cached) it
            expect(await http.get(f"{gateway}/v1/org/units", headers=auth), 200)
        expect(
            await http.post(f"{a}/v1/admin/keys/{created['id']}/revoke", headers=admin_auth), 200
        )
        revoked_at = time.monotonic()
        assert (await http.get(f"{a}/v1/org/units", headers=auth)).status_code == 401
        bound = KEY_CACHE_SECONDS + REVOCATION_MARGIN_SECONDS
        while (status := (await http.get(f"{b}/v1/org/units", headers=auth)).status_code) != 401:
            assert status == 200, status
            took = time.monotonic() - revoked_at
            assert took < bound, f"the other gateway still takes the key after {took:.1f} s"
            await asyncio.sleep(0.05)
        took = time.monotonic() - revoked_at
        assert took < bound
        assert (await http.get(f"{c.url()}/v1/org/units", headers=auth)).status_code == 401
        return took


async def kill_replicas(c: Cluster, client: Client, webhooks_db: AsyncEngine) -> None:
    """6. Kills replica `a` of every service with SIGKILL: the gateway with writes in flight,
    the others between two writes and while no delivery is leased (see the module's
    docstring)."""
    started = client.done
    deadline = time.monotonic() + 15
    while client.done < started + 8 or not client.writes_in_flight:
        assert time.monotonic() < deadline, "no write in flight to kill the gateway under"
        await asyncio.sleep(0.005)
    c.replica("gateway", "a").kill()  # with a write in flight: nothing awaited since the check
    killed_at = client.done
    while client.done < killed_at + 8:  # served through the other gateway meanwhile
        assert time.monotonic() < deadline, "nothing served after the gateway's kill"
        await asyncio.sleep(0.01)
    deadline = time.monotonic() + 15
    await client.pause_writes()
    try:
        while True:
            async with webhooks_db.connect() as conn, conn.begin():
                await conn.execute(text("LOCK TABLE webhook_deliveries IN EXCLUSIVE MODE"))
                leased = await conn.scalar(
                    text(
                        "SELECT count(*) FROM webhook_deliveries "
                        "WHERE status IN ('pending', 'failed') AND next_attempt_at > now()"
                    )
                )
                if not leased:
                    for service in ("inventory", "org", "scoring", "webhooks"):
                        c.replica(service, "a").kill()
                    return
            assert time.monotonic() < deadline, "deliveries stayed leased for 15 s"
            await asyncio.sleep(0.02)
    finally:
        client.writes.set()


async def read_continuously(client: Client, key: str, stop: asyncio.Event) -> int:
    """GETs through nginx the whole time: each must come back 200 (nginx passes a GET that
    met a dead replica to the live one)."""
    count = 0
    while not stop.is_set():
        for path in ("/v1/inventory/tools?limit=5", "/v1/org/people?limit=5", "/healthz"):
            expect(await client.send("GET", path, key), 200)
            count += 1
    return count


@pytest.mark.asyncio
@pytest.mark.postgres_only
@pytest.mark.skipif(
    backend() != "postgres", reason="the replicas share one PostgreSQL (their row locks)"
)
async def test_two_replicas_of_every_service_lose_nothing_and_repeat_nothing(
    tmp_path: Path,
) -> None:
    started = time.monotonic()
    async with receiving() as receiver:
        async with cluster(tmp_path, REDIS_URL, SETTINGS) as c:
            try:
                await scenario(c, receiver)
            except BaseException:
                print(f"the processes' logs:\n{c.logs()}")  # noqa: T201 - shown on failure
                raise
            for service in ("gateway", "inventory", "org", "scoring", "webhooks"):
                killed, survivor = c.replica(service, "a"), c.replica(service, "b")
                assert killed.process is not None
                assert killed.process.returncode == -signal.SIGKILL
                assert survivor.running(), survivor.log_tail()
    assert time.monotonic() - started < 120


async def scenario(c: Cluster, receiver: Receiver) -> None:
    tenant_id, admin = await bootstrap_admin(c.database_urls["gateway"])
    await shared_rate_limit(c, admin)
    revocation_seconds = await revocation_reaches_both_gateways(c, admin)
    assert revocation_seconds < KEY_CACHE_SECONDS + REVOCATION_MARGIN_SECONDS

    limits = httpx.Limits(max_connections=32, max_keepalive_connections=16)
    async with (
        httpx.AsyncClient(base_url=c.url(), timeout=30, limits=limits, trust_env=False) as http,
        engines(c.database_urls) as dbs,
    ):
        client = Client(http)
        # API keys: one for the workload, made through nginx with the admin key.
        scopes = [s.value for s in ApiScope if s is not ApiScope.admin]
        key = expect(
            await client.send(
                "POST", "/v1/admin/keys", admin, json_body={"name": "workload", "scopes": scopes}
            ),
            201,
        )
        work_key = key["key"]
        created_keys = [f"/v1/admin/keys/{key['id']}"]

        # Subscriptions first: an event is owed to the subscriptions there when it comes in.
        secrets: dict[str, str] = {}
        for name, types in (("all", ["*"]), ("filtered", FILTERED_TYPES)):
            sub = expect(
                await client.send(
                    "POST",
                    "/v1/webhooks/subscriptions",
                    work_key,
                    json_body={"url": receiver.url(name), "event_types": types},
                ),
                201,
            )
            secrets[name] = sub["secret"]
        connection = expect(
            await client.send(
                "POST",
                "/v1/webhooks/connections",
                work_key,
                json_body={
                    "provider": "hubspot",
                    "name": "HubSpot",
                    "public_url": HUBSPOT_URL,
                    "secret": HUBSPOT_SECRET,
                    "currency": "EUR",
                    "attribution_rules": [
                        {
                            "property": "hs_analytics_source",
                            "equals": "PAID_SEARCH",
                            "tool_name": "Google Ads",
                        }
                    ],
                },
            ),
            201,
        )
        ads = expect(
            await client.send(
                "POST",
                "/v1/inventory/tools",
                work_key,
                json_body={"name": "Google Ads", "status": "active"},
            ),
            201,
        )
        frameworks = expect(
            await client.send("GET", "/v1/scoring/frameworks?key=five_forces", work_key), 200
        )
        work = Workload(
            client=client,
            key=work_key,
            receive_path=connection["receive_path"],
            framework_id=frameworks["items"][0]["id"],
            today=datetime.now(UTC).date(),
        )
        work.created.append(f"/v1/inventory/tools/{ads['id']}")

        # Phase 1: everything at once, both replicas of everything up; the sample CSV with it.
        async def import_sample() -> None:
            report = expect(
                await client.send(
                    "POST",
                    "/v1/inventory/imports",
                    work_key,
                    content=SAMPLE_CSV.read_bytes(),
                    headers={"content-type": "text/csv"},
                ),
                200,
            )
            with SAMPLE_CSV.open(newline="") as f:
                names = [row["name"] for row in csv.DictReader(f)]
            # Every row; Google Ads, made before, is updated by its row.
            assert (report["created"], report["updated"], report["failed"]) == (
                len(names) - 1,
                1,
                0,
            )
            assert "Google Ads" in names

        await run_all([import_sample, *phase_jobs(work, "one", 6, resend=[])])

        # Phase 2: the kill, in the middle of it; reads throughout.
        stop_reading = asyncio.Event()
        reader = asyncio.create_task(read_continuously(client, work_key, stop_reading))
        await asyncio.gather(
            run_all(phase_jobs(work, "two", 8, resend=[0, 1, 2])),
            kill_replicas(c, client, dbs["webhooks"]),
        )
        # Phase 3: after it, on the survivors alone.
        await run_all(phase_jobs(work, "three", 4, resend=[3, 4]))
        stop_reading.set()
        assert await reader > 0
        for n in range(2):
            made = expect(
                await client.send(
                    "POST",
                    "/v1/admin/keys",
                    admin,
                    json_body={"name": f"after {n}", "scopes": ["org:read"]},
                ),
                201,
            )
            created_keys.append(f"/v1/admin/keys/{made['id']}")
            expect(await client.send("GET", "/v1/org/units", made["key"]), 200)

        # The renewals due now: those the sweeps are to announce (the report's window rule).
        report = await walk(
            client, work_key, f"/v1/inventory/reports/renewals?within_days={HORIZON_DAYS}", "rows"
        )
        due = {r["contract_id"] for r in report if r["tool_status"] != "retired"}
        assert work.due_contracts <= due
        assert not work.later_contracts & due

        # Everything relayed, delivered, processed and announced: polled, with a deadline.
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while waiting := await unsettled(dbs, tenant_id, receiver, due):
            assert time.monotonic() < deadline, f"not settled: {waiting}"
            await asyncio.sleep(0.2)

        # 6. What got a 2xx is there (read through the survivors), and once.
        for path in work.created:
            expect(await client.send("GET", path, work_key), 200)
        for path in created_keys:
            expect(await client.send("GET", path, admin), 200)
        listed = await walk(client, work_key, "/v1/scoring/assessments")
        assert Counter(a["name"] for a in listed) == Counter(work.assessments)
        assert 500 not in client.statuses, client.statuses

        # 3. Each event taken in once, delivered once per subscription it matches, signed.
        events = await produced_events(dbs, tenant_id)
        produced = {str(row.id): row.type for row in events}
        assert len(produced) == len(events)
        assert {row.type.split(".")[0] for row in events} >= {
            "tool", "contract", "unit", "person", "assessment", "outcome",
        }  # fmt: skip
        taken_in = await rows(
            dbs["webhooks"], "SELECT id FROM webhook_events WHERE tenant_id = :t", t=tenant_id
        )
        assert Counter(str(row.id) for row in taken_in) == Counter(list(produced))
        assert receiver.ids("all") == Counter(list(produced))
        owed = {i for i, event_type in produced.items() if matches_filter(event_type)}
        assert receiver.ids("filtered") == Counter(owed)
        assert len(owed) < len(produced)
        for name, webhook_id, body, headers in receiver.deliveries:
            verified = Webhook(secrets[name]).verify(body, headers)
            assert verified["type"] == produced[webhook_id]
        statuses = await rows(
            dbs["webhooks"],
            "SELECT status, count(*) FROM webhook_deliveries WHERE tenant_id = :t GROUP BY status",
            t=tenant_id,
        )
        assert dict(statuses) == {"delivered": len(produced) + len(owed)}

        # 4. Each CRM event stored once, processed, and one lead per contact.
        inbox = await rows(
            dbs["webhooks"],
            "SELECT identity, status FROM webhook_inbox WHERE tenant_id = :t",
            t=tenant_id,
        )
        assert Counter(row.identity for row in inbox) == Counter(work.crm_identities)
        assert {row.status for row in inbox} == {"processed"}
        leads = await walk(client, work_key, f"/v1/inventory/outcomes?tool_id={ads['id']}")
        assert Counter(o["attributes"]["object_id"] for o in leads) == Counter(work.contacts)

        # 5. Each due renewal announced once, none that is not due.
        announced = Counter(row.data["id"] for row in events if row.type == "contract.renewal_due")
        assert announced == Counter(due)
        delivered_renewals = Counter(
            json.loads(body)["data"]["id"]
            for name, _, body, _ in receiver.deliveries
            if name == "filtered" and json.loads(body)["type"] == "contract.renewal_due"
        )
        assert delivered_renewals == Counter(due)


async def walk(
    client: Client, key: str, path: str, items_at: str = "items"
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    separator = "&" if "?" in path else "?"
    for _ in range(100):
        page_path = f"{path}{separator}limit=200" + (f"&cursor={cursor}" if cursor else "")
        page = expect(await client.send("GET", page_path, key), 200)
        items += page[items_at]
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError(f"{path}: pagination did not end")
