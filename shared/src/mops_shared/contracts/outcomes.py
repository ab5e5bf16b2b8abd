"""Outcomes: results attributed to a tool (`/v1/inventory/outcomes`), as the gateway records
them from CRM events."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mops_shared.contracts.common import IsoAwareDateTime, json_integer
from mops_shared.contracts.inventory import MoneyIn, ShortText


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


Quantity = Annotated[int, Field(ge=1, le=1_000_000), BeforeValidator(json_integer)]
ExternalId = ShortText


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
            ],
            # A revenue outcome has an amount; the other kinds may have one.
            # A condition, not an anyOf: SDK generators turn anyOf branches into models.
            "if": {"properties": {"kind": {"const": "revenue"}}, "required": ["kind"]},
            "then": {"required": ["amount"], "properties": {"amount": {"type": "object"}}},
        },
    )

    tool_id: uuid.UUID
    kind: OutcomeKind
    quantity: Quantity = Field(default=1, description="e.g. leads counted at once.")
    amount: MoneyIn | None = Field(default=None, description="Required for revenue.")
    occurred_at: IsoAwareDateTime
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
