"""Text PostgreSQL cannot store (a NUL character) in a query parameter: a 422 naming the
parameter on every backend, not a database error."""

from __future__ import annotations

import httpx
import pytest

from tests.support import assert_problem


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("service", "path", "parameter"),
    [
        ("inventory", "/v1/inventory/tools", "name"),
        ("inventory", "/v1/inventory/tools", "vendor"),
        ("org", "/v1/org/people", "email"),
        ("scoring", "/v1/scoring/assessments", "status"),
    ],
)
async def test_a_nul_in_a_query_parameter_is_refused_at_it(
    inventory_client: httpx.AsyncClient,
    org_client: httpx.AsyncClient,
    scoring_client: httpx.AsyncClient,
    service: str,
    path: str,
    parameter: str,
) -> None:
    client = {"inventory": inventory_client, "org": org_client, "scoring": scoring_client}[service]
    response = await client.get(path, params={parameter: "acme\x00"})
    body = assert_problem(response, 422, f"/{parameter}")
    assert body["errors"][0]["location"] == "query"
    assert "NUL" in body["errors"][0]["detail"]  # not refused as an unknown parameter
