"""The real system wired together: four services on loopback ports, the gateway in front.

The services run under uvicorn in this event loop, so the gateway's proxy makes real HTTP
calls over real sockets, as in production; clients reach the gateway in process.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest_asyncio
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mops_gateway.config import GatewaySettings
from mops_gateway.keys import service as keys
from mops_gateway.keys.schemas import ApiKeyCreate
from mops_gateway.main import create_app as create_gateway
from mops_gateway.tenants import service as tenants
from mops_inventory.db import writes as inventory_writes
from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.relay import OutboxRelay
from tests.support import (
    TEST_SECRET,
    Served,
    build_service_app,
    running,
    serve,
    settings_kwargs,
)


@dataclass
class Stack:
    gateway: FastAPI
    services: dict[str, Served]
    webhooks: FastAPI  # served as services["webhooks"]; its state holds the worker's context
    database_urls: dict[str, str]


def gateway_settings(database_url: str, **overrides: Any) -> GatewaySettings:
    return GatewaySettings(**{**settings_kwargs("gateway", database_url), **overrides})


@pytest_asyncio.fixture(scope="session")
async def stack(database_urls: dict[str, str]) -> AsyncIterator[Stack]:
    org = build_service_app("org", database_urls["org"])
    served = {"org": await serve(org)}
    served["inventory"] = await serve(
        build_service_app("inventory", database_urls["inventory"], org_url=served["org"].url)
    )
    served["scoring"] = await serve(
        build_service_app(
            "scoring",
            database_urls["scoring"],
            org_url=served["org"].url,
            inventory_url=served["inventory"].url,
        )
    )
    webhooks = build_service_app(
        "webhooks", database_urls["webhooks"], inventory_url=served["inventory"].url
    )
    served["webhooks"] = await serve(webhooks)
    # Org and inventory ask each other: org learns the inventory's port once it is served.
    await org.state.inventory_client.aclose()
    org.state.inventory_client = InventoryClient(
        served["inventory"].url, internal_secret=TEST_SECRET
    )
    gateway = create_gateway(
        gateway_settings(
            database_urls["gateway"],
            inventory_url=served["inventory"].url,
            org_url=served["org"].url,
            scoring_url=served["scoring"].url,
            webhooks_url=served["webhooks"].url,
            upstream_read_timeout=5.0,
            # Refusals of the receive URL held briefly: still held, without slowing the suite.
            webhook_refusal_delay_seconds=0.05,
        )
    )
    try:
        async with running(gateway):
            yield Stack(gateway, served, webhooks, database_urls)
    finally:
        for server in served.values():
            await server.stop()


@dataclass
class TenantKey:
    tenant_id: uuid.UUID
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.key}"}


async def new_tenant(gateway: FastAPI, scopes: list[str] | None = None) -> TenantKey:
    """A tenant of its own with one key (admin by default), through the gateway's services."""
    async with gateway.state.sessionmaker() as session:
        tenant = await tenants.create_tenant(session, f"tenant-{uuid.uuid4().hex[:12]}")
        created = await keys.create_key(
            session,
            tenant.id,
            ApiKeyCreate.model_validate({"name": "test", "scopes": scopes or ["admin"]}),
        )
    return TenantKey(tenant.id, created.key)


async def new_key(gateway: FastAPI, tenant_id: uuid.UUID, scopes: list[str], **extra: Any) -> str:
    async with gateway.state.sessionmaker() as session:
        created = await keys.create_key(
            session,
            tenant_id,
            ApiKeyCreate.model_validate({"name": "extra", "scopes": scopes} | extra),
        )
    return created.key


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway.test")


@pytest_asyncio.fixture
async def tenant(stack: Stack) -> TenantKey:
    return await new_tenant(stack.gateway)


@pytest_asyncio.fixture
async def gateway_client(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(stack.gateway) as client:
        yield client


@dataclass
class Subscribers:
    """A receiver on loopback and what it was delivered (headers, body), the webhooks service
    that may deliver to it, and a gateway in front of that service (`client`)."""

    receiver_url: str
    received: list[tuple[dict[str, str], bytes]]
    webhooks: FastAPI
    client: httpx.AsyncClient


@asynccontextmanager
async def subscribers(stack: Stack) -> AsyncIterator[Subscribers]:
    """A webhooks service on the suite's webhooks database that may post to loopback (the
    receiver; the suite's own refuses private targets), with a gateway in front of it."""
    received: list[tuple[dict[str, str], bytes]] = []

    async def hook(request: Request) -> Response:
        received.append((dict(request.headers), await request.body()))
        return Response(status_code=204)

    receiver = await serve(Starlette(routes=[Route("/hook", hook, methods=["POST"])]))
    webhooks = build_service_app(
        "webhooks",
        stack.database_urls["webhooks"],
        inventory_url=stack.services["inventory"].url,
        allow_private_targets=True,
    )
    served_webhooks = await serve(webhooks)
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"],
            inventory_url=stack.services["inventory"].url,
            org_url=stack.services["org"].url,
            scoring_url=stack.services["scoring"].url,
            webhooks_url=served_webhooks.url,
        )
    )
    try:
        async with running(gateway), client_for(gateway) as client:
            yield Subscribers(f"{receiver.url}/hook", received, webhooks, client)
    finally:
        await served_webhooks.stop()
        await receiver.stop()


async def relay_inventory_events(stack: Stack, webhooks: FastAPI, *, again: bool = False) -> None:
    """The inventory's outbox relayed to `webhooks`' intake until none is left (`again`: once
    more, as after an answer lost)."""
    inventory: FastAPI = stack.services["inventory"].server.config.app
    relay = OutboxRelay(
        service="inventory",
        outbox=inventory_writes.outbox,
        sessionmaker=inventory.state.sessionmaker,
        intake_url="http://webhooks.test",
        internal_secret=TEST_SECRET,
        transport=httpx.ASGITransport(app=webhooks),
    )
    try:
        while await relay.relay_once():
            pass
        if again:
            await relay.relay_once()
    finally:
        await relay.stop()
