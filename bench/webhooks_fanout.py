"""Outbound webhook fan-out on PostgreSQL: domain events posted to the webhooks service's event
intake in signed batches (as the relays post them), owed to every subscription of the tenant,
and delivered by the service's own worker to a receiver on loopback. Reports the time from the
first intake post until the receiver has every delivery and the database shows every one
delivered, and checks that nothing came twice and that a sample of signatures verifies with the
`standardwebhooks` library.

Starts the gateway and the webhooks service (uvicorn, one worker each, the webhook worker on)
on fresh PostgreSQL databases, with private targets allowed (the receiver is on 127.0.0.1). Writes
bench/results/webhooks_fanout.json.

    .venv/bin/python bench/webhooks_fanout.py [--events 10000] [--subscriptions 10] [--batch 500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import uvicorn
import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import free_port, results_path
from bench.stack import DEFAULT_POSTGRES, SECRET, Stack, plain, services
from bench.webhooks import admin_key

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_SECONDS = 600
SAMPLE_EVERY = 997  # a prime: the verified sample spreads over hooks and batches


class Receiver:
    """A bare ASGI app: answers 204 to every delivery, counts them per hook, verifies a sample.
    Bare (no framework) because it shares the machine's two cores with what is measured."""

    def __init__(self) -> None:
        self.secrets: dict[str, str] = {}  # hook path -> whsec_
        self.count = 0
        self.seen: set[tuple[str, bytes]] = set()  # (hook, webhook-id)
        self.duplicates = 0
        self.verified = 0
        self.bad_signatures = 0

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        self.count += 1
        headers = dict(scope["headers"])
        key = (scope["path"], headers.get(b"webhook-id", b""))
        if key in self.seen:
            self.duplicates += 1
        self.seen.add(key)
        if self.count % SAMPLE_EVERY == 0:
            self._verify(scope["path"], b"".join(chunks), headers)
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    def _verify(self, path: str, body: bytes, headers: dict[bytes, bytes]) -> None:
        from standardwebhooks.webhooks import Webhook, WebhookVerificationError

        try:
            Webhook(self.secrets[path]).verify(
                body, {k.decode(): v.decode() for k, v in headers.items()}
            )
            self.verified += 1
        except (WebhookVerificationError, KeyError):
            self.bad_signatures += 1


async def delivered_count(conn: Any) -> tuple[int, int]:
    row = await conn.fetchrow(
        "SELECT count(*) FILTER (WHERE status = 'delivered') AS delivered, count(*) AS total "
        "FROM webhook_deliveries"
    )
    return int(row["delivered"]), int(row["total"])


async def measure(stack: Stack, events: int, subscriptions: int, batch: int) -> dict[str, Any]:
    from mops_shared.contracts.events import EVENT_INTAKE_PATH, SIGNATURE_HEADER, sign_batch

    receiver = Receiver()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            receiver,
            host="127.0.0.1",
            port=port,
            http="httptools",
            lifespan="off",
            access_log=False,
            log_level="warning",
            backlog=1024,
        )
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    key = await admin_key(stack.database_urls["gateway"])
    gateway_db = await asyncpg.connect(plain(stack.database_urls["gateway"]))
    try:
        tenant_id = await tenant_of(gateway_db)
    finally:
        await gateway_db.close()
    conn = await asyncpg.connect(plain(stack.database_urls["webhooks"]))
    expected = events * subscriptions
    try:
        gateway = httpx.AsyncClient(base_url=stack.base_urls["gateway"], timeout=60)
        # The intake is the webhooks service's own, where the services' relays post.
        intake = httpx.AsyncClient(base_url=stack.base_urls["webhooks"], timeout=60)
        async with gateway as client, intake:
            for n in range(subscriptions):
                created = await client.post(
                    "/v1/webhooks/subscriptions",
                    json={"url": f"http://127.0.0.1:{port}/hooks/{n}", "event_types": ["tool.*"]},
                    headers={"authorization": f"Bearer {key}"},
                )
                assert created.status_code == 201, created.text
                receiver.secrets[f"/hooks/{n}"] = created.json()["secret"]
            batches = [
                [
                    {
                        "id": str(uuid.uuid4()),
                        "tenant_id": str(tenant_id),
                        "type": "tool.created",
                        "occurred_at": datetime.now(UTC).isoformat(),
                        "service": "inventory",
                        "data": {"tool_id": str(uuid.uuid4()), "n": start + i},
                    }
                    for i in range(min(batch, events - start))
                ]
                for start in range(0, events, batch)
            ]
            started = time.perf_counter()
            intake_ms: list[float] = []
            for chunk in batches:
                body = json.dumps({"events": chunk}).encode()
                sent = time.perf_counter()
                response = await intake.post(
                    EVENT_INTAKE_PATH,
                    content=body,
                    headers={
                        "content-type": "application/json",
                        SIGNATURE_HEADER: sign_batch(SECRET, body),
                    },
                )
                intake_ms.append((time.perf_counter() - sent) * 1000)
                assert response.status_code == 200, response.text
                assert response.json()["stored"] == len(chunk), response.text
            intake_done = time.perf_counter() - started
        delivered = total = 0
        while time.perf_counter() - started < TIMEOUT_SECONDS:
            if receiver.count >= expected:
                delivered, total = await delivered_count(conn)
                if delivered >= expected:
                    break
            await asyncio.sleep(0.1)
        drained = time.perf_counter() - started
        delivered, total = await delivered_count(conn)
        attempts = await conn.fetchval("SELECT count(*) FROM webhook_delivery_attempts")
        failed_attempts = await conn.fetchval(
            "SELECT count(*) FROM webhook_delivery_attempts "
            "WHERE status_code IS NULL OR status_code >= 300"
        )
    finally:
        await conn.close()
        server.should_exit = True
        await serving
    return {
        "events": events,
        "subscriptions": subscriptions,
        "intake_batch": batch,
        "expected_deliveries": expected,
        "deliveries_owed": total,
        "delivered_in_db": delivered,
        "received": receiver.count,
        "duplicates": receiver.duplicates,
        "attempts": attempts,
        "failed_attempts": failed_attempts,
        "signatures_verified": receiver.verified,
        "bad_signatures": receiver.bad_signatures,
        "intake_seconds": round(intake_done, 2),
        "intake_batch_p50_ms": round(sorted(intake_ms)[len(intake_ms) // 2], 1),
        "seconds_to_all_delivered": round(drained, 2),
        "deliveries_per_second": round(delivered / drained, 1),
        "worker_batch": int(os.environ["MOPS_WEBHOOKS_WORKER_BATCH"]),
        "target_seconds": 60,
        "within_target": delivered == expected and drained < 60,
    }


async def tenant_of(conn: Any) -> uuid.UUID:
    """The bench tenant admin_key made (the database is new: it is the only one)."""
    tenant_id: uuid.UUID = await conn.fetchval("SELECT id FROM tenants")
    return tenant_id


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--subscriptions", type=int, default=10)
    parser.add_argument("--batch", type=int, default=500, help="events per intake post")
    parser.add_argument("--worker-batch", type=int, default=1000, help="deliveries per claim")
    args = parser.parse_args()
    # The webhooks service inherits these: its worker delivers to our loopback receiver.
    os.environ["MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS"] = "true"
    os.environ["MOPS_WEBHOOKS_WORKER_ENABLED"] = "true"
    os.environ["MOPS_WEBHOOKS_WORKER_BATCH"] = str(args.worker_batch)
    os.environ["MOPS_WEBHOOKS_WORKER_POLL_SECONDS"] = "0.2"
    with services(args.postgres, ("gateway", "webhooks")) as stack:
        # uvloop, as uvicorn gives the services: the receiver shares the two cores with them.
        results = uvloop.run(measure(stack, args.events, args.subscriptions, args.batch))
    (results_path("webhooks_fanout.json")).write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results))
    return 0 if results["within_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
