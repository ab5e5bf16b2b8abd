"""Wire models of categories (`/v1/inventory/categories`); `CategoryRead` and
`CategoryPage`, which the gateway's client reads too, are in `mops_shared.contracts.inventory`."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.contracts.common import Name

# The six top-level categories of the martech landscape, seeded for every tenant.
LANDSCAPE_CATEGORIES: tuple[str, ...] = (
    "Advertising & Promotion",
    "Content & Experience",
    "Social & Relationships",
    "Commerce & Sales",
    "Data",
    "Management",
)


class CategorySort(StrEnum):
    """The orders of `GET /v1/inventory/categories` (`-` for descending)."""

    name = "name"
    name_desc = "-name"
    created_at = "created_at"
    created_at_desc = "-created_at"


class SubcategoryCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Marketing automation",
                    "parent_id": "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
                }
            ]
        },
    )

    name: Name = Field(description="Unique in the tenant, compared without case.")
    parent_id: uuid.UUID = Field(description="The category it belongs to.")
