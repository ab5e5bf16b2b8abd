"""The webhook worker's jobs: what they share (`WorkerContext`) and the registry they join
(`@job`). Each job claims its due rows through its domain's repository, leased
(`mops_shared.kit.loop.claim_leased`).

A job is an async function of the context returning how many rows it finished. Its module
registers it with `@job(name)`, and the package (`mops_webhooks`) imports the job
modules, so the worker (`mops_webhooks.worker`) runs whatever is registered without importing
any of them, and the jobs import this module, never the worker: no import cycle.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from cryptography.fernet import Fernet
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.db import utcnow
from mops_shared.kit.loop import Clock
from mops_webhooks.config import WebhooksSettings


@dataclass
class WorkerContext:
    """What the jobs share: the service's settings and database, the inventory, the box that
    decrypts secrets, and the clock (tests set their own)."""

    settings: WebhooksSettings
    sessionmaker: async_sessionmaker[AsyncSession]
    inventory: InventoryClient
    box: Fernet
    clock: Clock = field(default=utcnow)

    @property
    def batch(self) -> int:
        return self.settings.worker_batch


Job = Callable[[WorkerContext], Awaitable[int]]

# In registration order: the order the worker runs them in each round.
_JOBS: dict[str, Job] = {}


def job(name: str) -> Callable[[Job], Job]:
    """Registers the decorated function as the worker's job `name`."""

    def register(function: Job) -> Job:
        if _JOBS.setdefault(name, function) is not function:
            raise ValueError(f"a webhook job named {name!r} is already registered")
        return function

    return register


def registered() -> dict[str, Job]:
    """Every registered job by name, in the order they run."""
    return dict(_JOBS)
