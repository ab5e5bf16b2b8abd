"""Every table of the gateway, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_gateway.db import gateway_registry
from mops_gateway.keys.models import ApiKey
from mops_gateway.tenants.models import Tenant

metadata = gateway_registry.metadata

__all__ = ["ApiKey", "Tenant", "metadata"]
