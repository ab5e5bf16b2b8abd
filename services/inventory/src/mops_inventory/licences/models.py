from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, UniqueConstraint, Uuid
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class LicenceUsage(InventoryTable, table=True):
    """Seats in use on a day: a time series per tool, so adoption can be followed."""

    __tablename__ = "licence_usage"
    __table_args__ = (
        UniqueConstraint("tool_id", "as_of"),
        Index(None, "tenant_id", "as_of"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    as_of: date = Field(sa_column=Column(Date, nullable=False))
    seats_active: int = Field(sa_column=Column(Integer, nullable=False))
    recorded_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
