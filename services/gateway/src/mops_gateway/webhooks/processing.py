"""Inbound processing: inbox events become outcomes in the inventory."""

from __future__ import annotations

from mops_gateway.worker import WorkerContext


async def process_due(context: WorkerContext) -> int:
    return 0
