from __future__ import annotations

import gc

import pytest
from fastapi import FastAPI

from mops_shared.kit.settings import ServiceSettings

pytestmark = pytest.mark.asyncio


async def test_a_started_service_has_frozen_its_startup_heap_and_collects_less_often(
    service_apps: dict[str, FastAPI],
) -> None:
    # CPython's default is 700 and nothing frozen; a request building tens of thousands of rows
    # then spent most of its time in full collections (see mops_shared.kit.app).
    assert gc.get_threshold()[0] == ServiceSettings().gc_young_threshold == 10_000
    assert gc.get_freeze_count() > 0
