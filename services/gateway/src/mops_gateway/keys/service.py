"""Use cases on API keys: create (shown once), list, revoke, rotate (with an optional grace)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from mops_gateway.keys import repository
from mops_gateway.keys.models import ApiKey
from mops_gateway.keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead, RateLimit
from mops_gateway.keys.secrets import format_key, hash_secret, new_secret
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound
from mops_shared.kit.pagination import MAX_LIMIT, resolve_sort


def to_read(key: ApiKey) -> ApiKeyRead:
    return ApiKeyRead(
        id=key.id,
        name=key.name,
        scopes=key.scopes,  # type: ignore[arg-type]
        rate_limit=(
            RateLimit(requests_per_minute=key.rate_limit_per_minute, burst=key.rate_limit_burst)
            if key.rate_limit_per_minute and key.rate_limit_burst
            else None
        ),
        created_at=key.created_at,
        revoked_at=key.revoked_at,
        rotated_at=key.rotated_at,
    )


def _created(key: ApiKey, secret: str) -> ApiKeyCreated:
    return ApiKeyCreated(**to_read(key).model_dump(), key=format_key(key.id, secret))


async def create_key(
    session: AsyncSession, tenant_id: uuid.UUID, data: ApiKeyCreate
) -> ApiKeyCreated:
    secret = new_secret()
    key = ApiKey(
        tenant_id=tenant_id,
        name=data.name,
        scopes=sorted({scope.value for scope in data.scopes}),
        secret_hash=hash_secret(secret),
        rate_limit_per_minute=data.rate_limit.requests_per_minute if data.rate_limit else None,
        rate_limit_burst=data.rate_limit.burst if data.rate_limit else None,
    )
    session.add(key)
    await session.commit()
    return _created(key, secret)


async def _get(session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey:
    key = await repository.get_by_id(session, tenant_id, key_id)
    if key is None:
        raise NotFound(f"No API key {key_id}.")
    return key


async def get_key(session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID) -> ApiKeyRead:
    return to_read(await _get(session, tenant_id, key_id))


async def list_all_keys(
    session: AsyncSession, tenant_id: uuid.UUID, *, include_revoked: bool
) -> list[ApiKeyRead]:
    """Every key of the tenant, oldest first, read page by page (`mops keys list`)."""
    sort = resolve_sort(repository.KEY_SORTS, "created_at")
    keys: list[ApiKeyRead] = []
    cursor: str | None = None
    while True:
        page, cursor = await repository.list_page(
            session,
            tenant_id,
            sort=sort,
            limit=MAX_LIMIT,
            cursor=cursor,
            include_revoked=include_revoked,
        )
        keys.extend(to_read(key) for key in page)
        if cursor is None:
            return keys


async def revoke_key(session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID) -> ApiKeyRead:
    key = await _get(session, tenant_id, key_id)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        key.previous_secret_hash = None
        key.previous_valid_until = None
        await session.commit()
    return to_read(key)


async def rotate_key(
    session: AsyncSession, tenant_id: uuid.UUID, key_id: uuid.UUID, grace_seconds: int
) -> ApiKeyCreated:
    key = await _get(session, tenant_id, key_id)
    if key.revoked_at is not None:
        raise Conflict("A revoked key cannot be rotated.")
    secret = new_secret()
    now = utcnow()
    key.previous_secret_hash = key.secret_hash if grace_seconds else None
    key.previous_valid_until = now + timedelta(seconds=grace_seconds) if grace_seconds else None
    key.secret_hash = hash_secret(secret)
    key.rotated_at = now
    await session.commit()
    return _created(key, secret)
