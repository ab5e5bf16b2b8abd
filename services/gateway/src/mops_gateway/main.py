"""The gateway as an ASGI app: `uvicorn mops_gateway.main:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from starlette.types import ASGIApp

from mops_gateway.authn import KeyAuthenticator
from mops_gateway.config import GatewaySettings
from mops_gateway.cors import with_cors
from mops_gateway.docs import docs_router
from mops_gateway.gate import OwnRoutesGate
from mops_gateway.keys.router import router as keys_router
from mops_gateway.proxy import Proxy, ProxyDispatch, ProxySettings
from mops_gateway.ratelimit import LocalRateLimiter, RateLimiter
from mops_gateway.upstream import Upstreams
from mops_shared.contracts.clients import InventoryClient, OrgClient, ScoringClient, WebhooksClient
from mops_shared.contracts.clients.base import ServiceClient
from mops_shared.kit.app import create_service_app


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    secret = settings.internal_secret.get_secret_value()

    @asynccontextmanager
    async def gateway_resources(app: FastAPI) -> AsyncIterator[None]:
        # One pool of keep-alive connections per upstream, for the life of the process.
        upstreams = Upstreams(
            settings.upstreams(),
            pool_size=settings.upstream_pool_size,
            connect_timeout=settings.upstream_connect_timeout,
            read_timeout=settings.upstream_read_timeout,
        )
        limiter: RateLimiter
        if settings.redis_url:
            from mops_gateway.redis_ratelimit import RedisRateLimiter

            limiter = RedisRateLimiter(settings.redis_url)
        else:
            limiter = LocalRateLimiter()
        app.state.proxy = Proxy(
            ProxySettings(
                internal_secret=secret,
                principal_ttl_seconds=settings.principal_ttl_seconds,
                max_body_bytes=settings.max_body_bytes,
                receive_max_body_bytes=settings.webhook_max_body_bytes,
                refusal_delay_seconds=settings.webhook_refusal_delay_seconds,
                refusals_held_max=settings.webhook_refusals_held_max,
                default_per_minute=settings.rate_limit_per_minute,
                default_burst=settings.rate_limit_burst,
            ),
            upstreams,
            KeyAuthenticator(app.state.engine, cache_seconds=settings.key_cache_seconds),
            limiter,
        )
        timeout = httpx.Timeout(
            settings.upstream_read_timeout, connect=settings.upstream_connect_timeout
        )
        clients: dict[str, ServiceClient] = {
            "inventory": InventoryClient(
                settings.inventory_url, internal_secret=secret, timeout=timeout
            ),
            "org": OrgClient(settings.org_url, internal_secret=secret, timeout=timeout),
            "scoring": ScoringClient(settings.scoring_url, internal_secret=secret, timeout=timeout),
            "webhooks": WebhooksClient(
                settings.webhooks_url, internal_secret=secret, timeout=timeout
            ),
        }
        app.state.service_clients = clients
        app.state.merged_openapi = None
        try:
            yield
        finally:
            await upstreams.close()
            await limiter.close()
            for client in clients.values():
                await client.aclose()

    app = create_service_app(
        settings=settings,
        title="mops gateway",
        description="Authentication, routing and rate limits in front of the mops services.",
        routers=[
            keys_router,
            docs_router(),
        ],
        openapi_tags=[
            {"name": "admin", "description": "The tenant's API keys."},
        ],
        extra_lifespan=gateway_resources,
        openapi_url=None,
        inner_middleware=[(OwnRoutesGate, {})],
    )
    build_stack = app.build_middleware_stack

    def proxy_first() -> ASGIApp:
        dispatch = ProxyDispatch(build_stack(), access_log=settings.access_log)
        return with_cors(dispatch, settings.cors_origin_list())  # outside the proxy too

    app.build_middleware_stack = proxy_first  # type: ignore[method-assign]
    return app
