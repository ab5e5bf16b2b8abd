"""What the inventory's and the org service's imports both say: their mode and the severity of
a problem."""

from __future__ import annotations

from enum import StrEnum


class ImportMode(StrEnum):
    all_or_nothing = "all_or_nothing"
    partial = "partial"


class ImportSeverity(StrEnum):
    """An error keeps its row (or item) out of the import; a warning is reported and imported."""

    error = "error"
    warning = "warning"
