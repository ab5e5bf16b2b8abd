"""Wire models of integrations: directed edges tool → tool (`/v1/inventory/integrations`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mops_shared.contracts.common import StrictModel, Text, name_key, not_null
from mops_shared.contracts.inventory import Tag
from mops_shared.contracts.pagination import Page


class IntegrationSort(StrEnum):
    """The orders of `GET /v1/inventory/integrations` (`-` for descending)."""

    created_at = "created_at"
    created_at_desc = "-created_at"


class SyncMode(StrEnum):
    realtime = "realtime"
    batch = "batch"
    manual = "manual"


class IntegrationStatus(StrEnum):
    active = "active"
    planned = "planned"
    broken = "broken"
    retired = "retired"


DataKind = Tag  # not blank, at most 60 characters, stored trimmed
DATA_CARRIED_DESCRIPTION = (
    "What flows along the edge, e.g. `contacts`, `leads`, `events` (at most 50; repeats, "
    "compared without case, are dropped)."
)


def _unique(kinds: list[str]) -> list[str]:
    """The kinds in their given order, each once (the first spelling wins)."""
    seen: dict[str, str] = {}
    for kind in kinds:
        seen.setdefault(name_key(kind), kind)
    return list(seen.values())


class IntegrationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "source_tool_id": "0b6f3c1e-8d2a-4f57-9a51-3f1c2d4e5a60",
                    "target_tool_id": "5d0e7a92-1b3c-4e8f-a6d7-9c2b1a0f3e48",
                    "data_carried": ["leads", "contacts"],
                    "sync_mode": "realtime",
                    "status": "active",
                    "notes": "Native connector; leads sync every few seconds.",
                }
            ]
        },
    )

    source_tool_id: uuid.UUID = Field(description="The tool the data leaves (of the tenant).")
    target_tool_id: uuid.UUID = Field(
        description="The tool the data reaches (of the tenant, not the source); one edge per "
        "direction, the reverse direction is another integration."
    )
    data_carried: list[DataKind] = Field(
        default_factory=list, max_length=50, description=DATA_CARRIED_DESCRIPTION
    )
    sync_mode: SyncMode = SyncMode.batch
    status: IntegrationStatus = IntegrationStatus.active
    notes: Text | None = None

    @field_validator("data_carried")
    @classmethod
    def _unique_kinds(cls, kinds: list[str]) -> list[str]:
        return _unique(kinds)


class IntegrationUpdate(StrictModel):
    """Only the fields sent change (`null` clears `notes`, the others may be left out but not
    cleared); the two tools cannot change."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"status": "broken", "notes": "API key expired"}]},
    )

    data_carried: list[DataKind] | None = not_null(
        max_length=50, description=DATA_CARRIED_DESCRIPTION
    )
    sync_mode: SyncMode | None = not_null()
    status: IntegrationStatus | None = not_null()
    notes: Text | None = None

    @field_validator("data_carried")
    @classmethod
    def _unique_kinds(cls, kinds: list[str] | None) -> list[str] | None:
        return None if kinds is None else _unique(kinds)


class IntegrationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    source_tool_id: uuid.UUID
    source_tool_name: str = Field(description="The source tool's name, for reading.")
    target_tool_id: uuid.UUID
    target_tool_name: str = Field(description="The target tool's name, for reading.")
    data_carried: list[str]
    sync_mode: SyncMode
    status: IntegrationStatus
    notes: str | None
    version: int = Field(description="Increases with every change; the ETag is built from it.")
    created_at: datetime
    updated_at: datetime


class IntegrationPage(Page[IntegrationRead]):
    pass
