"""Inbound webhook acknowledgement on PostgreSQL: signed Standard Webhooks deliveries posted to
the receive URL, through the gateway as a CRM posts them, as fast as the clients go, each
verified and committed to the inbox before its 2xx. Reports acknowledgements per second,
latency percentiles, and whether every acknowledged event is in the inbox exactly once
(counted in the webhooks service's database afterwards).

Starts the gateway and the webhooks service (uvicorn, one worker each) on fresh PostgreSQL
databases; the domain services are not needed to acknowledge. Writes
bench/results/webhooks.json.

    .venv/bin/python bench/webhooks.py [--events 5000] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import results_path
from bench.stack import DEFAULT_POSTGRES, gateway_key, plain, services

REPO = Path(__file__).resolve().parent.parent


async def admin_key(database_url: str) -> str:
    """A tenant and a `webhooks:admin` key, written straight to the gateway's database."""
    key, _ = await gateway_key(database_url, ["webhooks:admin"])
    return key


async def measure(
    gateway: str, gateway_db: str, webhooks_db: str, events: int, concurrency: int
) -> dict[str, Any]:
    from mops_webhooks.providers.standard import sign_standard_webhook

    key = await admin_key(gateway_db)
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        created = await client.post(
            "/v1/webhooks/connections",
            json={"provider": "generic", "name": "bench"},
            headers={"authorization": f"Bearer {key}"},
        )
        assert created.status_code == 201, created.text
        secret = created.json()["generated_secret"]
        url = created.json()["receive_path"]
    # The load comes from aiohttp: on this 2-core machine httpx's own CPU per request (1.6 to
    # 3.4 ms, measured for the fan-out benchmark) would be taken from the gateway measured.
    async with aiohttp.ClientSession(
        base_url=gateway, connector=aiohttp.TCPConnector(limit=concurrency)
    ) as client:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for n in range(events):
            queue.put_nowait(n)
        latencies: list[float] = []
        acknowledged: list[str] = []

        async def sender() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                msg_id = f"msg_{n:07d}"
                body = json.dumps({"type": "contact.created", "data": {"n": n}}).encode()
                stamp = int(time.time())
                headers = {
                    "content-type": "application/json",
                    "webhook-id": msg_id,
                    "webhook-timestamp": str(stamp),
                    "webhook-signature": sign_standard_webhook(secret, msg_id, stamp, body),
                }
                started = time.perf_counter()
                async with client.post(url, data=body, headers=headers) as response:
                    await response.read()
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status == 200:
                    acknowledged.append(msg_id)

        started = time.perf_counter()
        await asyncio.gather(*(sender() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    conn = await asyncpg.connect(plain(webhooks_db))
    try:
        stored = await conn.fetchval("SELECT count(*) FROM webhook_inbox")
        distinct = await conn.fetchval("SELECT count(DISTINCT identity) FROM webhook_inbox")
    finally:
        await conn.close()
    ordered = sorted(latencies)
    return {
        "events": events,
        "concurrency": concurrency,
        "acknowledged": len(acknowledged),
        "acknowledged_per_second": round(len(acknowledged) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 2),
        "max_ms": round(ordered[-1], 2),
        "stored": stored,
        "stored_distinct": distinct,
        "lost": len(acknowledged) - distinct,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with services(args.postgres, ("gateway", "webhooks")) as stack:
        results = asyncio.run(
            measure(
                stack.base_urls["gateway"],
                stack.database_urls["gateway"],
                stack.database_urls["webhooks"],
                args.events,
                args.concurrency,
            )
        )
    (results_path("webhooks.json")).write_text(json.dumps(results, indent=2) + "\n")
    print("| events | acknowledged/s | p50 ms | p99 ms | max ms | stored once | lost |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {results['acknowledged']}/{results['events']} | "
        f"{results['acknowledged_per_second']} | {results['p50_ms']} | {results['p99_ms']} | "
        f"{results['max_ms']} | {results['stored_distinct']} | {results['lost']} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
