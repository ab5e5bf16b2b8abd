"""The outbox relay: a service's events reach the webhooks intake at least once, in order.

The intake here is a fake served on a loopback port (the webhooks service's own is tested with
that service); it checks the signature the way the real one must and records what it was sent. The
relay reads a real inventory database of its own (built by the migrations), emptied before each
test, since a relay takes every unpublished event whatever its tenant.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from pydantic import ValidationError
from sqlalchemy import delete, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from mops_inventory.config import InventorySettings
from mops_inventory.db import writes
from mops_shared.contracts.events import (
    EVENT_INTAKE_PATH,
    SIGNATURE_HEADER,
    EventBatch,
    IntakeReport,
    batch_signature_holds,
)
from mops_shared.kit.db import create_engine, create_sessionmaker
from mops_shared.kit.outbox import record_events
from mops_shared.kit.relay import OutboxRelay
from tests.support import (
    TEST_SECRET,
    backend,
    build_service_app,
    drop_postgres_database,
    migrate_async,
    new_database,
    new_principal,
    principal_headers,
    running,
    serve,
)

OUTBOX = writes.outbox
POLL = 0.25
Event = dict[str, Any]


class FakeIntake:
    """`POST EVENT_INTAKE_PATH`: refuses bad signatures (401), answers `statuses` in turn, then
    200 with an IntakeReport; `delay` seconds before each answer (until `release` is set)."""

    def __init__(self, statuses: list[int] | None = None, delay: float = 0.0) -> None:
        self.statuses = list(statuses or [])
        self.delay = delay
        self.release = asyncio.Event()  # ends every delay at once
        self.received: list[list[Event]] = []  # every signed batch, whatever it was answered
        self.accepted: list[list[Event]] = []  # the batches answered 200
        self.bad_signatures = 0
        self.in_flight = 0
        self.most_in_flight = 0
        self.app = Starlette(routes=[Route(EVENT_INTAKE_PATH, self.intake, methods=["POST"])])

    async def intake(self, request: Request) -> Response:
        body = await request.body()
        if not batch_signature_holds(TEST_SECRET, body, request.headers.get(SIGNATURE_HEADER)):
            self.bad_signatures += 1
            return JSONResponse({"detail": "bad signature"}, status_code=401)
        try:
            batch = EventBatch.model_validate_json(body)
        except ValidationError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=422)
        events = [event.model_dump(mode="json") for event in batch.events]
        self.received.append(events)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.release.wait(), timeout=self.delay)
        finally:
            self.in_flight -= 1
        status = self.statuses.pop(0) if self.statuses else 200
        if status != 200:
            return JSONResponse({"detail": "not now"}, status_code=status)
        self.accepted.append(events)
        report = IntakeReport(received=len(events), stored=len(events))
        return JSONResponse(report.model_dump())

    def accepted_ids(self) -> list[str]:
        return [event["id"] for batch in self.accepted for event in batch]


@asynccontextmanager
async def intake_served(intake: FakeIntake) -> AsyncIterator[str]:
    served = await serve(intake.app)
    try:
        yield served.url
    finally:
        await served.stop()


@pytest_asyncio.fixture(scope="module")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """An inventory database of this module's own: no other test's events in its outbox."""
    workdir: Path = tmp_path_factory.mktemp("relay")
    url, pg_name = await new_database("inventory", workdir)
    try:
        await migrate_async("inventory", url)
        yield url
    finally:
        if pg_name:
            await drop_postgres_database(pg_name)


@pytest_asyncio.fixture(scope="module")
async def inventory(database_url: str) -> AsyncIterator[FastAPI]:
    """The inventory app on that database, its own relay off (the suite's default)."""
    app = build_service_app("inventory", database_url, renewal_sweep_seconds=0)
    async with running(app):
        yield app


@pytest_asyncio.fixture(autouse=True)
async def empty_outbox(inventory: FastAPI) -> None:
    async with inventory.state.sessionmaker() as session:
        await session.execute(delete(OUTBOX))
        await session.commit()


@asynccontextmanager
async def relay_for(app: FastAPI, intake_url: str, **options: Any) -> AsyncIterator[OutboxRelay]:
    relay = OutboxRelay(
        service="inventory",
        outbox=OUTBOX,
        sessionmaker=app.state.sessionmaker,
        intake_url=intake_url,
        internal_secret=options.pop("internal_secret", TEST_SECRET),
        **options,
    )
    try:
        yield relay
    finally:
        await relay.stop()


async def add_events(app: FastAPI, occurred: list[datetime]) -> list[uuid.UUID]:
    """One event per timestamp, inserted in the order given; their ids, in that order."""
    tenant_id = uuid.uuid4()
    ids = [uuid.uuid4() for _ in occurred]
    rows: list[dict[str, Any]] = [
        {
            "id": event_id,
            "tenant_id": tenant_id,
            "type": "tool.updated",
            "occurred_at": at,
            "request_id": None,
            "data": {"n": n},
            "attempts": 0,
        }
        for n, (event_id, at) in enumerate(zip(ids, occurred, strict=True))
    ]
    async with app.state.sessionmaker() as session:
        await session.execute(OUTBOX.insert(), rows)
        await session.commit()
    return ids


async def outbox_row(app: FastAPI, event_id: uuid.UUID | str) -> dict[str, Any]:
    async with app.state.sessionmaker() as session:
        result = await session.execute(
            select(OUTBOX).where(OUTBOX.c.id == uuid.UUID(str(event_id)))
        )
        return dict(result.mappings().one())


async def unpublished(app: FastAPI) -> int:
    async with app.state.sessionmaker() as session:
        result = await session.execute(select(OUTBOX.c.id).where(OUTBOX.c.published_at.is_(None)))
        return len(result.all())


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class Pauses:
    """Records the relay's waits instead of sleeping; sets `stop` after `limit` of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seconds: list[float] = []

    async def __call__(self, stop: asyncio.Event, seconds: float) -> None:
        self.seconds.append(seconds)
        if len(self.seconds) >= self.limit:
            stop.set()


def earlier(seconds: int) -> datetime:
    return datetime.now(UTC) - timedelta(seconds=seconds)


async def wait_for(condition: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.05)


# --- delivery ------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_created_tool_reaches_the_intake_and_is_marked_published(
    database_url: str,
) -> None:
    intake = FakeIntake()
    async with intake_served(intake) as intake_url:
        app = build_service_app(
            "inventory",
            database_url,
            renewal_sweep_seconds=0,
            relay_enabled=True,
            webhooks_url=intake_url,
            relay_poll_seconds=0.05,
        )
        principal = new_principal()
        async with running(app):
            assert app.state.relay.running
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://inventory.test"
            ) as client:
                response = await client.post(
                    "/v1/inventory/tools",
                    json={"name": "Relayed CRM"},
                    headers=principal_headers(principal),
                )
            assert response.status_code == 201, response.text
            tool_id = response.json()["id"]

            async def published() -> bool:
                rows = [e for b in intake.accepted for e in b if e["type"] == "tool.created"]
                if not rows:
                    return False
                return (await outbox_row(app, rows[0]["id"]))["published_at"] is not None

            await wait_for(published)
            relay = app.state.relay
        assert not relay.running  # stopped with the app

    [event] = [e for batch in intake.accepted for e in batch]
    assert event["type"] == "tool.created"
    assert event["tenant_id"] == str(principal.tenant_id)
    assert event["service"] == "inventory"
    assert event["data"]["id"] == tool_id
    assert intake.bad_signatures == 0


@pytest.mark.asyncio
async def test_a_failed_post_leaves_the_event_to_be_sent_again(inventory: FastAPI) -> None:
    [event_id] = await add_events(inventory, [earlier(5)])
    intake = FakeIntake(statuses=[500])
    async with intake_served(intake) as url, relay_for(inventory, url) as relay:
        assert await relay.relay_once() == 0
        row = await outbox_row(inventory, event_id)
        assert row["published_at"] is None
        assert row["attempts"] == 1
        assert relay.failures == 1

        assert await relay.relay_once() == 1
        row = await outbox_row(inventory, event_id)
        assert row["published_at"] is not None
        assert row["attempts"] == 1
        assert relay.failures == 0

        assert await relay.relay_once() == 0  # published: not sent a third time
    assert [[e["id"] for e in batch] for batch in intake.received] == [[str(event_id)]] * 2
    assert intake.accepted_ids() == [str(event_id)]


@pytest.mark.asyncio
async def test_an_intake_that_is_down_costs_an_attempt_and_nothing_else(
    inventory: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    ids = await add_events(inventory, [earlier(3), earlier(2)])
    caplog.set_level(logging.DEBUG, logger="mops.relay")
    async with relay_for(inventory, f"http://127.0.0.1:{closed_port()}") as relay:
        assert await relay.relay_once() == 0
        assert await relay.relay_once() == 0
    for event_id in ids:
        row = await outbox_row(inventory, event_id)
        assert (row["published_at"], row["attempts"]) == (None, 2)
    warnings = [r for r in caplog.records if r.name == "mops.relay" and r.levelname == "WARNING"]
    assert len(warnings) == 1  # once per streak of failures


@pytest.mark.asyncio
async def test_a_batch_signed_with_another_secret_is_refused_and_kept(inventory: FastAPI) -> None:
    [event_id] = await add_events(inventory, [earlier(1)])
    intake = FakeIntake()
    async with (
        intake_served(intake) as url,
        relay_for(inventory, url, internal_secret="not-the-shared-secret") as relay,
    ):
        assert await relay.relay_once() == 0
    assert intake.bad_signatures == 1
    assert intake.accepted == []
    assert (await outbox_row(inventory, event_id))["published_at"] is None


@pytest.mark.asyncio
async def test_events_arrive_oldest_first_in_batches_of_at_most_the_batch_size(
    inventory: FastAPI,
) -> None:
    # Inserted out of order: the relay must order by occurred_at, not by insertion or id.
    ages = [30, 10, 50, 20, 60, 40, 0]
    ids = await add_events(inventory, [earlier(age) for age in ages])
    expected = [str(i) for _, i in sorted(zip(ages, ids, strict=True), key=lambda p: -p[0])]
    intake = FakeIntake()
    async with intake_served(intake) as url, relay_for(inventory, url, batch_size=3) as relay:
        sent = [await relay.relay_once() for _ in range(4)]
    assert sent == [3, 3, 1, 0]
    assert [len(batch) for batch in intake.accepted] == [3, 3, 1]
    assert intake.accepted_ids() == expected
    assert await unpublished(inventory) == 0


@pytest.mark.asyncio
async def test_a_bulk_write_s_events_go_out_in_the_order_they_were_recorded(
    inventory: FastAPI,
) -> None:
    principal = new_principal()
    async with inventory.state.sessionmaker() as session:
        await record_events(
            session, OUTBOX, principal, [("tool.created", {"n": n}) for n in range(40)]
        )
        await session.commit()
    intake = FakeIntake()
    async with intake_served(intake) as url, relay_for(inventory, url, batch_size=7) as relay:
        while await relay.relay_once():
            pass
    assert [event["data"]["n"] for batch in intake.accepted for event in batch] == list(range(40))


@pytest.mark.asyncio
@pytest.mark.postgres_only
@pytest.mark.skipif(
    backend() != "postgres", reason="SQLite has no row locks: only PostgreSQL skips claimed rows"
)
async def test_two_relays_racing_never_send_the_same_event_twice(inventory: FastAPI) -> None:
    ids = await add_events(inventory, [earlier(60 - n) for n in range(6)])
    intake = FakeIntake(delay=1.0)  # each relay holds its batch's locks for a second
    async with (
        intake_served(intake) as url,
        relay_for(inventory, url, batch_size=3) as first,
        relay_for(inventory, url, batch_size=3) as second,
    ):
        sent = await asyncio.gather(first.relay_once(), second.relay_once())
    assert sorted(sent) == [3, 3]
    received = [event["id"] for batch in intake.received for event in batch]
    assert sorted(received) == sorted(str(i) for i in ids)  # each once
    assert intake.most_in_flight == 2  # side by side: the second skipped the first's rows
    assert await unpublished(inventory) == 0


# --- the background loop -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_full_batch_is_followed_at_once_and_an_idle_relay_waits_the_poll_interval(
    inventory: FastAPI,
) -> None:
    await add_events(inventory, [earlier(10 - n) for n in range(5)])
    intake = FakeIntake()
    pauses = Pauses(limit=1)
    async with (
        intake_served(intake) as url,
        relay_for(inventory, url, batch_size=2, poll_seconds=POLL, pause=pauses) as relay,
    ):
        await relay.run(asyncio.Event())
    assert [len(batch) for batch in intake.accepted] == [2, 2, 1]
    assert pauses.seconds == [POLL]


@pytest.mark.asyncio
async def test_failures_back_off_exponentially_up_to_a_minute(
    inventory: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    await add_events(inventory, [earlier(1)])
    caplog.set_level(logging.DEBUG, logger="mops.relay")
    pauses = Pauses(limit=9)
    url = f"http://127.0.0.1:{closed_port()}"
    async with relay_for(inventory, url, poll_seconds=POLL, pause=pauses) as relay:
        await relay.run(asyncio.Event())
    assert pauses.seconds == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    warnings = [r for r in caplog.records if r.name == "mops.relay" and r.levelname == "WARNING"]
    assert len(warnings) == 1


@pytest.mark.asyncio
async def test_a_delivery_after_failures_ends_the_backoff(
    inventory: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    [event_id] = await add_events(inventory, [earlier(1)])
    caplog.set_level(logging.INFO, logger="mops.relay")
    intake = FakeIntake(statuses=[503, 500])
    pauses = Pauses(limit=3)
    async with (
        intake_served(intake) as url,
        relay_for(inventory, url, poll_seconds=POLL, pause=pauses) as relay,
    ):
        await relay.run(asyncio.Event())
        assert relay.failures == 0
    assert pauses.seconds == [1, 2, POLL]
    assert intake.accepted_ids() == [str(event_id)]
    assert (await outbox_row(inventory, event_id))["attempts"] == 2
    levels = [r.levelname for r in caplog.records if r.name == "mops.relay"]
    assert levels == ["WARNING", "INFO"]


@pytest.mark.asyncio
async def test_a_database_that_fails_is_retried_with_backoff_not_raised(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'inventory.db'}")
    pauses = Pauses(limit=3)
    relay = OutboxRelay(
        service="inventory",
        outbox=OUTBOX,
        sessionmaker=create_sessionmaker(engine),
        intake_url=f"http://127.0.0.1:{closed_port()}",
        internal_secret=TEST_SECRET,
        pause=pauses,
    )
    try:
        await relay.run(asyncio.Event())
    finally:
        await relay.stop()
        await engine.dispose()
    assert pauses.seconds == [1, 2, 4]


@pytest.mark.asyncio
async def test_stopping_cancels_a_round_that_outlasts_the_grace(inventory: FastAPI) -> None:
    [event_id] = await add_events(inventory, [earlier(1)])
    intake = FakeIntake(delay=5.0)
    async with intake_served(intake) as url, relay_for(inventory, url) as relay:

        async def posting() -> bool:
            return bool(intake.received)

        relay.start()
        await wait_for(posting)
        started = time.monotonic()
        await relay.stop(timeout=0.2)
        assert time.monotonic() - started < 2.0
        assert not relay.running
        intake.release.set()
    assert (await outbox_row(inventory, event_id))["published_at"] is None


# --- settings ------------------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("MOPS_WEBHOOKS_URL", "MOPS_RELAY_ENABLED", "MOPS_RELAY_POLL_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_webhooks_url_defaults_to_the_local_webhooks_port(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("MOPS_WEBHOOKS_PORT", "18084")
    settings = InventorySettings()
    assert settings.webhooks_url == "http://127.0.0.1:18084"
    assert settings.relay_enabled
    assert settings.relay_poll_seconds == 1.0


def test_relay_settings_are_shared_environment_variables(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("MOPS_WEBHOOKS_URL", "http://webhooks:8084")
    clean_env.setenv("MOPS_RELAY_ENABLED", "false")
    clean_env.setenv("MOPS_RELAY_POLL_SECONDS", "2.5")
    settings = InventorySettings()
    assert (settings.webhooks_url, settings.relay_enabled, settings.relay_poll_seconds) == (
        "http://webhooks:8084",
        False,
        2.5,
    )


def test_a_webhooks_url_without_a_scheme_is_refused(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("MOPS_WEBHOOKS_URL", "webhooks:8084")
    with pytest.raises(ValidationError):
        InventorySettings()
