"""`mops worker` and `python -m mops_webhooks.worker`: the webhook worker in a process of its own
processes the inbox and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from mops_shared.kit.db import create_engine, create_sessionmaker, utcnow
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.inbound.models import InboxEventRow
from mops_webhooks.inbound.schemas import ConnectionCreate
from mops_webhooks.inbound.service import create_connection
from mops_webhooks.secrets import secrets_box
from tests.support import (
    ALEMBIC_INI,
    REPO,
    TEST_SECRET,
    drop_postgres_database,
    migrate,
    new_database,
)


@pytest.fixture
def webhooks_db(tmp_path: Path) -> Iterator[str]:
    url, pg_name = asyncio.run(new_database("webhooks", tmp_path))
    migrate("webhooks", url)
    yield url
    if pg_name:
        asyncio.run(drop_postgres_database(pg_name))


async def _pending_event(url: str) -> uuid.UUID:
    settings = WebhooksSettings(database_url=url, internal_secret=TEST_SECRET, environment="test")
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            connection = await create_connection(
                session,
                uuid.uuid4(),
                ConnectionCreate.model_validate({"provider": "generic", "name": "Forms"}),
                secrets_box(settings),
            )
            event = InboxEventRow(
                tenant_id=uuid.uuid4(),
                connection_id=connection.id,
                provider="generic",
                identity=f"generic:{uuid.uuid4()}",
                kind="company.created",
                payload={"type": "company.created", "data": {"id": "c1"}},
                headers={},
                status="pending",
                next_attempt_at=utcnow(),
            )
            session.add(event)
            await session.commit()
            return event.id
    finally:
        await engine.dispose()


async def _status(url: str, event_id: uuid.UUID) -> tuple[str, str | None]:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            row = (
                await session.execute(select(InboxEventRow).where(InboxEventRow.id == event_id))  # type: ignore[arg-type]
            ).scalar_one()
            return row.status, row.detail
    finally:
        await engine.dispose()


@pytest.mark.parametrize("command", ["mops worker", "python -m mops_webhooks.worker"])
def test_the_worker_processes_the_inbox_and_stops_on_sigterm(
    command: str, webhooks_db: str, tmp_path: Path
) -> None:
    event_id = asyncio.run(_pending_event(webhooks_db))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
    env |= {
        "MOPS_ENVIRONMENT": "test",
        "MOPS_INTERNAL_SECRET": TEST_SECRET,
        "MOPS_ALEMBIC_INI": str(ALEMBIC_INI),
        "MOPS_WEBHOOKS_DATABASE_URL": webhooks_db,
        "MOPS_WEBHOOKS_WORKER_POLL_SECONDS": "0.1",
    }
    log = (tmp_path / "worker.log").open("wb")
    argv = (
        [str(Path(sys.executable).with_name("mops")), "worker"]
        if command == "mops worker"
        else [sys.executable, "-m", "mops_webhooks.worker"]
    )
    worker = subprocess.Popen(argv, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        status: tuple[str, str | None] = ("pending", None)
        while time.monotonic() < deadline and status[0] == "pending":
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()
            time.sleep(0.2)
            status = asyncio.run(_status(webhooks_db, event_id))
        assert status == ("processed", "no outcome comes from company.created events")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=20) == 0, (tmp_path / "worker.log").read_text()
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        log.close()
