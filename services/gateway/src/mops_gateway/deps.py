from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mops_gateway.authn import AuthenticatedKey
from mops_gateway.gate import admitted_key
from mops_gateway.proxy import Proxy
from mops_shared.kit.auth import ApiScope
from mops_shared.kit.deps import ReadDep, SessionDep


async def admin_key(request: Request) -> AuthenticatedKey:
    """The caller's key, authenticated and rate-limited like a proxied call, holding `admin`:
    admitted by the gate before the body was read (gate.py), or here for a route outside it."""
    key = admitted_key(request.scope)
    if key is None:
        proxy: Proxy = request.app.state.proxy
        key, _ = await proxy.admit_request(request.scope, ApiScope.admin.value)
    return key


# What any route behind an API key may answer: no valid key, not the scope, over its rate.
AUTH_PROBLEMS = (401, 403, 429)

AdminKeyDep = Annotated[AuthenticatedKey, Depends(admin_key)]

__all__ = [
    "AUTH_PROBLEMS",
    "AdminKeyDep",
    "ReadDep",
    "SessionDep",
]
