"""Wire models of licence usage (`/v1/inventory/tools/{tool_id}/licence-usage`)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from mops_inventory.contracts.schemas import SeatCount
from mops_shared.contracts.common import IsoDate
from mops_shared.contracts.pagination import Page


class LicenceUsageCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"as_of": "2026-11-01", "seats_active": 31}]},
    )

    as_of: IsoDate = Field(description="The day the count was taken; one count per tool and day.")
    seats_active: SeatCount


class LicenceUsageRead(LicenceUsageCreate):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    tool_id: uuid.UUID
    recorded_at: datetime


class LicenceUsagePage(Page[LicenceUsageRead]):
    pass
