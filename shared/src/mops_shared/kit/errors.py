"""Domain exceptions and the one place that renders every error as RFC 9457 problem+json."""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mops_shared.contracts.problem import Problem, ProblemFieldError, ProblemLocation
from mops_shared.contracts.problem_types import problem_type_and_title
from mops_shared.kit.observability import request_id_of

PROBLEM_MEDIA_TYPE = "application/problem+json"
logger = logging.getLogger("mops.errors")


class ClientGone(Exception):
    """The client disconnected before its body was read: there is no one to answer."""


class MopsError(Exception):
    """Base of every domain error; the handler turns it into a problem response."""

    status: ClassVar[int] = 500

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[ProblemFieldError] | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or problem_type_and_title(self.status)[1])
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = dict(headers or {})
        # Extension members of the problem (RFC 9457 section 3.2), declared by the route's
        # own problem schema.
        self.extensions = dict(extensions or {})


class BadRequest(MopsError):
    status = 400


class Unauthorized(MopsError):
    status = 401

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(MopsError):
    status = 403


class NotFound(MopsError):
    status = 404


T = TypeVar("T")


def found(value: T | None, detail: str) -> T:
    """`value` if there is one, else a 404 saying what was not found (`No tool {id}.`)."""
    if value is None:
        raise NotFound(detail)
    return value


class Conflict(MopsError):
    status = 409


class PreconditionFailed(MopsError):
    status = 412


class PayloadTooLarge(MopsError):
    status = 413


class ValidationFailed(MopsError):
    """422 with the list of invalid inputs."""

    status = 422

    @classmethod
    def at(cls, location: ProblemLocation, pointer: str, detail: str) -> ValidationFailed:
        return cls(
            detail, errors=[ProblemFieldError(location=location, pointer=pointer, detail=detail)]
        )

    @classmethod
    def raise_if_any(cls, errors: Sequence[ProblemFieldError]) -> None:
        """A 422 naming every error (its detail lists them all), or nothing when there is none."""
        if errors:
            raise cls("; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors)


def body_error(pointer: str, detail: str) -> ProblemFieldError:
    """One invalid value of the request body, at its JSON Pointer."""
    return ProblemFieldError(location=ProblemLocation.body, pointer=pointer, detail=detail)


class RateLimited(MopsError):
    status = 429


class ServiceUnavailable(MopsError):
    status = 503


class GatewayTimeout(MopsError):
    status = 504


# --- the database failing: 503 with Retry-After, never a 500 --------------------------------

# Seconds a client is told to wait when the database cannot take its request: about the time a
# pool takes to free a connection under load, and short enough for an overload to clear.
DATABASE_RETRY_AFTER_SECONDS = 2
DATABASE_UNAVAILABLE_DETAIL = (
    "The service's database is unavailable or at its connection limit; retry after the "
    "seconds Retry-After says."
)
# PostgreSQL SQLSTATEs of a database that cannot serve now but may soon: the classes 08
# (connection exception) and 53 (insufficient resources: 53300 `too many clients already`, also
# a role's or a database's CONNECTION LIMIT), 57P01-57P03 (admin or crash shutdown, cannot
# connect now: starting or recovering) and 57014 (query canceled: a statement_timeout).
_UNAVAILABLE_SQLSTATE_CLASSES = ("08", "53")
_UNAVAILABLE_SQLSTATES = frozenset({"57P01", "57P02", "57P03", "57014"})


def is_database_unavailable(exc: BaseException) -> bool:
    """Whether `exc` is the database being unreachable, overloaded or going away (a bad day,
    answered 503 + Retry-After) rather than a fault in a request or in mops (a 500).

    SQLAlchemy wraps a driver's error (`.orig`), which asyncpg chains to its own (`__cause__`):
    the whole chain is looked at, as the SQLSTATE may be on any link."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        link = pending.pop()
        if link is None or id(link) in seen:
            continue
        seen.add(id(link))
        if _is_unavailable_link(link):
            return True
        orig = link.orig if isinstance(link, DBAPIError) else None
        pending += [
            link.__cause__,
            link.__context__,
            orig if isinstance(orig, BaseException) else None,
        ]
    return False


def _is_unavailable_link(link: BaseException) -> bool:
    if isinstance(link, PoolTimeout):  # every pooled connection in use for pool_timeout
        return True
    if isinstance(link, DBAPIError) and link.connection_invalidated:  # the connection died
        return True
    # Connecting refused, reset, timed out or to a name that does not resolve (asyncpg raises
    # these as they are, not wrapped).
    if isinstance(link, ConnectionError | TimeoutError | socket.gaierror):
        return True
    if isinstance(link, sqlite3.OperationalError) and "database is locked" in str(link):
        return True  # SQLite: a writer held the lock longer than busy_timeout
    sqlstate = getattr(link, "sqlstate", None)
    return isinstance(sqlstate, str) and (
        sqlstate in _UNAVAILABLE_SQLSTATES or sqlstate.startswith(_UNAVAILABLE_SQLSTATE_CLASSES)
    )


DATABASE_RETRY_HEADERS = {"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)}


class DatabaseUnavailable(ServiceUnavailable):
    """503 + Retry-After: the database cannot take the request now (raise it `from` the
    driver's error where code catches one itself)."""

    def __init__(self, detail: str = DATABASE_UNAVAILABLE_DETAIL) -> None:
        super().__init__(detail, headers=DATABASE_RETRY_HEADERS)


def problem_body(
    status: int,
    *,
    detail: str | None = None,
    instance: str | None = None,
    request_id: str | None = None,
    errors: Iterable[ProblemFieldError] | None = None,
    type_: str | None = None,
    title: str | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> bytes:
    default_type, default_title = problem_type_and_title(status)
    body: dict[str, Any] = {
        "type": type_ or default_type,
        "title": title or default_title,
        "status": status,
        "detail": detail,
        "instance": instance,
        "request_id": request_id,
    }
    if errors is not None:
        body["errors"] = [e.model_dump() for e in errors]
    if extensions:
        body.update({k: v for k, v in extensions.items() if k not in body})
    return orjson.dumps(body)


def problem_response(
    request: Request,
    status: int,
    *,
    detail: str | None = None,
    errors: Iterable[ProblemFieldError] | None = None,
    headers: Mapping[str, str] | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> Response:
    return Response(
        problem_body(
            status,
            detail=detail,
            instance=request.url.path,
            request_id=request_id_of(request.scope),
            errors=errors,
            extensions=extensions,
        ),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=dict(headers or {}),
    )


def _pointer(loc: Sequence[int | str]) -> tuple[ProblemLocation, str]:
    """FastAPI's ("body", "owners", 0, "unit_id") → ("body", "/owners/0/unit_id")."""
    first = str(loc[0]) if loc else ProblemLocation.body
    if first not in ProblemLocation.__members__:
        return ProblemLocation.body, "/" + "/".join(pointer_token(p) for p in loc)
    return ProblemLocation(first), "/" + "/".join(pointer_token(p) for p in loc[1:])


def pointer_token(part: int | str) -> str:
    """One reference token of a JSON Pointer (RFC 6901: `~` and `/` escaped)."""
    return str(part).replace("~", "~0").replace("/", "~1")


def validation_errors(exc: RequestValidationError) -> list[ProblemFieldError]:
    errors = []
    for err in exc.errors():
        location, pointer = _pointer(err.get("loc", ()))
        errors.append(ProblemFieldError(location=location, pointer=pointer, detail=err["msg"]))
    return errors


def mops_error_response(request: Request, exc: MopsError) -> Response:
    """The problem answering a domain error, wherever it was raised (a route, a fast path)."""
    return problem_response(
        request,
        exc.status,
        detail=exc.detail,
        errors=exc.errors,
        headers=exc.headers,
        extensions=exc.extensions,
    )


async def _handle_mops_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, MopsError)
    return mops_error_response(request, exc)


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}"
    return problem_response(request, exc.status_code, detail=detail, headers=exc.headers)


async def _handle_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(exc)
    detail = "; ".join(f"{e.location} {e.pointer}: {e.detail}" for e in errors[:5])
    return problem_response(request, 422, detail=detail, errors=errors)


async def _handle_lost_race(request: Request, exc: Exception) -> Response:
    return problem_response(
        request, 409, detail="The resource was changed at the same time; read it again and retry."
    )


async def _handle_unexpected(request: Request, exc: Exception) -> Response:
    # Logged with its trace for operators; the client sees a problem, never the trace.
    logger.exception("unhandled error", extra={"request_id": request_id_of(request.scope)})
    return problem_response(request, 500, detail="An unexpected error occurred.")


async def _handle_database_failure(request: Request, exc: Exception) -> Response:
    if not is_database_unavailable(exc):
        return await _handle_unexpected(request, exc)
    logger.warning(
        "database unavailable",
        extra={"request_id": request_id_of(request.scope), "error": repr(exc)[:300]},
    )
    return problem_response(
        request, 503, detail=DATABASE_UNAVAILABLE_DETAIL, headers=DATABASE_RETRY_HEADERS
    )


# What a failing database raises into a route: the driver's errors as SQLAlchemy wraps them,
# a pool's checkout timeout, and the socket errors asyncpg raises unwrapped when connecting.
DATABASE_FAILURES: tuple[type[Exception], ...] = (DBAPIError, PoolTimeout, OSError)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(MopsError, _handle_mops_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
    app.add_exception_handler(RequestValidationError, _handle_validation_error)
    app.add_exception_handler(StaleDataError, _handle_lost_race)
    for failure in DATABASE_FAILURES:
        app.add_exception_handler(failure, _handle_database_failure)
    app.add_exception_handler(Exception, _handle_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status documented with the Problem schema."""
    return {
        status: {"model": Problem, "description": problem_type_and_title(status)[1]}
        for status in statuses
    }


async def send_problem(
    send: Any,
    scope: Mapping[str, Any],
    status: int,
    *,
    detail: str | None = None,
    headers: Iterable[tuple[bytes, bytes]] = (),
) -> None:
    """Write a problem response from pure ASGI code (no Request object on the hot path)."""
    state = scope.get("state")
    body = problem_body(
        status,
        detail=detail,
        instance=scope.get("path"),
        request_id=state.get("request_id") if isinstance(state, dict) else None,
    )
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def send_database_unavailable(send: Any, scope: Mapping[str, Any]) -> None:
    """The 503 + Retry-After problem of a failing database, from pure ASGI code."""
    await send_problem(
        send,
        scope,
        503,
        detail=DATABASE_UNAVAILABLE_DETAIL,
        headers=[(b"retry-after", str(DATABASE_RETRY_AFTER_SECONDS).encode())],
    )


class DatabaseFailureAnswer:
    """ASGI middleware: a failing database raised by the ASGI layers outside FastAPI's exception
    handlers (the fast paths, idempotency, the gateway's key look-up) answered as the routes
    answer it, 503 + Retry-After, instead of a 500; anything else, or a failure after the
    answer started, goes on up as before."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            if started or not is_database_unavailable(exc):
                raise
            logger.warning("database unavailable", extra={"error": repr(exc)[:300]})
            await send_database_unavailable(send, scope)
