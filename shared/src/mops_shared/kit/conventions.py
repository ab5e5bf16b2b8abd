"""HTTP conventions every route of every service keeps, installed once by the app frame
(`mops_shared.kit.app.create_service_app`), so no route can forget them:

- a query parameter the route does not declare is refused with 422 (a misspelt filter,
  `?stauts=active`, would otherwise be ignored and the whole list answered);
- a query parameter's text with a NUL character (PostgreSQL stores none) is refused with 422;
- `HEAD` is answered wherever `GET` is: the same status and headers, no body;
- a 405 names in `Allow` every method some route of that path accepts (Starlette names only
  the methods of the first route whose path matches).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mops_shared.contracts.common import is_storable_text
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.kit.errors import (
    ValidationFailed,
    handle_http_exception,
    pointer_token,
    problem_response,
)

_UNSTORABLE = "must not contain a NUL character or an unpaired surrogate"

# The method a HEAD request was answered as GET for: the 405 detail names what was sent.
_SENT_METHOD = "mops.sent_method"
_METHOD_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def unknown_query_parameters(query_string: bytes, known: Iterable[str]) -> list[str]:
    """The names in `query_string` that are not in `known`, sorted, each once."""
    if not query_string:
        return []
    return sorted(set(QueryParams(query_string).keys()) - set(known))


def refusal_of(unknown: list[str]) -> ValidationFailed:
    """The 422 naming each unknown query parameter at its pointer."""
    return ValidationFailed(
        "Unknown query parameter(s): " + ", ".join(unknown) + ".",
        errors=[
            ProblemFieldError(
                location=ProblemLocation.query,
                pointer="/" + pointer_token(name),
                detail="unknown query parameter",
            )
            for name in unknown
        ],
    )


def declared_query_names(route: APIRoute) -> frozenset[str]:
    """Every query parameter the route and its dependencies declare, by the name sent."""
    names: set[str] = set()
    dependants = [route.dependant]
    while dependants:
        dependant = dependants.pop()
        dependants.extend(dependant.dependencies)
        for field in dependant.query_params:
            annotation = field.field_info.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                # A query-parameter model: its fields are the parameters.
                names.update(f.alias or n for n, f in annotation.model_fields.items())
            else:
                names.add(field.alias)
    return frozenset(names)


# Per route, computed on its first request: routes live as long as their app.
_declared: dict[int, frozenset[str]] = {}


# JSON escapes of what no database stores as text: NUL, and any surrogate (paired ones are
# fine, and are then told apart by parsing; a raw NUL byte is not JSON at all).
_SUSPECT_JSON = re.compile(rb"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


def _unstorable_pointers(value: Any, pointer: str = "") -> Iterator[str]:
    """The JSON pointer of each text (key or value) in `value` no database stores."""
    if isinstance(value, str):
        if not is_storable_text(value):
            yield pointer
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unstorable_pointers(item, f"{pointer}/{index}")
    elif isinstance(value, dict):
        for key, item in value.items():
            if not is_storable_text(key):
                yield f"{pointer}/{pointer_token(key)}"
            yield from _unstorable_pointers(item, f"{pointer}/{pointer_token(key)}")


def _unstorable_refusal(location: ProblemLocation, pointers: list[str]) -> ValidationFailed:
    """The 422 naming each place (a JSON Pointer into `location`) of text no database stores."""
    return ValidationFailed(
        f"Text no database can store, in the {location.value} at " + ", ".join(pointers[:5]) + ".",
        errors=[
            ProblemFieldError(location=location, pointer=pointer, detail=_UNSTORABLE)
            for pointer in pointers
        ],
    )


def _unstorable_body_pointers(request: Request) -> list[str]:
    """Where a JSON body holds text PostgreSQL cannot store (NUL, an unpaired surrogate).
    The body is the one FastAPI read for the route (routes reading their body themselves,
    such as the CSV import, check their own); it is parsed again only when its bytes hold
    such an escape."""
    body: bytes | None = getattr(request, "_body", None)  # Starlette's cache of the body read
    if not body or _SUSPECT_JSON.search(body) is None:
        return []
    try:
        document = json.loads(body)
    except ValueError:
        return []  # not JSON: the route refuses it
    return list(dict.fromkeys(_unstorable_pointers(document)))


async def check_request_inputs(request: Request) -> None:
    """A dependency of every route (the frame includes each router with it; one dependency, so
    one more solved per request, not three). It refuses, before the route runs:

    - query parameters the route does not declare (FastAPI would ignore them);
    - text no database stores (NUL, an unpaired surrogate) in the query or in a JSON body, on
      both backends alike (SQLite would store it; PostgreSQL fails the statement)."""
    in_body = _unstorable_body_pointers(request)
    if in_body:
        raise _unstorable_refusal(ProblemLocation.body, in_body)
    query_string: bytes = request.scope.get("query_string", b"")
    route = request.scope.get("route")
    if not query_string or not isinstance(route, APIRoute):
        return
    known = _declared.get(id(route))
    if known is None:
        known = _declared[id(route)] = declared_query_names(route)
    unknown = unknown_query_parameters(query_string, known)
    if unknown:
        raise refusal_of(unknown)  # rendered by the problem handlers, as any 422
    in_query = sorted(
        {
            "/" + pointer_token(name)
            for name, value in QueryParams(query_string).multi_items()
            if not is_storable_text(value)
        }
    )
    if in_query:
        raise _unstorable_refusal(ProblemLocation.query, in_query)


REQUEST_INPUTS_CHECKED = Depends(check_request_inputs)


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """Every method that some route matching this request's path accepts (HEAD with GET)."""
    path = scope["path"]  # no service is mounted under a root path
    methods: set[str] = set()
    for route in iter_route_contexts(list(routes)):
        route_methods: set[str] | None = getattr(route, "methods", None)
        path_regex = getattr(route, "path_regex", None)
        if route_methods and path_regex is not None and path_regex.match(path):
            methods.update(route_methods)
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(
        methods, key=lambda m: _METHOD_ORDER.index(m) if m in _METHOD_ORDER else len(m) + 99
    )


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    allowed = allowed_methods(request.app.router.routes, request.scope)
    if allowed:
        headers["Allow"] = ", ".join(allowed)
    method = request.scope.get(_SENT_METHOD, request.method)
    return problem_response(
        request, 405, detail=f"{method} is not allowed on {request.url.path}", headers=headers
    )


class HeadAsGet:
    """Pure ASGI: a HEAD request is answered as the GET would be, its body left out (the
    headers, Content-Length and ETag included, stay those of the GET)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET", _SENT_METHOD: "HEAD"}, receive, headers_only)


async def _not_found(request: Request, exc: Exception) -> Response:
    """A path with a trailing slash where the path without one has a route: 308 to it, with a
    relative Location. Starlette's own redirect (switched off) wrote the Location absolute,
    from the Host the request came with: behind the gateway, the service's own address, and
    for a forged Host, the forger's site. Anything else: the 404 problem."""
    path = request.url.path
    without = {**request.scope, "path": path.rstrip("/")}
    if path.endswith("/") and path != "/" and allowed_methods(request.app.router.routes, without):
        query = request.scope.get("query_string", b"").decode("latin-1")
        location = path.rstrip("/") + (f"?{query}" if query else "")
        return Response(status_code=308, headers={"Location": location})
    return await handle_http_exception(request, exc)


def install_http_conventions(app: FastAPI) -> None:
    """The 405 answer and the trailing-slash redirect (the app is made with
    `redirect_slashes=False`); the query check is a dependency the frame includes every router
    with, and `HeadAsGet` a middleware it adds outside any fast path."""
    app.add_exception_handler(405, _method_not_allowed)
    app.add_exception_handler(404, _not_found)


def query_is_only(scope: Scope, known: Iterable[str]) -> bool:
    """For pure-ASGI fast paths: whether every query parameter is one the route declares (the
    rest go to the route, which refuses them)."""
    return not unknown_query_parameters(scope.get("query_string", b""), known)


IDEMPOTENCY_KEY_PATTERN = r"^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$"
IDEMPOTENCY_KEY_MAX_LENGTH = 255
_IDEMPOTENCY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Makes the call safe to retry: the same key with the same request (kept 24 h "
    "per tenant) replays the first answer with `Idempotent-Replayed: true`; with another "
    "request it is a 422, while the first is still running a 409. Never applied twice: if the "
    "first was applied but its answer lost, a 409 says so.",
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": IDEMPOTENCY_KEY_MAX_LENGTH,
        "pattern": IDEMPOTENCY_KEY_PATTERN,
    },
}
ETAG_HEADER = {
    "description": "The version of the resource, to send as `If-Match` when changing it.",
    "schema": {"type": "string"},
}
LOCATION_HEADER = {
    "description": "The path of the created resource.",
    "schema": {"type": "string"},
}

# `responses=` for a create whose answer the Location's GET does not give in the same schema.
CREATED_WITH_LOCATION: dict[int | str, dict[str, Any]] = {
    201: {"headers": {"Location": LOCATION_HEADER}}
}


def declare_convention_headers(
    document: dict[str, Any],
    *,
    idempotent_posts: bool,
    problem: Callable[[int], dict[str, Any]],
) -> None:
    """Headers the frame's mechanisms send, declared where they apply: `Idempotency-Key` on
    every `/v1` POST when the service honours it (with the 400, 409 and 422 it may answer);
    `ETag` on every success answer of a versioned resource (`tagged` sets it from the body's
    `version`); `Location` on every 201 of a PUT (the path itself) and on every 201 whose body
    (with an `id`) some `GET .../{id}` answers (where the route points it).
    tests/shared/test_openapi_headers.py checks these rules against the code."""
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    readable = _readable_schemas(document)

    def properties(response: dict[str, Any]) -> dict[str, Any]:
        ref = response.get("content", {}).get("application/json", {}).get("schema", {})
        named: dict[str, Any] = schemas.get(str(ref.get("$ref", "")).rsplit("/", 1)[-1], {})
        return dict(named.get("properties", {}))

    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            responses: dict[str, Any] = operation.get("responses", {})
            if idempotent_posts and method == "post" and path.startswith("/v1/"):
                operation.setdefault("parameters", []).append(dict(_IDEMPOTENCY_PARAMETER))
                for status in ("400", "409", "422"):
                    responses.setdefault(status, problem(int(status)))
            for status, response in responses.items():
                if not status.startswith("2"):
                    continue
                fields = properties(response)
                headers = response.setdefault("headers", {})
                if fields.get("version", {}).get("type") == "integer":
                    headers.setdefault("ETag", ETAG_HEADER)
                ref = response.get("content", {}).get("application/json", {}).get("schema", {})
                if status == "201" and (
                    method == "put" or ("id" in fields and ref.get("$ref") in readable)
                ):
                    headers.setdefault("Location", LOCATION_HEADER)
                if not headers:
                    del response["headers"]


def _readable_schemas(document: dict[str, Any]) -> set[str]:
    """The schemas some `GET .../{id}` answers: objects with a path of their own."""
    found = set()
    for path, item in document.get("paths", {}).items():
        answer = item.get("get", {}).get("responses", {}).get("200", {})
        ref = answer.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
        if path.endswith("}") and ref:
            found.add(str(ref))
    return found
