from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field

from mops_scoring.db import ScoringTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class Framework(ScoringTable, table=True):
    """One version of a scoring framework, never changed once written (results keep the
    version they were computed with); a null `tenant_id` marks a built-in every tenant sees."""

    __tablename__ = "frameworks"
    __table_args__ = (
        UniqueConstraint("tenant_id", "key", "version"),
        # NULLs are distinct in unique constraints (SQLite and PostgreSQL alike), so the one
        # above does not stop two built-in rows with the same key and version; this does.
        Index(
            "uq_frameworks_built_in_key_version",
            "key",
            "version",
            unique=True,
            sqlite_where=text("tenant_id IS NULL"),
            postgresql_where=text("tenant_id IS NULL"),
        ),
        # Serves the `key` sort (key, version, id) within a tenant and within the built-ins.
        Index(None, "tenant_id", "key", "version", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID | None = Field(default=None, nullable=True)
    key: str = Field(sa_column=Column(String(100), nullable=False))
    version: int = Field(sa_column=Column(Integer(), nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    # The document's kind, kept apart to filter on.
    kind: str = Field(sa_column=Column(String(40), nullable=False))
    built_in: bool = Field(default=False, sa_column=Column(Boolean(), nullable=False))
    # The FrameworkDocument, as validated when the version was written.
    document: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON(), nullable=False))
    # The version this one was made from (a built-in or the tenant's own), if any.
    based_on_id: uuid.UUID | None = Field(default=None, nullable=True)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
