from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from mops_gateway.deps import AUTH_PROBLEMS, AdminKeyDep, ReadDep, SessionDep
from mops_gateway.keys import service
from mops_gateway.keys.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPage,
    ApiKeyRead,
    ApiKeyRotate,
)
from mops_gateway.tenants import service as tenants
from mops_gateway.tenants.schemas import TenantRead
from mops_shared.kit.conventions import CREATED_WITH_LOCATION
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.get(
    "/tenant",
    operation_id="admin_get_tenant",
    summary="Get the caller's tenant",
    response_model=TenantRead,
    responses=problem_responses(*AUTH_PROBLEMS),
)
async def get_tenant(conn: ReadDep, caller: AdminKeyDep) -> Response:
    """The tenant the calling API key belongs to."""
    return json_response(await tenants.read_tenant(conn, caller.tenant_id))


@router.get(
    "/keys",
    operation_id="admin_list_keys",
    summary="List API keys",
    response_model=ApiKeyPage,
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_keys(
    conn: ReadDep,
    caller: AdminKeyDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    include_revoked: Annotated[bool, Query(description="Also list revoked keys.")] = False,
) -> Response:
    """The tenant's API keys (never their secrets), oldest first."""
    body = await service.read_keys(
        conn, caller.tenant_id, limit=limit, cursor=cursor, include_revoked=include_revoked
    )
    return json_response(body)


@router.post(
    "/keys",
    operation_id="admin_create_key",
    summary="Create an API key",
    status_code=status.HTTP_201_CREATED,
    # Its schema (with the secret shown once) is not the one read at the Location.
    responses={**problem_responses(*AUTH_PROBLEMS, 422), **CREATED_WITH_LOCATION},
)
async def create_key(
    body: ApiKeyCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    caller: AdminKeyDep,
) -> ApiKeyCreated:
    """Creates a key in the caller's tenant. The whole key is in this response only. A key
    with a rate limit of its own cannot create a key with a higher limit (nor one without a
    limit of its own, when the gateway's default is higher): 403."""
    settings = request.app.state.settings
    default = (settings.rate_limit_per_minute, settings.rate_limit_burst)
    service.check_rate_limit_within(body, caller, default)
    created = await service.create_key(session, caller.tenant_id, body)
    response.headers["Location"] = f"/v1/admin/keys/{created.id}"
    return created


@router.get(
    "/keys/{key_id}",
    operation_id="admin_get_key",
    summary="Get an API key",
    response_model=ApiKeyRead,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_key(key_id: uuid.UUID, conn: ReadDep, caller: AdminKeyDep) -> Response:
    """One key of the caller's tenant, without its secret."""
    return json_response(await service.read_key(conn, caller.tenant_id, key_id))


@router.post(
    "/keys/{key_id}/revoke",
    operation_id="admin_revoke_key",
    summary="Revoke an API key",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def revoke_key(
    key_id: uuid.UUID, request: Request, session: SessionDep, caller: AdminKeyDep
) -> ApiKeyRead:
    """Revokes a key at once on this gateway (other replicas within the key cache's lifetime)."""
    revoked = await service.revoke_key(session, caller.tenant_id, key_id)
    request.app.state.proxy.authenticator.forget(key_id)
    return revoked


@router.post(
    "/keys/{key_id}/rotate",
    operation_id="admin_rotate_key",
    summary="Rotate an API key's secret",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 422),
)
async def rotate_key(
    key_id: uuid.UUID,
    body: ApiKeyRotate,
    request: Request,
    session: SessionDep,
    caller: AdminKeyDep,
) -> ApiKeyCreated:
    """A new secret for the same key id and scopes; the old one works for `grace_seconds`."""
    rotated = await service.rotate_key(session, caller.tenant_id, key_id, body.grace_seconds)
    request.app.state.proxy.authenticator.forget(key_id)
    return rotated
