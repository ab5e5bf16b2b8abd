from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class Contract(InventoryTable, table=True):
    __tablename__ = "contracts"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        Index(None, "tool_id", "created_at", "id"),
        Index(None, "tenant_id", "renewal_date"),
        Index(None, "tenant_id", "created_at", "id"),
        # The renewal sweep over every tenant walks renewals from today on, in this order.
        Index(None, "renewal_date", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    annual_cost_minor: int = Field(sa_column=Column(BigInteger, nullable=False))
    currency: str = Field(sa_column=Column(String(3), nullable=False))
    term_start: date | None = Field(default=None, sa_column=Column(Date))
    term_end: date | None = Field(default=None, sa_column=Column(Date))
    renewal_date: date | None = Field(default=None, sa_column=Column(Date))
    notice_period_days: int | None = Field(default=None, sa_column=Column(Integer))
    auto_renew: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    seats_purchased: int | None = Field(default=None, sa_column=Column(Integer))
    notes: str | None = Field(default=None, sa_column=Column(Text))
    # The renewal date `contract.renewal_due` was last announced for (contracts/jobs.py):
    # a new renewal date differs from it, so its own event becomes due. Internal, not in the API.
    renewal_due_notified_for: date | None = Field(default=None, sa_column=Column(Date))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
