"""The base of every typed client: one pooled httpx client, explicit timeouts, error mapping.

Calls carry the caller's principal on (re-signed with a fresh expiry), so the callee applies
the same tenant and scopes, and the trace: each call is a client span whose `traceparent` the
callee continues (kit.tracing). Transport failures become 503 problems, timeouts 504: a failing
dependency never turns into a hang or a stack trace.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

import httpx
from pydantic import BaseModel

from mops_shared.kit.auth import PRINCIPAL_HEADER, Principal, sign_principal
from mops_shared.kit.errors import Forbidden, GatewayTimeout, MopsError, ServiceUnavailable
from mops_shared.kit.tracing import client_span, mark_failed, propagation_headers

ModelT = TypeVar("ModelT", bound=BaseModel)

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=2.0)
# Idle connections are dropped after 2 s, before the other service's uvicorn closes them (its
# keep-alive is 5 s, httpx's default expiry too): reusing one as the server closes it failed a
# call with "service unavailable".
DEFAULT_LIMITS = httpx.Limits(
    max_connections=16, max_keepalive_connections=16, keepalive_expiry=2.0
)


class DownstreamError(MopsError):
    """The other service answered with an error this caller cannot handle."""

    status = 502


class ServiceClient:
    service: ClassVar[str] = "service"

    def __init__(
        self,
        base_url: str,
        *,
        internal_secret: str,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        limits: httpx.Limits = DEFAULT_LIMITS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._secret = internal_secret
        self._http = httpx.AsyncClient(
            base_url=base_url, timeout=timeout, limits=limits, transport=transport
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        principal: Principal | None = None,
        params: dict[str, Any] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        headers: dict[str, str] = {}
        if principal is not None:
            headers[PRINCIPAL_HEADER] = sign_principal(principal, self._secret)
            if principal.request_id:
                headers["x-request-id"] = principal.request_id
        with client_span(f"{method} {self.service}", method=method, path=path) as span:
            headers.update(propagation_headers())
            try:
                response = await self._http.request(
                    method, path, headers=headers, params=params, json=json
                )
            except httpx.TimeoutException as exc:
                raise GatewayTimeout(f"The {self.service} service did not answer in time.") from exc
            except httpx.TransportError as exc:
                raise ServiceUnavailable(f"The {self.service} service is unavailable.") from exc
            if span.is_recording():
                span.set_attribute("http.response.status_code", response.status_code)
                if response.status_code >= 500:
                    mark_failed(span)
        if response.status_code >= 500:
            raise ServiceUnavailable(f"The {self.service} service failed ({response.status_code}).")
        return response

    def parse(self, response: httpx.Response, model: type[ModelT]) -> ModelT:
        if response.is_success:
            return model.model_validate_json(response.content)
        if response.status_code in (401, 403):
            # The caller's principal is carried on: the key lacks what the other service needs.
            raise Forbidden(
                f"This API key may not do what the {self.service} service is asked here: "
                f"{_problem_detail(response)}"
            )
        raise DownstreamError(
            f"The {self.service} service answered {response.status_code}: "
            f"{_problem_detail(response)}"
        )

    async def get_model(
        self,
        path: str,
        model: type[ModelT],
        *,
        principal: Principal,
        params: dict[str, Any] | None = None,
    ) -> ModelT | None:
        """GET one resource; None when the service answers 404."""
        response = await self.request("GET", path, principal=principal, params=params)
        if response.status_code == 404:
            return None
        return self.parse(response, model)

    async def get_openapi(self) -> dict[str, Any]:
        response = await self.request("GET", "/openapi.json")
        if not response.is_success:
            raise DownstreamError(f"The {self.service} service has no OpenAPI document.")
        document: dict[str, Any] = response.json()
        return document


def _problem_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or "")
    return ""
