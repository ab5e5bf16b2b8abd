"""Helpers the tests share: databases built by the real migrations, apps, principals, servers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from alembic import command
from fastapi import FastAPI
from sqlalchemy import Table, select

from mops_shared.kit.auth import ApiScope, Principal, sign_principal
from mops_shared.kit.migrations import alembic_config

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"  # the sample company, kept in the repository
FIXTURES = REPO / "tests" / "fixtures"  # payloads copied from providers' documents (SOURCES.md)
ALEMBIC_INI = REPO / "migrations" / "alembic.ini"
SERVICES = ("gateway", "inventory", "org", "scoring", "webhooks")
TEST_SECRET = "test-internal-secret-0123456789abcdef"
ALL_SCOPES = frozenset(scope.value for scope in ApiScope if scope is not ApiScope.admin)


def fixture(*path: str) -> Any:
    """A JSON fixture of the repository's own (`tests/fixtures/...`), parsed afresh each call."""
    return json.loads(FIXTURES.joinpath(*path).read_text(encoding="utf-8"))


def backend() -> str:
    """`postgres` when the suite runs on PostgreSQL (MOPS_TEST_DATABASE), `sqlite` otherwise."""
    return os.environ.get("MOPS_TEST_DATABASE", "sqlite")


def postgres_admin_url() -> str:
    url = os.environ.get("MOPS_TEST_POSTGRES_URL")
    if not url:
        raise RuntimeError("MOPS_TEST_DATABASE=postgres needs MOPS_TEST_POSTGRES_URL")
    return url


def _plain_pg(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def create_postgres_database(name: str) -> str:
    import asyncpg

    admin = postgres_admin_url()
    conn = await asyncpg.connect(_plain_pg(admin))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base, _, _ = admin.rpartition("/")
    return f"{base}/{name}"


async def drop_postgres_database(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_plain_pg(postgres_admin_url()))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def new_database(service: str, workdir: Path) -> tuple[str, str | None]:
    """(url, postgres database name or None) of a fresh, empty database for a service."""
    suffix = uuid.uuid4().hex[:10]
    if backend() == "postgres":
        name = f"mops_test_{suffix}_{service}"
        return await create_postgres_database(name), name
    return f"sqlite+aiosqlite:///{workdir / f'{service}-{suffix}.db'}", None


def migrate(service: str, url: str, revision: str = "head") -> None:
    """Run the service's real Alembic history (in a thread: env.py runs its own event loop)."""
    config = alembic_config(ALEMBIC_INI, service, url)
    command.upgrade(config, revision)


def downgrade(service: str, url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(ALEMBIC_INI, service, url), revision)


async def migrate_async(service: str, url: str, revision: str = "head") -> None:
    await asyncio.to_thread(migrate, service, url, revision)


def settings_kwargs(service: str, url: str) -> dict[str, Any]:
    return {
        "database_url": url,
        "environment": "test",
        "internal_secret": TEST_SECRET,
        "alembic_ini": ALEMBIC_INI,
        "service_name": service,
        # Off unless a test turns it on: no app of the suite posts to a gateway it did not start.
        "relay_enabled": False,
    }


def build_service_app(service: str, url: str, **overrides: Any) -> FastAPI:
    """A domain service's app on the given database, configured for tests (`overrides` win)."""
    options = {**settings_kwargs(service, url), **overrides}
    if service == "inventory":
        from mops_inventory.config import InventorySettings
        from mops_inventory.main import create_app as create_inventory

        return create_inventory(InventorySettings(**options))
    if service == "org":
        from mops_org.config import OrgSettings
        from mops_org.main import create_app as create_org

        return create_org(OrgSettings(**options))
    if service == "scoring":
        from mops_scoring.config import ScoringSettings
        from mops_scoring.main import create_app as create_scoring

        return create_scoring(ScoringSettings(**options))
    if service == "webhooks":
        from mops_webhooks.config import WebhooksSettings
        from mops_webhooks.main import create_app as create_webhooks

        # Tests run the worker's jobs themselves, when they want them to, with their clock.
        return create_webhooks(WebhooksSettings(**{"worker_enabled": False, **options}))
    raise ValueError(service)


def new_principal(
    tenant_id: uuid.UUID | None = None, scopes: frozenset[str] = ALL_SCOPES
) -> Principal:
    return Principal(
        tenant_id=tenant_id or uuid.uuid4(),
        key_id=uuid.uuid4(),
        scopes=scopes,
        request_id=uuid.uuid4().hex,
    )


def principal_headers(principal: Principal) -> dict[str, str]:
    return {"x-mops-principal": sign_principal(principal, TEST_SECRET)}


@contextlib.asynccontextmanager
async def running(app: FastAPI) -> AsyncIterator[FastAPI]:
    """Runs the app's lifespan (engine, clients) around the block, as a server would."""
    async with app.router.lifespan_context(app):
        yield app


@dataclass
class Served:
    server: uvicorn.Server
    task: asyncio.Task[None]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def stop(self) -> None:
        self.server.should_exit = True
        await self.task


async def serve(app: Any, port: int = 0) -> Served:
    """Serves an ASGI app with uvicorn on a loopback port in this event loop."""
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_config=None, access_log=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign,assignment]  # the test runner owns signals
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    else:
        raise RuntimeError("server did not start")
    bound = server.servers[0].sockets[0].getsockname()[1]
    return Served(server, task, bound)


ClientFactory = Callable[[str], httpx.AsyncClient]


@contextlib.asynccontextmanager
async def tenant_client(
    anonymous_client_factory: ClientFactory,
    service: str,
    tenant_id: uuid.UUID | None = None,
    scopes: frozenset[str] = ALL_SCOPES,
) -> AsyncIterator[httpx.AsyncClient]:
    """A client straight to a service, signed as the given (or a fresh) tenant."""
    async with anonymous_client_factory(service) as client:
        client.headers.update(principal_headers(new_principal(tenant_id, scopes)))
        yield client


async def walk_pages(client: httpx.AsyncClient, url: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, following `next_cursor` page by page."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(1000):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(url, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= params.get("limit", 50)
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def assert_problem(response: httpx.Response, status: int, pointer: str | None = None) -> Any:
    """The response's problem body, after checking it is a problem of this status (and, with
    `pointer`, that exactly that one field is named)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    if pointer is not None:
        assert [e["pointer"] for e in body["errors"]] == [pointer], body
    return body


async def outbox_rows(app: FastAPI, outbox: Table, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    """The tenant's events in a service's outbox table, oldest first."""
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            select(outbox).where(outbox.c.tenant_id == tenant_id).order_by(outbox.c.occurred_at)
        )
        return [dict(row) for row in rows.mappings()]
