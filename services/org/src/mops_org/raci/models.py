from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Column, Index, String, Text, UniqueConstraint
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_shared.kit.db import UTCDateTime, new_id, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class RaciMatrix(OrgTable, table=True):
    """A RACI matrix, kept as one document: its activities are read, written and validated
    together, and a matrix has tens of activities, not thousands of rows to query apart."""

    __tablename__ = "raci_matrices"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)
    __table_args__ = (
        UniqueConstraint("tenant_id", "name_key"),
        Index(None, "tenant_id", "name_key", "id"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # Whether one assignee may be both A and R of an activity.
    allow_accountable_responsible: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False)
    )
    # [{"name", "kind": "programme"|"purchase"|"data",
    #   "assignments": [{"assignee_type", "assignee_id", "letter"}]}]
    activities: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
