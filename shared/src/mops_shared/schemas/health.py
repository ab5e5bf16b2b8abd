"""Liveness and readiness bodies."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    service: str


class MigrationState(BaseModel):
    current: list[str]
    head: list[str]


class Readiness(BaseModel):
    status: Literal["ready", "not_ready"]
    service: str
    database: Literal["ok", "unreachable"]
    migrations: MigrationState | None = None
    detail: str | None = None
