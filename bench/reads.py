"""The GET read path (`mops_shared.kit.reads`), measured on fresh PostgreSQL databases holding
the sample company (samples/), with people added up to 200 so that a people page is full.

`inprocess`: the inventory and org apps in this process, called as ASGI apps (no HTTP, no
client library): µs per request and the database round trips each makes (writes to the
PostgreSQL socket: one per statement sent, BEGIN and ROLLBACK included). Run it under py-spy
with `--only` to see where one endpoint's CPU goes, then `split` the profile:

    .venv/bin/python bench/reads.py inprocess [--n 1000]
    .venv/bin/python bench/reads.py inprocess --only tools-list --n 20000 &  # until it says
    .venv/bin/py-spy record --format raw -r 997 -d 10 -o reads.txt -p $!     # "measuring"
    .venv/bin/python bench/reads.py split reads.txt

`wrk`: the services under uvicorn (bench/stack.py), wrk at 32 connections straight to each;
with `--compare-src DIR` (another checkout) the same services from its sources run beside
them on the same databases, and the two are measured in alternation, round after round:

    .venv/bin/python bench/reads.py wrk [--compare-src DIR] [--rounds 3] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.measure import wrk  # noqa: E402
from bench.stack import (  # noqa: E402
    ALEMBIC,
    DEFAULT_POSTGRES,
    SECRET,
    create_database,
    drop_database,
    headers_for,
    services,
)

SAMPLES = REPO / "samples"
PEOPLE = 200


def endpoints(ids: dict[str, str]) -> dict[str, tuple[str, str]]:
    """label: (service, path) of each read measured."""
    return {
        "tools-list": ("inventory", "/v1/inventory/tools?limit=50"),
        "tool-by-id": ("inventory", f"/v1/inventory/tools/{ids['tool']}"),
        "people-list": ("org", "/v1/org/people?limit=50"),
        "unit-by-id": ("org", f"/v1/org/units/{ids['unit']}"),
    }


async def seed(org: httpx.AsyncClient, inventory: httpx.AsyncClient) -> dict[str, str]:
    """The sample company (organisation first, so the tools find their owners) and people up
    to PEOPLE; the id of a tool and of a unit to read."""
    document = json.loads((SAMPLES / "org_sample.json").read_text())
    response = await org.post("/v1/org/imports", json=document)
    assert response.status_code == 200, response.text
    units = (await org.get("/v1/org/units", params={"limit": 200})).json()["items"]
    have = len((await org.get("/v1/org/people", params={"limit": 200})).json()["items"])
    for i in range(PEOPLE - have):
        body = {"name": f"Person {i:03}", "email": f"p{i:03}@acme.example"}
        body["unit_id"] = units[i % len(units)]["id"]
        assert (await org.post("/v1/org/people", json=body)).status_code == 201
    csv = (SAMPLES / "martech_inventory_sample.csv").read_bytes()
    response = await inventory.post(
        "/v1/inventory/imports", content=csv, headers={"content-type": "text/csv"}
    )
    assert response.status_code == 200, response.text
    tools = (await inventory.get("/v1/inventory/tools", params={"limit": 1})).json()["items"]
    return {"tool": tools[0]["id"], "unit": units[0]["id"]}


# --- in process --------------------------------------------------------------------------------


@asynccontextmanager
async def databases(postgres_url: str, names: tuple[str, ...]) -> AsyncIterator[dict[str, str]]:
    suffix = uuid.uuid4().hex[:8]
    made = {s: f"mops_bench_{suffix}_{s}" for s in names}
    urls = {s: await create_database(postgres_url, n) for s, n in made.items()}
    try:
        env = {**os.environ, **{f"MOPS_{s.upper()}_DATABASE_URL": u for s, u in urls.items()}}
        for service in names:
            subprocess.run(
                [*ALEMBIC, "-n", service, "upgrade", "head"],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
            )
        yield urls
    finally:
        for name in made.values():
            await drop_database(postgres_url, name)


def count_round_trips(port: int) -> Counter[str]:
    """Counts writes to the database's socket: asyncpg sends each statement (parse, bind,
    execute and sync together) in one write, and waits for its answer before the next."""
    from asyncio import selector_events

    counts: Counter[str] = Counter()
    transport = selector_events._SelectorSocketTransport  # type: ignore[attr-defined]
    original = transport.write

    def write(self: Any, data: Any) -> None:
        peer = self.get_extra_info("peername")
        if peer and peer[1] == port:
            counts["writes"] += 1
        original(self, data)

    transport.write = write
    return counts


async def asgi_get(app: Any, path: str, token: str) -> tuple[int, bytes]:
    """One GET straight into the ASGI app, as a server would call it."""
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"bench"), (b"x-mops-principal", token.encode())],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body


async def inprocess(postgres_url: str, n: int, only: str | None) -> None:
    from mops_inventory.config import InventorySettings
    from mops_inventory.main import create_app as create_inventory
    from mops_org.config import OrgSettings
    from mops_org.main import create_app as create_org
    from mops_shared.contracts.clients import InventoryClient, OrgClient

    async with databases(postgres_url, ("org", "inventory")) as urls:
        common: dict[str, Any] = {
            "internal_secret": SECRET,
            "relay_enabled": False,
            "access_log": False,
        }
        org_app = create_org(OrgSettings(database_url=urls["org"], **common))
        inventory_app = create_inventory(
            InventorySettings(database_url=urls["inventory"], **common)
        )
        headers = headers_for(uuid.uuid4())
        token = headers["x-mops-principal"]
        async with (
            org_app.router.lifespan_context(org_app),
            inventory_app.router.lifespan_context(inventory_app),
        ):
            # Each asks the other in process, as the test suite wires them.
            await inventory_app.state.org_client.aclose()
            inventory_app.state.org_client = OrgClient(
                "http://org.bench",
                internal_secret=SECRET,
                transport=httpx.ASGITransport(app=org_app),
            )
            await org_app.state.inventory_client.aclose()
            org_app.state.inventory_client = InventoryClient(
                "http://inventory.bench",
                internal_secret=SECRET,
                transport=httpx.ASGITransport(app=inventory_app),
            )
            clients = {
                s: httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=a), base_url="http://bench", headers=headers
                )
                for s, a in (("org", org_app), ("inventory", inventory_app))
            }
            ids = await seed(clients["org"], clients["inventory"])
            apps = {"org": org_app, "inventory": inventory_app}
            reads = endpoints(ids)
            if only:
                reads = {only: reads[only]}
            port = int(urls["org"].rsplit(":", 1)[1].split("/")[0])
            trips = count_round_trips(port)
            results: dict[str, dict[str, float]] = {}
            for label, (service, path) in reads.items():
                app = apps[service]
                for _ in range(50):  # warm: prepared statements, caches, the pools
                    status, body = await asgi_get(app, path, token)
                    assert status == 200, (label, status, body[:300])
                print(f"measuring {label}", file=sys.stderr, flush=True)  # for py-spy -p
                trips.clear()
                started, cpu_started = time.perf_counter(), time.process_time()
                for _ in range(n):
                    await asgi_get(app, path, token)
                took = time.perf_counter() - started
                cpu = time.process_time() - cpu_started
                results[label] = {
                    "us_per_request": round(took / n * 1e6, 1),
                    "cpu_us_per_request": round(cpu / n * 1e6, 1),
                    "round_trips": round(trips["writes"] / n, 2),
                    "bytes": float(len(body)),
                }
            print(json.dumps(results, indent=2))


# --- the CPU split of a py-spy profile -----------------------------------------------------------

# A sample's bucket is the first of these (in this order) that one of its frames matches: the
# work a request does under the ORM's loading is instantiation, whatever it calls.
BUCKETS: list[tuple[str, re.Pattern[str]]] = [
    # py-spy counts the event loop's wait in epoll as busy: it is the database's time.
    ("waiting: epoll (the database's time)", re.compile(r"EpollSelector\.select \(")),
    ("ORM: entity instantiation", re.compile(r"sqlalchemy/orm/loading\.py")),
    ("pydantic: model_validate of the wire models", re.compile(r"\b(model_validate|to_reads) \(")),
    (
        "wire JSON from rows (kit.reads)",
        re.compile(r"\b(item|items|dumps|dumps_page) \(.*kit/reads"),
    ),
    ("driver (asyncpg), socket reads", re.compile(r"asyncpg/|_read_ready__data_received")),
    ("SQLAlchemy: pool, compile, execute, result rows", re.compile(r"sqlalchemy/")),
    ("FastAPI: response validate + serialize", re.compile(r"\bserialize_response \(")),
    ("FastAPI: dependencies (principal, query check)", re.compile(r"\bsolve_dependencies \(")),
    ("service code", re.compile(r"\brun_endpoint_function \(|mops_(inventory|org)/")),
    ("middleware (mops kit)", re.compile(r"mops_shared/kit/")),
    ("FastAPI/Starlette: routing, request, response", re.compile(r"fastapi/|starlette/")),
    ("bench loop, event loop", re.compile(r"bench/reads\.py|asyncio/")),
]


def split(profile: Path) -> None:
    """The share of a `py-spy record --format raw` profile's samples in each bucket: the
    wait in epoll apart, the rest as shares of the CPU."""
    totals: Counter[str] = Counter()
    for line in profile.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        frames = stack.split(";")
        bucket = next(
            (name for name, mark in BUCKETS if any(mark.search(f) for f in frames)), "other"
        )
        totals[bucket] += int(samples)
    whole = sum(totals.values())
    waiting = totals.pop(BUCKETS[0][0], 0)
    busy = whole - waiting
    print(f"{waiting / whole * 100:5.1f} % of the samples waiting in epoll; of the others (CPU):")
    for bucket, count in totals.most_common():
        print(f"{count / busy * 100:5.1f} %  {bucket}")
    print(f"{whole} samples")


# --- wrk -----------------------------------------------------------------------------------------


def wrk_runs(postgres_url: str, compare_src: Path | None, rounds: int, seconds: int) -> None:
    variants: dict[str, tuple[str, dict[str, str]]] = {}
    if compare_src is not None:
        sources = [
            str(compare_src / "shared" / "src"),
            *(str(compare_src / "services" / s / "src") for s in ("org", "inventory")),
        ]
        path = os.pathsep.join(sources)
        variants = {f"{s}@compare": (s, {"PYTHONPATH": path}) for s in ("org", "inventory")}
    with services(postgres_url, ("org", "inventory"), variants=variants) as stack:
        headers = headers_for(uuid.uuid4())

        async def seeded() -> dict[str, str]:
            async with (
                httpx.AsyncClient(base_url=stack.base_urls["org"], headers=headers) as org,
                httpx.AsyncClient(
                    base_url=stack.base_urls["inventory"], headers=headers, timeout=60
                ) as inventory,
            ):
                return await seed(org, inventory)

        ids = asyncio.run(seeded())
        labels = ["", "@compare"] if compare_src is not None else [""]
        figures: dict[str, list[dict[str, float]]] = {}
        for _ in range(rounds):
            for label, (service, path) in endpoints(ids).items():
                for variant in labels:
                    url = stack.base_urls[f"{service}{variant}"] + path
                    figure = wrk(url, headers, 32, seconds)
                    figures.setdefault(f"{label}{variant}", []).append(figure)
        for label, runs in figures.items():
            rps = sorted(run["rps"] for run in runs)
            p99 = sorted(run["p99_ms"] for run in runs)
            errors = sum(run["errors"] + run["socket_errors"] for run in runs)
            print(f"{label:24} req/s {rps}  p99 ms {p99}  errors {errors:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("inprocess")
    one.add_argument("--postgres", default=DEFAULT_POSTGRES)
    one.add_argument("--n", type=int, default=1000)
    one.add_argument("--only", choices=["tools-list", "tool-by-id", "people-list", "unit-by-id"])
    profile = sub.add_parser("split")
    profile.add_argument("profile", type=Path)
    load = sub.add_parser("wrk")
    load.add_argument("--postgres", default=DEFAULT_POSTGRES)
    load.add_argument("--compare-src", type=Path)
    load.add_argument("--rounds", type=int, default=3)
    load.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    if args.command == "inprocess":
        asyncio.run(inprocess(args.postgres, args.n, args.only))
    elif args.command == "split":
        split(args.profile)
    else:
        wrk_runs(args.postgres, args.compare_src, args.rounds, args.seconds)


if __name__ == "__main__":
    main()
