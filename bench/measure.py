"""What every benchmark here needs: free ports, starting and waiting for a server, wrk, RSS,
where results go."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent


def results_path(name: str) -> Path:
    """Where a benchmark writes `name`: bench/results/, or MOPS_BENCH_RESULTS_DIR (the suite's
    smoke run writes there so that the committed results stay as they are)."""
    folder = Path(os.environ.get("MOPS_BENCH_RESULTS_DIR") or REPO / "bench" / "results")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


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


def wait_answer(url: str, headers: dict[str, str], timeout: float = 30) -> None:
    """Waits until a GET of `url` answers 200."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            response = httpx.get(url, headers=headers, timeout=5)
            if response.status_code == 200:
                return
            problem = f"{response.status_code} {response.text[:200]}"
        except httpx.HTTPError as exc:
            problem = repr(exc)
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}: {problem}")
        time.sleep(0.2)


@contextmanager
def uvicorn_app(
    app: str, port: int, env: dict[str, str], *, factory: bool = False
) -> Iterator[int]:
    """One more uvicorn process (one worker), its pid yielded once it answers."""
    command = [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--no-access-log", "--log-level", "warning", *(["--factory"] if factory else [])]
    proc = subprocess.Popen(command, cwd=REPO, env={**os.environ, **env})
    try:
        yield proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def wrk(
    url: str,
    headers: dict[str, str],
    connections: int,
    seconds: int,
    *,
    timeout_s: int | None = None,
) -> dict[str, float]:
    """Requests/s, p50 and p99 (ms) and the count of non-2xx answers, from one wrk thread.
    `timeout_s` replaces wrk's 2 s, past which an answer counts as a socket error."""
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    args += [f"--timeout={timeout_s}s"] if timeout_s is not None else []
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(label: str) -> float:
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return round(float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit], 3)

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": round(rps, 1),
        "p50_ms": pct("50"),
        "p99_ms": pct("99"),
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
        "socket_errors": 1.0 if socket_errors else 0.0,
    }


def rss_mib(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for {pid}")


def calibrate() -> float:
    """Seconds this machine takes for a fixed pure-Python loop (best of three): timings are
    divided by it before they are compared with another day's, whose machine ran at another
    speed."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(3_000_000):
            total += i % 7
        best = min(best, time.perf_counter() - started)
    return round(best, 4)
