"""Wire models of outcomes: results attributed to a tool (`/v1/inventory/outcomes`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from mops_shared.schemas.money import Money
from mops_shared.schemas.pagination import Page


class OutcomeKind(StrEnum):
    lead = "lead"
    opportunity = "opportunity"
    revenue = "revenue"
    retention = "retention"
    cost_saving = "cost_saving"


class OutcomeSource(StrEnum):
    api = "api"
    crm_webhook = "crm_webhook"
    import_ = "import"


ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]


class OutcomeCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "tool_id": "3f0c1c5e-8a57-4a4e-9d38-6f8f0b0e4d11",
                    "kind": "revenue",
                    "amount": {"amount_minor": 4_500_000, "currency": "USD"},
                    "occurred_at": "2026-11-02T14:30:00Z",
                    "source": "api",
                    "external_id": "deal-8812",
                }
            ]
        },
    )

    tool_id: uuid.UUID
    kind: OutcomeKind
    quantity: int = Field(default=1, ge=1, le=1_000_000, description="e.g. leads counted at once.")
    amount: Money | None = Field(default=None, description="Required for revenue.")
    occurred_at: AwareDatetime
    source: OutcomeSource = OutcomeSource.api
    external_id: ExternalId | None = Field(
        default=None,
        description="Unique per source: sending the same one again never counts twice.",
    )
    attributes: dict[str, Any] = Field(
        default_factory=dict, description="Where it came from: campaign, source, UTM, ..."
    )


class OutcomeRead(OutcomeCreate):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime


class OutcomePage(Page[OutcomeRead]):
    pass
