"""The versioning policy's mechanism: a deprecated operation says so, in the document and in
each answer."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI

from mops_shared.kit.deprecation import deprecated

SINCE = datetime(2026, 12, 1, tzinfo=UTC)
SUNSET = datetime(2027, 6, 1, tzinfo=UTC)


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/v1/old", **deprecated(SINCE, SUNSET, successor="/v1/new"))
    async def old() -> dict[str, str]:
        return {"still": "works"}

    @app.get("/v1/new")
    async def new() -> dict[str, str]:
        return {"the": "successor"}

    return app


@pytest.mark.asyncio
async def test_a_deprecated_operation_announces_its_sunset_and_successor() -> None:
    app = _app()
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        old = await client.get("/v1/old")
        new = await client.get("/v1/new")
    assert old.json() == {"still": "works"}
    assert old.headers["deprecation"] == f"@{int(SINCE.timestamp())}"
    assert old.headers["sunset"] == "Tue, 01 Jun 2027 00:00:00 GMT"
    assert old.headers["link"] == '</v1/new>; rel="successor-version"'
    assert "deprecation" not in new.headers
    assert "sunset" not in new.headers
    operation = app.openapi()["paths"]["/v1/old"]["get"]
    assert operation["deprecated"] is True
    assert set(operation["responses"]["200"]["headers"]) == {"Deprecation", "Sunset", "Link"}
    assert "deprecated" not in app.openapi()["paths"]["/v1/new"]["get"]


def test_a_sunset_before_the_deprecation_is_refused() -> None:
    with pytest.raises(ValueError, match="sunset"):
        deprecated(SUNSET, SINCE)
