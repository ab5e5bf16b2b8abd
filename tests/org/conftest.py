"""Fixtures of the org tests: a fresh tenant per test, its client, and another tenant's."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_shared.kit.auth import Principal
from tests.support import new_principal, principal_headers


@pytest.fixture
def principal() -> Principal:
    return new_principal()


@pytest.fixture
def app(service_apps: dict[str, FastAPI]) -> FastAPI:
    return service_apps["org"]


@pytest_asyncio.fixture
async def client(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient], principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """The org service, signed as `principal`."""
    async with anonymous_client_factory("org") as client:
        client.headers.update(principal_headers(principal))
        yield client


@pytest_asyncio.fixture
async def other(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> AsyncIterator[httpx.AsyncClient]:
    """The org service, signed as another tenant."""
    async with anonymous_client_factory("org") as client:
        client.headers.update(principal_headers(new_principal()))
        yield client
