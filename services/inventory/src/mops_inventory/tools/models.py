from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlmodel import Field

from mops_inventory.db import InventoryTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class Tool(InventoryTable, table=True):
    __tablename__ = "tools"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "created_at", "id"),
        Index(None, "tenant_id", "status", "name_key"),
        Index(None, "tenant_id", "category_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    vendor: str | None = Field(default=None, sa_column=Column(String(200)))
    category_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("categories.id", ondelete="SET NULL"))
    )
    description: str | None = Field(default=None, sa_column=Column(Text))
    usage_notes: str | None = Field(default=None, sa_column=Column(Text))
    status: str = Field(sa_column=Column(String(20), nullable=False))
    status_changed_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    shares_data_with_core: bool | None = Field(default=None, sa_column=Column(Boolean))
    processes_personal_data: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    personal_data_categories: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    website: str | None = Field(default=None, sa_column=Column(String(2048)))
    in_use_since: date | None = Field(default=None, sa_column=Column(Date))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    custom_fields: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict)
    )
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class Capability(InventoryTable, table=True):
    """A thing tools do (`CRM`, `Marketing automation`); redundancy is counted per capability."""

    __tablename__ = "capabilities"
    __table_args__ = (UniqueConstraint("tenant_id", "name_key"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(120), nullable=False))
    name_key: str = Field(sa_column=Column(String(120), nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class ToolCapability(InventoryTable, table=True):
    __tablename__ = "tool_capabilities"
    # tenant_id is the tool's, copied so that a report reads its tenant's rows through an
    # index instead of every tenant's (210 000 rows: ~70 ms of a report on the bench machine).
    __table_args__ = (Index(None, "capability_id"), Index(None, "tenant_id", "capability_id"))

    tenant_id: uuid.UUID = Field(nullable=False)
    tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), primary_key=True)
    )
    capability_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("capabilities.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(sa_column=Column(Integer, nullable=False))


class ToolOwnerRow(InventoryTable, table=True):
    __tablename__ = "tool_owners"
    __table_args__ = (
        Index(None, "tool_id"),
        Index(None, "tenant_id", "unit_id"),
        Index(None, "tenant_id", "person_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    role: str = Field(sa_column=Column(String(20), nullable=False))
    person_id: uuid.UUID | None = Field(default=None)
    unit_id: uuid.UUID | None = Field(default=None)
    position: int = Field(sa_column=Column(Integer, nullable=False))


class ToolStatusChange(InventoryTable, table=True):
    """The status history of a tool: when it became evaluating, active, sunsetting, retired."""

    __tablename__ = "tool_status_changes"
    __table_args__ = (Index(None, "tool_id", "changed_at"), Index(None, "tenant_id", "changed_at"))

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    tool_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tools.id", ondelete="CASCADE"), nullable=False)
    )
    from_status: str | None = Field(default=None, sa_column=Column(String(20)))
    to_status: str = Field(sa_column=Column(String(20), nullable=False))
    changed_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    actor_key_id: uuid.UUID = Field(nullable=False)
