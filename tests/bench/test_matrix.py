"""The endpoint matrix's report: each endpoint judged against the issue's targets (a report
without a raw peer has no direct/raw figure, never a made-up one), its table, and the body check
that stands between a peer answering something else and a figure."""

from __future__ import annotations

from typing import Any

from bench.matrix import DIRECT, GATEWAY, NGINX, RAW, Endpoint, difference, markdown
from bench.suite import Results, compare, judge_matrix


def run(rps: float, p50_ms: float = 1.0) -> dict[str, float]:
    return {"rps": rps, "p50_ms": p50_ms, "p99_ms": 2 * p50_ms, "errors": 0, "socket_errors": 0}


def endpoint(kind: str, rps: dict[str, float], p50_ms: dict[str, float]) -> dict[str, Any]:
    return {
        "service": "inventory",
        "name": kind,
        "kind": kind,
        "path": "/v1/inventory/tools/{id}",
        "body_bytes": 514,
        "runs": {
            label: {"c1": run(1000, p50_ms[label]), "c32": run(value)}
            for label, value in rps.items()
        },
    }


def matrix(**endpoints: dict[str, Any]) -> dict[str, Any]:
    return {
        "seconds": 5,
        "endpoints": {f"inventory.{k}": e for k, e in endpoints.items()},
        "rss_idle_after_mib": {"inventory": 121.5},
    }


def test_each_endpoint_is_held_to_the_issues_targets() -> None:
    results = Results(calibration_s=0.1)
    by_id = endpoint(
        "by_id",
        {DIRECT: 700, GATEWAY: 490, NGINX: 650, RAW: 1000},
        {DIRECT: 0.3, GATEWAY: 0.9, NGINX: 0.35, RAW: 0.25},
    )
    listed = endpoint(
        "list",
        {DIRECT: 490, GATEWAY: 400, NGINX: 480, RAW: 1000},
        {DIRECT: 1.0, GATEWAY: 1.4, NGINX: 1.1, RAW: 0.5},
    )

    judge_matrix(results, matrix(by_id=by_id, list=listed))

    met = {
        name: m.met
        for name, m in results.metrics.items()
        if m.met is not None and name.startswith("matrix.")
    }
    assert met == {
        "matrix.inventory.by_id.direct_over_raw_c32": True,  # 0.70 ≥ 0.70
        "matrix.inventory.by_id.gateway_over_direct_c32": True,  # 0.70 ≥ 0.65
        "matrix.inventory.by_id.gateway_over_nginx_c32": True,  # 0.754 ≥ 0.75
        "matrix.inventory.by_id.gateway_p50_minus_direct_c1_ms": False,  # 0.6 ms > 0.5
        "matrix.inventory.list.direct_over_raw_c32": False,  # 0.49 < 0.50
        "matrix.inventory.list.gateway_over_direct_c32": True,
        "matrix.inventory.list.gateway_over_nginx_c32": True,
        "matrix.inventory.list.gateway_p50_minus_direct_c1_ms": True,
    }
    assert results.metrics["matrix.inventory.list.rps_c32.raw Starlette + asyncpg"].value == 1000
    assert results.metrics["rss.idle_after_matrix.inventory"].met is False  # 121.5 MiB ≥ 120


def test_a_report_without_a_raw_peer_has_no_direct_over_raw_figure() -> None:
    results = Results(calibration_s=0.1)
    report = endpoint(
        "report", {DIRECT: 100, GATEWAY: 90, NGINX: 95}, {DIRECT: 5.0, GATEWAY: 5.2, NGINX: 5.1}
    )

    judge_matrix(results, matrix(metrics_report=report))

    names = set(results.metrics)
    assert "matrix.inventory.metrics_report.direct_over_raw_c32" not in names
    assert "matrix.inventory.metrics_report.gateway_over_direct_c32" in names
    row = markdown(matrix(metrics_report=report))[-1]
    assert row.split(" | ")[5:7] == ["—", "—"]


def test_the_gateways_added_p50_is_judged_but_never_a_regression() -> None:
    before = Results(calibration_s=0.1)
    judge_matrix(before, matrix(by_id=endpoint("by_id", *_figures(gateway_p50=0.4))))
    baseline = {
        "calibration_s": 0.1,
        "metrics": {name: vars(metric) for name, metric in before.metrics.items()},
    }
    after = Results(calibration_s=0.1)
    judge_matrix(after, matrix(by_id=endpoint("by_id", *_figures(gateway_p50=0.7))))

    assert compare(after, baseline) == []
    assert not after.metrics["matrix.inventory.by_id.gateway_p50_minus_direct_c1_ms"].met


def _figures(gateway_p50: float) -> tuple[dict[str, float], dict[str, float]]:
    return (
        {DIRECT: 1000, GATEWAY: 700, NGINX: 900, RAW: 1200},
        {DIRECT: 0.3, GATEWAY: 0.3 + gateway_p50, NGINX: 0.35, RAW: 0.25},
    )


def test_the_table_has_a_row_per_endpoint_with_its_ratios() -> None:
    by_id = endpoint(
        "by_id",
        {DIRECT: 800, GATEWAY: 400, NGINX: 700, RAW: 1000},
        {DIRECT: 0.30, GATEWAY: 0.55, NGINX: 0.35, RAW: 0.25},
    )

    lines = markdown(matrix(by_id=by_id))

    assert lines[-1] == (
        "| inventory by id `GET /v1/inventory/tools/{id}` | 514 | 800 | 400 (0.50 x) | 700 | "
        "1000 | 0.80 x | +0.25 ms |"
    )


def test_the_body_check_names_where_an_answer_differs() -> None:
    direct = {"items": [{"id": "a", "tags": ["x"]}, {"id": "b", "tags": []}], "next_cursor": "c"}

    assert difference(direct, direct) is None
    changed = {"items": [{"id": "a", "tags": ["x"]}, {"id": "b", "tags": [1]}], "next_cursor": "c"}
    assert difference(changed, direct) == "/items/1/tags: [1] against []"
    assert difference({"items": direct["items"]}, direct) == "/next_cursor: only in direct"


def test_an_endpoints_path_is_its_template_with_the_id() -> None:
    read = Endpoint("org", "by_id", "by_id", "/v1/org/units/{id}", "u-1")

    assert (read.key, read.path) == ("org.by_id", "/v1/org/units/u-1")
