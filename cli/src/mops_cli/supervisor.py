"""`mops run`: migrate, bootstrap a local tenant and key, run the five processes, stop them cleanly.

Each service runs as its own uvicorn process in its own session (so a Ctrl-C in the terminal
reaches only this supervisor, which then stops the children in order). On Linux every child also
asks the kernel to send it SIGTERM if the supervisor dies, so not even `kill -9` leaves orphans.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO

import typer

from mops_shared.kit.settings import DEVELOPMENT_INTERNAL_SECRET

# Migrated in this order by `mops migrate`: the webhooks before the gateway, whose migration
# drops the webhook tables once their rows are moved (webhook_data).
SERVICES = ("webhooks", "inventory", "org", "scoring", "gateway")
DEFAULT_PORTS = {"gateway": 8080, "inventory": 8081, "org": 8082, "scoring": 8083, "webhooks": 8084}
DEFAULT_HOST = "127.0.0.1"
SECRET_FILE = "internal-secret"
KEY_FILE = "dev-api-key"
LOCAL_TENANT = "local"
LOCAL_KEY_NAME = "local-admin"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_GRACE_SECONDS = 15.0
UVICORN_GRACEFUL_SECONDS = 10
_POLL_SECONDS = 0.1
_PR_SET_PDEATHSIG = 1


class SupervisorError(Exception):
    """A failure `mops run` reports in one message before exiting non-zero."""


def say(message: str) -> None:
    typer.echo(f"mops: {message}", err=True)


# Configuration read from the environment ---------------------------------------------------------


def data_dir() -> Path:
    return Path(os.environ.get("MOPS_DATA_DIR") or "var")


def alembic_ini() -> Path:
    return Path(os.environ.get("MOPS_ALEMBIC_INI") or "migrations/alembic.ini")


def service_port(service: str) -> int:
    name = f"MOPS_{service.upper()}_PORT"
    raw = os.environ.get(name) or str(DEFAULT_PORTS[service])
    try:
        port = int(raw)
    except ValueError:
        raise SupervisorError(f"{name}={raw!r} is not a port number") from None
    if not 0 < port < 65536:
        raise SupervisorError(f"{name}={raw!r} is not a port number")
    return port


def service_host(service: str) -> str:
    return os.environ.get(f"MOPS_{service.upper()}_HOST") or DEFAULT_HOST


def _connect_host(host: str) -> str:
    """Where to reach a server bound to `host` from this machine."""
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def base_url(service: str) -> str:
    host = _connect_host(service_host(service))
    return f"http://{f'[{host}]' if ':' in host else host}:{service_port(service)}"


# Files in the data folder ------------------------------------------------------------------------


def write_private_file(path: Path, content: str) -> None:
    """Writes `content` to `path` atomically, in a file created with mode 0600."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mkstemp creates 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content + "\n")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def create_private_file(path: Path, content: str) -> bool:
    """Creates `path` with mode 0600 unless it exists already; True when this call created it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content + "\n")
    return True


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def ensure_internal_secret(folder: Path) -> str:
    """MOPS_INTERNAL_SECRET, or the one generated on the first run into the data folder."""
    configured = os.environ.get("MOPS_INTERNAL_SECRET")
    if configured:
        return configured
    path = folder / SECRET_FILE
    existing = read_text(path)
    if existing:
        return existing
    secret = secrets.token_urlsafe(32)
    if path.exists():  # present but empty: a run that died while writing it
        write_private_file(path, secret)
        return secret
    if create_private_file(path, secret):
        return secret
    return read_text(path) or DEVELOPMENT_INTERNAL_SECRET


# Migrations --------------------------------------------------------------------------------------


def migration_command(service: str) -> list[str]:
    return [
        sys.executable, "-m", "alembic", "-c", str(alembic_ini()), "-n", service, "upgrade", "head",
    ]  # fmt: skip


def _check_alembic_ini() -> None:
    if not alembic_ini().is_file():
        raise SupervisorError(
            f"{alembic_ini()} not found: run mops from the repository root or set MOPS_ALEMBIC_INI"
        )


def services_behind_head(folder: Path) -> list[str]:
    """The services whose database is not at the head of its migrations (or not reachable).

    Checking costs a query each; a migration costs an Alembic process (~3 s of CPU each, which
    on two cores was most of a warm restart).
    """
    from mops_shared.kit.db import create_engine
    from mops_shared.kit.readiness import current_revisions, head_revisions
    from mops_shared.kit.settings import default_database_url

    _check_alembic_ini()

    async def behind(service: str) -> bool:
        url = os.environ.get(f"MOPS_{service.upper()}_DATABASE_URL") or default_database_url(
            folder, service
        )
        engine = create_engine(url)
        try:
            return await current_revisions(engine) != head_revisions(alembic_ini(), service)
        except Exception:  # unreachable or unreadable: let alembic try and report it
            return True
        finally:
            await engine.dispose()

    async def check_all() -> list[str]:
        results = await asyncio.gather(*(behind(service) for service in SERVICES))
        return [service for service, is_behind in zip(SERVICES, results, strict=True) if is_behind]

    return asyncio.run(check_all())


def migrate_sequentially(services: Sequence[str]) -> None:
    """`mops migrate`: one service after the other, alembic's output shown as it comes."""
    _check_alembic_ini()
    for service in services:
        if service == "gateway":
            move_webhook_rows(data_dir())
        say(f"migrating {service}")
        code = subprocess.call(migration_command(service), stdin=subprocess.DEVNULL)
        if code != 0:
            raise SupervisorError(f"migrating {service} failed (alembic exited with {code})")


def move_webhook_rows(folder: Path) -> None:
    """The webhooks' rows, moved out of the gateway's database if it still holds some (the
    webhooks database is migrated first); see `mops_cli.webhook_data`."""
    from mops_cli import webhook_data

    gateway = webhook_data.database_url("gateway", folder)
    if not asyncio.run(webhook_data.gateway_holds_webhook_rows(gateway)):
        return
    code = subprocess.call(migration_command("webhooks"), stdin=subprocess.DEVNULL)
    if code != 0:
        raise SupervisorError(f"migrating webhooks failed (alembic exited with {code})")
    moved = asyncio.run(webhook_data.move(gateway, webhook_data.database_url("webhooks", folder)))
    say(f"moved {sum(moved.values())} webhook rows from the gateway's database to the webhooks'")


def migrate_in_parallel(services: Sequence[str], should_stop: Callable[[], bool]) -> None:
    """All migrations at once; on a failure, alembic's whole output is shown with the error."""
    _check_alembic_ini()
    # Output goes to files, not pipes: a pipe nobody reads while waiting could fill and block.
    running: dict[str, tuple[subprocess.Popen[bytes], IO[bytes]]] = {}
    try:
        for service in services:
            output: IO[bytes] = tempfile.TemporaryFile(prefix=f"mops-migrate-{service}-")
            process = subprocess.Popen(
                migration_command(service),
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            running[service] = (process, output)
        while any(process.poll() is None for process, _ in running.values()):
            if should_stop():
                raise SupervisorError("interrupted while migrating")
            time.sleep(_POLL_SECONDS)
        failures = []
        for service, (process, log) in running.items():
            if process.returncode != 0:
                log.seek(0)
                text = log.read().decode("utf-8", "replace").rstrip()
                failures.append(f"--- alembic output for {service} ---\n{text}")
                say(f"migrating {service} failed (alembic exited with {process.returncode})")
        if failures:
            typer.echo("\n".join(failures), err=True)
            failed = [s for s, (p, _) in running.items() if p.returncode != 0]
            raise SupervisorError(f"migrations failed for: {', '.join(failed)}")
    finally:
        for process, log in running.values():
            if process.poll() is None:
                process.terminate()
                process.wait()
            log.close()


# The local tenant and its admin key --------------------------------------------------------------


@dataclass(frozen=True)
class DevKey:
    key: str
    path: Path
    created: bool


async def _ensure_dev_key(database_url: str, key_path: Path) -> DevKey:
    from mops_gateway.authn import KeyAuthenticator
    from mops_gateway.keys.schemas import ApiKeyCreate
    from mops_gateway.keys.service import create_key
    from mops_gateway.tenants.service import create_tenant, find_tenant_by_name
    from mops_shared.kit.auth import ApiScope
    from mops_shared.kit.db import create_engine, create_sessionmaker
    from mops_shared.kit.errors import MopsError

    engine = create_engine(database_url)
    try:
        existing = read_text(key_path)
        if existing:
            try:
                authenticated = await KeyAuthenticator(engine, cache_seconds=0).authenticate(
                    f"Bearer {existing}"
                )
            except MopsError:
                say(f"the key in {key_path} no longer authenticates; creating a new one")
            else:
                if ApiScope.admin.value in authenticated.scopes:
                    return DevKey(existing, key_path, created=False)
                say(f"the key in {key_path} lacks the admin scope; creating a new one")
        async with create_sessionmaker(engine)() as session:
            tenant = await find_tenant_by_name(session, LOCAL_TENANT)
            if tenant is None:
                tenant = await create_tenant(session, LOCAL_TENANT)
                say(f"created tenant {LOCAL_TENANT!r} ({tenant.id})")
            created = await create_key(
                session, tenant.id, ApiKeyCreate(name=LOCAL_KEY_NAME, scopes=[ApiScope.admin])
            )
        write_private_file(key_path, created.key)
        return DevKey(created.key, key_path, created=True)
    finally:
        await engine.dispose()


def ensure_dev_key(key_path: Path) -> DevKey:
    from sqlalchemy.exc import SQLAlchemyError

    from mops_gateway.config import GatewaySettings

    url = GatewaySettings().database_url
    try:
        return asyncio.run(_ensure_dev_key(url, key_path))
    except SQLAlchemyError as exc:
        raise SupervisorError(f"could not create the local tenant and API key: {exc}") from exc


# Child processes ---------------------------------------------------------------------------------


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook (Linux) so the kernel sends the child SIGTERM when this process dies."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()
    sigterm = int(signal.SIGTERM)

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, sigterm)
        if os.getppid() != parent:  # the parent died before the hook ran
            os._exit(1)

    return hook


@dataclass
class Child:
    service: str
    host: str
    port: int
    process: subprocess.Popen[bytes]

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def signal_group(self, signum: int) -> None:
        """Signals the child's whole process group (it leads its own session)."""
        if self.process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signum)


def uvicorn_command(service: str, host: str, port: int) -> list[str]:
    return [
        sys.executable, "-m", "uvicorn", f"mops_{service}.main:create_app", "--factory",
        "--host", host, "--port", str(port),
        "--no-access-log", "--timeout-graceful-shutdown", str(UVICORN_GRACEFUL_SECONDS),
    ]  # fmt: skip


def check_port_free(service: str, host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise SupervisorError(
                f"cannot listen on {host}:{port} for the {service} service ({exc.strerror}); "
                f"stop what uses it or set MOPS_{service.upper()}_PORT"
            ) from None


def start_child(service: str, env: dict[str, str]) -> Child:
    host, port = service_host(service), service_port(service)
    process = subprocess.Popen(
        uvicorn_command(service, host, port),
        env=env,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=_die_with_parent(),  # safe: the supervisor runs no threads at this point
    )
    return Child(service, host, port, process)


def probe_ready(child: Child, timeout: float = 2.0) -> tuple[bool, str]:
    """(ready, what was seen) for one GET /readyz; no proxy settings are consulted on loopback."""
    connection = http.client.HTTPConnection(_connect_host(child.host), child.port, timeout=timeout)
    try:
        connection.request("GET", "/readyz")
        response = connection.getresponse()
        body = response.read(300).decode("utf-8", "replace")
        return response.status == 200, f"HTTP {response.status}: {body}"
    except OSError as exc:
        return False, f"{type(exc).__name__}: {exc}"
    finally:
        connection.close()


def stop_children(children: Sequence[Child], grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM to every child's group, up to `grace` seconds to exit, then SIGKILL stragglers."""
    for child in children:
        child.signal_group(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while any(child.running() for child in children) and time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)
    for child in children:
        if child.running():
            say(f"the {child.service} service did not stop within {grace:.0f} s; killing it")
            child.signal_group(signal.SIGKILL)
    for child in children:
        child.process.wait()


# The supervisor ----------------------------------------------------------------------------------


class StopRequested:
    """Turns SIGINT/SIGTERM/SIGHUP into a flag the supervisor polls."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def __call__(self, signum: int, _frame: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum

    def requested(self) -> bool:
        return self.signum is not None

    @contextlib.contextmanager
    def installed(self) -> Iterator[StopRequested]:
        previous = {signum: signal.signal(signum, self) for signum in STOP_SIGNALS}
        try:
            yield self
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


def _child_env(folder: Path, internal_secret: str) -> dict[str, str]:
    env = dict(os.environ)
    env["MOPS_DATA_DIR"] = str(folder)
    env["MOPS_INTERNAL_SECRET"] = internal_secret
    for service in SERVICES:  # the gateway finds its upstreams from these
        env[f"MOPS_{service.upper()}_PORT"] = str(service_port(service))
    # The services' outbox relays post to the webhooks service this run starts.
    env["MOPS_WEBHOOKS_URL"] = base_url("webhooks")
    return env


def _wait_until_ready(children: Sequence[Child], stop: StopRequested, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pending = {child.service: child for child in children}
    last_seen = dict.fromkeys(pending, "no answer yet")
    while pending:
        for child in children:
            if not child.running():
                raise SupervisorError(
                    f"the {child.service} service exited with code {child.process.returncode} "
                    "while starting (its log is above)"
                )
        for service, child in list(pending.items()):
            ready, seen = probe_ready(child)
            last_seen[service] = seen
            if ready:
                del pending[service]
        if not pending:
            return
        if stop.requested():
            raise SupervisorError("interrupted while starting")
        if time.monotonic() >= deadline:
            details = "; ".join(f"{s} ({last_seen[s]})" for s in pending)
            raise SupervisorError(f"not ready on /readyz within {timeout:.0f} s: {details}")
        time.sleep(0.2)


def _banner(dev_key: DevKey, elapsed: float) -> str:
    gateway = base_url("gateway")
    key_file = dev_key.path
    lines = [
        "",
        f"mops is ready in {elapsed:.1f} s: gateway {gateway}  (API docs: {gateway}/docs)",
        "  services: " + ", ".join(f"{s} {base_url(s)}" for s in SERVICES if s != "gateway"),
        "",
        f"API key: {dev_key.key}",
        f"  {'created and ' if dev_key.created else ''}stored in {key_file} (mode 0600)",
        "",
        "Try it:",
        f'  curl -s -H "Authorization: Bearer $(cat {key_file})" {gateway}/v1/inventory/categories',
        "",
        "Press Ctrl-C to stop.",
        "",
    ]
    return "\n".join(lines)


def run(ready_timeout: float = 60.0) -> int:
    """The whole `mops run`; returns the process exit code."""
    started = time.monotonic()
    stop = StopRequested()
    children: list[Child] = []
    with stop.installed():
        try:
            folder = data_dir()
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # secrets and databases
            internal_secret = ensure_internal_secret(folder)
            # This process (the bootstrap below) and every child see the same values.
            os.environ["MOPS_DATA_DIR"] = str(folder)
            os.environ["MOPS_INTERNAL_SECRET"] = internal_secret
            for service in SERVICES:
                check_port_free(service, service_host(service), service_port(service))
            behind = services_behind_head(folder)
            if "gateway" in behind:
                move_webhook_rows(folder)
            if behind:
                say(f"migrating {', '.join(behind)} (data in {folder})")
                migrate_in_parallel(behind, stop.requested)
            else:
                say(f"databases are at the head of their migrations (data in {folder})")
            if stop.requested():
                return 0
            dev_key = ensure_dev_key(folder / KEY_FILE)
            if stop.requested():
                return 0
            env = _child_env(folder, internal_secret)
            for service in SERVICES:
                children.append(start_child(service, env))
                say(f"started {service} (pid {children[-1].pid}) on {base_url(service)}")
            _wait_until_ready(children, stop, ready_timeout)
            typer.echo(_banner(dev_key, time.monotonic() - started))
            return _supervise(children, stop, start=lambda service: start_child(service, env))
        except SupervisorError as exc:
            if stop.requested():  # asked to stop while starting: not a failure
                say(str(exc))
                return 0
            say(f"error: {exc}")
            return 1
        finally:
            if children:
                stop_children(children)
                say("stopped")


@dataclass
class Restarts:
    """When a service that exited on its own is started again: after 1 s, then twice as long
    each time it exits again within STABLE_SECONDS of its start, up to MAX_BACKOFF_SECONDS;
    after MAX_QUICK_EXITS such exits in a row it is left down (and `mops run` stops), since
    restarting it again would only repeat the failure."""

    STABLE_SECONDS = 30.0
    MAX_BACKOFF_SECONDS = 30.0
    MAX_QUICK_EXITS = 5

    started_at: float
    quick_exits: int = 0
    due_at: float | None = None

    def exited(self, now: float) -> float | None:
        """Records an exit; the seconds to wait before the restart, or None to give up."""
        self.quick_exits = (
            self.quick_exits + 1 if now - self.started_at < self.STABLE_SECONDS else 1
        )
        if self.quick_exits > self.MAX_QUICK_EXITS:
            return None
        delay = min(2.0 ** (self.quick_exits - 1), self.MAX_BACKOFF_SECONDS)
        self.due_at = now + delay
        return delay


def _supervise(
    children: list[Child],
    stop: StopRequested,
    start: Callable[[str], Child] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Waits for a stop signal (exit 0). A child that exits on its own is started again with
    `start` (its service name), with backoff (`Restarts`); one that keeps exiting stops the
    others (exit 1)."""
    restarts = {child.service: Restarts(started_at=clock()) for child in children}
    while not stop.requested():
        now = clock()
        for index, child in enumerate(children):
            plan = restarts[child.service]
            if child.running():
                continue
            if plan.due_at is None:
                delay = None if start is None else plan.exited(now)
                if delay is None:
                    say(
                        f"the {child.service} service exited on its own with code "
                        f"{child.process.returncode}"
                        + (f", {plan.quick_exits - 1} times in a row" if start else "")
                        + "; stopping the others"
                    )
                    return 1
                say(
                    f"the {child.service} service exited on its own with code "
                    f"{child.process.returncode}; restarting it in {delay:.0f} s"
                )
            elif now >= plan.due_at and start is not None:
                children[index] = start(child.service)
                plan.started_at, plan.due_at = now, None
                say(f"restarted {child.service} (pid {children[index].pid})")
        time.sleep(_POLL_SECONDS)
    assert stop.signum is not None
    say(f"received {signal.Signals(stop.signum).name}; stopping")
    return 0
