"""The webhooks service as an ASGI app: `uvicorn mops_webhooks.main:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.app import create_service_app
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.gauges import GAUGES
from mops_webhooks.inbound.credential_guard import CredentialGuard
from mops_webhooks.inbound.receive_fast import ReceiveFastPath
from mops_webhooks.inbound.router import router as inbound_router
from mops_webhooks.inbound.service import inbox_writer
from mops_webhooks.jobs import WorkerContext
from mops_webhooks.outbound.router import intake_router
from mops_webhooks.outbound.router import router as outbound_router
from mops_webhooks.secrets import secrets_box
from mops_webhooks.worker import STOP_TIMEOUT_SECONDS, WebhookWorker


def create_app(settings: WebhooksSettings | None = None) -> FastAPI:
    settings = settings or WebhooksSettings()

    @asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        app.state.webhook_secrets = secrets_box(settings)
        app.state.inbox_writer = inbox_writer(app.state.engine)
        app.state.credential_guard = guard = CredentialGuard(
            threads=settings.credential_check_threads,
            queue_limit=settings.credential_check_queue,
            failures_per_address=settings.credential_failures_per_address,
            failures_per_connection=settings.credential_failures_per_connection,
        )
        inventory = InventoryClient(
            settings.inventory_url,
            internal_secret=settings.internal_secret.get_secret_value(),
            timeout=settings.downstream_timeout(),
        )
        app.state.worker_context = WorkerContext(
            settings=settings,
            sessionmaker=app.state.sessionmaker,
            inventory=inventory,
            box=app.state.webhook_secrets,
        )
        worker = WebhookWorker(app.state.worker_context)
        if settings.worker_enabled:
            worker.start()
        try:
            yield
        finally:
            await app.state.inbox_writer.close()  # what was received is committed first
            await worker.stop(timeout=STOP_TIMEOUT_SECONDS)
            await inventory.aclose()
            guard.close()

    return create_service_app(
        settings=settings,
        title="mops webhooks",
        description="CRM connections and their inbox; subscriptions to domain events and their "
        "deliveries.",
        routers=[inbound_router, outbound_router, intake_router],
        openapi_tags=[
            {
                "name": "webhooks",
                "description": "CRM connections and their inbox; subscriptions to domain "
                "events and their deliveries.",
            }
        ],
        extra_lifespan=resources,
        # A CRM's deliveries, acknowledged without FastAPI's routing (see receive_fast).
        inner_middleware=[(ReceiveFastPath, {})],
        gauges=GAUGES,
    )
