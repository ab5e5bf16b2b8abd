"""Logs an operator can parse (`mops_shared.kit.observability`): every line a service writes is
one JSON object, uvicorn's own lines included, without ANSI escapes; the access log says a 5xx
at error and a 4xx at info."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from mops_shared.kit.observability import RequestContextMiddleware
from tests.e2e.stack import free_ports, port_open
from tests.support import TEST_SECRET

REPO = Path(__file__).resolve().parents[2]
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"


def test_every_line_a_service_writes_under_uvicorn_is_json_without_escapes(
    tmp_path: Path,
) -> None:
    """As deployed: the uvicorn command line, whose own start-up lines came before the app
    configured logging, and whose records carry a coloured copy of their message."""
    (port,) = free_ports(1)
    env = {
        **os.environ,
        "MOPS_INTERNAL_SECRET": TEST_SECRET,
        "MOPS_DATA_DIR": str(tmp_path),
        "MOPS_RELAY_ENABLED": "false",
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "mops_org.main:create_app"]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not port_open(port):
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.1)
        traceparent = f"00-{TRACE_ID}-00f067aa0ba902b7-00"  # a client's, not sampled
        answer = httpx.get(
            f"http://127.0.0.1:{port}/v1/org/units", headers={"traceparent": traceparent}
        )
        assert answer.status_code == 401
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    lines = [line for line in (out + err).splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # each line one JSON object
    assert not [line for line in lines if "\x1b" in line]
    messages = [entry["message"] for entry in entries]
    assert any(m.startswith("Started server process") for m in messages), messages
    assert any(m.startswith("Uvicorn running on") for m in messages), messages
    assert all("color_message" not in entry for entry in entries)
    (access,) = [e for e in entries if e["logger"] == "mops.access"]
    assert (access["status"], access["level"]) == (401, "info")
    # Written inside the request's span: the client's trace, whether or not spans are exported.
    assert access["trace_id"] == TRACE_ID
    assert len(access["span_id"]) == 16
    assert access["span_id"] != "00f067aa0ba902b7"
    assert all("trace_id" not in e for e in entries if e["logger"] != "mops.access")


@pytest.mark.asyncio
@pytest.mark.parametrize(("status", "level"), [(200, "INFO"), (404, "INFO"), (503, "ERROR")])
async def test_the_access_log_says_a_5xx_at_error_and_a_4xx_at_info(
    status: int, level: str, caplog: pytest.LogCaptureFixture
) -> None:
    async def answer(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def send(message: Any) -> None:
        pass

    scope = {"type": "http", "method": "GET", "path": "/x", "headers": [], "state": {}}
    caplog.set_level(logging.INFO, logger="mops.access")
    await RequestContextMiddleware(answer)(scope, None, send)  # type: ignore[arg-type]
    (record,) = [r for r in caplog.records if r.name == "mops.access"]
    assert (record.levelname, record.__dict__["status"]) == (level, status)
