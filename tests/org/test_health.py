from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

pytestmark = pytest.mark.asyncio


async def test_health_needs_no_principal(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    async with anonymous_client_factory("org") as client:
        response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "org"}


async def test_ready_when_database_is_at_the_migrations_head(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient],
) -> None:
    async with anonymous_client_factory("org") as client:
        response = await client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert body["migrations"]["current"] == body["migrations"]["head"]
    assert len(body["migrations"]["head"]) == 1
