"""Wire models of the org area (`/v1/org/...`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.schemas.common import Name
from mops_shared.schemas.pagination import Page


class UnitType(StrEnum):
    organisation = "organisation"
    business_unit = "business_unit"
    function = "function"
    centre_of_excellence = "centre_of_excellence"
    marketing_ops_centre = "marketing_ops_centre"
    region = "region"
    team = "team"


class UnitBase(BaseModel):
    name: Name = Field(description="Unique in the tenant, compared without case.")
    type: UnitType
    parent_id: uuid.UUID | None = Field(
        default=None, description="The unit this one belongs to; null for a root."
    )


class UnitCreate(UnitBase):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"name": "Marketing Ops CoE", "type": "marketing_ops_centre"}]
        },
    )


class UnitRead(UnitBase):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class UnitPage(Page[UnitRead]):
    pass
