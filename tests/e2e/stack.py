"""A real `mops run` for end-to-end tests: five processes on free loopback ports and a fresh
data folder, as a user starts them (`make run` is `uv sync --locked` and then this command)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support import REPO, backend, create_postgres_database, drop_postgres_database

SERVICES = ("gateway", "inventory", "org", "scoring", "webhooks")
READY_TIMEOUT = 90.0


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def databases() -> Iterator[dict[str, str]]:
    """The environment that puts `mops run`'s databases on the suite's backend: with
    MOPS_TEST_DATABASE=postgres, a fresh PostgreSQL database per service (dropped afterwards);
    on SQLite nothing, so that `mops run` makes its files in the data folder as for a user."""
    if backend() != "postgres":
        yield {}
        return
    names = {service: f"mops_e2e_{uuid.uuid4().hex[:10]}_{service}" for service in SERVICES}
    try:
        yield {
            f"MOPS_{service.upper()}_DATABASE_URL": asyncio.run(create_postgres_database(name))
            for service, name in names.items()
        }
    finally:
        for name in names.values():
            asyncio.run(drop_postgres_database(name))


class Run:
    def __init__(
        self, data_dir: Path, ports: dict[str, int], extra_env: dict[str, str] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.ports = ports
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
        env["MOPS_DATA_DIR"] = str(data_dir)
        for service, port in ports.items():
            env[f"MOPS_{service.upper()}_PORT"] = str(port)
        env.update(extra_env or {})
        self.env = env
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

    def database_url(self, service: str) -> str:
        """The service's database, as `mops run` chose it."""
        return self.env.get(
            f"MOPS_{service.upper()}_DATABASE_URL",
            f"sqlite+aiosqlite:///{self.data_dir / f'{service}.db'}",
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
