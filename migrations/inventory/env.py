"""Alembic environment of the inventory service (async; URL from its settings unless given)."""

from mops_inventory.config import InventorySettings
from mops_inventory.models import metadata
from mops_shared.kit.migrations import run_env

run_env(metadata, InventorySettings().database_url)
