"""CORS for browser clients, at the gateway only and only when `MOPS_CORS_ORIGINS` names the
origins allowed (off by default: a browser page of another origin cannot call the API).

It wraps the whole gateway, the proxy included, so a preflight is answered here without an
API key (browsers never send one with it) and every answer, proxied or not, carries the CORS
headers. Keys travel in `Authorization`, never in cookies: credentials stay off.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp

from mops_shared.kit.errors import PROBLEM_MEDIA_TYPE, problem_body

ALLOWED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
ALLOWED_HEADERS = (
    "Authorization",
    "Content-Type",
    "Idempotency-Key",
    "If-Match",
    "If-None-Match",
    "X-Request-ID",
)
# What a script may read of an answer beyond the CORS-safelisted headers.
EXPOSED_HEADERS = (
    "ETag",
    "Location",
    "RateLimit-Limit",
    "RateLimit-Policy",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "Retry-After",
    "X-Request-ID",
    "Idempotent-Replayed",
    "Deprecation",
    "Sunset",
    "Link",
)
PREFLIGHT_MAX_AGE_SECONDS = 600


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as a problem like every other 4xx."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        detail = bytes(response.body).decode() + "."
        headers = {
            k: v for k, v in response.headers.items() if k.lower().startswith("access-control-")
        }
        return Response(
            problem_body(400, detail=detail),
            status_code=400,
            media_type=PROBLEM_MEDIA_TYPE,
            headers=headers,
        )


def with_cors(app: ASGIApp, origins: Sequence[str]) -> ASGIApp:
    """`app` answering CORS for `origins`; `app` itself when there are none."""
    if not origins:
        return app
    return ProblemCORSMiddleware(
        app,
        allow_origins=origins,
        allow_methods=ALLOWED_METHODS,
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        max_age=PREFLIGHT_MAX_AGE_SECONDS,
    )
