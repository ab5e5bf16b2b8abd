"""The door to the routes the gateway serves itself (admin, docs, health): what the proxy does
for proxied routes, done before FastAPI reads and parses the body.

FastAPI reads a route's body before it runs the route's dependencies, so a key checked by a
dependency is checked after the whole body was read (a 300 MiB POST without a key took the
gateway to 1.1 GB). Here the key comes first on the routes that need one, then the body is read
within the same limit as a proxied body (`bodies.BodyLimit`), then the app runs on it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from mops_gateway.authn import AuthenticatedKey
from mops_gateway.bodies import BadContentLength, BodyTooLarge, has_body, replay
from mops_gateway.proxy import Proxy, send_refusal
from mops_shared.kit.auth import ApiScope
from mops_shared.kit.errors import ClientGone, MopsError

ADMIN_PREFIX = "/v1/admin"
# Where the gate leaves the key it admitted, for the routes' dependency (deps.admin_key).
ADMITTED_KEY = "admitted_key"


def admitted_key(scope: Scope) -> AuthenticatedKey | None:
    key = scope.get("state", {}).get(ADMITTED_KEY)
    return key if isinstance(key, AuthenticatedKey) else None


def needs_admin_key(path: str) -> bool:
    return path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")


class OwnRoutesGate:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        proxy: Proxy = scope["app"].state.proxy
        if needs_admin_key(scope["path"]):
            try:
                key, _ = await proxy.admit_request(scope, ApiScope.admin.value)
            except MopsError as exc:
                await send_refusal(send, scope, exc)
                return
            scope["state"][ADMITTED_KEY] = key  # admit_request set scope["state"]
        limit = proxy.body_limit
        try:
            if has_body(scope, limit.declared_length(scope)):
                # Read whole, as the route would: it only changes when and within what.
                receive = replay(await limit.read(receive), receive)
        except (BodyTooLarge, BadContentLength) as exc:
            await limit.refuse(send, scope, exc)
            return
        except ClientGone:
            return
        await self.app(scope, receive, send)
