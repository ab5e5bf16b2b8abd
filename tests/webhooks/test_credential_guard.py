"""The guard of stored-credential checks (`inbound.credential_guard`): off the event loop, in a
bounded pool, verdicts remembered, failures limited per address and per connection."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Callable

import pytest

from mops_shared.kit.errors import RateLimited, ServiceUnavailable
from mops_webhooks.inbound.credential_guard import CredentialGuard, source_address

CONNECTION = uuid.uuid4()
STORED = ("scrypt$stored-form",)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Check:
    """A check that answers `verdict`, counting its calls and the threads it ran on; with
    `gate`, each call waits for it (as a long scrypt would)."""

    def __init__(self, verdict: bool, gate: threading.Event | None = None) -> None:
        self.verdict = verdict
        self.gate = gate
        self.calls = 0
        self.threads: list[threading.Thread] = []

    def __call__(self) -> bool:
        self.calls += 1
        self.threads.append(threading.current_thread())
        if self.gate is not None:
            assert self.gate.wait(10)
        return self.verdict


@pytest.mark.asyncio
async def test_the_check_runs_in_a_worker_thread_while_the_loop_serves_others() -> None:
    guard = CredentialGuard()
    gate = threading.Event()
    check = Check(True, gate)
    checking = asyncio.create_task(guard.matches(CONNECTION, STORED, ("pw",), "10.0.0.1", check))
    ticks = 0
    while not check.calls or ticks < 5:  # the loop runs on while the check waits
        await asyncio.sleep(0.001)
        ticks += 1
    assert not checking.done()
    gate.set()
    assert await checking is True
    assert check.threads[0] is not threading.main_thread()
    assert check.threads[0].name.startswith("credential-check")
    guard.close()


@pytest.mark.asyncio
async def test_a_repeated_credential_is_judged_by_its_remembered_verdict() -> None:
    clock = Clock()
    guard = CredentialGuard(verdict_ttl_seconds=60, clock=clock)
    wrong, right = Check(False), Check(True)
    for _ in range(3):
        assert await guard.matches(CONNECTION, STORED, ("bad",), "10.0.0.1", wrong) is False
        assert await guard.matches(CONNECTION, STORED, ("good",), "10.0.0.1", right) is True
    assert (wrong.calls, right.calls) == (1, 1)
    # Another stored form (a new credential) is never judged by the old verdict.
    assert await guard.matches(CONNECTION, ("scrypt$new",), ("good",), "10.0.0.1", right)
    assert right.calls == 2
    # Past the TTL, the verdict is checked again.
    clock.now += 61
    assert await guard.matches(CONNECTION, STORED, ("bad",), "10.0.0.1", wrong) is False
    assert wrong.calls == 2
    guard.close()


@pytest.mark.asyncio
async def test_deliveries_with_the_same_credential_at_once_share_one_check() -> None:
    guard = CredentialGuard()
    gate = threading.Event()
    check = Check(False, gate)
    checks = [
        asyncio.create_task(guard.matches(CONNECTION, STORED, ("bad",), f"10.0.0.{n}", check))
        for n in range(5)
    ]
    while not check.calls:
        await asyncio.sleep(0.001)
    gate.set()
    assert await asyncio.gather(*checks) == [False] * 5
    assert check.calls == 1
    guard.close()


@pytest.mark.asyncio
async def test_failures_from_one_address_get_429_without_a_check_others_go_on() -> None:
    clock = Clock()
    guard = CredentialGuard(failures_per_address=3, failures_per_connection=100, clock=clock)
    other_connection = uuid.uuid4()
    wrong = Check(False)
    known = Check(True)
    assert await guard.matches(CONNECTION, STORED, ("good",), "10.0.0.9", known)
    for n in range(3):
        assert not await guard.matches(CONNECTION, STORED, (f"bad{n}",), "10.0.0.1", wrong)
    with pytest.raises(RateLimited) as refused:
        await guard.matches(CONNECTION, STORED, ("bad-next",), "10.0.0.1", wrong)
    assert refused.value.status == 429
    assert refused.value.headers["Retry-After"] == "20"  # a token every 60/3 s
    assert wrong.calls == 3  # refused before any check
    # Another address, another connection: checked as ever.
    assert not await guard.matches(other_connection, STORED, ("bad",), "10.0.0.2", wrong)
    # The connection itself is not locked: another address still gets its answer, and a
    # credential known good passes even from the limited address.
    assert not await guard.matches(CONNECTION, STORED, ("bad0",), "10.0.0.3", wrong)
    assert await guard.matches(CONNECTION, STORED, ("good",), "10.0.0.1", known)
    # Tokens come back with time.
    clock.now += 20
    assert not await guard.matches(CONNECTION, STORED, ("bad-later",), "10.0.0.1", wrong)
    guard.close()


@pytest.mark.asyncio
async def test_failures_to_one_connection_from_many_addresses_get_429() -> None:
    guard = CredentialGuard(failures_per_address=100, failures_per_connection=4)
    wrong = Check(False)
    for n in range(4):
        assert not await guard.matches(CONNECTION, STORED, (f"bad{n}",), f"10.0.1.{n}", wrong)
    with pytest.raises(RateLimited):
        await guard.matches(CONNECTION, STORED, ("bad",), "10.0.1.99", wrong)
    assert not await guard.matches(uuid.uuid4(), STORED, ("bad",), "10.0.1.99", wrong)
    guard.close()


@pytest.mark.asyncio
async def test_a_full_queue_refuses_at_once_with_503() -> None:
    guard = CredentialGuard(threads=1, queue_limit=1)
    gate = threading.Event()
    check = Check(True, gate)

    def attempt(n: int) -> Callable[[], object]:
        return lambda: guard.matches(CONNECTION, STORED, (f"pw{n}",), "10.0.0.1", check)

    running = [asyncio.create_task(attempt(n)()) for n in range(2)]  # one runs, one waits
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    with pytest.raises(ServiceUnavailable) as refused:
        await guard.matches(CONNECTION, STORED, ("pw-extra",), "10.0.0.1", check)
    assert refused.value.status == 503
    assert refused.value.headers["Retry-After"] == "1"
    gate.set()
    assert await asyncio.gather(*running) == [True, True]
    # Once they are done, checks are taken again.
    assert await guard.matches(CONNECTION, STORED, ("pw-extra",), "10.0.0.1", check)
    assert check.calls == 3
    guard.close()


@pytest.mark.asyncio
async def test_a_limited_sender_is_refused_early_unless_its_credential_was_proven() -> None:
    """`refuse_early` runs before the connection is read: it refuses what `matches` would
    refuse, for connections `matches` has seen, and lets a proven raw credential through."""
    clock = Clock()
    guard = CredentialGuard(
        failures_per_address=2, failures_per_connection=100, verdict_ttl_seconds=10, clock=clock
    )
    wrong, known = Check(False), Check(True)
    unseen = uuid.uuid4()
    # Nothing known of a connection yet: nothing refused before its query.
    guard.refuse_early(CONNECTION, "10.0.2.1", ("Basic bad",))
    good_raw = ("Basic good", "")
    assert await guard.matches(
        CONNECTION, STORED, ("good",), "10.0.2.1", known, raw_credential=good_raw
    )
    for n in range(2):
        raw = (f"Basic bad{n}", "")
        assert not await guard.matches(
            CONNECTION, STORED, (f"bad{n}",), "10.0.2.1", wrong, raw_credential=raw
        )
    with pytest.raises(RateLimited) as refused:
        guard.refuse_early(CONNECTION, "10.0.2.1", ("Basic bad-next", ""))
    assert refused.value.headers["Retry-After"] == "30"
    guard.refuse_early(CONNECTION, "10.0.2.1", good_raw)  # proven lately: on to the query
    guard.refuse_early(CONNECTION, "10.0.2.2", ("Basic bad-next", ""))  # another address
    guard.refuse_early(unseen, "10.0.2.1", ("Basic bad-next", ""))  # a connection not seen
    # A proof expires with the verdicts (the address still limited: a token every 30 s).
    clock.now += 11
    with pytest.raises(RateLimited):
        guard.refuse_early(CONNECTION, "10.0.2.1", good_raw)
    guard.close()


def test_the_source_is_the_address_the_gateway_saw() -> None:
    assert source_address({"x-forwarded-for": "203.0.113.7"}, "127.0.0.1") == "203.0.113.7"
    assert source_address({"x-forwarded-for": "1.1.1.1, 203.0.113.7"}, None) == "203.0.113.7"
    assert source_address({}, "127.0.0.1") == "127.0.0.1"
    assert source_address({}, None) == "unknown"
