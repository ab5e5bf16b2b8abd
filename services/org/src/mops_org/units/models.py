from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Column, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class Unit(OrgTable, table=True):
    __tablename__ = "units"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
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
        sa_column=Column(Uuid, ForeignKey("units.id", ondelete="RESTRICT"), nullable=True),
    )
    # `hub` or `spoke` (UnitRole), or null.
    role: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    # people refer to units too: the constraint is added after both tables exist (use_alter).
    # Deleting the lead clears it rather than blocking the delete.
    lead_person_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(
            Uuid, ForeignKey("people.id", ondelete="SET NULL", use_alter=True), nullable=True
        ),
    )
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
