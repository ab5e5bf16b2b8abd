"""The frameworks of the scoring area as the gateway's scoring client lists them
(`GET /v1/scoring/frameworks`); the rest of the scoring area's wire models are in the scoring
service."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.contracts.pagination import Page


class FrameworkKind(StrEnum):
    """Which scoring the framework drives, and so which result it produces."""

    five_forces = "five_forces"
    cx_efficiency = "cx_efficiency"
    mo_readiness = "mo_readiness"


class FrameworkRead(BaseModel):
    """One version of a framework, without its document (lists)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(description="Stable name of the framework, e.g. `five_forces`.")
    version: int = Field(ge=1)
    name: str
    kind: FrameworkKind
    built_in: bool = Field(description="Shipped with mops and seen by every tenant.")
    based_on_id: uuid.UUID | None = Field(
        description="The version this one was made from; null for a first version."
    )
    created_at: datetime


class FrameworkPage(Page[FrameworkRead]):
    pass
