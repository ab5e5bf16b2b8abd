"""Domain exceptions and the one place that renders every error as RFC 9457 problem+json."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

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


async def _handle_mops_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, MopsError)
    return problem_response(
        request,
        exc.status,
        detail=exc.detail,
        errors=exc.errors,
        headers=exc.headers,
        extensions=exc.extensions,
    )


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


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(MopsError, _handle_mops_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
    app.add_exception_handler(RequestValidationError, _handle_validation_error)
    app.add_exception_handler(StaleDataError, _handle_lost_race)
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
