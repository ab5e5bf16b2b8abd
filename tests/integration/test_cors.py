"""CORS at the gateway: off unless `MOPS_CORS_ORIGINS` names origins; then preflights are
answered without a key and every answer, proxied or the gateway's own, carries the headers."""

from __future__ import annotations

import httpx
import pytest

from mops_gateway.main import create_app as create_gateway
from tests.integration.conftest import Stack, TenantKey, client_for, gateway_settings
from tests.support import assert_problem, running

pytestmark = pytest.mark.asyncio

ALLOWED = "https://app.example.com"
PREFLIGHT = {
    "origin": ALLOWED,
    "access-control-request-method": "PATCH",
    "access-control-request-headers": "authorization, content-type, idempotency-key, if-match",
}


async def test_cors_is_off_by_default(gateway_client: httpx.AsyncClient, tenant: TenantKey) -> None:
    answer = await gateway_client.get(
        "/v1/org/units", headers={**tenant.headers, "origin": ALLOWED}
    )
    assert answer.status_code == 200
    assert "access-control-allow-origin" not in answer.headers
    preflight = await gateway_client.options("/v1/org/units", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code == 401  # no key: an OPTIONS like any other request


async def test_the_variable_turns_it_on_for_the_origins_it_names(
    stack: Stack, tenant: TenantKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOPS_CORS_ORIGINS", f"{ALLOWED}, http://localhost:3000")
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"],
            org_url=stack.services["org"].url,
        )
    )
    async with running(gateway), client_for(gateway) as client:
        # A preflight, without a key, on a proxied path and on one of the gateway's own.
        for path in ("/v1/org/units", "/v1/admin/keys"):
            preflight = await client.options(path, headers=PREFLIGHT)
            assert preflight.status_code == 200, preflight.text
            assert preflight.headers["access-control-allow-origin"] == ALLOWED
            methods = preflight.headers["access-control-allow-methods"].split(", ")
            assert {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"} <= set(methods)
            allowed_headers = preflight.headers["access-control-allow-headers"].lower()
            for name in ("authorization", "idempotency-key", "if-none-match", "x-request-id"):
                assert name in allowed_headers, name
        # The answer itself, proxied: readable by the page, with the headers it needs exposed.
        answer = await client.get(
            "/v1/org/units", headers={**tenant.headers, "origin": "http://localhost:3000"}
        )
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == "http://localhost:3000"
        exposed = answer.headers["access-control-expose-headers"].lower().split(", ")
        for name in ("etag", "location", "ratelimit-limit", "retry-after", "x-request-id"):
            assert name in exposed, name
        assert "access-control-allow-credentials" not in answer.headers

        # Another origin gets no permission, and its preflight a problem.
        other = {**PREFLIGHT, "origin": "https://evil.example"}
        refused = await client.options("/v1/org/units", headers=other)
        body = assert_problem(refused, 400)
        assert "origin" in body["detail"]
        assert "access-control-allow-origin" not in refused.headers
        answer = await client.get(
            "/v1/org/units", headers={**tenant.headers, "origin": "https://evil.example"}
        )
        assert answer.status_code == 200
        assert "access-control-allow-origin" not in answer.headers
