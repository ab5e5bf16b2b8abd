"""The scoring service as an ASGI app: `uvicorn mops_scoring.main:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from mops_scoring.assessments.router import router as assessments_router
from mops_scoring.config import ScoringSettings
from mops_scoring.evidence.router import router as evidence_router
from mops_scoring.frameworks.router import router as frameworks_router
from mops_scoring.models import writes
from mops_scoring.plans.router import router as plans_router
from mops_scoring.results.router import router as results_router
from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.kit.app import create_service_app


def create_app(settings: ScoringSettings | None = None) -> FastAPI:
    settings = settings or ScoringSettings()

    @asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        # Per app, not per module: two apps in one process (tests) may use different services.
        secret = settings.internal_secret.get_secret_value()
        timeout = settings.downstream_timeout()
        app.state.inventory_client = InventoryClient(
            settings.inventory_url, internal_secret=secret, timeout=timeout
        )
        app.state.org_client = OrgClient(settings.org_url, internal_secret=secret, timeout=timeout)
        try:
            yield
        finally:
            await app.state.inventory_client.aclose()
            await app.state.org_client.aclose()

    return create_service_app(
        settings=settings,
        title="mops scoring",
        description=(
            "Maturity scoring: frameworks, assessments, responses, results and "
            "transformation plans."
        ),
        routers=[
            frameworks_router,
            evidence_router,
            assessments_router,
            results_router,
            plans_router,
        ],
        openapi_tags=[{"name": "scoring", "description": "Maturity frameworks and assessments."}],
        extra_lifespan=resources,
        writes=writes,
    )
