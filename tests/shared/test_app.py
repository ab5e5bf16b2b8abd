from __future__ import annotations

import gc
import logging
from pathlib import Path

import pytest
from fastapi import FastAPI

from mops_shared.kit.settings import DEVELOPMENT_INTERNAL_SECRET, PlaceholderSecret, ServiceSettings
from tests.support import build_service_app, running

pytestmark = pytest.mark.asyncio


async def test_a_started_service_has_frozen_its_startup_heap_and_collects_less_often(
    service_apps: dict[str, FastAPI],
) -> None:
    # CPython's default is 700 and nothing frozen; a request building tens of thousands of rows
    # then spent most of its time in full collections (see mops_shared.kit.app).
    assert gc.get_threshold()[0] == ServiceSettings().gc_young_threshold == 10_000
    assert gc.get_freeze_count() > 0


async def test_a_service_refuses_to_start_on_the_public_placeholder_secret(tmp_path: Path) -> None:
    app = build_service_app(
        "org",
        f"sqlite+aiosqlite:///{tmp_path}/org.db",
        internal_secret=DEVELOPMENT_INTERNAL_SECRET,
        environment="development",
    )
    with pytest.raises(PlaceholderSecret, match="MOPS_INTERNAL_SECRET"):
        async with running(app):
            pass
    # In production the settings themselves refuse it, before any app is built.
    with pytest.raises(ValueError, match="MOPS_INTERNAL_SECRET"):
        ServiceSettings(internal_secret=DEVELOPMENT_INTERNAL_SECRET, environment="production")


async def test_the_placeholder_secret_starts_where_allowed_and_says_so_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/org.db"
    for overrides in (
        {"environment": "test"},
        {"environment": "development", "allow_placeholder_secret": True},
    ):
        caplog.clear()
        app = build_service_app(
            "org", url, internal_secret=DEVELOPMENT_INTERNAL_SECRET, **overrides
        )
        with caplog.at_level(logging.WARNING, logger="mops.app"):
            async with running(app):
                pass
        assert any("PLACEHOLDER INTERNAL SECRET" in r.getMessage() for r in caplog.records)
    caplog.clear()
    async with running(build_service_app("org", url)):  # the suite's own secret: no warning
        pass
    assert not any("PLACEHOLDER" in r.getMessage() for r in caplog.records)
