"""Session-wide fixtures: one database per service, built by the real migrations.

The suite runs on SQLite by default and on PostgreSQL with MOPS_TEST_DATABASE=postgres and
MOPS_TEST_POSTGRES_URL (`make test` does both when the URL is set). Tests isolate themselves
by tenant: every test works in tenants of its own, which is also what production isolation
rests on, so no test sees another's rows on either backend.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient, OrgClient
from tests.support import (
    SERVICES,
    TEST_SECRET,
    build_service_app,
    drop_postgres_database,
    migrate_async,
    new_database,
    new_principal,
    principal_headers,
    running,
)


@pytest_asyncio.fixture(scope="session")
async def database_urls(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[dict[str, str]]:
    """Every service's database, migrated to head once for the session."""
    workdir: Path = tmp_path_factory.mktemp("databases")
    urls: dict[str, str] = {}
    created: list[str] = []
    try:
        for service in SERVICES:
            url, pg_name = await new_database(service, workdir)
            if pg_name:
                created.append(pg_name)
            await migrate_async(service, url)
            urls[service] = url
        yield urls
    finally:
        for name in created:
            await drop_postgres_database(name)


@pytest_asyncio.fixture(scope="session")
async def service_apps(database_urls: dict[str, str]) -> AsyncIterator[dict[str, FastAPI]]:
    """The three domain services, started in process (lifespan run) for the whole session."""
    apps = {s: build_service_app(s, database_urls[s]) for s in ("inventory", "org", "scoring")}
    async with running(apps["inventory"]), running(apps["org"]), running(apps["scoring"]):
        # The inventory asks the real org app, in process, instead of a port nobody serves.
        await apps["inventory"].state.org_client.aclose()
        apps["inventory"].state.org_client = OrgClient(
            "http://org.test",
            internal_secret=TEST_SECRET,
            transport=httpx.ASGITransport(app=apps["org"]),
        )
        # And the org asks the real inventory app.
        await apps["org"].state.inventory_client.aclose()
        apps["org"].state.inventory_client = InventoryClient(
            "http://inventory.test",
            internal_secret=TEST_SECRET,
            transport=httpx.ASGITransport(app=apps["inventory"]),
        )
        # The scoring service asks both, in process too.
        scoring = apps["scoring"].state
        await scoring.org_client.aclose()
        await scoring.inventory_client.aclose()
        scoring.org_client = OrgClient(
            "http://org.test",
            internal_secret=TEST_SECRET,
            transport=httpx.ASGITransport(app=apps["org"]),
        )
        scoring.inventory_client = InventoryClient(
            "http://inventory.test",
            internal_secret=TEST_SECRET,
            transport=httpx.ASGITransport(app=apps["inventory"]),
        )
        yield apps


def _client_for(app: FastAPI, service: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=f"http://{service}.test"
    )


@pytest_asyncio.fixture
async def org_client(service_apps: dict[str, FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    """A client straight to the org service, signed as a fresh tenant with every scope."""
    async with _client_for(service_apps["org"], "org") as client:
        client.headers.update(principal_headers(new_principal()))
        yield client


@pytest_asyncio.fixture
async def inventory_client(service_apps: dict[str, FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    async with _client_for(service_apps["inventory"], "inventory") as client:
        client.headers.update(principal_headers(new_principal()))
        yield client


@pytest_asyncio.fixture
async def scoring_client(service_apps: dict[str, FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    async with _client_for(service_apps["scoring"], "scoring") as client:
        client.headers.update(principal_headers(new_principal()))
        yield client


@pytest.fixture
def anonymous_client_factory(service_apps: dict[str, FastAPI]):  # type: ignore[no-untyped-def]
    """Clients straight to a service without any principal (to test that they are refused)."""

    def make(service: str) -> httpx.AsyncClient:
        return _client_for(service_apps[service], service)

    return make
