"""Wire models of the scoring area (`/v1/scoring/...`)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.schemas.pagination import Page


class FrameworkRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    key: str = Field(description="Stable name of the framework, e.g. `five_forces`.")
    version: int = Field(ge=1)
    name: str
    built_in: bool
    created_at: datetime


class FrameworkPage(Page[FrameworkRead]):
    pass
