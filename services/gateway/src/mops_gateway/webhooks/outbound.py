"""Outbound webhooks: domain events fanned out to subscriptions and delivered, signed."""

from __future__ import annotations

from mops_gateway.worker import WorkerContext


async def deliver_due(context: WorkerContext) -> int:
    return 0
