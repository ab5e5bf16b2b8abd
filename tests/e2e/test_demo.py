"""`mops demo` against the real stack (`mops run`, five processes): the first run loads and
scores the sample company, a second run changes nothing, and the URLs it prints answer."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.e2e.stack import SERVICES, Run, databases, free_ports, port_open
from tests.support import REPO

FRAMEWORKS = {"five_forces", "cx_efficiency", "mo_readiness"}
LISTS = {
    "tools": "/v1/inventory/tools",
    "units": "/v1/org/units",
    "people": "/v1/org/people",
    "assessments": "/v1/scoring/assessments",
    "results": "/v1/scoring/results",
    "plans": "/v1/scoring/plans",
    "inventory audit": "/v1/inventory/audit",
    "org audit": "/v1/org/audit",
    "scoring audit": "/v1/scoring/audit",
}
URL = re.compile(r"^  .+:\s+(http://\S+)$", re.MULTILINE)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Run]:
    ports = dict(zip(SERVICES, free_ports(len(SERVICES)), strict=True))
    with databases() as env:
        # The renewal sweep announces due contracts on a timer of its own, shortly after start:
        # off, so the outboxes move only with what the demo does.
        env = {**env, "MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS": "0"}
        run = Run(tmp_path, ports, extra_env=env)
        try:
            run.wait_ready()
            yield run
        finally:
            code = run.stop()
    assert code == 0, run.output()
    for port in ports.values():
        assert not port_open(port), f"port {port} still open after the test"


def demo(stack: Run) -> str:
    """`mops demo` as a user runs it from the repository root: the key from the data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
    env["MOPS_DATA_DIR"] = str(stack.data_dir)
    done = subprocess.run(
        [str(Path(sys.executable).with_name("mops")), "demo", "--base-url", stack.url()],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    return done.stdout


def every(client: httpx.Client, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params = {"limit": 200, **({"cursor": cursor} if cursor else {})}
        response = client.get(path, params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def outbox_sizes(stack: Run) -> dict[str, int]:
    """Each service's outbox rows (kept once relayed), read from its database."""

    async def count(url: str) -> int:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as connection:
                return int(await connection.scalar(text("SELECT count(*) FROM outbox_events")))
        finally:
            await engine.dispose()

    return {s: asyncio.run(count(stack.database_url(s))) for s in ("inventory", "org", "scoring")}


def snapshot(client: httpx.Client, stack: Run) -> dict[str, Any]:
    state: dict[str, Any] = {name: len(every(client, path)) for name, path in LISTS.items()}
    state["outbox"] = outbox_sizes(stack)
    return state


def test_the_demo_scores_the_sample_company_and_a_second_run_changes_nothing(
    stack: Run,
) -> None:
    key = (stack.data_dir / "dev-api-key").read_text().strip()
    with httpx.Client(
        base_url=stack.url(), headers={"authorization": f"Bearer {key}"}, timeout=30
    ) as client:
        first_output = demo(stack)
        after_first = snapshot(client, stack)

        results = [
            client.get(f"/v1/scoring/results/{r['id']}").json()
            for r in every(client, "/v1/scoring/results")
        ]
        assert {r["framework_key"] for r in results} == FRAMEWORKS
        assert all(r["respondents"] == 3 for r in results), results
        five_forces = next(r for r in results if r["framework_key"] == "five_forces")
        spreads = [d["spread"] for d in five_forces["dimensions"]]
        assert all(s["n"] == 3 for s in spreads)
        assert any(s["max"] > s["min"] for s in spreads), "the respondents answered alike"
        [plan] = every(client, "/v1/scoring/plans")
        assert plan["result_id"] == five_forces["id"]
        assert plan["status"] == "draft"
        assert after_first["assessments"] == 3
        assert after_first["tools"] == 57
        assert after_first["people"] == 25

        second_output = demo(stack)
        assert snapshot(client, stack) == after_first
        assert "Nothing new" in second_output
        assert "57 unchanged" in second_output
        assert "Nothing new" not in first_output

        urls = URL.findall(second_output)
        assert urls == URL.findall(first_output), "both runs point at the same results"
        assert any(u.endswith("/grid.svg") for u in urls)
        assert any(u.endswith("/cx-matrix.svg") for u in urls)
        assert f"{stack.url()}/v1/scoring/plans/{plan['id']}" in urls
        assert len(urls) == 7
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (url, response.text)
        grid = client.get(next(u for u in urls if u.endswith("/grid.svg")))
        assert grid.headers["content-type"].startswith("image/svg+xml")
