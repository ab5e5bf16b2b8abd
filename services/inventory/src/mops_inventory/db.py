"""The inventory service's own table registry: its tables live in its own metadata and database."""

from __future__ import annotations

from sqlmodel import SQLModel

from mops_shared.kit.db import new_registry
from mops_shared.kit.writes import write_tables

inventory_registry = new_registry()


class InventoryTable(SQLModel, registry=inventory_registry):
    pass


# Audit entries, outbox events and idempotency keys, in this service's own database.
writes = write_tables(inventory_registry.metadata)
