"""`mops demo` without a stack: what it refuses before loading anything, how it reports an
answer it did not expect, and the answers its respondents give. (It runs against the real
stack in tests/e2e/test_demo.py.)"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from mops_cli import demo
from mops_cli.main import app
from tests.support import SAMPLES


def invoke(*args: str, data_dir: Path) -> Any:
    # MOPS_API_KEY unset: the key comes from the data folder unless a test gives one.
    env = {"MOPS_DATA_DIR": str(data_dir), "MOPS_API_KEY": None}
    return CliRunner().invoke(app, ["demo", *args], env=env)


def test_without_a_key_it_says_where_the_key_comes_from(tmp_path: Path) -> None:
    result = invoke("--samples", str(SAMPLES), data_dir=tmp_path)
    assert result.exit_code == 1
    assert f"no API key: {tmp_path / 'dev-api-key'} is missing" in result.output
    assert "make run" in result.output


def test_without_the_sample_files_it_names_the_missing_file(tmp_path: Path) -> None:
    (tmp_path / "dev-api-key").write_text("mops_x_y\n")
    result = invoke("--samples", str(tmp_path / "nowhere"), data_dir=tmp_path)
    assert result.exit_code == 1
    assert f"no {tmp_path / 'nowhere' / demo.ORG_FILE}" in result.output
    assert "--samples" in result.output


def test_with_no_gateway_listening_it_says_so(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a loopback port nothing listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = invoke(
        "--samples",
        str(SAMPLES),
        "--api-key",
        "mops_x_y",
        "--base-url",
        f"http://127.0.0.1:{port}",
        data_dir=tmp_path,
    )
    assert result.exit_code == 1
    assert f"cannot reach the gateway at http://127.0.0.1:{port}" in result.output


def api(status: int, body: dict[str, Any]) -> demo.Api:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    return demo.Api(httpx.Client(base_url="http://gateway.test", transport=transport))


def test_an_unexpected_answer_is_reported_with_its_problem() -> None:
    problem = {
        "status": 422,
        "detail": "The request is not valid.",
        "errors": [{"pointer": "/framework_id", "detail": "no such framework"}],
    }
    with pytest.raises(demo.DemoError) as raised:
        api(422, problem).call("POST", "/v1/scoring/assessments", 201, json={})
    assert str(raised.value) == (
        "POST /v1/scoring/assessments answered 422: "
        "The request is not valid. /framework_id: no such framework"
    )
    with pytest.raises(demo.DemoError, match="the API key was refused"):
        api(401, {"status": 401}).call("GET", "/v1/org/people", 200)


def test_respondents_answer_the_company_level_each_with_their_lean() -> None:
    document = {
        "scale": {"min": 0, "max": 4},
        "questions": [
            {"key": "shared_platforms", "dimension": "centralize"},
            {"key": "red_teaming", "dimension": "change"},
            {"key": "new_question", "dimension": "a_new_dimension"},
            {"key": "company", "dimension": "company_efficiency", "per_process": True},
            {"key": "customer", "dimension": "customer_efficiency", "per_process": True},
        ],
    }
    processes = [{"key": "support_tickets"}, {"key": "unknown_process"}]
    given = [demo.answers(document, processes, bias) for bias in demo.RESPONDENT_BIAS]
    assert [g["answers"] for g in given] == [
        {"shared_platforms": 3, "red_teaming": 1, "new_question": 2},
        {"shared_platforms": 4, "red_teaming": 2, "new_question": 3},
        {"shared_platforms": 2, "red_teaming": 0, "new_question": 1},
    ]
    # Support tickets: efficient for the company (3), not for the customer (0, kept on the
    # scale when leaning down); a process the demo does not know is rated "in part".
    assert [g["process_answers"]["support_tickets"] for g in given] == [
        {"company": 3, "customer": 0},
        {"company": 4, "customer": 1},
        {"company": 2, "customer": 0},
    ]
    assert given[0]["process_answers"]["unknown_process"] == {"company": 2, "customer": 2}
    assert "process_answers" not in demo.answers(document | {"questions": []}, [], 0)
