"""The inventory service as an ASGI app: `uvicorn mops_inventory.main:create_app --factory`."""

from __future__ import annotations

from fastapi import FastAPI

from mops_inventory.categories.router import router as categories_router
from mops_inventory.categories.service import LandscapeSeeder
from mops_inventory.config import InventorySettings
from mops_shared.app import create_service_app


async def _on_startup(app: FastAPI) -> None:
    # Per app, not per module: two apps in one process (tests, e2e) may use different databases.
    app.state.landscape_seeder = LandscapeSeeder()


def create_app(settings: InventorySettings | None = None) -> FastAPI:
    return create_service_app(
        settings=settings or InventorySettings(),
        title="mops inventory",
        description=(
            "The martech stack: tools, vendors, categories, integrations, contracts, licences, "
            "outcomes and stack scenarios."
        ),
        routers=[categories_router],
        openapi_tags=[{"name": "inventory", "description": "The marketing technology stack."}],
        on_startup_db=_on_startup,
    )
