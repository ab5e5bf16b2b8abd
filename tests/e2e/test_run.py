"""`mops run` as a user runs it: four real processes, the printed key, a clean stop.

(`make run` is `uv sync --locked` followed by this command; CI also runs `make run` itself.)
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support import REPO

SERVICES = ("gateway", "inventory", "org", "scoring")
READY_TIMEOUT = 90.0


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Run:
    def __init__(self, data_dir: Path, ports: dict[str, int]) -> None:
        self.data_dir = data_dir
        self.ports = ports
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
        env["MOPS_DATA_DIR"] = str(data_dir)
        for service, port in ports.items():
            env[f"MOPS_{service.upper()}_PORT"] = str(port)
        self.log = (data_dir / "run.log").open("wb")
        mops = Path(sys.executable).with_name("mops")
        self.process = subprocess.Popen(
            [str(mops), "run"],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def url(self, service: str = "gateway") -> str:
        return f"http://127.0.0.1:{self.ports[service]}"

    def output(self) -> str:
        self.log.flush()
        return (self.data_dir / "run.log").read_text(errors="replace")

    def wait_ready(self) -> float:
        started = time.monotonic()
        pending = set(SERVICES)
        while pending and time.monotonic() - started < READY_TIMEOUT:
            if self.process.poll() is not None:
                pytest.fail(f"mops run exited with {self.process.returncode}:\n{self.output()}")
            for service in sorted(pending):
                try:
                    if httpx.get(f"{self.url(service)}/readyz", timeout=1).status_code == 200:
                        pending.discard(service)
                except httpx.HTTPError:
                    pass
            time.sleep(0.2)
        assert not pending, f"not ready: {pending}\n{self.output()}"
        # The key is announced once everything is ready.
        while "API key:" not in self.output() and time.monotonic() - started < READY_TIMEOUT:
            time.sleep(0.1)
        return time.monotonic() - started

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        finally:
            self.log.close()


@pytest.fixture
def run_env(tmp_path: Path) -> Iterator[tuple[Path, dict[str, int]]]:
    ports = dict(zip(SERVICES, _free_ports(4), strict=True))
    yield tmp_path, ports
    for port in ports.values():
        assert not _port_open(port), f"port {port} still open after the test"


def test_mops_run_serves_through_the_gateway_and_stops_cleanly(
    run_env: tuple[Path, dict[str, int]],
) -> None:
    data_dir, ports = run_env
    run = Run(data_dir, ports)
    try:
        run.wait_ready()
        key_file = data_dir / "dev-api-key"
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        key = key_file.read_text().strip()
        assert f"API key: {key}" in run.output()
        auth = {"authorization": f"Bearer {key}"}
        gateway = run.url()

        categories = httpx.get(f"{gateway}/v1/inventory/categories", headers=auth)
        assert categories.status_code == 200
        assert len(categories.json()["items"]) == 6
        unit = httpx.post(
            f"{gateway}/v1/org/units",
            json={"name": "Marketing", "type": "business_unit"},
            headers=auth,
        )
        assert unit.status_code == 201
        frameworks = httpx.get(f"{gateway}/v1/scoring/frameworks", headers=auth)
        assert frameworks.status_code == 200
        anonymous = httpx.get(f"{gateway}/v1/org/units")
        assert anonymous.status_code == 401
        assert anonymous.headers["content-type"] == "application/problem+json"
        # Services refuse calls that bypass the gateway.
        assert httpx.get(f"{run.url('org')}/v1/org/units").status_code == 401
    finally:
        code = run.stop()
    assert code == 0, run.output()
    for port in ports.values():
        assert not _port_open(port)

    # A second start migrates nothing new and reuses the same tenant, key and data.
    again = Run(data_dir, ports)
    try:
        again.wait_ready()
        assert (data_dir / "dev-api-key").read_text().strip() == key
        units = httpx.get(f"{again.url()}/v1/org/units", headers=auth)
        assert [u["name"] for u in units.json()["items"]] == ["Marketing"]
    finally:
        assert again.stop() == 0, again.output()
