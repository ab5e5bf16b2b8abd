"""Every table of the inventory service, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_inventory.categories.models import Category
from mops_inventory.contracts.models import Contract
from mops_inventory.custom_fields.models import CustomFieldDefinition
from mops_inventory.db import inventory_registry, writes
from mops_inventory.integrations.models import Integration
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.outcomes.models import Outcome
from mops_inventory.scenarios.models import Scenario
from mops_inventory.tools.models import (
    Capability,
    Tool,
    ToolCapability,
    ToolOwnerRow,
    ToolStatusChange,
)

metadata = inventory_registry.metadata

__all__ = [
    "Capability",
    "Category",
    "Contract",
    "CustomFieldDefinition",
    "Integration",
    "LicenceUsage",
    "Outcome",
    "Scenario",
    "Tool",
    "ToolCapability",
    "ToolOwnerRow",
    "ToolStatusChange",
    "metadata",
    "writes",
]
