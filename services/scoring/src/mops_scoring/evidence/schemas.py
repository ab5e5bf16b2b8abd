"""Wire models of the evidence signals (`/v1/scoring/evidence-signals`)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from mops_scoring.frameworks.schemas import EvidenceSource
from mops_shared.contracts.pagination import Page


class EvidenceSignalRead(BaseModel):
    key: str
    name: str
    sources: list[EvidenceSource]
    unit: str = Field(
        description="`share` (0-1), `level` (0-1) or `count`: what the raw value measures."
    )
    formula: str = Field(description="How the raw value is computed.")


class EvidenceSignalPage(Page[EvidenceSignalRead]):
    pass
