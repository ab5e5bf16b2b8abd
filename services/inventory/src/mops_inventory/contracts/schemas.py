"""Wire models of contracts (`/v1/inventory/...`)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, model_validator

from mops_shared.contracts.common import IsoDate, StrictModel, Text, json_integer, not_null
from mops_shared.contracts.inventory import MoneyIn
from mops_shared.contracts.money import Money
from mops_shared.contracts.pagination import Page

# Integers as JSON Schema means them (3.0 included; never text or a boolean), bounds first.
NoticeDays = Annotated[int, Field(ge=0, le=3650), BeforeValidator(json_integer)]
# Seats purchased here, seats active in licences/schemas.py: one bound for both.
SeatCount = Annotated[int, Field(ge=0, le=10_000_000), BeforeValidator(json_integer)]


class ContractSort(StrEnum):
    """The orders of `GET /v1/inventory/contracts` (`-` for descending)."""

    created_at = "created_at"
    created_at_desc = "-created_at"
    renewal_date = "renewal_date"
    renewal_date_desc = "-renewal_date"


class ContractTerms(BaseModel):
    term_start: IsoDate | None = None
    term_end: IsoDate | None = Field(default=None, description="Not before term_start.")
    renewal_date: IsoDate | None = Field(default=None, description="When it renews (or ends).")
    notice_period_days: NoticeDays | None = Field(
        default=None, description="Notice needed before the renewal date."
    )
    auto_renew: StrictBool = False
    seats_purchased: SeatCount | None = None
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

    annual_cost: MoneyIn


class ContractUpdate(StrictModel):
    """Only the fields sent change (`null` clears an optional field; `annual_cost` and
    `auto_renew` may be left out but not cleared)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"auto_renew": False}]}
    )

    annual_cost: MoneyIn | None = not_null()
    term_start: IsoDate | None = None
    term_end: IsoDate | None = Field(default=None, description="Not before term_start.")
    renewal_date: IsoDate | None = None
    notice_period_days: NoticeDays | None = None
    auto_renew: StrictBool | None = not_null()
    seats_purchased: SeatCount | None = None
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
