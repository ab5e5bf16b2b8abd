"""Two processes of every service on one machine, for end-to-end tests of replicas: one
PostgreSQL (a fresh database per service), one Redis, and nginx in front.

Each service runs as `mops run` runs it (`mops_cli.supervisor.uvicorn_command`), twice, on free
loopback ports, with its background loops (outbox relay, renewal sweep, webhook worker) in both
processes. One nginx process listens on one port per service: the gateway's port is the edge,
and each other port balances that service's two replicas. Every caller of a service (the
gateways, the services calling one another, the outbox relays posting to the webhooks intake)
is pointed at its nginx port rather than at one replica, as a Kubernetes Service would be: a
caller then never needs to know which replica died, and a killed replica costs its in-flight
requests only (nginx passes over it once a connection to it is refused).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from mops_cli.supervisor import migration_command, uvicorn_command
from tests.e2e.stack import SERVICES, free_ports
from tests.support import ALEMBIC_INI, REPO, create_postgres_database, drop_postgres_database

REPLICAS = ("a", "b")
READY_TIMEOUT = 60.0
STOP_TIMEOUT = 15.0
# Who calls whom (besides the gateway, which calls every domain service and the webhooks one).
DOWNSTREAMS = {
    "gateway": ("inventory", "org", "scoring", "webhooks"),
    "inventory": ("org",),
    "org": ("inventory",),
    "scoring": ("inventory", "org"),
    "webhooks": ("inventory",),
}

NGINX_CONFIG = """
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    # Bodies and answers in memory: nothing is written to disk.
    client_max_body_size 30m;
    client_body_buffer_size 30m;
    proxy_buffering off;
{upstreams}
}}
"""

# A replica that refused a connection, or broke one, is left alone for fail_timeout. A request
# whose connection failed or timed out is passed to the other replica: always for idempotent
# methods, and for POST and PATCH only when it never reached the first (nginx's rule without
# `non_idempotent`); a POST cut off mid-way comes back as 502 and its client retries it with
# the same Idempotency-Key. A 502, 503 or 504 answered to a GET is also retried once on the
# other replica.
UPSTREAM = """
    upstream {name} {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://{name};
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 2;
        }}
    }}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/bin")


@dataclass
class Replica:
    service: str
    name: str
    port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def label(self) -> str:
        return f"{self.service}-{self.name}"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, env: dict[str, str]) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                uvicorn_command(self.service, "127.0.0.1", self.port),
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: a kill reaches it alone
            )

    def kill(self) -> None:
        """SIGKILL: no shutdown, no lifespan exit, no last commit."""
        assert self.process is not None
        assert self.running(), f"{self.label} is not running"
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def log_tail(self, lines: int = 25) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class Cluster:
    root: Path
    database_urls: dict[str, str]
    redis_url: str
    proxy_ports: dict[str, int]
    replicas: dict[tuple[str, str], Replica]
    env: dict[str, str] = field(default_factory=dict)

    def url(self, service: str = "gateway") -> str:
        """nginx's port for the service (the gateway's is the edge clients use)."""
        return f"http://127.0.0.1:{self.proxy_ports[service]}"

    def replica(self, service: str, name: str) -> Replica:
        return self.replicas[(service, name)]

    def logs(self) -> str:
        parts = [f"--- {r.label} ---\n{r.log_tail()}" for r in self.replicas.values()]
        nginx_log = self.root / "nginx" / "error.log"
        if nginx_log.exists():
            parts.append(f"--- nginx ---\n{nginx_log.read_text(errors='replace')[-3000:]}")
        return "\n".join(parts)


def _migrate(env: dict[str, str], root: Path) -> None:
    """Every database to the head of its migrations, all at once (as `mops run` does)."""
    running: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}
    try:
        for service in SERVICES:
            log = root / f"migrate-{service}.log"
            with log.open("wb") as out:
                running[service] = (
                    subprocess.Popen(
                        migration_command(service),
                        cwd=REPO,
                        env=env,
                        stdin=subprocess.DEVNULL,
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    ),
                    log,
                )
        for service, (process, log) in running.items():
            if process.wait(timeout=120) != 0:
                pytest.fail(f"migrating {service} failed:\n{log.read_text(errors='replace')}")
    finally:
        for process, _ in running.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def _nginx_config(root: Path, proxy_ports: dict[str, int], ports: dict[str, list[int]]) -> str:
    upstreams = "".join(
        UPSTREAM.format(
            name=service,
            port=proxy_ports[service],
            servers="\n".join(
                f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=60s;"
                for port in ports[service]
            ),
        )
        for service in SERVICES
    )
    return NGINX_CONFIG.format(root=root, upstreams=upstreams)


def _wait_ready(cluster: Cluster, nginx: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    pending = dict(cluster.replicas)
    with httpx.Client(timeout=2, trust_env=False) as client:
        while pending:
            if nginx.poll() is not None:
                pytest.fail(f"nginx exited with {nginx.returncode}:\n{cluster.logs()}")
            for key, replica in list(pending.items()):
                if not replica.running():
                    pytest.fail(f"{replica.label} exited while starting:\n{replica.log_tail(60)}")
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(f"{replica.url}/readyz").status_code == 200:
                        del pending[key]
            if time.monotonic() > deadline:
                pytest.fail(f"not ready within {READY_TIMEOUT:.0f} s: {sorted(pending)}")
            time.sleep(0.2)
        # And through nginx, each service's port.
        for service in SERVICES:
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(f"{cluster.url(service)}/readyz").status_code == 200:
                        break
                if time.monotonic() > deadline:
                    pytest.fail(f"nginx does not reach {service}:\n{cluster.logs()}")
                time.sleep(0.1)


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to each group, then SIGKILL to whatever is left after STOP_TIMEOUT."""
    for process in processes:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while any(p.poll() is None for p in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    for process in processes:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.asynccontextmanager
async def databases() -> AsyncIterator[dict[str, str]]:
    """A fresh PostgreSQL database per service (MOPS_<SERVICE>_DATABASE_URL), dropped after."""
    names = {service: f"mops_e2e_{uuid.uuid4().hex[:10]}_{service}" for service in SERVICES}
    created: list[str] = []
    try:
        urls = {}
        for service, name in names.items():
            urls[f"MOPS_{service.upper()}_DATABASE_URL"] = await create_postgres_database(name)
            created.append(name)
        yield urls
    finally:
        for name in created:
            await drop_postgres_database(name)


@contextlib.asynccontextmanager
async def cluster(root: Path, redis_url: str, settings: dict[str, str]) -> AsyncIterator[Cluster]:
    """Migrates fresh databases, starts nginx and two replicas of every service (with
    `settings` added to their environment), and yields once all answer /readyz, directly and
    through nginx. Stops everything and drops the databases afterwards, whatever happened."""
    binary = nginx_binary()
    if binary is None:
        pytest.fail(
            "nginx is needed for the replicas test on PostgreSQL and is not installed "
            "(Debian: apt-get install nginx; .ci/run installs it)"
        )
    ports = free_ports(len(SERVICES) * (len(REPLICAS) + 1))
    proxy_ports = {service: ports.pop() for service in SERVICES}
    replicas = {
        (service, name): Replica(service, name, ports.pop(), root / f"{service}-{name}.log")
        for service in SERVICES
        for name in REPLICAS
    }
    # nginx's folder is its own, readable by the unprivileged user its worker runs as (root
    # starts it as nobody), unlike pytest's temporary folders.
    nginx_root = Path(tempfile.mkdtemp(prefix="mops-replicas-nginx-"))
    os.chmod(nginx_root, 0o755)
    (root / "nginx").symlink_to(nginx_root)
    data_dir = root / "data"
    data_dir.mkdir(mode=0o700)
    started: list[subprocess.Popen[bytes]] = []
    async with databases() as database_env:
        try:
            env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
            env.update(database_env)
            env.update(
                {
                    "MOPS_DATA_DIR": str(data_dir),
                    "MOPS_ALEMBIC_INI": str(ALEMBIC_INI),
                    "MOPS_INTERNAL_SECRET": secrets.token_urlsafe(32),
                    "MOPS_REDIS_URL": redis_url,
                    "MOPS_ACCESS_LOG": "false",
                    # Ten processes share one server: a smaller pool each than the default.
                    "MOPS_DB_POOL_SIZE": "4",
                    # The relays post to the webhooks intake through its nginx port.
                    "MOPS_WEBHOOKS_URL": f"http://127.0.0.1:{proxy_ports['webhooks']}",
                }
            )
            for caller, callees in DOWNSTREAMS.items():
                for callee in callees:
                    env[f"MOPS_{caller.upper()}_{callee.upper()}_URL"] = (
                        f"http://127.0.0.1:{proxy_ports[callee]}"
                    )
            env.update(settings)
            await asyncio.to_thread(_migrate, env, root)
            upstream_ports = {
                service: [replicas[(service, name)].port for name in REPLICAS]
                for service in SERVICES
            }
            config = nginx_root / "nginx.conf"
            config.write_text(_nginx_config(nginx_root, proxy_ports, upstream_ports))
            with (nginx_root / "stderr.log").open("wb") as nginx_log:
                nginx = subprocess.Popen(
                    [binary, "-p", str(nginx_root), "-c", str(config)],
                    stdin=subprocess.DEVNULL,
                    stdout=nginx_log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            started.append(nginx)
            result = Cluster(root, {}, redis_url, proxy_ports, replicas, env)
            result.database_urls = {
                service: database_env[f"MOPS_{service.upper()}_DATABASE_URL"]
                for service in SERVICES
            }
            for replica in replicas.values():
                replica.start(env)
                assert replica.process is not None
                started.append(replica.process)
            await asyncio.to_thread(_wait_ready, result, nginx)
            yield result
        finally:
            await asyncio.to_thread(_stop, started)
            shutil.rmtree(nginx_root, ignore_errors=True)
