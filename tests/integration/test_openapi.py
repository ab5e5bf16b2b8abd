"""The gateway's merged OpenAPI document."""

from __future__ import annotations

import json
from collections import Counter

import httpx
import pytest

from contract.document import DOCUMENT

pytestmark = pytest.mark.asyncio

METHODS = {"get", "post", "put", "patch", "delete"}


async def test_merged_document_has_every_services_routes_secured(
    gateway_client: httpx.AsyncClient,
) -> None:
    response = await gateway_client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    paths = document["paths"]
    for path in (
        "/v1/inventory/categories",
        "/v1/org/units",
        "/v1/org/units/{unit_id}",
        "/v1/scoring/frameworks",
        "/v1/admin/keys",
    ):
        assert path in paths, path
    # Services' own health routes are not reachable through the gateway, so not documented.
    assert "/readyz" in paths  # the gateway's own
    operations = [
        (path, method, op)
        for path, item in paths.items()
        for method, op in item.items()
        if method in METHODS
    ]
    ids = Counter(op["operationId"] for _, _, op in operations)
    assert all(count == 1 for count in ids.values()), ids
    for path, method, op in operations:
        if not path.startswith("/v1/"):
            continue
        if path == "/v1/webhooks/in/{connection_id}":
            # Proven by the provider's signature, not by an API key.
            assert op["security"] == [], op
            continue
        assert op["security"] == [{"ApiKey": []}], (path, method)
        for status in ("401", "403", "429", "503", "504"):
            content = op["responses"][status]["content"]
            assert content == {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
            }, (path, method, status)
    assert document["components"]["securitySchemes"]["ApiKey"]["scheme"] == "bearer"
    for name in ("UnitCreate", "UnitPage", "CategoryPage", "FrameworkPage", "Problem"):
        assert name in document["components"]["schemas"], name


async def test_docs_page_points_at_the_merged_document(gateway_client: httpx.AsyncClient) -> None:
    response = await gateway_client.get("/docs")
    assert response.status_code == 200
    assert "/openapi.json" in response.text


async def test_the_gateway_serves_the_committed_document(gateway_client: httpx.AsyncClient) -> None:
    response = await gateway_client.get("/openapi.json")
    assert response.json() == json.loads(DOCUMENT.read_text())
