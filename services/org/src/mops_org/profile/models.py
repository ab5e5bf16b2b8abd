from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Column, String, Text
from sqlmodel import Field

from mops_org.db import OrgTable
from mops_shared.kit.db import UTCDateTime, optimistic_locking, utcnow, version_column

_VERSION = version_column()


class OrgProfile(OrgTable, table=True):
    """The tenant's organisation as a whole: one row per tenant, created on first write."""

    __tablename__ = "org_profiles"
    __mapper_args__: ClassVar[dict[str, Any]] = optimistic_locking(_VERSION)

    tenant_id: uuid.UUID = Field(primary_key=True)
    name: str | None = Field(default=None, sa_column=Column(String(200), nullable=True))
    # OperatingModel and CommerceStructure values, or null while undeclared.
    model: str | None = Field(default=None, sa_column=Column(String(30), nullable=True))
    commerce_structure: str | None = Field(
        default=None, sa_column=Column(String(30), nullable=True)
    )
    notes: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    version: int = Field(default=1, sa_column=_VERSION)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
