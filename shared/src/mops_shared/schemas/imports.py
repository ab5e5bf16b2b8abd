"""Wire models of bulk imports."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class ImportMode(StrEnum):
    all_or_nothing = "all_or_nothing"
    partial = "partial"


class ImportProblemRead(BaseModel):
    row: int = Field(description="1-based data row (0: the file or its header).")
    column: str | None
    problem: str
    severity: Literal["error", "warning"]


class ImportReport(BaseModel):
    """What an import did, row by row."""

    mode: ImportMode
    rows_read: int
    created: int = Field(description="Tools added.")
    updated: int = Field(description="Tools that existed (same name) and changed.")
    unchanged: int = Field(description="Tools that existed and already matched the file.")
    failed: int = Field(description="Rows not imported because of an error.")
    integrations_created: int
    problems: list[ImportProblemRead]
