"""Use cases on API keys: create (shown once), list, revoke, rotate (with an optional grace)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_gateway.authn import AuthenticatedKey
from mops_gateway.keys import repository
from mops_gateway.keys.models import ApiKey
from mops_gateway.keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead
from mops_gateway.keys.secrets import format_key, hash_secret, new_secret
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, Forbidden, found
from mops_shared.kit.pagination import MAX_LIMIT, resolve_sort
from mops_shared.kit.reads import ReadRow, WireJSON

KEY_JSON = WireJSON(ApiKeyRead)


def _rate_limit(per_minute: int | None, burst: int | None) -> dict[str, int] | None:
    """`RateLimit`'s fields when the key has its own limit, None when it has the default."""
    return {"requests_per_minute": per_minute, "burst": burst} if per_minute and burst else None


def _key_item(row: ReadRow) -> dict[str, Any]:
    """`ApiKeyRead`'s fields of a key's row (`repository.key_row`)."""
    return KEY_JSON.item(
        row, rate_limit=_rate_limit(row["rate_limit_per_minute"], row["rate_limit_burst"])
    )


def to_read(key: ApiKey) -> ApiKeyRead:
    """A key just written, as `ApiKeyRead` (the answer of the writes)."""
    return ApiKeyRead.model_validate(
        {
            "id": key.id,
            "name": key.name,
            "scopes": key.scopes,
            "rate_limit": _rate_limit(key.rate_limit_per_minute, key.rate_limit_burst),
            "created_at": key.created_at,
            "revoked_at": key.revoked_at,
            "rotated_at": key.rotated_at,
        }
    )


def _created(key: ApiKey, secret: str) -> ApiKeyCreated:
    return ApiKeyCreated(**to_read(key).model_dump(), key=format_key(key.id, secret))


def check_rate_limit_within(
    data: ApiKeyCreate, caller: AuthenticatedKey, default: tuple[int, int]
) -> None:
    """A key mints keys no faster than itself: otherwise a rate-limited admin key would lift its
    own limit by minting a key without one (the gateway's default) or with a higher one.
    `default` is the gateway's (per minute, burst) for keys without their own."""
    own = (caller.rate_limit_per_minute or default[0], caller.rate_limit_burst or default[1])
    asked = (
        (data.rate_limit.requests_per_minute, data.rate_limit.burst) if data.rate_limit else default
    )
    if asked[0] > own[0] or asked[1] > own[1]:
        raise Forbidden(
            f"This API key is limited to {own[0]} requests per minute with a burst of {own[1]}: "
            "it cannot create a key with a higher limit."
        )


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
    key = found(await repository.get_by_id(session, tenant_id, key_id), f"No API key {key_id}.")
    return key


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------


async def read_key(conn: AsyncConnection, tenant_id: uuid.UUID, key_id: uuid.UUID) -> bytes:
    """The tenant's key as `ApiKeyRead`'s JSON, without its secret."""
    row = found(await repository.key_row(conn, tenant_id, key_id), f"No API key {key_id}.")
    return KEY_JSON.dumps(_key_item(row))


async def read_keys(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    include_revoked: bool,
) -> bytes:
    """A page of the tenant's keys, oldest first, as `ApiKeyPage`'s JSON."""
    rows, next_cursor = await repository.key_rows(
        conn,
        tenant_id,
        sort=resolve_sort(repository.KEY_SORTS, "created_at"),
        limit=limit,
        cursor=cursor,
        include_revoked=include_revoked,
    )
    return KEY_JSON.dumps_page([_key_item(row) for row in rows], next_cursor)


async def list_all_keys(
    session: AsyncSession, tenant_id: uuid.UUID, *, include_revoked: bool
) -> list[ApiKeyRead]:
    """Every key of the tenant, oldest first, read page by page (`mops keys list`): the rows
    the list route reads, as models."""
    conn = await session.connection()
    sort = resolve_sort(repository.KEY_SORTS, "created_at")
    keys: list[ApiKeyRead] = []
    cursor: str | None = None
    while True:
        rows, cursor = await repository.key_rows(
            conn,
            tenant_id,
            sort=sort,
            limit=MAX_LIMIT,
            cursor=cursor,
            include_revoked=include_revoked,
        )
        keys.extend(ApiKeyRead.model_validate(_key_item(row)) for row in rows)
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
