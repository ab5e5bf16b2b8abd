"""The org service as an ASGI app: `uvicorn mops_org.main:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from mops_org.config import OrgSettings
from mops_org.coordination.router import router as coordination_router
from mops_org.imports.router import router as imports_router
from mops_org.metrics.router import router as metrics_router
from mops_org.models import writes
from mops_org.people.router import router as people_router
from mops_org.profile.router import router as profile_router
from mops_org.raci.router import router as raci_router
from mops_org.roles.router import router as roles_router
from mops_org.training.router import router as training_router
from mops_org.units.router import router as units_router
from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.app import create_service_app


def create_app(settings: OrgSettings | None = None) -> FastAPI:
    settings = settings or OrgSettings()

    @asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        # Per app, not per module: two apps in one process (tests) may use different services.
        app.state.inventory_client = InventoryClient(
            settings.inventory_url,
            internal_secret=settings.internal_secret.get_secret_value(),
            timeout=settings.downstream_timeout(),
        )
        try:
            yield
        finally:
            await app.state.inventory_client.aclose()

    return create_service_app(
        settings=settings,
        title="mops org",
        description="Org structure: units, people, roles, skills, training, RACI, coordination.",
        routers=[
            units_router,
            people_router,
            roles_router,
            raci_router,
            coordination_router,
            profile_router,
            training_router,
            imports_router,
            metrics_router,
        ],
        openapi_tags=[{"name": "org", "description": "The marketing organisation."}],
        extra_lifespan=resources,
        writes=writes,
    )
