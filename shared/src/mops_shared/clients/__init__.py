"""Typed service-to-service clients: the only way one mops service calls another."""

from mops_shared.clients.base import ServiceClient
from mops_shared.clients.inventory import InventoryClient
from mops_shared.clients.org import OrgClient
from mops_shared.clients.scoring import ScoringClient

__all__ = ["InventoryClient", "OrgClient", "ScoringClient", "ServiceClient"]
