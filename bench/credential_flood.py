"""A flood of wrong Pipedrive credentials against everyone else's latency: wrk measures a normal
GET through the gateway (`GET /v1/webhooks/connections`, served by the webhooks service that
checks the credentials), quiet and then while 8 senders post deliveries with wrong HTTP Basic
passwords (a new one each time, so no verdict is remembered) as fast as they are answered.
Target: p99 under the flood within 1.5x of the quiet one.

Starts the gateway and the webhooks service (uvicorn, one worker each) on fresh PostgreSQL
databases. Writes bench/results/credential_flood.json.

    .venv/bin/python bench/credential_flood.py [--seconds 10] [--senders 8]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import collections
import json
import sys
import threading
from pathlib import Path
from typing import Any

import aiohttp
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import results_path, wrk
from bench.stack import DEFAULT_POSTGRES, gateway_key, services

BODY = json.dumps({"meta": {"id": "e1", "action": "create", "entity": "deal"}}).encode()


async def pipedrive_path(gateway: str, key: str) -> str:
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        created = await client.post(
            "/v1/webhooks/connections",
            json={"provider": "pipedrive", "name": "bench", "username": "u", "password": "right"},
            headers={"authorization": f"Bearer {key}"},
        )
        assert created.status_code == 201, created.text
        path: str = created.json()["receive_path"]
        return path


async def flood(url: str, senders: int, stop: threading.Event) -> collections.Counter[int]:
    statuses: collections.Counter[int] = collections.Counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=senders)) as client:

        async def sender(n: int) -> None:
            attempt = 0
            while not stop.is_set():
                attempt += 1
                basic = base64.b64encode(f"u:wrong-{n}-{attempt}".encode()).decode()
                headers = {"authorization": f"Basic {basic}", "content-type": "application/json"}
                async with client.post(url, data=BODY, headers=headers) as response:
                    await response.read()
                    statuses[response.status] += 1

        await asyncio.gather(*(sender(n) for n in range(senders)))
    return statuses


def measure(gateway: str, gateway_db: str, seconds: int, senders: int) -> dict[str, Any]:
    key, _ = asyncio.run(gateway_key(gateway_db, ["webhooks:admin"], unlimited=True))
    receive_url = gateway + asyncio.run(pipedrive_path(gateway, key))
    read_url = gateway + "/v1/webhooks/connections"
    headers = {"authorization": f"Bearer {key}"}
    wrk(read_url, headers, 8, 2)  # warm: statements prepared, pools filled
    quiet = wrk(read_url, headers, 8, seconds)
    stop = threading.Event()
    statuses: collections.Counter[int] = collections.Counter()

    def run_flood() -> None:
        statuses.update(asyncio.run(flood(receive_url, senders, stop)))

    flooding = threading.Thread(target=run_flood)
    flooding.start()
    try:
        loud = wrk(read_url, headers, 8, seconds)
    finally:
        stop.set()
        flooding.join()
    return {
        "seconds": seconds,
        "senders": senders,
        "quiet": quiet,
        "flood": loud,
        "flood_answers": {str(status): count for status, count in sorted(statuses.items())},
        "p99_ratio": round(loud["p99_ms"] / quiet["p99_ms"], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--senders", type=int, default=8)
    args = parser.parse_args()
    with services(args.postgres, ("gateway", "webhooks")) as stack:
        results = measure(
            stack.base_urls["gateway"], stack.database_urls["gateway"], args.seconds, args.senders
        )
    results_path("credential_flood.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| GET /v1/webhooks/connections | req/s | p50 ms | p99 ms |")
    print("|---|---|---|---|")
    for label in ("quiet", "flood"):
        figures = results[label]
        print(f"| {label} | {figures['rps']} | {figures['p50_ms']} | {figures['p99_ms']} |")
    print(f"flood answers: {results['flood_answers']}; p99 ratio {results['p99_ratio']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
