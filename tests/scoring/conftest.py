"""Fixtures of the scoring tests: a fresh tenant per test, its client, and another tenant's."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from tests.support import ClientFactory, tenant_client


@pytest.fixture
def tenant_id() -> uuid.UUID:
    return uuid.uuid4()


@pytest.fixture
def app(service_apps: dict[str, FastAPI]) -> FastAPI:
    return service_apps["scoring"]


@pytest_asyncio.fixture
async def client(
    anonymous_client_factory: ClientFactory, tenant_id: uuid.UUID
) -> AsyncIterator[httpx.AsyncClient]:
    """The scoring service, signed as the test's tenant."""
    async with tenant_client(anonymous_client_factory, "scoring", tenant_id) as signed:
        yield signed


@pytest_asyncio.fixture
async def other(anonymous_client_factory: ClientFactory) -> AsyncIterator[httpx.AsyncClient]:
    """The scoring service, signed as another tenant."""
    async with tenant_client(anonymous_client_factory, "scoring") as signed:
        yield signed


@pytest_asyncio.fixture
async def org(
    anonymous_client_factory: ClientFactory, tenant_id: uuid.UUID
) -> AsyncIterator[httpx.AsyncClient]:
    """The org service, signed as the test's tenant."""
    async with tenant_client(anonymous_client_factory, "org", tenant_id) as signed:
        yield signed


@pytest_asyncio.fixture
async def inventory(
    anonymous_client_factory: ClientFactory, tenant_id: uuid.UUID
) -> AsyncIterator[httpx.AsyncClient]:
    """The inventory service, signed as the test's tenant."""
    async with tenant_client(anonymous_client_factory, "inventory", tenant_id) as signed:
        yield signed
