"""The scoring service's own table registry: its tables live in its own metadata and database."""

from __future__ import annotations

from sqlmodel import SQLModel

from mops_shared.db import new_registry

scoring_registry = new_registry()


class ScoringTable(SQLModel, registry=scoring_registry):
    pass
