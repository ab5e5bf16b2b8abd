from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class Integration(InventoryTable, table=True):
    """A directed edge: data flows from the source tool to the target tool.

    One edge per direction and pair in a tenant (A → B and B → A are two integrations).
    Deleting either tool deletes its edges (in the database, so no code path forgets it).
    """

    __tablename__ = "integrations"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "source_tool_id", "target_tool_id"),
        Index(None, "tenant_id", "created_at", "id"),
        # Lookups by source and by target. Tool ids are unique across tenants, so an index led
        # by the tool id serves a lookup within the tenant (the tenant is then a filter on a
        # handful of rows) and also lets PostgreSQL cascade a tool's deletion without scanning
        # every edge; the `tool_id` filter (either end) ORs the two.
        Index(None, "source_tool_id"),
        Index(None, "target_tool_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    source_tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    target_tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    data_carried: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    sync_mode: str = Field(sa_column=Column(String(20), nullable=False))
    status: str = Field(sa_column=Column(String(20), nullable=False))
    notes: str | None = Field(default=None, sa_column=Column(Text))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
