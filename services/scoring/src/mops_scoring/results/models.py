from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field

from mops_scoring.db import ScoringTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class Result(ScoringTable, table=True):
    """A result as computed, never changed: computing again makes a new one."""

    __tablename__ = "results"
    __table_args__ = (
        # Histories: a tenant's results of one framework and scope over time.
        Index(None, "tenant_id", "framework_key", "scope_unit_id", "computed_at", "id"),
        Index(None, "tenant_id", "computed_at", "id"),
        Index(None, "assessment_id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    assessment_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("assessments.id"), nullable=False)
    )
    framework_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("frameworks.id"), nullable=False)
    )
    framework_key: str = Field(sa_column=Column(String(100), nullable=False))
    kind: str = Field(sa_column=Column(String(40), nullable=False))
    scope_unit_id: uuid.UUID | None = Field(default=None, nullable=True)
    computed_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    # {dimension key: score}: what histories compare.
    scores: dict[str, float | None] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False)
    )
    # The whole ResultRead.
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
