"""Gateway hop: the same GET direct to an upstream and through the gateway, side by side.

Two upstreams, each a real uvicorn process (one worker each, like the gateway):
- `static`: bench/static_upstream.py, a fixed ~300-byte JSON answer, so what is measured is
  the gateway's own cost (the figure the design budgets: >= 55 % of direct);
- `inventory`: the real `GET /v1/inventory/categories?limit=1` on SQLite, as a user sees it.
wrk runs against each at 1 and 32 connections. Writes bench/results/gateway_hop.json and
prints a Markdown table. Needs `wrk` (Debian: apt-get install wrk).

    uv run python bench/gateway_hop.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
INVENTORY_PATH = "/v1/inventory/categories?limit=1"
# The gateway routes /v1/scoring/* to the static upstream in this benchmark.
STATIC_PATH = "/v1/scoring/frameworks?limit=1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} not ready")


def wrk(url: str, headers: dict[str, str], connections: int, seconds: int) -> dict[str, float]:
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(label: str) -> float:
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50_ms": pct("50"),
        "p99_ms": pct("99"),
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
    }


async def make_key(env: dict[str, str]) -> tuple[str, str]:
    os.environ.update(env)
    from mops_gateway.config import GatewaySettings
    from mops_gateway.keys import service as keys
    from mops_gateway.tenants import service as tenants
    from mops_shared.auth import Principal, sign_principal
    from mops_shared.db import create_engine, create_sessionmaker
    from mops_shared.schemas.admin import ApiKeyCreate

    settings = GatewaySettings()
    engine = create_engine(settings.database_url)
    async with create_sessionmaker(engine)() as session:
        tenant = await tenants.create_tenant(session, f"bench-{uuid.uuid4().hex[:8]}")
        created = await keys.create_key(
            session,
            tenant.id,
            ApiKeyCreate.model_validate(
                {
                    "name": "bench",
                    "scopes": ["admin"],
                    "rate_limit": {"requests_per_minute": 1_000_000, "burst": 1_000_000},
                }
            ),
        )
    await engine.dispose()
    principal = Principal(
        tenant_id=tenant.id, key_id=created.id, scopes=frozenset({"admin"}), request_id="bench"
    )
    direct = sign_principal(principal, env["MOPS_INTERNAL_SECRET"], ttl_seconds=3600)
    return created.key, direct


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is needed: apt-get install wrk", file=sys.stderr)
        return 2
    data = Path(tempfile.mkdtemp(prefix="mops-bench-"))
    inventory_port, static_port, gateway_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "MOPS_DATA_DIR": str(data),
        "MOPS_INTERNAL_SECRET": uuid.uuid4().hex * 2,
        "MOPS_ACCESS_LOG": "false",
        "MOPS_INVENTORY_PORT": str(inventory_port),
        "MOPS_GATEWAY_INVENTORY_URL": f"http://127.0.0.1:{inventory_port}",
        "MOPS_GATEWAY_SCORING_URL": f"http://127.0.0.1:{static_port}",
    }
    for service in ("gateway", "inventory"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "alembic",
                "-c",
                "migrations/alembic.ini",
                "-n",
                service,
                "upgrade",
                "head",
            ],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
    key, direct_principal = asyncio.run(make_key(env))
    procs = []
    try:
        apps = (
            (["mops_inventory.main:create_app", "--factory"], inventory_port),
            (["mops_gateway.main:create_app", "--factory"], gateway_port),
            (["bench.static_upstream:app"], static_port),
        )
        for app_args, port in apps:
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "uvicorn",
                        *app_args,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--no-access-log",
                        "--log-level",
                        "warning",
                    ],
                    cwd=REPO,
                    env=env,
                )
            )
        wait_ready(f"http://127.0.0.1:{inventory_port}/readyz")
        wait_ready(f"http://127.0.0.1:{gateway_port}/readyz")
        wait_ready(f"http://127.0.0.1:{static_port}/")
        gateway_auth = {"authorization": f"Bearer {key}"}
        inventory_auth = {"x-mops-principal": direct_principal}
        targets = {
            "static direct": (f"http://127.0.0.1:{static_port}{STATIC_PATH}", {}),
            "static via gateway": (f"http://127.0.0.1:{gateway_port}{STATIC_PATH}", gateway_auth),
            "inventory direct": (
                f"http://127.0.0.1:{inventory_port}{INVENTORY_PATH}",
                inventory_auth,
            ),
            "inventory via gateway": (
                f"http://127.0.0.1:{gateway_port}{INVENTORY_PATH}",
                gateway_auth,
            ),
        }
        for url, headers in targets.values():  # warm up: seeds categories, fills pools
            wrk(url, headers, 4, 1)
        results: dict[str, dict[str, dict[str, float]]] = {}
        for connections in (1, 32):
            for name, (url, headers) in targets.items():
                results.setdefault(name, {})[f"c{connections}"] = wrk(
                    url, headers, connections, args.seconds
                )
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=20)
        shutil.rmtree(data, ignore_errors=True)
    ratio = results["static via gateway"]["c32"]["rps"] / results["static direct"]["c32"]["rps"]
    p50_ratio = (
        results["static via gateway"]["c1"]["p50_ms"] / results["static direct"]["c1"]["p50_ms"]
    )
    summary = {
        "seconds": args.seconds,
        "results": results,
        "gateway_over_direct_rps_c32": round(ratio, 3),
        "gateway_over_direct_p50_c1": round(p50_ratio, 3),
    }
    out = REPO / "bench" / "results" / "gateway_hop.json"
    out.write_text(json.dumps(summary, indent=2) + "\n")
    print("| target | c1 req/s | c1 p50 ms | c32 req/s | c32 p50 ms | c32 p99 ms |")
    print("|---|---|---|---|---|---|")
    for name, by_c in results.items():
        c1, c32 = by_c["c1"], by_c["c32"]
        print(
            f"| {name} | {c1['rps']:.0f} | {c1['p50_ms']:.2f} | {c32['rps']:.0f} | "
            f"{c32['p50_ms']:.2f} | {c32['p99_ms']:.2f} |"
        )
    print(
        f"gateway/direct throughput at 32 connections: {ratio:.1%}; p50 at 1 connection: "
        f"{p50_ratio:.2f}x"
    )
    errors = sum(r["errors"] for by_c in results.values() for r in by_c.values())
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
