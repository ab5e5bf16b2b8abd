"""`mops run` keeps its services up: one that exits on its own is started again, with backoff,
and one that keeps failing is given up on (the others stopped, exit 1)."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from mops_cli import supervisor
from mops_cli.supervisor import Child, Restarts, StopRequested


def _process(code: str | None) -> subprocess.Popen[bytes]:
    """Python running `code`, or (None) a process that fails at once (`false`, in about a
    millisecond: no start-up for the fake clock to race)."""
    command = ["false"] if code is None else [sys.executable, "-c", code]
    return subprocess.Popen(command, start_new_session=True)


def _child(service: str, code: str | None) -> Child:
    return Child(service, "127.0.0.1", 0, _process(code))


class FakeClock:
    """Each reading is `step` seconds after the last: backoffs pass in a few polls."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture(autouse=True)
def _fast_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(supervisor, "_POLL_SECONDS", 0.02)
    return


def test_backoff_doubles_while_a_service_exits_quickly_and_resets_once_it_stays_up() -> None:
    plan = Restarts(started_at=0.0)
    delays = []
    now = 0.0
    for _ in range(5):
        now += 1
        delays.append(plan.exited(now))
        assert plan.due_at is not None
        plan.started_at, plan.due_at = plan.due_at, None
        now = plan.started_at
    assert delays == [1, 2, 4, 8, 16]
    assert plan.exited(now + 1) is None  # the sixth quick exit: given up
    steady = Restarts(started_at=0.0, quick_exits=4)
    assert steady.exited(Restarts.STABLE_SECONDS + 1) == 1  # it had stayed up: from 1 s again


def test_a_service_that_exits_is_started_again_and_the_others_keep_running() -> None:
    stop = StopRequested()
    crashing = _child("org", None)
    steady = _child("inventory", "import time; time.sleep(60)")
    started: list[str] = []

    def start(service: str) -> Child:
        started.append(service)
        stop(signal.SIGTERM, None)  # stop once the restart is done
        return _child(service, "import time; time.sleep(60)")

    children = [steady, crashing]
    try:
        assert supervisor._supervise(children, stop, start=start, clock=FakeClock(0.5)) == 0
        assert started == ["org"]
        assert children[0] is steady
        assert steady.running()
        assert children[1] is not crashing
        assert children[1].running()  # the list `run` stops at the end holds the new process
    finally:
        supervisor.stop_children(children, grace=5)


def test_a_service_that_keeps_exiting_is_given_up_on() -> None:
    stop = StopRequested()
    starts: list[str] = []

    def start(service: str) -> Child:
        starts.append(service)
        return _child(service, None)

    children = [_child("scoring", None)]
    try:
        assert supervisor._supervise(children, stop, start=start, clock=FakeClock(1)) == 1
    finally:
        supervisor.stop_children(children, grace=5)
    assert starts == ["scoring"] * Restarts.MAX_QUICK_EXITS
