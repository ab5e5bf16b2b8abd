"""The principal: who is calling, signed by the gateway and verified by every service.

The gateway authenticates the API key and forwards `X-Mops-Principal`: an HMAC-SHA256 signed,
short-lived token naming the tenant, the key, its scopes and the request id. Services trust
nothing else: the tenant of every query comes from this token, never from the request.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hmac
import time
import uuid
from collections.abc import Iterable
from enum import StrEnum

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.requests import Request

from mops_shared.kit.errors import Forbidden, Unauthorized

PRINCIPAL_HEADER = "x-mops-principal"
PRINCIPAL_TTL_SECONDS = 60
_TOKEN_VERSION = "v1"


class ApiScope(StrEnum):
    inventory_read = "inventory:read"
    inventory_write = "inventory:write"
    org_read = "org:read"
    org_write = "org:write"
    scoring_read = "scoring:read"
    scoring_write = "scoring:write"
    webhooks_admin = "webhooks:admin"
    admin = "admin"


class Principal(BaseModel):
    model_config = ConfigDict(frozen=True)

    tenant_id: uuid.UUID
    key_id: uuid.UUID
    scopes: frozenset[str] = Field(default_factory=frozenset)
    request_id: str | None = None

    def has_scope(self, needed: str) -> bool:
        return has_scope(self.scopes, needed)


_ADMIN = ApiScope.admin.value


def has_scope(scopes: Iterable[str], needed: str) -> bool:
    """`admin` holds every scope; otherwise the exact scope is needed."""
    held = scopes if isinstance(scopes, set | frozenset) else set(scopes)
    return _ADMIN in held or needed in held


_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def required_scope(area: str, method: str) -> str:
    """The scope a call to `/v1/<area>/...` needs: `<area>:read` to read, else `<area>:write`;
    the webhooks hold signing secrets and send data out, so they need `webhooks:admin` for both."""
    if area == "webhooks":
        return ApiScope.webhooks_admin.value
    return f"{area}:{'read' if method.upper() in _READ_METHODS else 'write'}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@functools.lru_cache(maxsize=4)  # the internal secret, and the one before it while rotating
def _keyed(secret: bytes) -> hmac.HMAC:
    return hmac.new(secret, digestmod="sha256")


def _mac(secret: bytes, payload: str) -> str:
    # A copy of an HMAC keyed once per secret: keying it again for each token was half the
    # cost of a MAC (OpenSSL's one-shot `hmac.digest` keys it each time).
    mac = _keyed(secret).copy()
    mac.update(f"{_TOKEN_VERSION}.{payload}".encode())
    return _b64(mac.digest())


def sign_principal(
    principal: Principal,
    secret: str,
    *,
    ttl_seconds: int = PRINCIPAL_TTL_SECONDS,
    now: float | None = None,
) -> str:
    return sign_claims(
        str(principal.tenant_id),
        str(principal.key_id),
        sorted(principal.scopes),
        principal.request_id,
        secret,
        ttl_seconds=ttl_seconds,
        now=now,
    )


def sign_claims(
    tenant_id: str,
    key_id: str,
    sorted_scopes: list[str],
    request_id: str | None,
    secret: str,
    *,
    ttl_seconds: int = PRINCIPAL_TTL_SECONDS,
    now: float | None = None,
) -> str:
    """`sign_principal` from claims already in wire form: the gateway signs one per proxied
    request, and building a `Principal` model for it was a third of the signing's cost."""
    expires = int((now if now is not None else time.time()) + ttl_seconds)
    payload = _b64(
        orjson.dumps(
            {"t": tenant_id, "k": key_id, "s": sorted_scopes, "r": request_id, "e": expires}
        )
    )
    return f"{_TOKEN_VERSION}.{payload}.{_mac(secret.encode(), payload)}"


def verify_principal(token: str | None, secret: str, *, now: float | None = None) -> Principal:
    """The principal in a token, or Unauthorized when it is missing, forged or expired."""
    if not token:
        raise Unauthorized("This service is reached through the gateway only.")
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != _TOKEN_VERSION:
        raise Unauthorized("The principal is malformed.")
    _, payload, signature = parts
    if not hmac.compare_digest(signature.encode(), _mac(secret.encode(), payload).encode()):
        raise Unauthorized("The principal's signature is not valid.")
    try:
        claims = orjson.loads(_unb64(payload))
        expires = int(claims["e"])
        principal = Principal(
            tenant_id=claims["t"], key_id=claims["k"], scopes=claims["s"], request_id=claims["r"]
        )
    except (binascii.Error, ValueError, KeyError, TypeError, ValidationError) as exc:
        raise Unauthorized("The principal is malformed.") from exc
    if expires < (now if now is not None else time.time()):
        raise Unauthorized("The principal has expired.")
    return principal


class PrincipalCheck:
    """A FastAPI dependency: verify the forwarded principal and the scope the method needs.
    A class, not a closure, so that `kit.fast_path.RouteReads` can tell it among a route's
    dependencies and check the same thing itself.

    The secret is read from `app.state.internal_secret`, set by the service's lifespan.
    """

    def __init__(self, area: str) -> None:
        self.area = area

    async def __call__(self, request: Request) -> Principal:
        principal = verified_holding(
            request.headers.get(PRINCIPAL_HEADER),
            request.app.state.internal_secret,
            required_scope(self.area, request.method),
        )
        request.scope.setdefault("state", {})["tenant_id"] = str(principal.tenant_id)
        return principal


def verified_holding(token: str | None, secret: str, needed: str) -> Principal:
    """The principal in `token` if it holds `needed`: Unauthorized when the token is missing,
    forged or expired, Forbidden when it lacks the scope."""
    principal = verify_principal(token, secret)
    if not principal.has_scope(needed):
        raise Forbidden(f"This API key lacks the scope {needed}.")
    return principal


def principal_dependency(area: str) -> PrincipalCheck:
    """The dependency giving a route of `/v1/<area>/...` its verified principal."""
    return PrincipalCheck(area)
