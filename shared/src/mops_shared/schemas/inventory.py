"""Wire models of the inventory area (`/v1/inventory/...`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

from mops_shared.schemas.common import Name, Text
from mops_shared.schemas.pagination import Page

# The six top-level categories of the martech landscape, seeded for every tenant.
LANDSCAPE_CATEGORIES: tuple[str, ...] = (
    "Advertising & Promotion",
    "Content & Experience",
    "Social & Relationships",
    "Commerce & Sales",
    "Data",
    "Management",
)


class CategoryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None = Field(description="Null for the six landscape categories.")
    built_in: bool = Field(description="True for the six landscape categories.")
    created_at: datetime


class CategoryPage(Page[CategoryRead]):
    pass


class SubcategoryCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Marketing automation", "parent_id": "…"}]},
    )

    name: Name = Field(description="Unique in the tenant, compared without case.")
    parent_id: uuid.UUID = Field(description="The category it belongs to.")


class ToolStatus(StrEnum):
    evaluating = "evaluating"
    active = "active"
    sunsetting = "sunsetting"
    retired = "retired"


class OwnerRole(StrEnum):
    business_owner = "business_owner"
    technical_owner = "technical_owner"
    data_steward = "data_steward"


class ToolOwner(BaseModel):
    """Who answers for a tool: a person of the org service, one of its units, or both."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    role: OwnerRole
    person_id: uuid.UUID | None = Field(default=None, description="A person of the org service.")
    unit_id: uuid.UUID | None = Field(default=None, description="A unit of the org service.")

    @model_validator(mode="after")
    def _someone(self) -> ToolOwner:
        if self.person_id is None and self.unit_id is None:
            raise ValueError("an owner names a person_id, a unit_id or both")
        return self


def _at_most_one_business_owner(owners: list[ToolOwner]) -> list[ToolOwner]:
    if sum(1 for o in owners if o.role is OwnerRole.business_owner) > 1:
        raise ValueError("a tool has at most one business owner")
    return owners


Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Capability = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class ToolFields(BaseModel):
    vendor: Name | None = None
    category_id: uuid.UUID | None = Field(default=None, description="A category of the tenant.")
    capabilities: list[Capability] = Field(
        default_factory=list, max_length=50, description="What the tool does, e.g. `CRM`."
    )
    description: Text | None = None
    usage_notes: Text | None = None
    owners: list[ToolOwner] = Field(
        default_factory=list, max_length=20, description="At most one business owner."
    )
    shares_data_with_core: bool | None = Field(
        default=None, description="Whether it shares data with the core platforms."
    )
    processes_personal_data: bool = False
    personal_data_categories: list[Tag] = Field(default_factory=list, max_length=50)
    website: HttpUrl | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    custom_fields: dict[str, Any] = Field(
        default_factory=dict,
        max_length=50,
        description="Values of the tenant's custom fields (`/v1/inventory/custom-fields`).",
    )

    @field_validator("owners")
    @classmethod
    def _one_business_owner(cls, owners: list[ToolOwner]) -> list[ToolOwner]:
        return _at_most_one_business_owner(owners)


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


class ToolRead(ToolFields):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    status: ToolStatus
    status_changed_at: datetime
    version: int = Field(description="Increases with every change; the ETag is built from it.")
    created_at: datetime
    updated_at: datetime


class ToolPage(Page[ToolRead]):
    pass


class ToolUpdate(BaseModel):
    """Only the fields sent change (`null` clears an optional field)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"status": "sunsetting", "usage_notes": "Replaced by X"}]},
    )

    name: Name | None = None
    status: ToolStatus | None = None
    vendor: Name | None = None
    category_id: uuid.UUID | None = None
    capabilities: list[Capability] | None = Field(default=None, max_length=50)
    description: Text | None = None
    usage_notes: Text | None = None
    owners: list[ToolOwner] | None = Field(default=None, max_length=20)
    shares_data_with_core: bool | None = None
    processes_personal_data: bool | None = None
    personal_data_categories: list[Tag] | None = Field(default=None, max_length=50)
    website: HttpUrl | None = None
    tags: list[Tag] | None = Field(default=None, max_length=50)
    custom_fields: dict[str, Any] | None = Field(
        default=None, max_length=50, description="Replaces the tool's custom field values."
    )

    @field_validator("owners")
    @classmethod
    def _one_business_owner(cls, owners: list[ToolOwner] | None) -> list[ToolOwner] | None:
        return None if owners is None else _at_most_one_business_owner(owners)


class StatusChange(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_status: ToolStatus | None
    to_status: ToolStatus
    changed_at: datetime
    actor_key_id: uuid.UUID


class StatusHistory(BaseModel):
    tool_id: uuid.UUID
    changes: list[StatusChange] = Field(description="Oldest first.")
