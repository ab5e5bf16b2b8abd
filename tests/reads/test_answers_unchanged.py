"""Every GET answers the sample company as it did when the golden answers were recorded: same
status, content type, ETag and cache headers, and a body equal once parsed (ids, times and
cursors replaced by stable stand-ins, see `answers.py`).

The golden answers (`golden.json`) were recorded from the ORM read path, before the
GETs moved to `mops_shared.kit.reads` (issue 18), so this test is the proof that the move
changed no answer. A deliberate change to an answer is recorded anew (on SQLite; the test
then checks PostgreSQL answers the same), and the file's diff shows what changed:

    .venv/bin/python -m tests.reads.test_answers_unchanged
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from tests.e2e.stack import SERVICES, Run, databases, free_ports
from tests.integration.webhooks_support import HUBSPOT_SECRET, HUBSPOT_URL, hubspot_headers
from tests.reads.answers import Walk, stable
from tests.reads.same_run.sitecustomize import days_shifted
from tests.support import REPO

# Recorded on SQLite and on PostgreSQL alike: the two backends answer the same.
GOLDEN = Path(__file__).with_name("golden.json")
# The same ids and the same calendar day from run to run (see its sitecustomize.py).
SAME_RUN = Path(__file__).with_name("same_run")


@contextmanager
def demo_company(data_dir: Path) -> Iterator[httpx.Client]:
    """A real `mops run` with `mops demo` run on it; a client of the gateway with the key."""
    ports = dict(zip(SERVICES, free_ports(len(SERVICES)), strict=True))
    with databases() as env:
        env |= {
            # No renewal sweep: it would announce contracts on a timer of its own.
            "MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS": "0",
            # The walk makes some 600 requests in a few seconds.
            "MOPS_GATEWAY_RATE_LIMIT_PER_MINUTE": "1000000",
            "MOPS_GATEWAY_RATE_LIMIT_BURST": "100000",
            "PYTHONPATH": str(SAME_RUN),
        }
        run = Run(data_dir, ports, extra_env=env)
        try:
            run.wait_ready()
            demo_env = {k: v for k, v in os.environ.items() if not k.startswith("MOPS_")}
            demo_env["MOPS_DATA_DIR"] = str(data_dir)
            demo_env["PYTHONPATH"] = str(SAME_RUN)
            done = subprocess.run(
                [str(Path(sys.executable).with_name("mops")), "demo", "--base-url", run.url()],
                cwd=REPO,
                env=demo_env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
            key = (data_dir / "dev-api-key").read_text().strip()
            with httpx.Client(
                base_url=run.url(), headers={"authorization": f"Bearer {key}"}, timeout=30
            ) as client:
                connect_crm(client)
                yield client
        finally:
            run.stop()


def connect_crm(client: httpx.Client) -> None:
    """A HubSpot connection with one rule, and a delivery to it, processed: what the
    webhooks service's reads have to show (the demo connects no CRM)."""
    body = {
        "provider": "hubspot",
        "name": "HubSpot",
        "public_url": HUBSPOT_URL,
        "secret": HUBSPOT_SECRET,
        "currency": "EUR",
        "attribution_rules": [
            {"property": "hs_analytics_source", "equals": "PAID_SEARCH", "tool_name": "Drift"}
        ],
    }
    created = client.post("/v1/webhooks/connections", json=body)
    assert created.status_code == 201, created.text
    at_ms = 1_780_000_000_000
    # One event: two are processed in either order, with different outcomes.
    events = [
        {
            "eventId": 102,
            "subscriptionType": "contact.propertyChange",
            "objectId": 7,
            "occurredAt": at_ms,
            "portalId": 62515,
            "attemptNumber": 0,
            "propertyName": "hs_analytics_source",
            "propertyValue": "PAID_SEARCH",
        },
    ]
    content = json.dumps(events).encode()
    # Signed at the stack's time, which is on `DAY`.
    now_ms = int((time.time() + days_shifted().total_seconds()) * 1000)
    received = client.post(
        created.json()["receive_path"],
        content=content,
        headers=hubspot_headers(content, timestamp_ms=now_ms),
    )
    assert received.status_code == 200, received.text
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        inbox = client.get("/v1/webhooks/inbox", params={"limit": 200}).json()["items"]
        if len(inbox) == len(events) and all(e["status"] != "pending" for e in inbox):
            return
        time.sleep(0.2)
    raise AssertionError(f"the deliveries were not processed: {inbox}")


def answers(client: httpx.Client) -> tuple[dict[str, Any], list[str]]:
    document = client.get("/openapi.json").json()
    walk = Walk(client, document)
    walk.run()
    return stable(walk.raw), walk.skipped


def differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    found = [f"not answered now: {request}" for request in want.keys() - got.keys()]
    found += [f"not recorded: {request}" for request in got.keys() - want.keys()]
    for request in sorted(want.keys() & got.keys()):
        if got[request] != want[request]:
            now = json.dumps(got[request], sort_keys=True)[:600]
            before = json.dumps(want[request], sort_keys=True)[:600]
            found.append(f"{request}\n  now:    {now}\n  before: {before}")
    return found


def test_every_get_answers_the_sample_company_as_recorded(tmp_path: Path) -> None:
    with demo_company(tmp_path) as client:
        got, skipped = answers(client)
    assert skipped == [], skipped
    want = json.loads(GOLDEN.read_text())
    found = differences(got, want)
    assert not found, f"{len(found)} answers differ:\n" + "\n".join(found[:20])
    # The walk reaches every kind of read: by id, lists, reports, exports, pictures.
    assert len(want) > 150


def record() -> None:
    with tempfile.TemporaryDirectory() as folder, demo_company(Path(folder)) as client:
        got, skipped = answers(client)
    if skipped:
        raise SystemExit(f"not walked: {skipped}")
    GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    sys.stdout.write(f"{len(got)} answers recorded in {GOLDEN.relative_to(REPO)}\n")


if __name__ == "__main__":
    record()
