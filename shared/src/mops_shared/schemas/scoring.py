"""Wire models of the scoring area (`/v1/scoring/...`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.schemas.pagination import Page
from mops_shared.schemas.scoring_frameworks import (
    EvidenceSource,
    FrameworkDocument,
    FrameworkDocumentWrite,
    FrameworkKind,
)


class FrameworkSort(StrEnum):
    """Orders of the framework list: by key, then by version in the same direction."""

    key = "key"
    key_desc = "-key"


class FrameworkRead(BaseModel):
    """One version of a framework, without its document (lists)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(description="Stable name of the framework, e.g. `five_forces`.")
    version: int = Field(ge=1)
    name: str
    kind: FrameworkKind
    built_in: bool = Field(description="Shipped with mops and seen by every tenant.")
    based_on_id: uuid.UUID | None = Field(
        description="The version this one was made from; null for a first version."
    )
    created_at: datetime


class FrameworkDetail(FrameworkRead):
    """One version of a framework with its whole document."""

    document: FrameworkDocument


class FrameworkPage(Page[FrameworkRead]):
    pass


class FrameworkCreate(BaseModel):
    """A framework of the tenant's own, or a new version of one it sees."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "document": {
                        "key": "campaign_readiness",
                        "name": "Campaign readiness",
                        "description": "Whether the team can run a campaign end to end.",
                        "kind": "mo_readiness",
                        "scale": {
                            "min": 0,
                            "max": 2,
                            "labels": {"0": "No", "1": "Partly", "2": "Yes"},
                        },
                        "dimensions": [
                            {
                                "key": "planning",
                                "name": "Planning",
                                "description": "Campaigns are planned against goals.",
                                "answers_weight": 1,
                            }
                        ],
                        "questions": [
                            {
                                "key": "briefs",
                                "dimension": "planning",
                                "text": "Does every campaign start from a written brief?",
                                "weight": 1,
                            }
                        ],
                    }
                }
            ]
        },
    )

    document: FrameworkDocumentWrite


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
