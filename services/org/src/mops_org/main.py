"""The org service as an ASGI app: `uvicorn mops_org.main:create_app --factory`."""

from __future__ import annotations

from fastapi import FastAPI

from mops_org.config import OrgSettings
from mops_org.models import writes
from mops_org.people.router import router as people_router
from mops_org.units.router import router as units_router
from mops_shared.app import create_service_app


def create_app(settings: OrgSettings | None = None) -> FastAPI:
    return create_service_app(
        settings=settings or OrgSettings(),
        title="mops org",
        description="Org structure: units, people, roles, skills, training, RACI, coordination.",
        routers=[units_router, people_router],
        openapi_tags=[{"name": "org", "description": "The marketing organisation."}],
        writes=writes,
    )
