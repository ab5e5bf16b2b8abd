"""Fixtures of the inventory tests: the session's inventory app, the SQL it runs, and the sample
company imported once per module that reads it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import pytest_asyncio
from fastapi import FastAPI
from sqlalchemy import event

from tests.inventory.support import Tenant, import_sample


@pytest.fixture
def app(service_apps: dict[str, FastAPI]) -> FastAPI:
    return service_apps["inventory"]


@pytest.fixture
def statements(app: FastAPI) -> Iterator[list[str]]:
    """Every SQL statement the inventory's engine runs while the test is in progress."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


# Module scope (as when each module defined it): one import per module, read by its tests only.
@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def sample(service_apps: dict[str, FastAPI]) -> Tenant:
    """The sample file as-is (with its owner units) in a tenant of its own, shared read-only by
    the module's tests: never write through it."""
    return await import_sample(service_apps, with_units=True)
