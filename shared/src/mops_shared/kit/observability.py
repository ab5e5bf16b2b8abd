"""Request ids, JSON logs and the access-log middleware (pure ASGI: no BaseHTTPMiddleware)."""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from contextvars import ContextVar
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mops_shared.kit.metrics import observe_request

REQUEST_ID_HEADER = b"x-request-id"
_SANE_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")

current_request_id: ContextVar[str | None] = ContextVar("mops_request_id", default=None)


def sane_request_id(raw: bytes | None) -> str:
    """The client's X-Request-ID when it is a short token, a fresh one otherwise."""
    if raw and _SANE_REQUEST_ID.match(raw):
        return raw.decode("ascii")
    return os.urandom(16).hex()  # as random as uuid4().hex, without building a UUID


def request_id_of(scope: Scope) -> str | None:
    state = scope.get("state")
    if isinstance(state, dict):
        value = state.get("request_id")
        return value if isinstance(value, str) else None
    return None


def header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


class JsonFormatter(logging.Formatter):
    """One JSON object per line; `extra=` fields and the current request id are included."""

    # Not fields of ours: the record's own attributes, and uvicorn's `color_message` (the
    # message again, with ANSI colour escapes, meant for its own coloured formatter).
    _STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {
        "message",
        "asctime",
        "color_message",
    }

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = current_request_id.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in self._STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stderr; other handlers (a test runner's capture, say) are left in place."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if not isinstance(h.formatter, JsonFormatter)]
    root.addHandler(handler)
    root.setLevel(level.upper())
    # uvicorn's own access log is replaced by ours (it cost ~29 % throughput when measured).
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # httpx logs every call between services at INFO: the callee's access log already has it.
    logging.getLogger("httpx").setLevel(max(root.level, logging.WARNING))


access_logger = logging.getLogger("mops.access")


class RequestContextMiddleware:
    """Sets the request id (the client's if sane, else new), echoes it, logs each request."""

    def __init__(self, app: ASGIApp, *, access_log: bool = True, service: str = "service") -> None:
        self.app = app
        self.access_log = access_log
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = sane_request_id(header(scope, REQUEST_ID_HEADER))
        scope.setdefault("state", {})["request_id"] = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status = 500
        encoded_id = request_id.encode("ascii")

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [
                    (k, v) for k, v in message.get("headers", ()) if k.lower() != REQUEST_ID_HEADER
                ]
                headers.append((REQUEST_ID_HEADER, encoded_id))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            observe_request(self.service, scope, status, elapsed)
            if self.access_log:
                # A 5xx is an error of ours (or of a dependency) for an operator to look at;
                # a 4xx is the client's, and as ordinary as a 2xx.
                access_logger.log(
                    logging.ERROR if status >= 500 else logging.INFO,
                    "request",
                    extra={
                        "method": scope["method"],
                        "path": scope["path"],
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 2),
                        "tenant_id": scope["state"].get("tenant_id"),
                    },
                )
            current_request_id.reset(token)
