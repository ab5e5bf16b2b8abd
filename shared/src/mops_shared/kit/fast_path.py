"""The pure-ASGI fast paths: `RouteReads` answers the services' GET routes by calling each
route's own function outside FastAPI's routing and dependency solving; `canonical_id` lets the
webhooks' receive URL take only ids written one way. Anything they do not take goes to the
route, which answers as it always has."""

from __future__ import annotations

import inspect
import re
import uuid
from collections.abc import Awaitable, Callable, Iterable
from contextlib import AsyncExitStack
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from fastapi._compat import field_annotation_is_sequence
from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mops_shared.contracts.common import is_storable_text
from mops_shared.kit.auth import PRINCIPAL_HEADER, PrincipalCheck, required_scope, verified_holding
from mops_shared.kit.conventions import check_request_inputs
from mops_shared.kit.deps import get_read_connection
from mops_shared.kit.errors import MopsError, is_database_unavailable, mops_error_response
from mops_shared.kit.metrics import ROUTE_KEY
from mops_shared.kit.reads import read_connection

_CANONICAL_UUID_LENGTH = 36
_PRINCIPAL = PRINCIPAL_HEADER.encode()


def canonical_id(path: str, prefix: str) -> uuid.UUID | None:
    """The UUID ending `path` right after `prefix`, when it is written in canonical lowercase
    form; None otherwise (another spelling, another path), for the route to judge."""
    if not path.startswith(prefix) or len(path) != len(prefix) + _CANONICAL_UUID_LENGTH:
        return None
    raw = path[len(prefix) :]
    try:
        value = uuid.UUID(raw)
    except ValueError:
        return None
    return value if str(value) == raw else None


class _Declined(Exception):
    """The request is not one the fast path takes: the route answers it."""


@dataclass(frozen=True, slots=True)
class _Parameter:
    """A path or query parameter of a route, read and validated as FastAPI reads it."""

    name: str  # the endpoint's argument
    alias: str  # the name sent
    location: str  # "path" or "query"
    field: Any  # FastAPI's ModelField: its `validate` is the check FastAPI runs
    repeated: bool  # a list, sent as the parameter repeated

    def value(self, sent: Any, values: dict[str, Any]) -> Any:
        """The argument's value, or `_Declined` when FastAPI would refuse what was sent (the
        route then answers with FastAPI's own 422)."""
        missing = sent is None or (self.repeated and not sent)
        if missing:
            if self.field.field_info.is_required():
                raise _Declined
            default = deepcopy(self.field.default)
            if not self.field.field_info.validate_default:
                return default
            sent = default
        value, errors = self.field.validate(sent, values, loc=(self.location, self.alias))
        if errors:
            raise _Declined
        return value


@dataclass(frozen=True, slots=True)
class _Read:
    """How to call one GET route's function without FastAPI: its arguments' sources."""

    endpoint: Callable[..., Awaitable[Any]]
    template: str  # the route's path template, the metrics' route label
    path_parameters: tuple[_Parameter, ...]
    query_parameters: tuple[_Parameter, ...]
    known_query_names: frozenset[str]
    principal_argument: str
    principal_scope: str
    connection_argument: str | None
    request_argument: str | None
    # Dependencies that need only the request (a client or a helper from `app.state`).
    from_request: tuple[tuple[str, Callable[[Request], Awaitable[Any]]], ...]


def _parameter(field: Any, location: str) -> _Parameter | None:
    info = field.field_info
    annotation = info.annotation
    alias = info.validation_alias if info.validation_alias is not None else field.alias
    if not isinstance(alias, str) or (
        isinstance(annotation, type) and issubclass(annotation, BaseModel)
    ):
        return None  # alias choices or paths, a query-parameter model: FastAPI's own reading
    if any(type(item).__name__ == "Json" for item in info.metadata):
        return None
    return _Parameter(
        name=field.name,
        alias=alias,
        location=location,
        field=field,
        repeated=field_annotation_is_sequence(annotation),
    )


def _returns_a_response(endpoint: Callable[..., Any]) -> bool:
    try:
        annotation = inspect.signature(endpoint, eval_str=True).return_annotation
    except (NameError, TypeError, ValueError):
        return False
    return isinstance(annotation, type) and issubclass(annotation, Response)


def _needs_more_than_the_request(dependant: Dependant) -> bool:
    return bool(
        dependant.path_params
        or dependant.query_params
        or dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or dependant.dependencies
        or dependant.websocket_param_name
        or dependant.http_connection_param_name
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.security_scopes_param_name
    )


def _is_request_only(dependency: Dependant) -> bool:
    """An `async def f(request)` dependency (no yield, nothing else asked)."""
    return (
        dependency.name is not None
        and dependency.request_param_name is not None
        and inspect.iscoroutinefunction(dependency.call)
        and not _needs_more_than_the_request(dependency)
    )


def read_of(dependant: Dependant, template: str) -> _Read | None:
    """The plan for calling a GET route's function directly, or None when the route needs
    more than its path and query parameters, the principal, a read connection, the request
    and dependencies reading only the request (a header, a response to add headers to, a
    dependency with its own parameters or a teardown): FastAPI then serves it."""
    endpoint = dependant.call
    if (
        endpoint is None
        or not inspect.iscoroutinefunction(endpoint)
        or not _returns_a_response(endpoint)
        or dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or dependant.websocket_param_name
        or dependant.http_connection_param_name
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.security_scopes_param_name
    ):
        return None
    principal: tuple[str, str] | None = None
    connection_argument = None
    from_request: list[tuple[str, Callable[[Request], Awaitable[Any]]]] = []
    for dependency in dependant.dependencies:
        call = dependency.call
        if call is check_request_inputs:
            continue  # the same checks are made here, below
        if isinstance(call, PrincipalCheck) and dependency.name is not None:
            principal = (dependency.name, required_scope(call.area, "GET"))
        elif call is get_read_connection and dependency.name is not None:
            connection_argument = dependency.name
        elif _is_request_only(dependency):
            from_request.append((dependency.name, dependency.call))  # type: ignore[arg-type]
        else:
            return None
    if principal is None:
        return None  # every read of a tenant's data needs its principal
    in_path = [_parameter(field, "path") for field in dependant.path_params]
    in_query = [_parameter(field, "query") for field in dependant.query_params]
    path_parameters = tuple(p for p in in_path if p is not None)
    query_parameters = tuple(p for p in in_query if p is not None)
    if len(path_parameters) != len(in_path) or len(query_parameters) != len(in_query):
        return None
    return _Read(
        endpoint=endpoint,
        template=template,
        path_parameters=path_parameters,
        query_parameters=query_parameters,
        known_query_names=frozenset(p.alias for p in query_parameters),
        principal_argument=principal[0],
        principal_scope=principal[1],
        connection_argument=connection_argument,
        request_argument=dependant.request_param_name,
        from_request=tuple(from_request),
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A route answering GET, in the router's order: a fixed path or a pattern, and its read
    (None when FastAPI must serve it)."""

    path: str
    pattern: re.Pattern[str] | None
    convertors: dict[str, Any]  # Starlette's, turning a path segment into its value
    read: _Read | None


class _Routes:
    """The GET routes of an app in the order its router tries them, and the read each match
    leads to: the first route whose path matches wins, as in Starlette's router."""

    def __init__(self, candidates: Iterable[_Candidate]) -> None:
        self.candidates = list(candidates)
        self.patterns = [c for c in self.candidates if c.pattern is not None]
        self.fixed: dict[str, tuple[_Read | None, dict[str, Any]]] = {}
        for candidate in reversed(self.candidates):
            if candidate.pattern is None:
                self.fixed[candidate.path] = self._first_match(candidate.path) or (None, {})

    def _first_match(self, path: str) -> tuple[_Read | None, dict[str, Any]] | None:
        for candidate in self.candidates:
            if candidate.pattern is None:
                if candidate.path == path:
                    return candidate.read, {}
            elif (match := candidate.pattern.match(path)) is not None:
                return candidate.read, _converted(candidate, match)
        return None

    def match(self, path: str) -> tuple[_Read | None, dict[str, Any]] | None:
        """The read of the route answering GET `path` (None if FastAPI must serve it) and
        the path's parameters; None when no route matches."""
        fixed = self.fixed.get(path)
        if fixed is not None:
            return fixed
        for candidate in self.patterns:
            if (match := candidate.pattern.match(path)) is not None:  # type: ignore[union-attr]
                return candidate.read, _converted(candidate, match)
        return None


def _converted(candidate: _Candidate, match: re.Match[str]) -> dict[str, Any]:
    convertors = candidate.convertors
    return {name: convertors[name].convert(value) for name, value in match.groupdict().items()}


def routes_of(app: Any) -> _Routes:
    """Every GET route of `app` (an app made by `kit.app.create_service_app`), with the read
    that takes it where there is one."""
    candidates: list[_Candidate] = []
    for route in iter_route_contexts(list(app.router.routes)):
        methods = route.methods or set()
        path_regex = getattr(route, "path_regex", None)
        if "GET" not in methods or path_regex is None:
            continue
        path_format = str(route.path_format)
        dependant = getattr(route, "dependant", None)
        read = read_of(dependant, str(route.path)) if dependant is not None else None
        # A path without parameters is compared as text; one with them by the route's regex.
        fixed = not route.param_convertors
        candidates.append(
            _Candidate(path_format, None if fixed else path_regex, route.param_convertors, read)
        )
    return _Routes(candidates)


class RouteReads:
    """ASGI middleware: a GET is answered by calling its route's function directly, with the
    arguments FastAPI would give it, read and validated by the same fields, without FastAPI's
    routing, dependency solving and exception middleware (which cost a read more than its
    query: a page of 50 people spent a quarter of its CPU solving dependencies).

    Only the routes whose inputs are their path and query parameters, the verified principal,
    a read connection, the request and dependencies reading only the request, and whose
    function answers a `Response`; and only the plain success: known query parameters of
    storable text, each valid, a principal with the area's read scope, the function answering.
    Anything else (an unknown or invalid parameter, a missing or forged principal, a scope,
    not found, an unexpected error) goes to the route, which answers as it always has. A
    failing database is raised, for `kit.errors.DatabaseFailureAnswer` to answer 503 +
    Retry-After as the route would, without the request waiting for a pooled connection a
    second time. The tenant comes from the verified principal, as on every route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.routes: _Routes | None = None  # on the first request: every route is added then

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            routes = self.routes
            if routes is None:
                routes = self.routes = routes_of(scope["app"])
            matched = routes.match(scope["path"])  # no service is mounted under a root path
            if matched is not None and matched[0] is not None:
                if await self._served(scope, receive, send, *matched):  # type: ignore[arg-type]
                    return
        await self.app(scope, receive, send)

    async def _served(
        self, scope: Scope, receive: Receive, send: Send, read: _Read, path_values: dict[str, Any]
    ) -> bool:
        """Whether the request was answered here: by the route's function, or by the problem
        the route would answer for a domain error (a 401, a 404, an unreachable service)."""
        state = scope["app"].state
        request: Request | None = None
        sending = False
        try:
            arguments = _arguments(scope, read, path_values)
            token = next(
                (v.decode("latin-1") for k, v in scope["headers"] if k == _PRINCIPAL), None
            )
            principal = verified_holding(token, state.internal_secret, read.principal_scope)
            arguments[read.principal_argument] = principal
            if read.request_argument is not None or read.from_request:
                request = Request(scope, receive)
                if read.request_argument is not None:
                    arguments[read.request_argument] = request
                for name, dependency in read.from_request:
                    arguments[name] = await dependency(request)
            async with AsyncExitStack() as stack:
                if read.connection_argument is not None:
                    connection = read_connection(state.read_engine)
                    arguments[read.connection_argument] = await stack.enter_async_context(
                        connection
                    )
                response = await read.endpoint(**arguments)
                if not isinstance(response, Response):
                    return False
                scope[ROUTE_KEY] = read.template
                scope.setdefault("state", {})["tenant_id"] = str(principal.tenant_id)
                sending = True
                # With the connection still held: a streamed answer may read as it sends.
                await response(scope, receive, send)
        except _Declined:
            return False
        except MopsError as exc:
            if sending:
                raise
            scope[ROUTE_KEY] = read.template
            problem = mops_error_response(request or Request(scope, receive), exc)
            await problem(scope, receive, send)
        except Exception as exc:
            if sending or is_database_unavailable(exc):
                raise
            return False  # the route answers it as it always has (its problem, its 500)
        return True


def _arguments(scope: Scope, read: _Read, path_values: dict[str, Any]) -> dict[str, Any]:
    """The route function's parameters from the path and the query, as FastAPI reads them;
    `_Declined` where FastAPI (or `kit.conventions`) would refuse them."""
    arguments: dict[str, Any] = {}
    for parameter in read.path_parameters:
        arguments[parameter.name] = parameter.value(path_values.get(parameter.alias), {})
    query_string: bytes = scope["query_string"]
    if not query_string:
        for parameter in read.query_parameters:
            arguments[parameter.name] = parameter.value(None, arguments)
        return arguments
    query = QueryParams(query_string)
    if not read.known_query_names.issuperset(query.keys()):
        raise _Declined  # the route refuses the unknown parameter, by name
    if not all(is_storable_text(value) for _, value in query.multi_items()):
        raise _Declined
    for parameter in read.query_parameters:
        alias = parameter.alias
        sent = query.getlist(alias) if parameter.repeated else query.get(alias)
        arguments[parameter.name] = parameter.value(sent, arguments)
    return arguments
