from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Column, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class CoordinationMechanism(OrgTable, table=True):
    __tablename__ = "coordination_mechanisms"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "name_key", "id"),
        Index(None, "tenant_id", "owner_unit_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    # CoordinationKind, Cadence and IntegrationLevel values.
    kind: str = Field(sa_column=Column(String(40), nullable=False))
    cadence: str | None = Field(default=None, sa_column=Column(String(20), nullable=True))
    level: str = Field(sa_column=Column(String(20), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    owner_unit_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("units.id", ondelete="SET NULL"), nullable=True),
    )
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class CoordinationParticipant(OrgTable, table=True):
    __tablename__ = "coordination_participants"
    __table_args__ = (Index(None, "unit_id"),)

    mechanism_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("coordination_mechanisms.id", ondelete="CASCADE"), primary_key=True
        )
    )
    unit_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    )
    tenant_id: uuid.UUID = Field(nullable=False)
