"""The proxy hop: authenticate, rate-limit, sign the principal, forward, stream back.

Pure ASGI on purpose: this is the hottest path of the system. Measured on this machine (wrk,
32 connections, one worker each), forwarding with a plain httpx.AsyncClient from a FastAPI
route served ~380 req/s against ~4 000 direct; an aiohttp ClientSession from pure ASGI code
~2 200. So: pure ASGI, no Request objects, and a pooled keep-alive client of our own
(`upstream.py`) that takes the request as the bytes the server handed us.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mops_gateway.authn import AuthenticatedKey, KeyAuthenticator
from mops_gateway.bodies import BadContentLength, BodyLimit, BodyTooLarge, has_body
from mops_gateway.ratelimit import RateDecision, RateLimiter
from mops_gateway.upstream import (
    UpstreamBusy,
    UpstreamError,
    Upstreams,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from mops_shared.kit.auth import PRINCIPAL_HEADER, has_scope, required_scope, sign_claims
from mops_shared.kit.errors import (
    ClientGone,
    Forbidden,
    MopsError,
    RateLimited,
    is_database_unavailable,
    send_database_unavailable,
    send_problem,
)
from mops_shared.kit.metrics import ROUTE_KEY
from mops_shared.kit.observability import REQUEST_ID_HEADER, RequestContextMiddleware, request_id_of
from mops_shared.kit.tracing import TRACEPARENT_HEADER, TRACESTATE_HEADER, propagation_headers

logger = logging.getLogger("mops.gateway.proxy")
RATE_LIMITED = Counter(
    "mops_gateway_rate_limited_total", "Requests refused with 429 over their key's rate limit."
)

AREAS = ("inventory", "org", "scoring", "webhooks")
# The CRMs' receive URL: no API key (the delivery's signature proves it, at the webhooks
# service), so no principal and no key's rate limit; only the body limit is the gateway's.
RECEIVE_PREFIX = "/v1/webhooks/in/"
PROXY_ROUTES = {area: f"proxy:{area}" for area in ("", *AREAS)}
# The webhooks service's answers to a sender whose credentials do not hold (401) or who has
# sent wrong ones too often (429). Held at the gateway, after the upstream connection is
# back in its pool: a delay there would take the pool's connections from everyone else.
_HELD_REFUSALS = frozenset({401, 429})
_HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"te",
        b"trailer",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
    }
)
# Never forwarded: the API key stays at the gateway; principal, request id and trace context
# are ours to set (the trace context names the gateway's span, child of the client's).
_NOT_FORWARDED = _HOP_BY_HOP | {
    b"host",
    b"authorization",
    b"content-length",
    b"x-forwarded-for",
    PRINCIPAL_HEADER.encode(),
    REQUEST_ID_HEADER,
    TRACEPARENT_HEADER,
    TRACESTATE_HEADER,
}
_NOT_FORWARDED_WITHOUT_KEY = _NOT_FORWARDED - {b"authorization"}
_NOT_RETURNED = _HOP_BY_HOP | {REQUEST_ID_HEADER, b"server", b"date"}
_PRINCIPAL = PRINCIPAL_HEADER.encode()
# A service the gateway cannot reach now, or whose every connection is in use, is worth asking
# again soon: a second, as the connection pool frees within a request's time.
_RETRY_SOON = [(b"retry-after", b"1")]
_BUFFER_LIMIT = 1024 * 1024  # bodies up to this size are read whole: faster than streaming


@dataclass(frozen=True)
class ProxySettings:
    internal_secret: str
    principal_ttl_seconds: int
    max_body_bytes: int
    receive_max_body_bytes: int
    default_per_minute: int
    default_burst: int
    # The receive URL's refusals, held before they are answered (GatewaySettings says why).
    refusal_delay_seconds: float = 1.0
    refusals_held_max: int = 1024


def area_of(path: str) -> str | None:
    """`inventory` for `/v1/inventory/...`; None for paths the gateway serves itself."""
    if not path.startswith("/v1/"):
        return None
    area, _, _ = path[4:].partition("/")
    return area if area in AREAS else None


class Proxy:
    def __init__(
        self,
        settings: ProxySettings,
        upstreams: Upstreams,
        authenticator: KeyAuthenticator,
        limiter: RateLimiter,
    ) -> None:
        self.settings = settings
        self.body_limit = BodyLimit(settings.max_body_bytes)
        self.receive_body_limit = BodyLimit(settings.receive_max_body_bytes)
        self.upstreams = upstreams
        self.authenticator = authenticator
        self.limiter = limiter
        self.refusals_held = 0

    async def admit(
        self, scope: Scope, authorization: str | None, needed_scope: str
    ) -> tuple[AuthenticatedKey, RateDecision]:
        """Authenticate, check the scope, take a token; raises a MopsError to refuse."""
        key = await self.authenticator.authenticate(authorization)
        scope.setdefault("state", {})["tenant_id"] = key.wire_claims[0]
        if not has_scope(key.scopes, needed_scope):
            raise Forbidden(f"This API key lacks the scope {needed_scope}.")
        decision = await self.limiter.hit(
            key.key_id.hex,
            key.rate_limit_per_minute or self.settings.default_per_minute,
            key.rate_limit_burst or self.settings.default_burst,
        )
        if not decision.allowed:
            RATE_LIMITED.inc()
            raise RateLimited(
                f"Rate limit of {decision.limit} requests a minute (bursts of "
                f"{decision.burst}) exceeded; retry after {decision.retry_after_seconds} s.",
                headers={k.decode(): v.decode() for k, v in decision.headers()},
            )
        return key, decision

    async def admit_request(
        self, scope: Scope, needed_scope: str
    ) -> tuple[AuthenticatedKey, RateDecision]:
        """`admit` with the request's own Authorization header."""
        authorization = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value.decode("latin-1")
                break
        return await self.admit(scope, authorization, needed_scope)

    async def __call__(self, scope: Scope, receive: Receive, send: Send, area: str) -> None:
        key: AuthenticatedKey | None = None
        decision: RateDecision | None = None
        if scope["path"].startswith(RECEIVE_PREFIX):
            limit = self.receive_body_limit
        else:
            limit = self.body_limit
            try:
                key, decision = await self.admit_request(
                    scope, required_scope(area, scope["method"])
                )
            except MopsError as exc:
                await send_refusal(send, scope, exc)
                return
        try:
            content_length = limit.declared_length(scope)
            await self._forward(scope, receive, send, area, key, decision, content_length, limit)
        except (BodyTooLarge, BadContentLength) as exc:
            await limit.refuse(send, scope, exc)
        except ClientGone:
            return

    async def _forward(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        area: str,
        key: AuthenticatedKey | None,
        decision: RateDecision | None,
        content_length: int | None,
        limit: BodyLimit,
    ) -> None:
        request_id = request_id_of(scope) or ""
        # Without a key (the receive URL), Authorization is the sender's (Pipedrive's Basic
        # credentials): it is the upstream's to check, so it goes on.
        dropped = _NOT_FORWARDED if key is not None else _NOT_FORWARDED_WITHOUT_KEY
        upstream_headers = [header for header in scope["headers"] if header[0] not in dropped]
        if key is not None:
            tenant_id, key_id, scopes = key.wire_claims
            principal = sign_claims(
                tenant_id,
                key_id,
                scopes,
                request_id,
                self.settings.internal_secret,
                ttl_seconds=self.settings.principal_ttl_seconds,
            )
            upstream_headers.append((_PRINCIPAL, principal.encode("latin-1")))
        upstream_headers.append((REQUEST_ID_HEADER, request_id.encode("latin-1")))
        for name, value in propagation_headers().items():
            upstream_headers.append((name.encode(), value.encode("latin-1")))
        client = scope.get("client")
        if client:
            upstream_headers.append((b"x-forwarded-for", client[0].encode("latin-1")))

        # Small bodies, and chunked ones (whose size is only known at the end, so the limit is
        # enforced before anything is sent upstream), are read whole; large bodies of a declared
        # length, already checked against the limit, stream through (still counted).
        body: bytes | AsyncIterator[bytes] | None
        if not has_body(scope, content_length):
            body = None
        elif content_length is None or content_length <= _BUFFER_LIMIT:
            body = await limit.read(receive)
        else:
            upstream_headers.append((b"content-length", str(content_length).encode()))
            body = limit.stream(receive)

        target = scope.get("raw_path") or scope["path"].encode()
        if scope.get("query_string"):
            target += b"?" + scope["query_string"]

        started = False
        held: list[Message] | None = None  # a refusal to answer later (`_answer_held`)

        async def start(status: int, headers: list[tuple[bytes, bytes]]) -> None:
            nonlocal started, held
            returned = [header for header in headers if header[0] not in _NOT_RETURNED]
            if decision is not None:
                returned.extend(decision.headers())
            message: Message = {
                "type": "http.response.start",
                "status": status,
                "headers": returned,
            }
            if key is None and status in _HELD_REFUSALS and self._may_hold():
                held = [message]  # not started: a failure before it is answered is a problem
                return
            started = True
            await send(message)

        async def forward_body(chunk: bytes, last: bool) -> None:
            message: Message = {"type": "http.response.body", "body": chunk, "more_body": not last}
            if held is not None:
                held.append(message)
                return
            await send(message)

        try:
            await self.upstreams.pools[area].request(
                scope["method"].encode(), target, upstream_headers, body, start, forward_body
            )
            if held is not None:
                answer, held = held, None
                await self._answer_held(answer, send)
        except UpstreamTimeout:
            if started:
                raise
            await send_problem(
                send, scope, 504, detail=f"The {area} service did not answer in time."
            )
        except UpstreamBusy:
            await send_problem(
                send,
                scope,
                503,
                detail=f"The {area} service is busy: every connection to it is in use.",
                headers=_RETRY_SOON,
            )
        except UpstreamUnavailable:
            await send_problem(
                send,
                scope,
                503,
                detail=f"The {area} service is unavailable.",
                headers=_RETRY_SOON,
            )
        except UpstreamError as exc:
            if started:
                raise
            logger.warning("upstream failed", extra={"area": area, "error": repr(exc)})
            await send_problem(send, scope, 502, detail=f"The {area} service failed to answer.")
        finally:
            if held is not None:  # taken but never answered: the upstream failed meanwhile
                self.refusals_held -= 1

    def _may_hold(self) -> bool:
        """Takes a place among the refusals held, if one is free (`_answer_held` frees it)."""
        if self.settings.refusal_delay_seconds <= 0:
            return False
        if self.refusals_held >= self.settings.refusals_held_max:
            return False
        self.refusals_held += 1
        return True

    async def _answer_held(self, held: list[Message], send: Send) -> None:
        try:
            await asyncio.sleep(self.settings.refusal_delay_seconds)
            for message in held:
                await send(message)
        finally:
            self.refusals_held -= 1


async def send_refusal(send: Send, scope: Scope, exc: MopsError) -> None:
    """A refused admission (no key, no scope, over the rate) as its problem answer."""
    extra = [(k.lower().encode(), v.encode()) for k, v in exc.headers.items()]
    await send_problem(send, scope, exc.status, detail=exc.detail, headers=extra)


class ProxyDispatch:
    """The gateway app's outermost layer: `/v1/{inventory,org,scoring,webhooks}/...` goes to
    the proxy, everything else (keys, docs, health) to the FastAPI app's middleware stack.

    Those requests skip that stack (error and telemetry middleware, which cost about 5 % of a
    proxied request's CPU, profiled) and get what they need of it here: the request context
    (request id, access log) and a problem answer for an unexpected error. The gateway's own
    routes get the same key-then-body-limit door inside that stack (gate.OwnRoutesGate).
    The proxy is built by the gateway's lifespan; Starlette puts the app in `scope["app"]`.
    """

    def __init__(self, app: ASGIApp, *, access_log: bool) -> None:
        self.app = app
        self.proxied = RequestContextMiddleware(
            _guarded(_proxy), access_log=access_log, service="gateway"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and area_of(scope["path"]) is not None:
            await self.proxied(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _proxy(scope: Scope, receive: Receive, send: Send) -> None:
    proxy: Proxy = scope["app"].state.proxy
    area = area_of(scope["path"]) or ""
    scope[ROUTE_KEY] = PROXY_ROUTES[area]  # a few label values, whatever the path
    await proxy(scope, receive, send, area)


def _guarded(handler: ASGIApp) -> ASGIApp:
    """`handler` with the 500 problem FastAPI's error middleware would have given."""

    async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await handler(scope, receive, tracked)
        except ClientGone:
            return
        except Exception as exc:
            if not started and is_database_unavailable(exc):  # the key look-up's database
                await send_database_unavailable(send, scope)
                return
            logger.exception("unhandled error", extra={"path": scope["path"]})
            if started:
                raise
            await send_problem(send, scope, 500, detail="An unexpected error occurred.")

    return guarded
