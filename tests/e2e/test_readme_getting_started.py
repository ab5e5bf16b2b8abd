"""The README's "Getting started" runs as written: its ```sh blocks, in order, in one bash,
against a live stack (`mops run`), from a folder laid out as a user has it after `make run`
(`var/dev-api-key`, `samples/`), with no virtual environment or uv on PATH. Each block must
succeed and print the answer the README shows after it: a ```json block names the fields that
matter (the answer may have more), a ```text block is the whole output. A block with no answer
shown must print nothing."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.stack import SERVICES, Run, databases, free_ports, port_open
from tests.support import REPO, SAMPLES

README = REPO / "README.md"
SECTION = "## Getting started"
DOCUMENTED_URL = "http://127.0.0.1:8080"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
MARKER = "--- end of block {} ---"
# What a fresh shell has, and nothing of the project's (no .venv/bin, no uv).
PATH = "/usr/local/bin:/usr/bin:/bin"


@dataclass
class Step:
    code: str
    language: str | None  # of the answer shown after it: json, text, or None when none is
    answer: str


def getting_started(text: str) -> list[Step]:
    """The section's ```sh blocks, each with the answer block that follows it, if any."""
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end >= 0 else len(text)]
    steps: list[Step] = []
    for match in FENCE.finditer(section):
        language, body = match.group(1), match.group(2)
        if language == "sh":
            steps.append(Step(body, None, ""))
        elif language in ("json", "text") and steps and steps[-1].language is None:
            steps[-1].language, steps[-1].answer = language, body
        else:
            raise AssertionError(f"a ```{language} block that answers no ```sh block:\n{body}")
    return steps


def contains(actual: Any, shown: Any, where: str = "") -> list[str]:
    """Where `actual` differs from the answer shown: every field shown must be there with its
    value (objects may have more fields; lists have the same items in the same order)."""
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return [f"{where or '/'}: {actual!r} is not an object"]
        found = []
        for key, value in shown.items():
            if key not in actual:
                found.append(f"{where}/{key}: missing")
            else:
                found += contains(actual[key], value, f"{where}/{key}")
        return found
    if isinstance(shown, list):
        if not isinstance(actual, list) or len(actual) != len(shown):
            return [f"{where or '/'}: {actual!r} is not {shown!r}"]
        return [d for i, v in enumerate(shown) for d in contains(actual[i], v, f"{where}/{i}")]
    return [] if actual == shown else [f"{where or '/'}: {actual!r}, shown {shown!r}"]


def check(step: Step, output: str) -> list[str]:
    if step.language is None:
        return [] if output.strip() == "" else [f"printed {output!r}, the README shows nothing"]
    if step.language == "text":
        lines = [line.rstrip() for line in output.strip().splitlines()]
        shown = [line.rstrip() for line in step.answer.strip().splitlines()]
        return [] if lines == shown else [f"printed {lines!r}, the README shows {shown!r}"]
    try:
        actual = json.loads(output)
    except ValueError:
        return [f"printed {output!r}, not JSON"]
    return contains(actual, json.loads(step.answer))


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Run]:
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    ports = dict(zip(SERVICES, free_ports(len(SERVICES)), strict=True))
    with databases() as env:
        run = Run(data_dir, ports, extra_env=env)
        try:
            run.wait_ready()
            yield run
        finally:
            code = run.stop()
    assert code == 0, run.output()
    for port in ports.values():
        assert not port_open(port), f"port {port} still open after the test"


def test_the_readme_getting_started_blocks_run_and_answer_as_shown(stack: Run) -> None:
    steps = getting_started(README.read_text(encoding="utf-8"))
    assert len(steps) >= 8, "the journey: setup, org, inventory, assessment ... plan"
    user_dir = stack.data_dir.parent
    (user_dir / "samples").symlink_to(SAMPLES, target_is_directory=True)
    # The README's commands name the gateway `make run` starts; this one has a free port.
    script = "set -euo pipefail\n" + "".join(
        f"{step.code.replace(DOCUMENTED_URL, stack.url())}\necho\necho '{MARKER.format(i)}'\n"
        for i, step in enumerate(steps)
    )
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=user_dir,
        env={"PATH": PATH, "HOME": str(user_dir), "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    outputs = re.split(r"^--- end of block \d+ ---\n", done.stdout, flags=re.MULTILINE)
    ran = len(outputs) - 1
    assert ran == len(steps), (
        f"block {ran} failed (exit {done.returncode}):\n{steps[ran].code}\n"
        f"it printed:\n{outputs[ran]}\nstderr:\n{done.stderr}"
    )
    assert done.returncode == 0, done.stderr
    for i, (step, output) in enumerate(zip(steps, outputs, strict=False)):
        differences = check(step, output)
        assert not differences, f"block {i}:\n{step.code}\n" + "\n".join(differences)
    grid = ET.fromstring((user_dir / "grid.svg").read_bytes())
    assert grid.tag == "{http://www.w3.org/2000/svg}svg"


def test_an_answer_that_differs_from_the_readme_is_caught() -> None:
    shown = Step("curl ...", "json", '{"units": {"created": 19}, "problems": []}')
    assert check(shown, '{"units": {"created": 19, "read": 19}, "problems": []}') == []
    assert check(shown, '{"units": {"created": 0}, "problems": []}') == [
        "/units/created: 0, shown 19"
    ]
    assert check(shown, '{"units": {"created": 19}, "problems": [{"row": 1}]}') != []
    assert check(shown, '{"type": "about:blank", "status": 422}') != []
    assert check(Step("curl ...", "text", "201\n201"), "201\n422\n") != []
    assert check(Step("X=1", None, ""), "") == []
    assert check(Step("X=1", None, ""), "surprise\n") != []
