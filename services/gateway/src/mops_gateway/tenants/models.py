from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, String, UniqueConstraint
from sqlmodel import Field

from mops_gateway.db import GatewayTable
from mops_shared.kit.db import UTCDateTime, new_id, utcnow


class Tenant(GatewayTable, table=True):
    __tablename__ = "tenants"
    __table_args__ = (UniqueConstraint("name_key"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    name: str = Field(sa_column=Column(String(200), nullable=False))
    name_key: str = Field(sa_column=Column(String(200), nullable=False))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
