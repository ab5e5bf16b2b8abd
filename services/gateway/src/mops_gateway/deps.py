from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mops_gateway.authn import AuthenticatedKey
from mops_gateway.proxy import Proxy
from mops_shared.kit.auth import ApiScope
from mops_shared.kit.deps import SessionDep
from mops_shared.kit.errors import PayloadTooLarge


async def bounded_body(request: Request, limit: int, what: str) -> bytes:
    """The raw body (signatures are checked on these bytes), or 413 as soon as it is known to
    be over `limit`: from Content-Length before reading, or while it streams in."""
    too_large = PayloadTooLarge(f"{what} may carry at most {limit} bytes.")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise too_large
    return bytes(body)


async def admin_key(request: Request) -> AuthenticatedKey:
    """The caller's key, authenticated and rate-limited like a proxied call, holding `admin`."""
    proxy: Proxy = request.app.state.proxy
    key, _ = await proxy.admit(
        request.scope, request.headers.get("authorization"), ApiScope.admin.value
    )
    return key


async def webhooks_admin_key(request: Request) -> AuthenticatedKey:
    """The caller's key, authenticated and rate-limited, holding `webhooks:admin`."""
    proxy: Proxy = request.app.state.proxy
    key, _ = await proxy.admit(
        request.scope, request.headers.get("authorization"), ApiScope.webhooks_admin.value
    )
    return key


# What any route behind an API key may answer: no valid key, not the scope, over its rate.
AUTH_PROBLEMS = (401, 403, 429)

AdminKeyDep = Annotated[AuthenticatedKey, Depends(admin_key)]
WebhooksAdminKeyDep = Annotated[AuthenticatedKey, Depends(webhooks_admin_key)]

__all__ = [
    "AUTH_PROBLEMS",
    "AdminKeyDep",
    "SessionDep",
    "WebhooksAdminKeyDep",
    "bounded_body",
]
