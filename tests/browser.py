"""Headless Chromium for the tests that look at what a person sees (the docs, the pictures).

Debian's `chromium` is installed with apt-get when it is missing and the tests run as root (as CI
does on a new machine); where it cannot be installed, the tests that need it are skipped with a
message that says why. Chromium is started with no network beyond what the page asks of loopback:
background networking, component updates and sync are off, as this machine's closed network needs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def _find() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@cache
def _install() -> str:
    """Chromium's path, installed from Debian's packages if needed; '' with the reason logged."""
    found = _find()
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return ""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, timeout=900, check=False)
        if done.returncode != 0:
            return ""
    return _find() or ""


def chromium() -> str:
    """The path of a headless Chromium, or skip the calling test saying why there is none."""
    path = _install()
    if not path:
        pytest.skip(
            "no Chromium: not on PATH and it could not be installed with apt-get "
            "(needs root and Debian's package 'chromium')"
        )
    return path


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def rendered_dom(
    url: str, *, wait_ms: int = 8000, timeout: float = 90.0, window: tuple[int, int] | None = None
) -> str:
    """The page's DOM after its scripts ran for `wait_ms` of virtual time. A page that renders
    only what is in view (Swagger UI does) needs a `window` (width, height) tall enough."""
    size = [f"--window-size={window[0]},{window[1]}"] if window else []
    done = _run([f"--virtual-time-budget={wait_ms}", *size, "--dump-dom", url], timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(
    url: str, into: Path, *, width: int = 1280, height: int = 900, wait_ms: int = 2000
) -> Path:
    """A PNG of the page at `url` (a `file://` or `http://` address) written to `into`."""
    done = _run(
        [
            f"--virtual-time-budget={wait_ms}",
            f"--window-size={width},{height}",
            f"--screenshot={into}",
            url,
        ],
        90.0,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert into.exists(), done.stderr[-2000:]
    return into
