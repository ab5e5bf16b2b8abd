"""The scoring service as an ASGI app: `uvicorn mops_scoring.main:create_app --factory`."""

from __future__ import annotations

from fastapi import FastAPI

from mops_scoring.config import ScoringSettings
from mops_scoring.evidence.router import router as evidence_router
from mops_scoring.frameworks.router import router as frameworks_router
from mops_scoring.models import writes
from mops_shared.app import create_service_app


def create_app(settings: ScoringSettings | None = None) -> FastAPI:
    return create_service_app(
        settings=settings or ScoringSettings(),
        title="mops scoring",
        description=(
            "Maturity scoring: frameworks, assessments, responses, results and "
            "transformation plans."
        ),
        routers=[frameworks_router, evidence_router],
        openapi_tags=[{"name": "scoring", "description": "Maturity frameworks and assessments."}],
        writes=writes,
    )
