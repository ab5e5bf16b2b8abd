"""Schemathesis against the whole system, started as the README starts it (`mops run` on free
loopback ports and a fresh data folder), with a key of every scope.

    .venv/bin/python -m contract.fuzz                       # the CI budget: fixed seed and examples
    .venv/bin/python -m contract.fuzz --max-examples 50 --seed 7 --include-tag org

Every check of the contract runs (see CHECKS), `--mode all`, phases examples, coverage, fuzzing
and stateful (fed by the document's links). Prints each distinct failure with the request and
the answer; exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import base64
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

from contract.document import build, render
from mops_shared.kit.auth import ApiScope
from tests.e2e.stack import SERVICES, Run, free_ports

CONFIG = Path(__file__).resolve().parent / "schemathesis.toml"
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "ignored_auth",
)
ALL_SCOPES = [scope.value for scope in ApiScope]


# The gateway's default rate for this run's keys: one the run cannot reach. (A key cannot mint a
# key faster than itself, so the fuzz key takes the default rather than asking for more.)
UNREACHABLE_RATE = "1000000"


def fuzz_key(gateway: str, admin_key: str) -> str:
    """A key of every scope, on the run's default rate limit (`UNREACHABLE_RATE`)."""
    response = httpx.post(
        f"{gateway}/v1/admin/keys",
        headers={"authorization": f"Bearer {admin_key}"},
        json={"name": "schemathesis", "scopes": ALL_SCOPES},
    )
    response.raise_for_status()
    return str(response.json()["key"])


def run_schemathesis(
    gateway: str, key: str, report_dir: Path, *, seed: int, max_examples: int, extra: list[str]
) -> int:
    # The document as the code makes it now, so the run tests the working tree.
    report_dir.mkdir(parents=True, exist_ok=True)
    document = report_dir / "openapi.json"
    document.write_text(render(build()))
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "run",
        str(document),
        "--url",
        gateway,
        "--header",
        f"Authorization: Bearer {key}",
        "--checks",
        ",".join(CHECKS),
        "--mode",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        "--workers",
        "1",
        "--no-shrink",
        "--report",
        "ndjson",
        "--report-dir",
        str(report_dir),
        *extra,
    ]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "contract.schemathesis_hooks"}
    return subprocess.run(command, env=env, check=False).returncode


def failures(report_dir: Path) -> list[dict[str, Any]]:
    """Each distinct failure (operation, check, status): the request and the answer."""
    found: dict[tuple[str, str, int | None], dict[str, Any]] = collections.OrderedDict()
    for report in sorted(report_dir.glob("*.ndjson")):
        for line in report.read_text().splitlines():
            event = json.loads(line)
            finished = event.get("ScenarioFinished")
            if not finished:
                continue
            recorder = finished["recorder"]
            for case_id, checks in recorder.get("checks", {}).items():
                for check in checks:
                    if check["status"] != "failure":
                        continue
                    interaction = recorder["interactions"].get(case_id) or {}
                    response = interaction.get("response") or {}
                    status = response.get("status_code")
                    key = (recorder["label"], check["name"], status)
                    if key in found:
                        continue
                    content = (response.get("content") or {}).get("$base64", "")
                    case = recorder["cases"][case_id]["value"]
                    found[key] = {
                        "operation": recorder["label"],
                        "check": check["name"],
                        "status": status,
                        "message": check["failure_info"]["failure"].get("message", ""),
                        "query": case.get("query"),
                        "body": case.get("body"),
                        "answer": base64.b64decode(content).decode(errors="replace")[:600],
                    }
    return list(found.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-examples", type=int, default=10)
    parser.add_argument("--report-dir", type=Path, default=None)
    parser.add_argument(
        "--keep", action="store_true", help="keep the data folder (databases, run.log)"
    )
    args, extra = parser.parse_known_args()
    data_dir = Path(tempfile.mkdtemp(prefix="mops-fuzz-"))
    print(f"data folder: {data_dir}", flush=True)
    try:
        ports = dict(zip(SERVICES, free_ports(len(SERVICES)), strict=True))
        # Subscriptions to any URL are allowed (nothing is resolved), and the webhook worker is
        # off, so nothing the run registers is ever sent beyond this machine.
        env = {
            "MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS": "true",
            "MOPS_WEBHOOKS_WORKER_ENABLED": "false",
            "MOPS_GATEWAY_RATE_LIMIT_PER_MINUTE": UNREACHABLE_RATE,
            "MOPS_GATEWAY_RATE_LIMIT_BURST": UNREACHABLE_RATE,
        }
        run = Run(data_dir, ports, extra_env=env)
        try:
            run.wait_ready()
            admin = (data_dir / "dev-api-key").read_text().strip()
            key = fuzz_key(run.url(), admin)
            report_dir = args.report_dir or data_dir / "report"
            code = run_schemathesis(
                run.url(),
                key,
                report_dir,
                seed=args.seed,
                max_examples=args.max_examples,
                extra=extra,
            )
            found = failures(report_dir)
        finally:
            run.stop()
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    for failure in found:
        print(json.dumps(failure, ensure_ascii=False, default=str))
    print(f"{len(found)} distinct failures (operation, check, status); schemathesis exit {code}")
    return code


if __name__ == "__main__":
    sys.exit(main())
