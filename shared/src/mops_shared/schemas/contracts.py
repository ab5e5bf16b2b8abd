"""Wire models of contracts and licence usage (`/v1/inventory/...`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from mops_shared.schemas.common import Text
from mops_shared.schemas.money import Money
from mops_shared.schemas.pagination import Page


class ContractTerms(BaseModel):
    term_start: date | None = None
    term_end: date | None = None
    renewal_date: date | None = Field(default=None, description="When it renews (or ends).")
    notice_period_days: int | None = Field(
        default=None, ge=0, le=3650, description="Notice needed before the renewal date."
    )
    auto_renew: bool = False
    seats_purchased: int | None = Field(default=None, ge=0, le=10_000_000)
    notes: Text | None = None

    @model_validator(mode="after")
    def _term_in_order(self) -> ContractTerms:
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValueError("term_end is before term_start")
        return self


class ContractCreate(ContractTerms):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "annual_cost": {"amount_minor": 18500000, "currency": "USD"},
                    "term_start": "2026-01-16",
                    "term_end": "2027-01-15",
                    "renewal_date": "2027-01-15",
                    "notice_period_days": 60,
                    "auto_renew": True,
                    "seats_purchased": 40,
                }
            ]
        },
    )

    annual_cost: Money


class ContractUpdate(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"auto_renew": False}]}
    )

    annual_cost: Money | None = None
    term_start: date | None = None
    term_end: date | None = None
    renewal_date: date | None = None
    notice_period_days: int | None = Field(default=None, ge=0, le=3650)
    auto_renew: bool | None = None
    seats_purchased: int | None = Field(default=None, ge=0, le=10_000_000)
    notes: Text | None = None


class ContractRead(ContractTerms):
    id: uuid.UUID
    tool_id: uuid.UUID
    annual_cost: Money
    notice_deadline: date | None = Field(
        description="The last day to give notice: renewal_date minus notice_period_days."
    )
    version: int
    created_at: datetime
    updated_at: datetime


class ContractPage(Page[ContractRead]):
    pass


class LicenceUsageCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"as_of": "2026-11-01", "seats_active": 31}]},
    )

    as_of: date = Field(description="The day the count was taken; one count per tool and day.")
    seats_active: int = Field(ge=0, le=10_000_000)


class LicenceUsageRead(LicenceUsageCreate):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    tool_id: uuid.UUID
    recorded_at: datetime


class LicenceUsagePage(Page[LicenceUsageRead]):
    pass
