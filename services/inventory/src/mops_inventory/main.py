"""The inventory service as an ASGI app: `uvicorn mops_inventory.main:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from mops_inventory.categories.router import router as categories_router
from mops_inventory.categories.service import LandscapeSeeder
from mops_inventory.config import InventorySettings
from mops_inventory.contracts.admin_router import router as contracts_admin_router
from mops_inventory.contracts.jobs import RenewalSweep
from mops_inventory.contracts.router import router as contracts_router
from mops_inventory.custom_fields.router import router as custom_fields_router
from mops_inventory.db import writes
from mops_inventory.imports.export import router as exports_router
from mops_inventory.imports.router import router as imports_router
from mops_inventory.imports.schemas import ToolImportFile
from mops_inventory.integrations.router import router as integrations_router
from mops_inventory.licences.router import router as licences_router
from mops_inventory.outcomes.router import router as outcomes_router
from mops_inventory.reports.router import router as reports_router
from mops_inventory.scenarios.router import router as scenarios_router
from mops_inventory.tools.router import router as tools_router
from mops_shared.contracts.clients import OrgClient
from mops_shared.kit.app import create_service_app


def create_app(settings: InventorySettings | None = None) -> FastAPI:
    settings = settings or InventorySettings()

    @asynccontextmanager
    async def resources(app: FastAPI) -> AsyncIterator[None]:
        # Per app, not per module: two apps in one process (tests) may use different databases.
        app.state.landscape_seeder = LandscapeSeeder(app.state.sessionmaker)
        app.state.org_client = OrgClient(
            settings.org_url,
            internal_secret=settings.internal_secret.get_secret_value(),
            timeout=settings.downstream_timeout(),
        )
        # Announces due contract renewals (`contract.renewal_due`); each process sweeps, safely.
        sweep = (
            RenewalSweep(
                app.state.sessionmaker,
                interval_seconds=settings.renewal_sweep_seconds,
                horizon_days=settings.renewal_horizon_days,
            )
            if settings.renewal_sweep_seconds > 0
            else None
        )
        if sweep is not None:
            sweep.start()
        try:
            yield
        finally:
            if sweep is not None:
                await sweep.stop()
            await app.state.org_client.aclose()

    return create_service_app(
        settings=settings,
        title="mops inventory",
        description=(
            "The martech stack: tools, vendors, categories, integrations, contracts, licences, "
            "outcomes and stack scenarios."
        ),
        routers=[
            categories_router,
            tools_router,
            contracts_router,
            contracts_admin_router,
            licences_router,
            integrations_router,
            outcomes_router,
            imports_router,
            exports_router,
            scenarios_router,
            custom_fields_router,
            reports_router,
        ],
        openapi_tags=[{"name": "inventory", "description": "The marketing technology stack."}],
        extra_lifespan=resources,
        writes=writes,
        extra_schemas=[ToolImportFile],  # the import's JSON body, read raw by the route
    )
