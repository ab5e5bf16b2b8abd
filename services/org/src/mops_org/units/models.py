from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_shared.db import UTCDateTime, new_id, utcnow


class Unit(OrgTable, table=True):
    __tablename__ = "units"
    __table_args__ = (
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "created_at", "id"),
        Index(None, "tenant_id", "parent_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    type: str = Field(sa_column=Column(String(40), nullable=False))
    parent_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("units.id", ondelete="RESTRICT"), nullable=True),
    )
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
