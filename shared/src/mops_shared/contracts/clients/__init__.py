"""Typed service-to-service clients: the only way one mops service calls another."""

from mops_shared.contracts.clients.base import ServiceClient
from mops_shared.contracts.clients.inventory import InventoryClient
from mops_shared.contracts.clients.org import OrgClient
from mops_shared.contracts.clients.scoring import ScoringClient
from mops_shared.contracts.clients.webhooks import WebhooksClient

__all__ = ["InventoryClient", "OrgClient", "ScoringClient", "ServiceClient", "WebhooksClient"]
