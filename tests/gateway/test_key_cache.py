"""The gateway's key cache reads the database once per key at a time: a burst of requests
that finds an entry expired shares one read, and a key forgotten (revoked) mid-read is not
cached from that read."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from mops_gateway.authn import AuthenticatedKey, KeyAuthenticator, _StoredKey

pytestmark = pytest.mark.asyncio


def stored_key(key_id: uuid.UUID) -> _StoredKey:
    return _StoredKey(
        key=AuthenticatedKey(
            key_id=key_id,
            tenant_id=uuid.uuid4(),
            scopes=frozenset({"org:read"}),
            rate_limit_per_minute=None,
            rate_limit_burst=None,
        ),
        secret_hash="unused",
        previous_secret_hash=None,
        previous_valid_until=None,
        revoked=False,
    )


class CountingAuthenticator(KeyAuthenticator):
    def __init__(self, *, cache_seconds: float) -> None:
        super().__init__(engine=None, cache_seconds=cache_seconds)  # type: ignore[arg-type]
        self.reads = 0
        self.release = asyncio.Event()

    async def _load(self, key_id: uuid.UUID) -> _StoredKey | None:
        self.reads += 1
        await self.release.wait()
        return stored_key(key_id)


async def test_a_burst_of_misses_shares_one_read() -> None:
    authenticator = CountingAuthenticator(cache_seconds=60)
    key_id = uuid.uuid4()
    waiters = [asyncio.create_task(authenticator._stored(key_id)) for _ in range(50)]
    await asyncio.sleep(0)
    authenticator.release.set()

    found = await asyncio.gather(*waiters)

    assert authenticator.reads == 1
    assert {f.key.key_id for f in found if f is not None} == {key_id}
    await authenticator._stored(key_id)
    assert authenticator.reads == 1  # cached


async def test_one_waiter_cancelled_leaves_the_others_their_answer() -> None:
    authenticator = CountingAuthenticator(cache_seconds=60)
    key_id = uuid.uuid4()
    first = asyncio.create_task(authenticator._stored(key_id))
    second = asyncio.create_task(authenticator._stored(key_id))
    await asyncio.sleep(0)
    first.cancel()
    authenticator.release.set()

    found = await second

    assert found is not None
    assert found.key.key_id == key_id
    assert authenticator.reads == 1


async def test_a_key_forgotten_during_its_read_is_read_again() -> None:
    authenticator = CountingAuthenticator(cache_seconds=60)
    key_id = uuid.uuid4()
    reading = asyncio.create_task(authenticator._stored(key_id))
    await asyncio.sleep(0)
    authenticator.forget(key_id)  # revoked while the old row was being read
    authenticator.release.set()
    await reading

    await authenticator._stored(key_id)

    assert authenticator.reads == 2
