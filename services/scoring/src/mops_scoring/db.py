"""The scoring service's own table registry: its tables live in its own metadata and database."""

from __future__ import annotations

from sqlmodel import SQLModel

from mops_shared.kit.db import new_registry
from mops_shared.kit.writes import write_tables

scoring_registry = new_registry()


class ScoringTable(SQLModel, registry=scoring_registry):
    pass


# Audit entries, outbox events and idempotency keys, in this service's own database.
writes = write_tables(scoring_registry.metadata)
