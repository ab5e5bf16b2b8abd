"""kit.tracing: W3C trace context read and written, the OTEL_* switch, OTLP export, and the
database statements' spans (which never carry a parameter's value)."""

from __future__ import annotations

import asyncio
import gzip
import io
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from mops_shared.kit import tracing
from mops_shared.kit.db import create_engine
from mops_shared.kit.observability import JsonFormatter, RequestContextMiddleware
from tests.support import backend, create_postgres_database, drop_postgres_database, serve

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"


@pytest.fixture
def recorded() -> Iterator[InMemorySpanExporter]:
    """Spans recorded in memory in place of the process's provider, for one test."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    restore = tracing.use_provider(provider)
    try:
        yield exporter
    finally:
        restore()


@pytest.mark.parametrize("flags", ["00", "01"])
def test_a_valid_traceparent_is_continued_with_its_sampled_flag(flags: str) -> None:
    parent = tracing.parent_context(f"00-{TRACE_ID}-{PARENT_ID}-{flags}")
    assert parent is not None
    remote = trace.get_current_span(parent).get_span_context()
    assert (f"{remote.trace_id:032x}", f"{remote.span_id:016x}") == (TRACE_ID, PARENT_ID)
    assert remote.is_remote
    assert remote.trace_flags.sampled == (flags == "01")


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        f"00-{TRACE_ID.upper()}-{PARENT_ID}-01",  # hex is lower case
        f"ff-{TRACE_ID}-{PARENT_ID}-01",  # version ff is invalid
        f"00-{'0' * 32}-{PARENT_ID}-01",  # an all-zero trace id
        f"00-{TRACE_ID}-{'0' * 16}-01",  # an all-zero parent id
        f"00-{TRACE_ID}-{PARENT_ID}-01-extra",  # version 00 has four fields
        f"00-{TRACE_ID[:-1]}-{PARENT_ID}-01",
        f"00-{TRACE_ID}-{PARENT_ID}-1",
        f"00-{TRACE_ID}-{PARENT_ID}-0\x00",
    ],
)
def test_an_invalid_traceparent_starts_a_new_trace(value: str) -> None:
    assert tracing.parent_context(value) is None
    assert tracing.parent_context(value.encode("latin-1")) is None


def test_a_later_version_is_read_by_its_first_four_fields() -> None:
    parent = tracing.parent_context(f"01-{TRACE_ID}-{PARENT_ID}-01-what-comes-later")
    assert parent is not None
    assert trace.get_current_span(parent).get_span_context().trace_id == int(TRACE_ID, 16)


def test_the_traceparent_written_names_the_span_and_is_read_back() -> None:
    with tracing.span_from(f"00-{TRACE_ID}-{PARENT_ID}-00", "work") as span:
        written = tracing.traceparent_of()
        headers = tracing.propagation_headers()
    context = span.get_span_context()
    assert written == f"00-{TRACE_ID}-{context.span_id:016x}-00"
    assert context.span_id != int(PARENT_ID, 16)
    assert headers == {"traceparent": written}
    assert tracing.traceparent_of() is None
    assert tracing.propagation_headers() == {}


@pytest.mark.parametrize(
    ("environ", "exports"),
    [
        ({}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, True),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"}, True),
        ({"OTEL_TRACES_EXPORTER": "otlp"}, True),
        ({"OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://x"}, False),
        ({"OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "otlp"}, False),
    ],
)
def test_spans_are_exported_only_when_the_otel_variables_ask(
    environ: dict[str, str], exports: bool
) -> None:
    assert tracing.exporting_requested(environ) is exports


def test_without_export_spans_have_ids_and_carry_the_caller_s_flags_unrecorded() -> None:
    assert tracing.build_provider("org", {}) is None
    tracer = tracing.PropagatingTracer()
    root = tracer.start_span("root")
    asked = tracer.start_span(
        "asked", context=tracing.parent_context(f"00-{TRACE_ID}-{PARENT_ID}-01")
    )
    assert root.get_span_context().is_valid
    assert not root.is_recording()
    assert not root.get_span_context().trace_flags.sampled
    # A child of the caller's span, in its trace, with its flag as received (W3C Trace Context).
    context = asked.get_span_context()
    assert context.trace_id == int(TRACE_ID, 16)
    assert context.span_id not in (0, int(PARENT_ID, 16))
    assert context.trace_flags.sampled
    assert not asked.is_recording()


@pytest.mark.asyncio
async def test_with_an_otlp_endpoint_spans_reach_the_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A collector on loopback gets the span over OTLP/HTTP, protobuf, with the service's name."""
    bodies: list[bytes] = []

    async def collect(request: Request) -> Response:
        body = await request.body()
        bodies.append(
            gzip.decompress(body) if request.headers.get("content-encoding") == "gzip" else body
        )
        return Response(status_code=200, media_type="application/x-protobuf")

    collector = await serve(Starlette(routes=[Route("/v1/traces", collect, methods=["POST"])]))
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", collector.url)
    try:
        provider = tracing.build_provider("inventory")
        assert provider is not None
        with provider.get_tracer("test").start_as_current_span("exported work"):
            pass
        # The batch processor's thread posts it; wait without holding the loop.
        assert await asyncio.to_thread(provider.force_flush, 10_000)
        provider.shutdown()
    finally:
        await collector.stop()
    request = ExportTraceServiceRequest()
    request.ParseFromString(bodies[0])
    (resource_spans,) = request.resource_spans
    attributes = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
    assert attributes["service.name"] == "mops-inventory"
    names = [span.name for scope in resource_spans.scope_spans for span in scope.spans]
    assert names == ["exported work"]


@pytest.mark.asyncio
async def test_statement_spans_name_the_sql_never_its_values(
    recorded: InMemorySpanExporter, tmp_path: Path
) -> None:
    name = f"mops_trace_{uuid.uuid4().hex[:10]}"
    if backend() == "postgres":
        url = await create_postgres_database(name)
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'trace.db'}"
    engine = create_engine(url)
    secret = f"value-{uuid.uuid4().hex}"
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (v VARCHAR(100))"))
            outside = len(recorded.get_finished_spans())
            with tracing.tracer().start_as_current_span("request"):
                await conn.execute(text("INSERT INTO t (v) VALUES (:v)"), {"v": secret})
                await conn.execute(text("SELECT v FROM t WHERE v = :v"), {"v": secret})
    finally:
        await engine.dispose()
        if backend() == "postgres":
            await drop_postgres_database(name)
    spans = recorded.get_finished_spans()
    assert outside == 0  # no span where no request's span was current
    request = next(s for s in spans if s.name == "request")
    statements = [s for s in spans if s.name in ("INSERT", "SELECT")]
    assert [s.name for s in statements] == ["INSERT", "SELECT"]
    for span in statements:
        assert span.parent is not None
        assert span.parent.span_id == request.context.span_id
        attributes: dict[str, Any] = dict(span.attributes or {})
        assert attributes["db.system.name"] == (
            "postgresql" if backend() == "postgres" else "sqlite"
        )
        assert secret not in repr(attributes)
        assert attributes["db.query.text"].startswith(span.name)


@pytest.mark.asyncio
async def test_a_request_continues_the_client_trace_and_its_log_lines_carry_it(
    recorded: InMemorySpanExporter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)  # the access log's level
    app_logger = logging.getLogger("mops.test.handler")

    async def answer(scope: Any, receive: Any, send: Any) -> None:
        app_logger.warning("inside")
        await send({"type": "http.response.start", "status": 201, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def send(message: Any) -> None:
        pass

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/things",
        "headers": [(b"traceparent", f"00-{TRACE_ID}-{PARENT_ID}-01".encode())],
        "state": {},
    }
    # Lines formatted as they are written, as on a service's stderr.
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter("org"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        await RequestContextMiddleware(answer, service="org")(scope, None, send)  # type: ignore[arg-type]
        app_logger.warning("after")
    finally:
        root.removeHandler(handler)
    (span,) = recorded.get_finished_spans()
    assert span.context.trace_id == int(TRACE_ID, 16)
    assert span.parent is not None
    assert span.parent.span_id == int(PARENT_ID, 16)
    assert span.kind == trace.SpanKind.SERVER
    assert span.name == "POST unmatched"
    assert (span.attributes or {})["http.response.status_code"] == 201
    entries = {e["message"]: e for e in map(json.loads, buffer.getvalue().splitlines())}
    for message in ("inside", "request"):
        assert entries[message]["trace_id"] == TRACE_ID
        assert entries[message]["span_id"] == f"{span.context.span_id:016x}"
    assert "trace_id" not in entries["after"]
