"""kit.idempotency when a request dies half-way: a write that committed is never run again by a
retry with the same key (its answer lost: 409 saying so), and a claim whose request wrote
nothing is free again for the retry. (Replays, mismatches and concurrency: tests/org.)"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select

from mops_shared.kit.db import create_engine, create_sessionmaker, utcnow
from mops_shared.kit.idempotency import LOCK_SECONDS, IdempotencyMiddleware, idempotency_table
from tests.support import (
    TEST_SECRET,
    backend,
    create_postgres_database,
    drop_postgres_database,
    new_principal,
    principal_headers,
)

pytestmark = pytest.mark.asyncio

metadata = MetaData()
KEYS = idempotency_table(metadata)
THINGS = Table(
    "things",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(50), nullable=False),
)


class Killed(BaseException):
    """The process dying where it is raised: nothing after it runs (not even `except Exception`)."""


@dataclass
class Harness:
    client: httpx.AsyncClient
    count: Callable[[], Awaitable[int]]
    age_claims: Callable[[], Awaitable[None]]
    # What the route does after its write commits: answer 201, or fail.
    after_write: list[str] = field(default_factory=lambda: ["answer"])
    before_write: list[str] = field(default_factory=lambda: ["write"])


@pytest_asyncio.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    name = f"mops_idem_{uuid.uuid4().hex[:10]}"
    if backend() == "postgres":
        url = await create_postgres_database(name)
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'idempotency.db'}"
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    sessions = create_sessionmaker(engine)
    behaviour: dict[str, list[str]] = {"after": ["answer"], "before": ["write"]}

    async def route(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        if behaviour["before"][0] == "die":
            raise Killed
        if behaviour["before"][0] == "fail":
            raise RuntimeError("before the write")
        async with sessions() as session:
            await session.execute(THINGS.insert().values(name="thing"))
            await session.commit()
        if behaviour["after"][0] == "fail":
            raise RuntimeError("after the commit")
        await send({"type": "http.response.start", "status": 201, "headers": []})
        await send({"type": "http.response.body", "body": b'{"made": true}'})

    middleware = IdempotencyMiddleware(route, table=KEYS, area="org")
    state = SimpleNamespace(engine=engine, internal_secret=TEST_SECRET)

    async def app(scope: Any, receive: Any, send: Any) -> None:
        scope["app"] = SimpleNamespace(state=state)
        await middleware(scope, receive, send)

    async def count() -> int:
        async with engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(THINGS))).scalar_one())

    async def age_claims() -> None:
        """As if the claims' processes died more than LOCK_SECONDS ago."""
        past = utcnow() - timedelta(seconds=LOCK_SECONDS + 1)
        async with engine.begin() as conn:
            await conn.execute(KEYS.update().values(created_at=past))

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    headers = {**principal_headers(new_principal()), "idempotency-key": "k-1"}
    async with httpx.AsyncClient(
        transport=transport, base_url="http://org.test", headers=headers
    ) as client:
        yield Harness(client, count, age_claims, behaviour["after"], behaviour["before"])
    await engine.dispose()
    if backend() == "postgres":
        await drop_postgres_database(name)


async def post(harness: Harness) -> httpx.Response:
    return await harness.client.post("/v1/org/things", json={"name": "thing"})


def assert_applied_answer_lost(response: httpx.Response) -> None:
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "was applied, but its answer was lost" in response.json()["detail"]


async def test_a_write_then_a_5xx_is_not_applied_again_by_a_retry(harness: Harness) -> None:
    harness.after_write[0] = "fail"
    assert (await post(harness)).status_code == 500
    harness.after_write[0] = "answer"
    assert_applied_answer_lost(await post(harness))
    assert_applied_answer_lost(await post(harness))
    assert await harness.count() == 1


async def test_a_5xx_before_any_write_leaves_the_key_free_for_the_retry(harness: Harness) -> None:
    harness.before_write[0] = "fail"  # a dependency down before the route wrote anything
    assert (await post(harness)).status_code == 500
    harness.before_write[0] = "write"
    retried = await post(harness)
    assert retried.status_code == 201
    assert "idempotent-replayed" not in retried.headers
    assert await harness.count() == 1


async def test_a_process_killed_after_its_write_committed_is_not_applied_again(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def die(*args: Any, **kwargs: Any) -> None:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(IdempotencyMiddleware, "_store", die)  # killed before the answer is kept
        with pytest.raises(Killed):
            await post(harness)
    assert await harness.count() == 1
    # Within the claim's lock its request may still be running: 409, still being processed.
    early = await post(harness)
    assert early.status_code == 409
    assert "still being processed" in early.json()["detail"]
    await harness.age_claims()
    assert_applied_answer_lost(await post(harness))
    assert_applied_answer_lost(await post(harness))
    assert await harness.count() == 1


async def test_a_process_killed_before_writing_is_taken_over_by_the_retry(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def die(*args: Any, **kwargs: Any) -> None:
        raise Killed

    harness.before_write[0] = "die"
    with monkeypatch.context() as patch:
        patch.setattr(IdempotencyMiddleware, "_release", die)  # nothing after the death runs
        with pytest.raises(Killed):
            await post(harness)
    harness.before_write[0] = "write"
    assert await harness.count() == 0
    await harness.age_claims()
    retried = await post(harness)
    assert retried.status_code == 201
    assert (await post(harness)).headers["idempotent-replayed"] == "true"
    assert await harness.count() == 1
