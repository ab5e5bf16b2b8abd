"""API-key authentication with a short read-through cache (the proxy's hottest lookup).

The cache holds the stored digests, not a verdict: every request still compares its secret in
constant time, so a rotation or revocation on this replica takes effect at once, and on other
replicas within `key_cache_seconds`.
"""

from __future__ import annotations

import asyncio
import functools
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from mops_gateway.keys.models import ApiKey
from mops_gateway.keys.secrets import parse_key, secret_matches
from mops_shared.kit.db import UTCDateTime, table_of, utcnow
from mops_shared.kit.errors import Unauthorized

_CACHE_MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class AuthenticatedKey:
    key_id: uuid.UUID
    tenant_id: uuid.UUID
    scopes: frozenset[str]
    rate_limit_per_minute: int | None
    rate_limit_burst: int | None

    @functools.cached_property
    def wire_claims(self) -> tuple[str, str, list[str]]:
        """Tenant, key and sorted scopes as the signed principal carries them; computed once
        per cached key, not once per request."""
        return str(self.tenant_id), str(self.key_id), sorted(self.scopes)


@dataclass(frozen=True)
class _StoredKey:
    key: AuthenticatedKey
    secret_hash: str
    previous_secret_hash: str | None
    previous_valid_until: datetime | None
    revoked: bool


_to_utc = UTCDateTime()


class KeyAuthenticator:
    def __init__(
        self,
        engine: AsyncEngine,
        *,
        cache_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._cache_seconds = cache_seconds
        self._clock = clock
        self._cache: dict[uuid.UUID, tuple[float, _StoredKey | None]] = {}
        # One read per key at a time: when a busy key's entry expires, the requests that find
        # it expired wait for that read instead of each reading the database (profiled: under
        # 32 connections the herd of reads took 4 % of the gateway's CPU).
        self._loading: dict[uuid.UUID, asyncio.Task[_StoredKey | None]] = {}
        self._generation = 0

    def forget(self, key_id: uuid.UUID) -> None:
        self._cache.pop(key_id, None)
        self._loading.pop(key_id, None)
        self._generation += 1  # a read begun before this is not cached

    async def authenticate(self, authorization: str | None) -> AuthenticatedKey:
        if not authorization:
            raise Unauthorized("An API key is required: `Authorization: Bearer <key>`.")
        scheme, _, raw_key = authorization.partition(" ")
        if scheme.lower() != "bearer" or not raw_key:
            raise Unauthorized("Use `Authorization: Bearer <key>`.")
        parsed = parse_key(raw_key.strip())
        if parsed is None:
            raise Unauthorized("The API key is not valid.")
        key_id, secret = parsed
        stored = await self._stored(key_id)
        if stored is None:
            raise Unauthorized("The API key is not valid.")
        if stored.revoked:
            raise Unauthorized("The API key has been revoked.")
        if secret_matches(secret, stored.secret_hash):
            return stored.key
        if (
            stored.previous_valid_until is not None
            and stored.previous_valid_until > utcnow()
            and secret_matches(secret, stored.previous_secret_hash)
        ):
            return stored.key
        raise Unauthorized("The API key is not valid.")

    async def _stored(self, key_id: uuid.UUID) -> _StoredKey | None:
        cached = self._cache.get(key_id)
        if cached is not None and self._clock() - cached[0] < self._cache_seconds:
            return cached[1]
        loading = self._loading.get(key_id)
        if loading is None:
            loading = asyncio.create_task(self._load_and_cache(key_id, self._generation))
            self._loading[key_id] = loading
        # Shielded: one waiter's cancellation (its client left) does not cancel the others'.
        return await asyncio.shield(loading)

    async def _load_and_cache(self, key_id: uuid.UUID, generation: int) -> _StoredKey | None:
        read_at = self._clock()
        try:
            stored = await self._load(key_id)
        finally:
            if self._loading.get(key_id) is asyncio.current_task():
                del self._loading[key_id]
        if generation == self._generation:
            if len(self._cache) >= _CACHE_MAX_ENTRIES:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key_id] = (read_at, stored)
        return stored

    async def _load(self, key_id: uuid.UUID) -> _StoredKey | None:
        table = table_of(ApiKey)
        async with self._engine.connect() as conn:
            row = (await conn.execute(select(table).where(table.c.id == key_id))).first()
        if row is None:
            return None
        return _StoredKey(
            key=AuthenticatedKey(
                key_id=row.id,
                tenant_id=row.tenant_id,
                scopes=frozenset(row.scopes),
                rate_limit_per_minute=row.rate_limit_per_minute,
                rate_limit_burst=row.rate_limit_burst,
            ),
            secret_hash=row.secret_hash,
            previous_secret_hash=row.previous_secret_hash,
            previous_valid_until=row.previous_valid_until,
            revoked=row.revoked_at is not None,
        )
