"""Every table of the webhooks service, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_webhooks.db import webhooks_registry
from mops_webhooks.inbound.models import CrmObjectRow, InboxEventRow, WebhookConnection
from mops_webhooks.outbound.models import (
    DeliveryAttemptRow,
    DeliveryRow,
    DomainEventRow,
    WebhookSubscription,
)

metadata = webhooks_registry.metadata

__all__ = [
    "CrmObjectRow",
    "DeliveryAttemptRow",
    "DeliveryRow",
    "DomainEventRow",
    "InboxEventRow",
    "WebhookConnection",
    "WebhookSubscription",
    "metadata",
]
