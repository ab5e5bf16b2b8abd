"""The benchmark suite, one command: `.venv/bin/python -m bench`.

Installs what it needs and is missing (Debian's wrk and nginx), starts the five services on
fresh PostgreSQL databases (uvicorn, one worker each), seeds a tenant, and measures side by
side in one run, because this machine is shared and its speed varies from day to day:

- the gateway hop: the same `GET /v1/inventory/tools/{id}` direct to the inventory service,
  through the mops gateway, through nginx as a plain reverse proxy, and through the plain-httpx
  FastAPI recipe (bench/peers/httpx_recipe.py), at 1 and 32 connections (wrk);
- the read path: the same GET direct, against a bare Starlette handler answering the same bytes
  from the same rows with one raw asyncpg query (bench/peers/raw_read.py), the limit;
- memory: each service's RSS idle after start, and idle again after the load;
- the endpoint matrix (bench/matrix.py): for each of inventory, org and scoring a by-id read, a
  list page of 50 with a filter, and the two reports (spend, org metrics), each direct, through
  the gateway, through nginx and against a raw peer answering the same JSON, with the sample
  company loaded, at 1 and 32 connections, half of `--seconds` per target unless
  `--matrix-seconds` says otherwise (31 targets at 2 connection counts: about 7 minutes), each
  service's endpoints on a stack of their own; the measured service's memory after them;
- then the area benchmarks, each in its own stack: pagination depth and import
  (bench/inventory.py), organisation import (bench/org.py), scoring (bench/scoring.py),
  inbound and outbound webhooks (bench/webhooks.py, bench/webhooks_fanout.py).

Writes bench/results/suite.json and bench/results/suite.md (the table the README shows).
Each figure is compared with the committed bench/results/baseline.json: one more than 20 %
worse makes the command exit 1. Durations are divided by a fixed CPU loop timed in the same
run before they are compared, so a slower day is not a regression. `--update-baseline` makes
this run the new baseline. `--smoke` runs every part briefly and small, writes to a temporary
folder, and fails only if something does not run or answers wrongly (CI runs it).

    .venv/bin/python -m bench [--seconds 10] [--matrix-seconds 5] [--smoke] [--skip parts]
        [--update-baseline]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench.matrix import DIRECT, GATEWAY, NGINX, RAW, measure_matrix
from bench.matrix import markdown as matrix_markdown
from bench.measure import (
    REPO,
    calibrate,
    free_port,
    results_path,
    rss_mib,
    uvicorn_app,
    wait_answer,
    wrk,
)
from bench.peers.nginx import reverse_proxy
from bench.stack import DEFAULT_POSTGRES, Stack, gateway_key, headers_for, plain, services

BASELINE = REPO / "bench" / "results" / "baseline.json"
REGRESSION = 0.20
SERVICES = ("gateway", "inventory", "org", "scoring", "webhooks")
AREAS = ("inventory", "org", "scoring", "webhooks", "fanout")
# A tool whose answer is about 300 bytes, as the hop measure asks.
TOOL = {
    "name": "Bench CRM",
    "vendor": "Bench Vendor",
    "status": "active",
    "capabilities": ["CRM"],
    "description": "The tool every hop benchmark reads.",
}


@dataclass
class Metric:
    """One figure: `better` says which way is good; `kind` says how to compare it with another
    day's: `ratio` as it is, `seconds` divided by the CPU calibration, `rate` multiplied by it."""

    value: float
    unit: str
    better: str  # "higher" or "lower"
    kind: str  # "ratio", "seconds", "rate" or "info" (not compared)
    target: str = ""
    met: bool | None = None

    def normalised(self, calibration: float) -> float:
        if self.kind == "seconds":
            return self.value / calibration
        if self.kind == "rate":
            return self.value * calibration
        return self.value


@dataclass
class Results:
    calibration_s: float
    metrics: dict[str, Metric] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    def add(
        self, name: str, value: float, unit: str, better: str, kind: str, **target: Any
    ) -> None:
        self.metrics[name] = Metric(round(value, 3), unit, better, kind, **target)

    def judge(
        self,
        name: str,
        value: float,
        unit: str,
        kind: str,
        *,
        at_least: float | None = None,
        at_most: float | None = None,
        below: float | None = None,
    ) -> None:
        """A figure held to its target: `at_least` and `at_most` inclusive, `below` strict."""
        if at_least is not None:
            better, target, met = "higher", f"≥ {at_least:g}", value >= at_least
        elif at_most is not None:
            better, target, met = "lower", f"≤ {at_most:g}", value <= at_most
        else:
            assert below is not None
            better, target, met = "lower", f"< {below:g}", value < below
        self.add(name, value, unit, better, kind, target=target, met=met)


# ---------------------------------------------------------------------------------------------
# Tools


def ensure_tools(install: bool) -> None:
    """wrk and nginx from Debian's packages, installed if missing (the suite runs as root on a
    fresh machine; elsewhere install them first)."""
    missing = [name for name in ("wrk", "nginx") if not _which(name)]
    if not missing:
        return
    packages = ["wrk" if name == "wrk" else "nginx-light" for name in missing]
    if not install or not shutil.which("apt-get"):
        raise SystemExit(
            f"needed: {', '.join(missing)} (Debian: apt-get install {' '.join(packages)})"
        )
    print(f"installing {' '.join(packages)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    if subprocess.run(command, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=True)
        subprocess.run(command, env=env, capture_output=True, check=True)


def _which(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")


# ---------------------------------------------------------------------------------------------
# The stack, its peers and its seed


@dataclass
class Targets:
    """The same tool read each way; URL and headers per label."""

    urls: dict[str, tuple[str, dict[str, str]]]
    path: str


def seed_tool(stack: Stack, tenant_id: uuid.UUID) -> str:
    headers = headers_for(tenant_id)
    created = httpx.post(
        f"{stack.base_urls['inventory']}/v1/inventory/tools", json=TOOL, headers=headers, timeout=30
    )
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


# ---------------------------------------------------------------------------------------------
# Measures


def measure_hop_and_read(results: Results, stack: Stack, seconds: int, exits: ExitStack) -> None:
    key, tenant_id = asyncio.run(
        gateway_key(stack.database_urls["gateway"], ["admin"], unlimited=True)
    )
    tool_id = seed_tool(stack, tenant_id)
    path = f"/v1/inventory/tools/{tool_id}"
    inventory = stack.base_urls["inventory"]
    principal = headers_for(tenant_id)
    recipe_port, raw_port, nginx_port = free_port(), free_port(), free_port()
    exits.enter_context(
        uvicorn_app("bench.peers.httpx_recipe:app", recipe_port, {"MOPS_BENCH_UPSTREAM": inventory})
    )
    exits.enter_context(
        uvicorn_app(
            "bench.peers.raw_read:app",
            raw_port,
            {
                "MOPS_BENCH_DSN": plain(stack.database_urls["inventory"]),
                "MOPS_BENCH_TENANT": str(tenant_id),
            },
        )
    )
    exits.enter_context(reverse_proxy(inventory.removeprefix("http://"), nginx_port))
    local = "http://127.0.0.1"
    targets = {
        "direct": (f"{inventory}{path}", principal),
        "mops gateway": (f"{stack.base_urls['gateway']}{path}", {"authorization": f"Bearer {key}"}),
        "nginx": (f"{local}:{nginx_port}{path}", principal),
        "httpx recipe": (f"{local}:{recipe_port}{path}", principal),
        "raw Starlette + asyncpg": (f"{local}:{raw_port}{path}", {}),
    }
    bodies = {}
    for label, (url, headers) in targets.items():
        wait_answer(url, headers)
        bodies[label] = httpx.get(url, headers=headers).json()
    reference = bodies["direct"]
    for label, body in bodies.items():
        assert body == reference, f"{label} answers another body: {body} != {reference}"
    body_bytes = len(httpx.get(targets["direct"][0], headers=principal).content)
    for url, headers in targets.values():  # warm up: pools, prepared statements, caches
        wrk(url, headers, 8, max(1, seconds // 5))

    runs: dict[str, dict[str, dict[str, float]]] = {}
    # Interleaved, connection count by connection count, so a change in the machine's speed
    # during the run falls on every target alike.
    for connections in (1, 32):
        for label, (url, headers) in targets.items():
            runs.setdefault(label, {})[f"c{connections}"] = wrk(url, headers, connections, seconds)
    results.raw["hop"] = {
        "path": "/v1/inventory/tools/{id}",
        "body_bytes": body_bytes,
        "runs": runs,
    }
    failures = {
        label: r
        for label, by_c in runs.items()
        for r in by_c.values()
        if r["errors"] or r["socket_errors"]
    }
    assert not failures, f"errors under load: {failures}"

    def rps(label: str, c: int = 32) -> float:
        return runs[label][f"c{c}"]["rps"]

    gateway_over_direct = rps("mops gateway") / rps("direct")
    results.judge("hop.gateway_over_direct_c32", gateway_over_direct, "x", "ratio", at_least=0.55)
    gateway_over_nginx = rps("mops gateway") / rps("nginx")
    results.judge("hop.gateway_over_nginx_c32", gateway_over_nginx, "x", "ratio", at_least=0.60)
    gateway_over_recipe = rps("mops gateway") / rps("httpx recipe")
    results.judge(
        "hop.gateway_over_httpx_recipe_c32", gateway_over_recipe, "x", "ratio", at_least=5
    )
    p50 = runs["mops gateway"]["c1"]["p50_ms"] / runs["direct"]["c1"]["p50_ms"]
    results.judge("hop.gateway_p50_over_direct_c1", p50, "x", "ratio", at_most=2.5)
    read = rps("direct") / rps("raw Starlette + asyncpg")
    results.judge("read.direct_over_raw_c32", read, "x", "ratio", at_least=0.5)
    read_c1 = rps("direct", 1) / rps("raw Starlette + asyncpg", 1)
    results.add("read.direct_over_raw_c1", read_c1, "x", "higher", "ratio")
    for label in targets:
        results.add(f"hop.rps_c32.{label}", rps(label), "req/s", "higher", "info")


# The targets for the matrix: a by-id read at least 0.70 of its raw peer, a list page
# or a report 0.50; through the gateway 0.65 of direct and 0.75 of nginx; the gateway's p50 at
# one connection at most 0.5 ms above direct's.
LEAST_OVER_RAW = {"by_id": 0.70, "list": 0.50, "report": 0.50}


def judge_matrix(results: Results, matrix: dict[str, Any]) -> None:
    for key, endpoint in matrix["endpoints"].items():
        runs, name = endpoint["runs"], f"matrix.{key}"
        rps = {label: float(by_c["c32"]["rps"]) for label, by_c in runs.items()}
        if RAW in rps:
            least = LEAST_OVER_RAW[endpoint["kind"]]
            over_raw = rps[DIRECT] / rps[RAW]
            results.judge(f"{name}.direct_over_raw_c32", over_raw, "x", "ratio", at_least=least)
        over_direct = rps[GATEWAY] / rps[DIRECT]
        results.judge(f"{name}.gateway_over_direct_c32", over_direct, "x", "ratio", at_least=0.65)
        over_nginx = rps[GATEWAY] / rps[NGINX]
        results.judge(f"{name}.gateway_over_nginx_c32", over_nginx, "x", "ratio", at_least=0.75)
        # Judged, never compared with the baseline: a difference near zero has no stable ratio
        # from one day to the next, so 20 % of it is noise.
        added = runs[GATEWAY]["c1"]["p50_ms"] - runs[DIRECT]["c1"]["p50_ms"]
        results.judge(f"{name}.gateway_p50_minus_direct_c1_ms", added, "ms", "info", at_most=0.5)
        for label, value in rps.items():
            results.add(f"{name}.rps_c32.{label}", value, "req/s", "higher", "info")
    for service, value in matrix["rss_idle_after_mib"].items():
        results.judge(f"rss.idle_after_matrix.{service}", value, "MiB", "info", below=110)


def record_rss(results: Results, stack: Stack, moment: str) -> None:
    for service in SERVICES:
        value = rss_mib(stack.pids[service])
        results.judge(f"rss.{moment}.{service}", value, "MiB", "info", below=110)


def run_area(name: str, args: list[str], results_dir: Path) -> dict[str, Any]:
    """One area benchmark in its own process and stack; its JSON results."""
    script = {"fanout": "webhooks_fanout"}.get(name, name)
    print(f"== {name}: bench/{script}.py {' '.join(args)}", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, f"bench/{script}.py", *args],
        cwd=REPO,
        env={**os.environ, "MOPS_BENCH_RESULTS_DIR": str(results_dir)},
        check=True,
    )
    print(f"== {name} done in {time.perf_counter() - started:.0f} s", flush=True)
    return dict(json.loads((results_dir / f"{script}.json").read_text()))


def area_arguments(smoke: bool) -> dict[str, list[str]]:
    if smoke:
        return {
            "inventory": [
                "--only",
                "pagination",
                "--only",
                "import",
                "--rounds",
                "3",
                "--tools",
                "2000",
                "--rows",
                "500",
            ],
            "org": ["--rounds", "2", "--units", "40", "--people", "400"],
            "scoring": ["--rounds", "2", "--units", "40", "--people", "400", "--tools", "200"],
            "webhooks": ["--events", "300"],
            "fanout": ["--events", "200", "--subscriptions", "2", "--batch", "100"],
        }
    return {
        "inventory": ["--only", "pagination", "--only", "import", "--rounds", "20"],
        "org": ["--rounds", "10"],
        "scoring": ["--rounds", "10"],
        "webhooks": ["--events", "5000"],
        "fanout": [],
    }


def measure_areas(results: Results, smoke: bool, skip: set[str], results_dir: Path) -> None:
    arguments = area_arguments(smoke)
    if "inventory" not in skip:
        data = run_area("inventory", arguments["inventory"], results_dir)
        results.raw["inventory"] = data
        page = data["pagination_100k"]
        depth = page["page_1000_over_page_1_p50"]
        results.judge("pagination.page_1000_over_page_1_p50", depth, "x", "ratio", at_most=1.20)
        imported = data["import_10k_rows"]["seconds"]
        results.judge("import.csv_10k_rows", imported, "s", "seconds", below=15)
    if "org" not in skip:
        data = run_area("org", arguments["org"], results_dir)
        results.raw["org"] = data
        seconds = data["import_seconds"]
        results.judge("org.import_20k_people", seconds, "s", "seconds", below=30)
    if "scoring" not in skip:
        data = run_area("scoring", arguments["scoring"], results_dir)
        results.raw["scoring"] = data
        seconds = data["five_forces_result"]["p50_ms"] / 1000
        results.judge("scoring.five_forces_result_p50", seconds, "s", "seconds", below=1)
    if "webhooks" not in skip:
        data = run_area("webhooks", arguments["webhooks"], results_dir)
        results.raw["webhooks"] = data
        rate, p99, lost = data["acknowledged_per_second"], data["p99_ms"], data["lost"]
        results.judge("webhooks.inbound_acks_per_second", rate, "/s", "rate", at_least=1000)
        results.judge("webhooks.inbound_p99", p99 / 1000, "s", "seconds", below=0.1)
        results.add(
            "webhooks.inbound_lost", lost, "events", "lower", "info", target="0", met=lost == 0
        )
    if "fanout" not in skip:
        data = run_area("fanout", arguments["fanout"], results_dir)
        results.raw["fanout"] = data
        results.add(
            "webhooks.outbound_drain",
            data["seconds_to_all_delivered"],
            "s",
            "lower",
            "seconds",
            target="all delivered once",
            met=data["duplicates"] == 0
            and data["received"] == data["expected_deliveries"]
            and data["bad_signatures"] == 0,
        )


# ---------------------------------------------------------------------------------------------
# Report


def compare(results: Results, baseline: dict[str, Any]) -> list[str]:
    """The figures more than 20 % worse than the baseline's, after normalising both."""
    regressions = []
    for name, metric in results.metrics.items():
        before = baseline.get("metrics", {}).get(name)
        if metric.kind == "info" or before is None:
            continue
        now = metric.normalised(results.calibration_s)
        then = Metric(**before).normalised(baseline["calibration_s"])
        if then == 0:
            continue
        worse = (
            now < then * (1 - REGRESSION)
            if metric.better == "higher"
            else now > then * (1 + REGRESSION)
        )
        if worse:
            regressions.append(
                f"{name}: {metric.value} {metric.unit} against {before['value']} "
                f"(normalised {now:.3f} against {then:.3f})"
            )
    return regressions


def markdown(results: Results) -> str:
    lines = [
        f"CPU calibration (3 M-iteration loop): {results.calibration_s} s",
        "",
        "| measure | figure | target | met |",
        "|---|---|---|---|",
    ]
    for name, metric in results.metrics.items():
        met = "" if metric.met is None else ("yes" if metric.met else "**no**")
        lines.append(f"| {name} | {metric.value:g} {metric.unit} | {metric.target} | {met} |")
    hop = results.raw.get("hop")
    if hop:
        lines += [
            "",
            f"`GET {hop['path']}` ({hop['body_bytes']} bytes), wrk, one thread:",
            "",
            "| target | c1 req/s | c1 p50 ms | c1 p99 ms | c32 req/s | c32 p50 ms | c32 p99 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for label, by_c in hop["runs"].items():
            c1, c32 = by_c["c1"], by_c["c32"]
            lines.append(
                f"| {label} | {c1['rps']:.0f} | {c1['p50_ms']:.2f} | {c1['p99_ms']:.2f} | "
                f"{c32['rps']:.0f} | {c32['p50_ms']:.2f} | {c32['p99_ms']:.2f} |"
            )
    matrix = results.raw.get("matrix")
    if matrix:
        lines += ["", *matrix_markdown(matrix)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--seconds", type=int, help="wrk duration per target (10; 1 with --smoke)")
    parser.add_argument(
        "--matrix-seconds", type=int, help="wrk duration per matrix target (half of --seconds)"
    )
    parser.add_argument("--smoke", action="store_true", help="brief and small; not compared")
    parser.add_argument(
        "--skip", action="extend", nargs="+", default=[], choices=["hop", "matrix", *AREAS]
    )
    parser.add_argument("--no-install", action="store_true", help="do not apt-get wrk/nginx")
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args(argv)
    seconds = args.seconds or (1 if args.smoke else 10)
    # Half the hop's: 31 targets at 2 connection counts, 10 s each, would take 11 minutes.
    matrix_seconds = args.matrix_seconds or max(1, seconds // 2)
    skip = set(args.skip)
    ensure_tools(install=not args.no_install)
    results_dir = (
        Path(tempfile.mkdtemp(prefix="mops-bench-")) if args.smoke else results_path("x").parent
    )
    results = Results(calibration_s=calibrate())
    print(f"CPU calibration: {results.calibration_s} s", flush=True)
    started = time.perf_counter()
    if "hop" not in skip:
        with services(args.postgres, SERVICES) as stack, ExitStack() as exits:
            time.sleep(2)  # let start-up work settle before reading idle memory
            record_rss(results, stack, "idle_after_start")
            measure_hop_and_read(results, stack, seconds, exits)
            time.sleep(2)
            record_rss(results, stack, "idle_after_load")
    if "matrix" not in skip:
        print(f"== matrix: {matrix_seconds} s per target", flush=True)
        results.raw["matrix"] = measure_matrix(args.postgres, matrix_seconds)
        judge_matrix(results, results.raw["matrix"])
    measure_areas(results, args.smoke, skip, results_dir)
    results.raw["elapsed_s"] = round(time.perf_counter() - started, 1)
    document = {
        "calibration_s": results.calibration_s,
        "smoke": args.smoke,
        "metrics": {name: vars(metric) for name, metric in results.metrics.items()},
        "raw": results.raw,
    }
    (results_dir / "suite.json").write_text(json.dumps(document, indent=2) + "\n")
    table = markdown(results)
    (results_dir / "suite.md").write_text(table)
    print(table)
    print(f"written to {results_dir}/suite.json and suite.md")
    if args.smoke:
        return 0
    if args.update_baseline or not BASELINE.exists():
        BASELINE.write_text(json.dumps(document, indent=2) + "\n")
        print(f"baseline written: {BASELINE.relative_to(REPO)}")
        return 0
    regressions = compare(results, json.loads(BASELINE.read_text()))
    for line in regressions:
        print(f"REGRESSION {line}", file=sys.stderr)
    return 1 if regressions else 0
