"""Rate limits per key: in process by default, shared through Redis across replicas."""

from __future__ import annotations

import os
import uuid

import httpx
import pytest
from prometheus_client import REGISTRY
from redis.asyncio import Redis

from mops_gateway.main import create_app as create_gateway
from tests.integration.conftest import Stack, client_for, gateway_settings, new_key, new_tenant
from tests.support import running

pytestmark = pytest.mark.asyncio

DURATION_COUNT = "mops_http_request_duration_seconds_count"
REDIS_URL = os.environ.get("MOPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


async def test_key_over_its_limit_gets_429_with_rate_limit_headers(
    stack: Stack, gateway_client: httpx.AsyncClient
) -> None:
    owner = await new_tenant(stack.gateway)
    limited = await new_key(
        stack.gateway,
        owner.tenant_id,
        ["org:read"],
        rate_limit={"requests_per_minute": 6, "burst": 3},
    )
    headers = {"authorization": f"Bearer {limited}"}
    refusals_before = REGISTRY.get_sample_value("mops_gateway_rate_limited_total")
    proxied = {"service": "gateway", "route": "proxy:org", "method": "GET", "status_class": "4xx"}
    proxied_4xx_before = REGISTRY.get_sample_value(DURATION_COUNT, proxied) or 0
    responses = [await gateway_client.get("/v1/org/units", headers=headers) for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    # Counted for an operator: the refusal, and the request under the gateway's proxy route.
    assert REGISTRY.get_sample_value("mops_gateway_rate_limited_total") == refusals_before + 1
    assert REGISTRY.get_sample_value(DURATION_COUNT, proxied) == proxied_4xx_before + 1
    assert [r.headers["ratelimit-remaining"] for r in responses] == ["2", "1", "0", "0"]
    refused = responses[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    # The documented rate, a minute's worth, and the burst in the policy (not as the limit).
    assert refused.headers["ratelimit-limit"] == "6"
    assert refused.headers["ratelimit-policy"] == "6;w=60;burst=3"
    assert [r.headers["ratelimit-reset"] for r in responses] == ["10", "20", "30", "30"]
    assert int(refused.headers["retry-after"]) == 10  # one token every 10 s
    # Another key of the same tenant has its own budget.
    assert (await gateway_client.get("/v1/org/units", headers=owner.headers)).status_code == 200


async def test_replicas_share_one_budget_through_redis(stack: Stack) -> None:
    redis = Redis.from_url(REDIS_URL)
    assert await redis.ping()
    await redis.aclose()
    settings = {
        "org_url": stack.services["org"].url,
        "redis_url": REDIS_URL,
    }
    replica_a = create_gateway(gateway_settings(stack.database_urls["gateway"], **settings))
    replica_b = create_gateway(gateway_settings(stack.database_urls["gateway"], **settings))
    async with running(replica_a), running(replica_b):
        owner = await new_tenant(replica_a)
        key = await new_key(
            replica_a,
            owner.tenant_id,
            ["org:read"],
            name=f"shared-{uuid.uuid4().hex[:6]}",
            rate_limit={"requests_per_minute": 1, "burst": 4},
        )
        headers = {"authorization": f"Bearer {key}"}
        async with client_for(replica_a) as a, client_for(replica_b) as b:
            statuses = [
                (await client.get("/v1/org/units", headers=headers)).status_code
                for client in (a, b, a, b, a, b)
            ]
    assert statuses == [200, 200, 200, 200, 429, 429]


async def test_unreachable_redis_lets_requests_through(stack: Stack) -> None:
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"],
            org_url=stack.services["org"].url,
            redis_url="redis://127.0.0.1:1/0",
        )
    )
    async with running(gateway), client_for(gateway) as client:
        owner = await new_tenant(gateway)
        response = await client.get("/v1/org/units", headers=owner.headers)
    assert response.status_code == 200
