"""`mops run` as a user runs it: five real processes, the printed key, a clean stop.

(`make run` is `uv sync --locked` followed by this command; CI also runs `make run` itself.)
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.stack import SERVICES, Run, free_ports, port_open


@pytest.fixture
def run_env(tmp_path: Path) -> Iterator[tuple[Path, dict[str, int]]]:
    ports = dict(zip(SERVICES, free_ports(len(SERVICES)), strict=True))
    yield tmp_path, ports
    for port in ports.values():
        assert not port_open(port), f"port {port} still open after the test"


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
        assert not port_open(port)

    # A second start migrates nothing new and reuses the same tenant, key and data.
    again = Run(data_dir, ports)
    try:
        again.wait_ready()
        assert (data_dir / "dev-api-key").read_text().strip() == key
        units = httpx.get(f"{again.url()}/v1/org/units", headers=auth)
        assert [u["name"] for u in units.json()["items"]] == ["Marketing"]
    finally:
        assert again.stop() == 0, again.output()
