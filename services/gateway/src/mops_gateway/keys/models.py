from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, Uuid
from sqlmodel import Field

from mops_gateway.db import GatewayTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class ApiKey(GatewayTable, table=True):
    """An API key. Only SHA-256 digests of its secret are stored; the key is shown once."""

    __tablename__ = "api_keys"
    __table_args__ = (Index(None, "tenant_id", "created_at", "id"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    tenant_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False)
    )
    name: str = Field(sa_column=Column(String(200), nullable=False))
    scopes: list[str] = Field(sa_column=Column(JSON, nullable=False))
    secret_hash: str = Field(sa_column=Column(String(64), nullable=False))
    # During a rotation's grace period the previous secret keeps working until this instant.
    previous_secret_hash: str | None = Field(default=None, sa_column=Column(String(64)))
    previous_valid_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    rate_limit_per_minute: int | None = Field(default=None, sa_column=Column(Integer))
    rate_limit_burst: int | None = Field(default=None, sa_column=Column(Integer))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    rotated_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
