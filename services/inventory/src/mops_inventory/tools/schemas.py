"""Wire models of tools (`/v1/inventory/tools`) that only the inventory reads; `ToolRead`,
`ToolPage` and the fields they share with these are in `mops_shared.contracts.inventory`."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StrictBool, field_validator

from mops_shared.contracts.common import IsoDate, Name, StrictModel, Text, not_null
from mops_shared.contracts.inventory import (
    CUSTOM_FIELD_KEYS,
    IN_USE_SINCE,
    Capability,
    Tag,
    ToolFields,
    ToolOwner,
    ToolStatus,
    at_most_one_business_owner,
    custom_field_keys,
)


class ToolSort(StrEnum):
    """The orders of `GET /v1/inventory/tools` (`-` for descending)."""

    name = "name"
    name_desc = "-name"
    created_at = "created_at"
    created_at_desc = "-created_at"


class ToolCreate(ToolFields):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Marketo Engage",
                    "vendor": "Adobe",
                    "capabilities": ["Marketing automation"],
                    "status": "active",
                    "shares_data_with_core": True,
                    "processes_personal_data": True,
                }
            ]
        },
    )

    name: Name = Field(description="Unique in the tenant, compared without case.")
    status: ToolStatus = ToolStatus.active


class ToolUpdate(StrictModel):
    """Only the fields sent change (`null` clears an optional field; `name`, `status` and
    `processes_personal_data` may be left out but not cleared)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"status": "sunsetting", "usage_notes": "Replaced by X"}]},
    )

    name: Name | None = not_null()
    status: ToolStatus | None = not_null()
    vendor: Name | None = None
    category_id: uuid.UUID | None = None
    capabilities: list[Capability] | None = Field(default=None, max_length=50)
    description: Text | None = None
    usage_notes: Text | None = None
    owners: list[ToolOwner] | None = Field(default=None, max_length=20)
    shares_data_with_core: StrictBool | None = None
    processes_personal_data: StrictBool | None = not_null()
    personal_data_categories: list[Tag] | None = Field(default=None, max_length=50)
    website: HttpUrl | None = None
    tags: list[Tag] | None = Field(default=None, max_length=50)
    custom_fields: dict[str, Any] | None = Field(
        default=None,
        max_length=50,
        json_schema_extra=CUSTOM_FIELD_KEYS,
        description="Replaces the tool's custom field values.",
    )
    in_use_since: IsoDate | None = Field(default=None, description=IN_USE_SINCE)

    @field_validator("owners")
    @classmethod
    def _one_business_owner(cls, owners: list[ToolOwner] | None) -> list[ToolOwner] | None:
        return None if owners is None else at_most_one_business_owner(owners)

    @field_validator("custom_fields")
    @classmethod
    def _keys_of_custom_fields(cls, values: dict[str, Any] | None) -> dict[str, Any] | None:
        return None if values is None else custom_field_keys(values)


class StatusChange(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_status: ToolStatus | None
    to_status: ToolStatus
    changed_at: datetime
    actor_key_id: uuid.UUID


class StatusHistory(BaseModel):
    tool_id: uuid.UUID
    changes: list[StatusChange] = Field(description="Oldest first.")
