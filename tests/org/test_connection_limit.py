"""The org service against a PostgreSQL role allowed 5 connections, with a pool of 20 under 64
concurrent requests: every answer is 200 or 503 + Retry-After, none 500, no connection reset.

PostgreSQL only: SQLite has no connection limit (the mapped errors themselves are tested on both
backends in tests/shared/test_database_failures.py)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from mops_shared.kit.errors import DATABASE_RETRY_AFTER_SECONDS
from tests.support import (
    backend,
    build_service_app,
    migrate_async,
    new_principal,
    postgres_admin_url,
    principal_headers,
    serve,
)

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.skipif(
        backend() != "postgres",
        reason="a role's CONNECTION LIMIT is PostgreSQL's (MOPS_TEST_DATABASE=postgres)",
    ),
]

CONNECTION_LIMIT = 5
POOL_SIZE = 20
CONCURRENCY = 64
REQUESTS = 320


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _admin_execute(statement: str) -> None:
    conn = await asyncpg.connect(_plain(postgres_admin_url()))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def test_a_service_over_its_roles_connection_limit_answers_200_or_503_never_500() -> None:
    suffix = uuid.uuid4().hex[:10]
    role, database = f"mops_limited_{suffix}", f"mops_test_{suffix}_limited_org"
    await _admin_execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT {CONNECTION_LIMIT}")
    try:
        await _admin_execute(f'CREATE DATABASE "{database}" OWNER {role}')
        base = postgres_admin_url().rpartition("/")[0]
        scheme, _, host = base.partition("://")
        url = f"{scheme}://{role}@{host.rpartition('@')[2]}/{database}"
        await migrate_async("org", url)
        statuses = await _load(url)
    finally:
        await _admin_execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await _admin_execute(f"DROP ROLE IF EXISTS {role}")

    assert set(statuses) <= {200, 503}, statuses
    # The limit was met (or this test proves nothing), and the service still served.
    assert statuses.get(503, 0) > 0, statuses
    assert statuses.get(200, 0) > 0, statuses


async def _load(url: str) -> dict[int, int]:
    """REQUESTS reads (a unit by id, the fast path; the list, a route) CONCURRENCY at a time
    over real sockets; each answer's status counted, each 503 checked on the way."""
    app = build_service_app("org", url, database_pool_size=POOL_SIZE, database_pool_timeout=1.0)
    served = await serve(app)
    statuses: dict[int, int] = {}
    try:
        headers = principal_headers(new_principal())
        limits = httpx.Limits(max_connections=CONCURRENCY)
        async with httpx.AsyncClient(
            base_url=served.url, headers=headers, limits=limits, timeout=30
        ) as client:
            created = await client.post("/v1/org/units", json={"name": "Busy", "type": "team"})
            assert created.status_code == 201, created.text
            paths = [f"/v1/org/units/{created.json()['id']}", "/v1/org/units"]
            gate = asyncio.Semaphore(CONCURRENCY)

            async def one(index: int) -> None:
                async with gate:
                    # A reset or refused connection raises here and fails the test.
                    response = await client.get(paths[index % 2])
                _check(response)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

            await asyncio.gather(*(one(index) for index in range(REQUESTS)))
    finally:
        await served.stop()
    return statuses


def _check(response: httpx.Response) -> None:
    if response.status_code != 503:
        return
    assert response.headers["retry-after"] == str(DATABASE_RETRY_AFTER_SECONDS)
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == 503
