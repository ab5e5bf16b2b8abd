"""Every table of the org service, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_org.db import org_registry, writes
from mops_org.people.models import Person
from mops_org.units.models import Unit

metadata = org_registry.metadata

__all__ = ["Person", "Unit", "metadata", "writes"]
