"""Every table of the inventory service, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_inventory.categories.models import Category
from mops_inventory.db import inventory_registry

metadata = inventory_registry.metadata

__all__ = ["Category", "metadata"]
