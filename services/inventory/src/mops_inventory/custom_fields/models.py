from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Column, Index, String, UniqueConstraint
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class CustomFieldDefinition(InventoryTable, table=True):
    """A tenant's own field on tools; definitions are permanent (a key keeps its meaning)."""

    __tablename__ = "custom_field_definitions"
    __table_args__ = (
        UniqueConstraint("tenant_id", "key"),
        Index(None, "tenant_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    key: str = Field(sa_column=Column(String(40), nullable=False))
    label: str = Field(sa_column=Column(String(200), nullable=False))
    type: str = Field(sa_column=Column(String(10), nullable=False))
    options: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
