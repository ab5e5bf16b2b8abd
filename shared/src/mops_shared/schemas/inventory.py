"""Wire models of the inventory area (`/v1/inventory/...`)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

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
