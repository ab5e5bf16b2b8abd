from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class Category(InventoryTable, table=True):
    __tablename__ = "categories"
    __table_args__ = (
        # Unique across the whole tenant, not per parent: a NULL parent would make a
        # (tenant_id, parent_id, name_key) constraint let duplicate top-level names through on
        # both SQLite and PostgreSQL (NULLs are distinct), and seeding relies on this conflict.
        # It also serves the `name` sort.
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "created_at", "id"),
        Index(None, "tenant_id", "parent_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    parent_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("categories.id", ondelete="RESTRICT"), nullable=True),
    )
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    built_in: bool = Field(default=False, sa_column=Column(Boolean(), nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
