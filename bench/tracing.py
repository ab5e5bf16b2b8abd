"""What tracing costs a request: the request middleware (kit.observability), which every request
of every service goes through, timed in process around an ASGI app that answers at once.

- `no tracer`: OpenTelemetry's no-op tracer in its place: the tracer's own work left out, the
  span's context still attached and detached (what a whole read costs more than before
  kit.tracing is measured side by side with `bench/reads.py wrk --compare-src`);
- `not exporting`: as deployed without OTEL_* (`PropagatingTracer`: spans with ids, not
  recorded), without and with a client's `traceparent`; beside it the SDK's tracer sampling
  nothing, which does the same work with more bookkeeping;
- `exporting`: spans recorded and handed to a processor (an in-memory exporter here, so the
  cost of the network is left out).

Rounds alternate the variants; each figure is the median of the rounds, in µs per request.

    .venv/bin/python bench/tracing.py [--n 20000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ParentBased

from mops_shared.kit import tracing
from mops_shared.kit.observability import RequestContextMiddleware

TRACEPARENT = (b"traceparent", b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")


async def _answer(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


async def _sink(message: Any) -> None:
    pass


async def _time(n: int, headers: list[tuple[bytes, bytes]]) -> float:
    middleware = RequestContextMiddleware(_answer, access_log=False, service="bench")
    started = time.perf_counter()
    for _ in range(n):
        scope = {"type": "http", "method": "GET", "path": "/v1/x", "headers": headers, "state": {}}
        await middleware(scope, None, _sink)  # type: ignore[arg-type]
    return (time.perf_counter() - started) / n * 1e6


def _with(tracer: trace.Tracer, exporting: bool) -> Callable[[], None]:
    return tracing.use_tracer(tracer, exporting=exporting)


async def main(n: int, rounds: int) -> None:
    exporter = InMemorySpanExporter()
    recording = TracerProvider()
    recording.add_span_processor(SimpleSpanProcessor(exporter))
    propagating = tracing.PropagatingTracer()
    # The SDK's own, sampling nothing: what kit.tracing first used when not exporting.
    sdk_unsampled = TracerProvider(sampler=ParentBased(ALWAYS_OFF)).get_tracer("bench")
    variants: list[tuple[str, trace.Tracer, bool, list[tuple[bytes, bytes]]]] = [
        ("no tracer", trace.NoOpTracer(), False, []),
        ("not exporting", propagating, False, []),
        ("not exporting, client traceparent", propagating, False, [TRACEPARENT]),
        ("SDK sampling nothing, for comparison", sdk_unsampled, False, []),
        ("exporting (in memory)", recording.get_tracer("bench"), True, []),
    ]
    results: dict[str, list[float]] = {name: [] for name, *_ in variants}
    await _time(n // 10, [])  # warm up
    for _ in range(rounds):
        for name, tracer, exporting, headers in variants:
            restore = _with(tracer, exporting)
            try:
                results[name].append(await _time(n, headers))
            finally:
                restore()
            exporter.clear()
    base = statistics.median(results["no tracer"])
    print(f"| request middleware, {n} requests x {rounds} rounds | µs/request | vs no tracer |")
    print("|---|---|---|")
    for name, values in results.items():
        value = statistics.median(values)
        print(f"| {name} | {value:.1f} | +{value - base:.1f} µs |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.n, args.rounds))
