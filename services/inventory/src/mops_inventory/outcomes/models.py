from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class Outcome(InventoryTable, table=True):
    """A result attributed to a tool. (source, external_id) is unique per tenant, so a replayed
    CRM event or a re-imported file never counts twice; rows without an external id are free."""

    __tablename__ = "outcomes"
    __table_args__ = (
        UniqueConstraint("tenant_id", "source", "external_id"),
        Index(None, "tenant_id", "tool_id", "occurred_at"),
        Index(None, "tenant_id", "occurred_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    quantity: int = Field(default=1, sa_column=Column(Integer, nullable=False))
    amount_minor: int | None = Field(default=None, sa_column=Column(BigInteger))
    currency: str | None = Field(default=None, sa_column=Column(String(3)))
    occurred_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    source: str = Field(sa_column=Column(String(20), nullable=False))
    external_id: str | None = Field(default=None, sa_column=Column(String(255)))
    attributes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
