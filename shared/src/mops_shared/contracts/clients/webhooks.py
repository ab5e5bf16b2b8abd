from __future__ import annotations

from mops_shared.contracts.clients.base import ServiceClient


class WebhooksClient(ServiceClient):
    """The webhooks service. The gateway reads its OpenAPI document through it; events reach it
    through the outbox relay (`mops_shared.kit.relay`), signed per batch, not per principal."""

    service = "webhooks"
