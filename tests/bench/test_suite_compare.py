"""The bench suite's regression gate: figures more than 20 % worse than the baseline, after
normalising durations and rates by the CPU calibration of each run, fail the command."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bench.suite import Metric, Results, compare


def baseline(calibration: float, **metrics: Metric) -> dict[str, Any]:
    return {"calibration_s": calibration, "metrics": {k: asdict(m) for k, m in metrics.items()}}


def results(calibration: float, **metrics: Metric) -> Results:
    return Results(calibration_s=calibration, metrics=dict(metrics))


def test_a_ratio_more_than_20_percent_lower_is_a_regression() -> None:
    before = baseline(0.1, hop=Metric(0.70, "x", "higher", "ratio"))

    assert compare(results(0.1, hop=Metric(0.55, "x", "higher", "ratio")), before)  # -21 %
    assert not compare(results(0.1, hop=Metric(0.57, "x", "higher", "ratio")), before)  # -19 %


def test_a_duration_is_judged_against_the_days_machine_speed() -> None:
    before = baseline(0.10, imported=Metric(8.0, "s", "lower", "seconds"))

    # 12 s on a machine half as fast is 6 s of yesterday's: better, not worse.
    assert not compare(results(0.20, imported=Metric(12.0, "s", "lower", "seconds")), before)
    # 10 s on the same machine is 25 % slower.
    (line,) = compare(results(0.10, imported=Metric(10.0, "s", "lower", "seconds")), before)
    assert line.startswith("imported: 10.0 s against 8.0")


def test_a_rate_is_multiplied_by_the_calibration() -> None:
    before = baseline(0.10, acks=Metric(600.0, "/s", "higher", "rate"))

    assert not compare(results(0.15, acks=Metric(420.0, "/s", "higher", "rate")), before)
    assert compare(results(0.10, acks=Metric(420.0, "/s", "higher", "rate")), before)


def test_information_and_new_figures_are_not_compared() -> None:
    before = baseline(0.1, rps=Metric(1000.0, "req/s", "higher", "info"))

    assert not compare(
        results(
            0.1,
            rps=Metric(10.0, "req/s", "higher", "info"),
            new=Metric(1.0, "x", "higher", "ratio"),
        ),
        before,
    )
