"""Liveness and readiness bodies."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    service: str


class MigrationState(BaseModel):
    current: list[str]
    head: list[str]


class ReadinessStatus(StrEnum):
    ready = "ready"
    not_ready = "not_ready"


class DatabaseState(StrEnum):
    ok = "ok"
    unreachable = "unreachable"


class Readiness(BaseModel):
    status: ReadinessStatus
    service: str
    database: DatabaseState
    migrations: MigrationState | None = None
    detail: str | None = None
