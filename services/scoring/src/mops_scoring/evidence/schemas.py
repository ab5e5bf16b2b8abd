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
    formula: str = Field(
        description="How the raw value is computed (under a framework's `evidence_rules` 1)."
    )
    formula_rules_2: str | None = Field(
        default=None,
        description="How it is computed under `evidence_rules` 2, where that differs; null "
        "where it is the same.",
    )


class EvidenceSignalPage(Page[EvidenceSignalRead]):
    pass
