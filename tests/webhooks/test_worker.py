"""The webhook worker runs whatever the webhooks package registered, round after round, with
the pacing it always had: straight on while a round finds work, the idle wait otherwise, and
the same idle wait (not a growing backoff) after a failed round, logged once per streak.

The jobs themselves are tested with a real gateway (tests/integration/test_webhooks_*); here
the registry is swapped for scripted jobs and the worker's waits recorded instead of slept.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from cryptography.fernet import Fernet
from prometheus_client.parser import text_string_to_metric_families

from mops_webhooks import jobs
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.inbound.jobs import process_due
from mops_webhooks.jobs import WorkerContext, job, registered
from mops_webhooks.outbound.jobs import deliver_due
from mops_webhooks.worker import WebhookWorker, run_jobs
from tests.e2e.stack import free_ports
from tests.support import TEST_SECRET

IDLE = 0.25


class Pauses:
    """Records the worker's waits instead of sleeping; sets `stop` after `limit` of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seconds: list[float] = []

    async def __call__(self, stop: asyncio.Event, seconds: float) -> None:
        self.seconds.append(seconds)
        if len(self.seconds) >= self.limit:
            stop.set()


def context() -> WorkerContext:
    settings = WebhooksSettings(
        internal_secret=TEST_SECRET, environment="test", worker_poll_seconds=IDLE
    )
    # The scripted jobs touch neither the database nor the inventory.
    return WorkerContext(
        settings=settings,
        sessionmaker=cast(Any, None),
        inventory=cast(Any, None),
        box=Fernet(Fernet.generate_key()),
    )


def scripted(steps: list[int | Exception], calls: list[str], name: str) -> jobs.Job:
    async def run(_: WorkerContext) -> int:
        calls.append(name)
        step = steps.pop(0) if steps else 0
        if isinstance(step, Exception):
            raise step
        return step

    return run


def test_the_package_registers_the_inbox_then_the_deliveries() -> None:
    assert registered() == {"inbox": process_due, "deliveries": deliver_due}


def test_a_name_is_registered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "_JOBS", {})
    first = job("inbox")(scripted([], [], "a"))
    assert job("inbox")(first) is first  # the same function again (a module re-imported)
    with pytest.raises(ValueError, match="'inbox' is already registered"):
        job("inbox")(scripted([], [], "b"))


@pytest.mark.asyncio
async def test_a_round_runs_every_registered_job_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(
        jobs, "_JOBS", {"a": scripted([2], calls, "a"), "b": scripted([5], calls, "b")}
    )
    assert await run_jobs(context()) == {"a": 2, "b": 5}
    assert calls == ["a", "b"]


@pytest.mark.asyncio
async def test_the_worker_goes_on_while_rounds_find_work_and_waits_when_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(
        jobs,
        "_JOBS",
        {"a": scripted([0, 1, 0, 0], calls, "a"), "b": scripted([3, 0, 0, 4], calls, "b")},
    )
    pauses = Pauses(limit=2)
    await WebhookWorker(context(), pause=pauses).run(asyncio.Event())
    # Rounds 1 (3 done) and 2 (1 done) go straight on, round 3 found nothing: wait; round 4
    # found 4: straight on; round 5 found nothing: wait.
    assert calls == ["a", "b"] * 5
    assert pauses.seconds == [IDLE, IDLE]


@pytest.mark.asyncio
async def test_a_failing_round_is_retried_after_the_idle_wait_and_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    down = ConnectionRefusedError("the database is down")
    calls: list[str] = []
    monkeypatch.setattr(jobs, "_JOBS", {"a": scripted([down, down, down, 2], calls, "a")})
    caplog.set_level(logging.DEBUG, logger="mops.webhooks.worker")
    pauses = Pauses(limit=4)
    worker = WebhookWorker(context(), pause=pauses)
    await worker.run(asyncio.Event())
    assert pauses.seconds == [IDLE, IDLE, IDLE, IDLE]  # no growing backoff
    assert worker.failures == 0
    records = [r for r in caplog.records if r.name == "mops.webhooks.worker"]
    assert [(r.levelname, r.getMessage()) for r in records] == [
        ("WARNING", "webhook worker round failed"),
        ("DEBUG", "webhook worker round failed"),
        ("DEBUG", "webhook worker round failed"),
        ("INFO", "webhook worker working again"),
    ]
    assert "the database is down" in records[0].__dict__["error"]


def test_a_standalone_worker_serves_its_metrics_on_its_port(tmp_path: Path) -> None:
    """`python -m mops_webhooks.worker` in a pod of its own: its loop's iterations (here failing:
    its database was never migrated) and its process, on MOPS_METRICS_PORT; SIGTERM stops it."""
    (port,) = free_ports(1)
    env = {
        **os.environ,
        "MOPS_INTERNAL_SECRET": TEST_SECRET,
        "MOPS_DATA_DIR": str(tmp_path),
        "MOPS_METRICS_PORT": str(port),
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "mops_webhooks.worker"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        failed = None
        while failed is None and time.monotonic() < deadline:
            assert worker.poll() is None
            try:
                text = httpx.get(f"http://127.0.0.1:{port}/metrics").text
            except httpx.TransportError:
                text = ""
            samples = {
                (s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(text)
                for s in family.samples
            }
            key = (
                "mops_loop_iterations_total",
                (("loop", "webhook-worker"), ("outcome", "failed")),
            )
            failed = samples.get(key)
            time.sleep(0.2)
        assert failed is not None
        assert failed >= 1
        assert samples[("process_resident_memory_bytes", ())] > 0
    finally:
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
