"""Traces with OpenTelemetry: W3C trace context always, spans exported only when asked.

Every request runs in a span (kit.observability's request middleware starts it, continuing the
caller's `traceparent` when it sends a valid one), every call between services carries the
current span's `traceparent` (the gateway's proxy, the typed clients), and every domain event
keeps the `traceparent` of the change that recorded it, so that its relay (a `publish` span)
and each delivery to a subscription (a `deliver` span) join that change's trace; an inbound CRM
delivery's processing joins the trace of the request that received it. Log lines written inside
a span carry its `trace_id` and `span_id` (kit.observability).

Exporting is off unless the standard variables ask for it: `OTEL_TRACES_EXPORTER=otlp`, or an
`OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (OTLP over HTTP/protobuf;
the exporter's other `OTEL_EXPORTER_OTLP_*` settings, `OTEL_TRACES_SAMPLER`, `OTEL_SERVICE_NAME`
and `OTEL_RESOURCE_ATTRIBUTES` as the SDK reads them); `OTEL_SDK_DISABLED=true` keeps it off.
Off, spans are still made, with real ids, so that trace context flows and is logged, but none
is recorded (`PropagatingTracer`: a few microseconds a request, bench/tracing.py); and
database statements get spans only when exporting, because listening to statements turns off
the read path's driver fast path (kit.driver_reads).
"""

from __future__ import annotations

import logging
import os
import random
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import (
    NonRecordingSpan,
    Span,
    SpanContext,
    SpanKind,
    StatusCode,
    TraceFlags,
)

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

logger = logging.getLogger("mops.tracing")

TRACEPARENT = "traceparent"
TRACESTATE = "tracestate"
TRACEPARENT_HEADER = TRACEPARENT.encode()
TRACESTATE_HEADER = TRACESTATE.encode()
# version 00: 2 hex, 32 hex trace id, 16 hex parent id, 2 hex flags (W3C Trace Context, level 1).
# A later version may append fields after a dash; its first four are read as version 00's.
_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$")
TRACEPARENT_MAX_LENGTH = 55  # version 00's length: what a row keeps


class PropagatingTracer(trace.NoOpTracer):
    """The tracer when nothing is exported: a span is only its context (the caller's trace, or
    a new one; a new span id; the caller's flags and state as received, as W3C Trace Context
    asks of a participant that records nothing), never recorded. What the SDK makes with
    nothing to export, without its sampler and span bookkeeping (bench/tracing.py)."""

    def start_span(
        self, name: str, context: otel_context.Context | None = None, *args: Any, **kwargs: Any
    ) -> Span:
        parent = trace.get_current_span(context).get_span_context()
        span_id = random.getrandbits(64) or 1
        if parent.is_valid:
            return NonRecordingSpan(
                SpanContext(
                    parent.trace_id,
                    span_id,
                    is_remote=False,
                    trace_flags=parent.trace_flags,
                    trace_state=parent.trace_state,
                )
            )
        return NonRecordingSpan(SpanContext(random.getrandbits(128) or 1, span_id, is_remote=False))


class _Tracing:
    """The process's tracer; swapped by tests (`use_provider`) without OpenTelemetry's global,
    which can be set only once per process."""

    def __init__(self) -> None:
        self.configured = False
        self.tracer: trace.Tracer = PropagatingTracer()
        self.exporting = False


_state = _Tracing()


def exporting_requested(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the standard OTEL_* variables ask for spans to be exported."""
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    exporter = environ.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporter:
        return exporter != "none"
    return bool(
        environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")
        or environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    )


def configure_tracing(service: str, environ: Mapping[str, str] = os.environ) -> None:
    """Once per process (later calls, or a provider set by a test, leave it as it is): the
    exporting provider when the OTEL_* variables ask for it, else the propagating tracer."""
    if _state.configured:
        return
    provider = build_provider(service, environ)
    _state.configured = True
    if provider is not None:
        _state.tracer, _state.exporting = provider.get_tracer("mops"), True


def build_provider(service: str, environ: Mapping[str, str] = os.environ) -> TracerProvider | None:
    """The exporting provider the variables ask for, None when they ask for none. (The SDK and
    the exporter read their own settings from the process's environment.)"""
    if not exporting_requested(environ):
        return None
    exporter_name = environ.get("OTEL_TRACES_EXPORTER", "otlp").strip().lower() or "otlp"
    if exporter_name != "otlp":
        logger.warning(
            "OTEL_TRACES_EXPORTER=%s is not supported (only otlp): no spans exported",
            exporter_name,
        )
        return None
    # Imported only here: the SDK, the exporter and protobuf cost 3.7 MiB a process that does
    # not export.
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    # OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over the service's name.
    resource = Resource.create({"service.name": f"mops-{service}"})
    provider = TracerProvider(resource=resource)  # the sampler: OTEL_TRACES_SAMPLER's
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    logger.info("exporting traces with OTLP")
    return provider


def use_tracer(tracer: trace.Tracer, *, exporting: bool) -> Callable[[], None]:
    """A tracer of the caller's (a test's provider with an in-memory exporter) in place of the
    process's; exporting, engines created from now on get statement spans. Returns what puts
    the one before back."""
    before = (_state.configured, _state.tracer, _state.exporting)

    def restore() -> None:
        _state.configured, _state.tracer, _state.exporting = before

    _state.configured, _state.tracer, _state.exporting = True, tracer, exporting
    return restore


def use_provider(provider: TracerProvider) -> Callable[[], None]:
    """`use_tracer` with the provider's tracer, exporting."""
    return use_tracer(provider.get_tracer("mops"), exporting=True)


def exporting() -> bool:
    return _state.exporting


def tracer() -> trace.Tracer:
    return _state.tracer


# --- W3C trace context ----------------------------------------------------------------------------


def parent_context(
    traceparent: str | bytes | None, tracestate: str | bytes | None = None
) -> otel_context.Context | None:
    """The remote parent a `traceparent` names, or None when it is absent or not valid (then a
    new trace starts, as W3C Trace Context says)."""
    if not traceparent:
        return None
    if isinstance(traceparent, bytes):
        traceparent = traceparent.decode("latin-1")
    match = _TRACEPARENT.match(traceparent.strip())
    if match is None:
        return None
    version, trace_id, span_id, flags, rest = match.groups()
    if version == "ff" or (version == "00" and rest) or set(trace_id) == {"0"}:
        return None
    if set(span_id) == {"0"}:
        return None
    state = None
    if tracestate:
        from opentelemetry.trace.span import TraceState

        raw = tracestate.decode("latin-1") if isinstance(tracestate, bytes) else tracestate
        state = TraceState.from_header([raw])
    remote = SpanContext(
        trace_id=int(trace_id, 16),
        span_id=int(span_id, 16),
        is_remote=True,
        trace_flags=TraceFlags(int(flags, 16) & TraceFlags.SAMPLED),
        trace_state=state,
    )
    return trace.set_span_in_context(NonRecordingSpan(remote))


def traceparent_of(span: Span | None = None) -> str | None:
    """The `traceparent` that names `span` (the current one by default), None outside a trace."""
    context = (span or trace.get_current_span()).get_span_context()
    if not context.is_valid:
        return None
    return _traceparent(context)


def _traceparent(context: SpanContext) -> str:
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{int(context.trace_flags):02x}"


def propagation_headers() -> dict[str, str]:
    """The headers that carry the current span to another service (none outside a trace)."""
    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid:
        return {}
    headers = {TRACEPARENT: _traceparent(span_context)}
    if span_context.trace_state:
        headers[TRACESTATE] = span_context.trace_state.to_header()
    return headers


def log_fields() -> dict[str, str] | None:
    """`trace_id` and `span_id` of the current span, for a log line (None outside a trace)."""
    span_context = trace.get_current_span().get_span_context()
    if not span_context.is_valid:
        return None
    return {
        "trace_id": f"{span_context.trace_id:032x}",
        "span_id": f"{span_context.span_id:016x}",
    }


@contextmanager
def span_from(
    traceparent: str | None,
    name: str,
    *,
    kind: SpanKind = SpanKind.INTERNAL,
    attributes: dict[str, Any] | None = None,
) -> Iterator[Span]:
    """A span, current while the block runs, continuing the trace `traceparent` names (a stored
    one: an event's, an inbox row's); a new trace without one. An exception marks it failed."""
    span = _state.tracer.start_span(
        name, context=parent_context(traceparent), kind=kind, attributes=attributes
    )
    with trace.use_span(span, end_on_exit=True, record_exception=True):
        yield span


@contextmanager
def client_span(name: str, *, method: str, path: str) -> Iterator[Span]:
    """A client span, current while the block runs, for a call to another mops service; an
    exception marks it failed."""
    span = _state.tracer.start_span(name, kind=SpanKind.CLIENT)
    if span.is_recording():
        span.set_attributes({"http.request.method": method, "url.path": path})
    with trace.use_span(span, end_on_exit=True, record_exception=True):
        yield span


def mark_failed(span: Span, description: str | None = None) -> None:
    if span.is_recording():
        span.set_status(StatusCode.ERROR, description)
