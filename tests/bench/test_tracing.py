"""bench/tracing.py runs (a small run), so that the figure it gives stays one anyone can rerun."""

from __future__ import annotations

import pytest

from bench import tracing as bench_tracing


@pytest.mark.asyncio
async def test_the_tracing_bench_times_every_variant(capsys: pytest.CaptureFixture[str]) -> None:
    await bench_tracing.main(n=50, rounds=1)
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    assert names == [
        "no tracer",
        "not exporting",
        "not exporting, client traceparent",
        "SDK sampling nothing, for comparison",
        "exporting (in memory)",
    ]
    for row in rows[1:]:
        assert float(row.split(" | ")[1]) > 0
