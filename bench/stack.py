"""The domain services on fresh PostgreSQL databases, one uvicorn worker each, for a benchmark.

Each service gets its own new database, migrated to head; they find each other through
MOPS_<SERVICE>_PORT as they do when run locally. Everything is dropped on exit.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx

from bench.measure import free_port, wait_ready
from mops_shared.kit.auth import Principal, sign_principal

REPO = Path(__file__).resolve().parent.parent
SECRET = "bench-internal-secret-0123456789abcdef"
ALEMBIC = (sys.executable, "-m", "alembic", "-c", "migrations/alembic.ini")
UVICORN = (
    *(sys.executable, "-m", "uvicorn", "--factory", "--host", "127.0.0.1"),
    *("--no-access-log", "--log-level", "warning"),
)
DEFAULT_POSTGRES = os.environ.get(
    "MOPS_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


def plain(url: str) -> str:
    """The URL asyncpg itself takes."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def create_database(admin_url: str, name: str) -> str:
    conn = await asyncpg.connect(plain(admin_url))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


async def drop_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(plain(admin_url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def headers_for(tenant_id: uuid.UUID) -> dict[str, str]:
    principal = Principal(
        tenant_id=tenant_id, key_id=uuid.uuid4(), scopes=frozenset({"admin"}), request_id="bench"
    )
    return {"x-mops-principal": sign_principal(principal, SECRET, ttl_seconds=3600)}


async def gateway_key(
    database_url: str, scopes: list[str], *, unlimited: bool = False
) -> tuple[str, uuid.UUID]:
    """A new tenant and a key of `scopes`, written straight to the gateway's database; with
    `unlimited`, a rate limit no benchmark reaches. The key and the tenant's id."""
    from mops_gateway.keys import service as keys
    from mops_gateway.keys.schemas import ApiKeyCreate
    from mops_gateway.tenants import service as tenants
    from mops_shared.kit.db import create_engine, create_sessionmaker

    limit = {"rate_limit": {"requests_per_minute": 1_000_000, "burst": 1_000_000}}
    engine = create_engine(database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            tenant = await tenants.create_tenant(session, f"bench-{uuid.uuid4().hex[:8]}")
            created = await keys.create_key(
                session,
                tenant.id,
                ApiKeyCreate.model_validate(
                    {"name": "bench", "scopes": scopes, **(limit if unlimited else {})}
                ),
            )
    finally:
        await engine.dispose()
    return created.key, tenant.id


async def timed(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], n: int
) -> dict[str, float]:
    """p50 and p95 of `n` reads after a first one, reported apart as `first_ms`: the first
    read of a route also prepares its statements and fills the process's caches."""
    samples = []
    for _ in range(n + 1):
        started = time.perf_counter()
        response = await client.get(url, headers=headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
    first, samples = samples[0], sorted(samples[1:])
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
        "first_ms": round(first, 2),
    }


async def timed_side_by_side(
    client: httpx.AsyncClient, urls: list[str], headers: dict[str, str], n: int
) -> list[dict[str, float]]:
    """`timed` for several URLs whose figures are compared with each other: their reads
    alternate, round by round, so a change in the machine's speed falls on each alike."""
    samples: list[list[float]] = [[] for _ in urls]
    for _ in range(n + 1):
        for index, url in enumerate(urls):
            started = time.perf_counter()
            response = await client.get(url, headers=headers)
            samples[index].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
    figures = []
    for taken in samples:
        first, rest = taken[0], sorted(taken[1:])
        figures.append(
            {
                "p50_ms": round(statistics.median(rest), 2),
                "p95_ms": round(rest[int(len(rest) * 0.95) - 1], 2),
                "first_ms": round(first, 2),
            }
        )
    return figures


@dataclass
class Stack:
    base_urls: dict[str, str]  # service → http://127.0.0.1:<port>
    database_urls: dict[str, str]
    pids: dict[str, int]  # service or variant label → its uvicorn process


@contextmanager
def services(
    postgres_url: str,
    names: tuple[str, ...],
    *,
    keep: bool = False,
    variants: dict[str, tuple[str, dict[str, str]]] | None = None,
) -> Iterator[Stack]:
    """The services running; their databases are dropped on exit unless `keep` (to look at
    query plans afterwards: their URLs are printed). Each variant, `label: (service, extra
    environment)`, is one more process of that service on the same database, to measure a
    setting side by side; its URL is `base_urls[label]`."""
    variants = variants or {}
    suffix = uuid.uuid4().hex[:8]
    databases = {s: f"mops_bench_{suffix}_{s}" for s in names}
    urls = {s: asyncio.run(create_database(postgres_url, n)) for s, n in databases.items()}
    ports = {s: free_port() for s in (*names, *variants)}
    env = {
        **os.environ,
        "MOPS_DATA_DIR": tempfile.mkdtemp(prefix="mops-bench-"),
        "MOPS_INTERNAL_SECRET": SECRET,
        "MOPS_ACCESS_LOG": "false",
        **{f"MOPS_{s.upper()}_DATABASE_URL": url for s, url in urls.items()},
        **{f"MOPS_{s.upper()}_PORT": str(ports[s]) for s in names},
        # Services relay their outbox to the webhooks service only when it runs here too.
        "MOPS_RELAY_ENABLED": "true" if "webhooks" in names else "false",
        "MOPS_WEBHOOKS_URL": f"http://127.0.0.1:{ports['webhooks']}" if "webhooks" in names else "",
    }
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for service in names:
            subprocess.run(
                [*ALEMBIC, "-n", service, "upgrade", "head"],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
            )
        launches = [(s, s, ports[s], env) for s in names] + [
            (label, service, ports[label], {**env, **extra})
            for label, (service, extra) in variants.items()
        ]
        pids: dict[str, int] = {}
        for label, service, port, process_env in launches:
            procs.append(
                subprocess.Popen(
                    [*UVICORN, f"mops_{service}.main:create_app", "--port", str(port)],
                    cwd=REPO,
                    env=process_env,
                )
            )
            pids[label] = procs[-1].pid
        for port in ports.values():
            wait_ready(f"http://127.0.0.1:{port}/readyz")
        yield Stack({s: f"http://127.0.0.1:{p}" for s, p in ports.items()}, urls, pids)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=20)
        for name, url in zip(databases.values(), urls.values(), strict=True):
            if keep:
                print(f"kept database {name}: {url}")
            else:
                asyncio.run(drop_database(postgres_url, name))
