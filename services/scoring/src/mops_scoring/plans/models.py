from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Uuid
from sqlmodel import Field

from mops_scoring.db import ScoringTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class Plan(ScoringTable, table=True):
    """A transformation plan, kept as one document: its goals, objectives, barriers and stages
    are written and read together, and refer to each other by position."""

    __tablename__ = "plans"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        Index(None, "tenant_id", "created_at", "id"),
        Index(None, "tenant_id", "name", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    result_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(Uuid, ForeignKey("results.id"), nullable=True)
    )
    name: str = Field(sa_column=Column(String(200), nullable=False))
    status: str = Field(sa_column=Column(String(10), nullable=False))
    # {"charter", "goals", "objectives", "barriers", "stages"} as PlanRead writes them (the
    # stages with the martech-gap diffs fetched when the plan was last written).
    document: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
