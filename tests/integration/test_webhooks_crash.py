"""The webhooks service killed with SIGKILL in the middle of a burst of signed deliveries loses
nothing it acknowledged: after a restart every acknowledged event is in the inbox and
processed, and each CRM record's outcome is recorded exactly once.

The service runs as a real uvicorn process (worker included) on the suite's webhooks database;
the inventory it records outcomes in is the suite's, served on loopback.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlmodel import col

from mops_webhooks.inbound.models import InboxEventRow
from tests.integration.conftest import Stack, TenantKey
from tests.integration.webhooks_support import connect_hubspot, hubspot, hubspot_headers, tool
from tests.support import ALEMBIC_INI, REPO, TEST_SECRET, walk_pages

pytestmark = pytest.mark.asyncio

BATCHES = 60
EVENTS_PER_BATCH = 5
KILL_AFTER_ACKS = 15


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class WebhooksProcess:
    def __init__(self, stack: Stack, port: int, log: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
        env |= {
            "MOPS_ENVIRONMENT": "test",
            "MOPS_INTERNAL_SECRET": TEST_SECRET,
            "MOPS_ALEMBIC_INI": str(ALEMBIC_INI),
            "MOPS_WEBHOOKS_DATABASE_URL": stack.database_urls["webhooks"],
            "MOPS_WEBHOOKS_INVENTORY_URL": stack.services["inventory"].url,
            "MOPS_WEBHOOKS_WORKER_POLL_SECONDS": "0.05",
            # Events a killed worker had claimed are due again soon after the restart.
            "MOPS_WEBHOOKS_WORKER_LEASE_SECONDS": "1",
        }
        self.url = f"http://127.0.0.1:{port}"
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "mops_webhooks.main:create_app", "--factory"),
                *("--host", "127.0.0.1", "--port", str(port), "--no-access-log"),
            ],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    async def wait_ready(self, client: httpx.AsyncClient, log: Path) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"the webhooks service exited:\n{log.read_text(errors='replace')[-3000:]}"
                )
            try:
                if (await client.get(f"{self.url}/healthz", timeout=1)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
        pytest.fail("the webhooks service did not start within 60 s")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


async def test_sigkill_during_a_burst_loses_no_acknowledged_event_and_counts_each_once(
    stack: Stack,
    gateway_client: httpx.AsyncClient,
    tenant: TenantKey,
    tmp_path: Path,
) -> None:
    ads = await tool(gateway_client, tenant, "Google Ads")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    base = 10_000_000 + int(time.time()) % 1_000_000 * 100
    batches = [
        json.dumps(
            [
                hubspot(
                    "contact.propertyChange",
                    base + b * EVENTS_PER_BATCH + i,
                    1764300000000 + i,
                    hs_analytics_source="PAID_SEARCH",
                )
                for i in range(EVENTS_PER_BATCH)
            ]
        ).encode()
        for b in range(BATCHES)
    ]
    log = tmp_path / "webhooks.log"
    port = _free_port()
    acked: list[bytes] = []
    async with httpx.AsyncClient(timeout=10) as client:
        webhooks = WebhooksProcess(stack, port, log)
        try:
            await webhooks.wait_ready(client, log)
            killed = asyncio.Event()

            async def post(body: bytes) -> None:
                if killed.is_set():
                    return
                try:
                    sent = await client.post(
                        f"{webhooks.url}{connection['receive_path']}",
                        content=body,
                        headers=hubspot_headers(body),
                    )
                except httpx.HTTPError:
                    return  # not acknowledged: the sender would retry
                if sent.status_code == 200:
                    acked.append(body)
                    if len(acked) >= KILL_AFTER_ACKS and not killed.is_set():
                        killed.set()
                        webhooks.kill()

            queue = iter(batches)

            async def sender() -> None:
                for body in queue:
                    await post(body)

            await asyncio.gather(*(sender() for _ in range(6)))
            assert killed.is_set(), "the burst ended before the kill"
            assert webhooks.process.returncode == -signal.SIGKILL
        finally:
            webhooks.stop()

        acked_ids = {f"hubspot:62515:{e['eventId']}" for body in acked for e in json.loads(body)}
        assert len(acked_ids) >= KILL_AFTER_ACKS * EVENTS_PER_BATCH

        restarted = WebhooksProcess(stack, port, log)
        try:
            await restarted.wait_ready(client, log)
            rows = await _settled_inbox(stack, tenant, timeout=60)
        finally:
            restarted.stop()

    stored = {row.identity: row for row in rows}
    missing = acked_ids - stored.keys()
    assert not missing, f"{len(missing)} acknowledged events are not in the inbox"
    assert Counter(row.status for row in rows) == Counter({"processed": len(rows)})
    gateway_client.headers.update(tenant.headers)
    leads = await walk_pages(gateway_client, "/v1/inventory/outcomes", tool_id=ads, limit=200)
    per_record = Counter(o["attributes"]["object_id"] for o in leads)
    assert set(per_record.values()) == {1}
    # One lead per stored contact (each event here is its own contact), none for the others.
    assert set(per_record) == {str(row.payload["object_id"]) for row in rows}


async def _settled_inbox(stack: Stack, tenant: TenantKey, timeout: float) -> list[Any]:
    """The tenant's inbox once the restarted worker has finished every event in it."""
    deadline = time.monotonic() + timeout
    while True:
        async with stack.webhooks.state.sessionmaker() as session:
            rows = list(
                (
                    await session.execute(
                        select(InboxEventRow).where(
                            col(InboxEventRow.tenant_id) == tenant.tenant_id
                        )
                    )
                ).scalars()
            )
        if rows and all(row.status not in ("pending", "failed") for row in rows):
            return rows
        if time.monotonic() > deadline:
            pytest.fail(f"the inbox did not settle: {Counter(r.status for r in rows)}")
        await asyncio.sleep(0.2)
