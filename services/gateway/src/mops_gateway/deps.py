from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mops_gateway.authn import AuthenticatedKey
from mops_gateway.proxy import Proxy
from mops_shared.auth import ApiScope
from mops_shared.deps import SessionDep


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


AdminKeyDep = Annotated[AuthenticatedKey, Depends(admin_key)]
WebhooksAdminKeyDep = Annotated[AuthenticatedKey, Depends(webhooks_admin_key)]

__all__ = ["AdminKeyDep", "SessionDep", "WebhooksAdminKeyDep"]
