"""The inventory service's own table registry: its tables live in its own metadata and database."""

from __future__ import annotations

from sqlmodel import SQLModel

from mops_shared.db import new_registry

inventory_registry = new_registry()


class InventoryTable(SQLModel, registry=inventory_registry):
    pass
