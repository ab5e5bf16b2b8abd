"""Every command the README shows works as shown, in a shell without uv on PATH.

The README's commands use one way everywhere: `make <target>`, or the project's own venv
(`.venv/bin/mops ...`, `.venv/bin/python -m ...`) that `make run` and `make test` create, so a
user needs neither uv on PATH nor an activated venv. Each such command is checked here without
running it for real: its `--help` answers (the command and every subcommand named exist), and
each make target is one the Makefile has. The Getting-started blocks are run for real by
`tests/e2e/test_readme_getting_started.py`.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess

import pytest

from tests.support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
VENV_BIN = REPO / ".venv" / "bin"


def _command_lines() -> list[str]:
    """Each command line of the README's `sh` blocks (continuations joined, comments dropped)."""
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" # ", 1)[0].split("  #", 1)[0].strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


COMMANDS = _command_lines()
PROJECT_COMMANDS = [line for line in COMMANDS if line.startswith((".venv/bin/", "make "))]


def _without_uv() -> dict[str, str]:
    """The environment of a fresh shell on a machine where uv is not on PATH."""
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    path = [p for p in path if not (os.path.isfile(os.path.join(p, "uv")))]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "UV_"))}
    env["PATH"] = os.pathsep.join(path)
    return env


def test_the_readme_shows_project_commands_and_none_needs_uv() -> None:
    assert len(PROJECT_COMMANDS) >= 15, PROJECT_COMMANDS
    needs_uv = [line for line in COMMANDS if re.match(r"(uv|uvx)\b", line)]
    assert needs_uv == [], "README commands must not need uv on PATH"


def _help_argv(line: str) -> list[str]:
    """The command of a README line, cut before its first option or placeholder, with --help."""
    words = shlex.split(line.replace("[", " [").replace("|", " "))
    kept: list[str] = []
    for word in words:
        if word.startswith(("-", "[", "<")) or word.isupper() or "=" in word:
            break
        kept.append(word)
    if kept[0] == ".venv/bin/python":
        kept = kept[:3]  # python -m module: the module's own arguments are not commands
    elif kept[0] == ".venv/bin/mops":
        kept = kept[:3]  # mops, a command group, a command: the rest are arguments (acme, ci)
    return [str(REPO / kept[0]), *kept[1:], "--help"]


@pytest.mark.parametrize(
    "line", [line for line in PROJECT_COMMANDS if line.startswith(".venv/bin/")]
)
def test_each_venv_command_of_the_readme_exists_and_answers_help(line: str) -> None:
    argv = _help_argv(line)
    assert (VENV_BIN / argv[0].rsplit("/", 1)[-1]).exists(), f"{argv[0]} is not in .venv/bin"
    done = subprocess.run(
        argv, cwd=REPO, env=_without_uv(), capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"{' '.join(argv)}: {done.stdout[-800:]}{done.stderr[-800:]}"
    assert "usage" in (done.stdout + done.stderr).lower()


def test_each_make_target_of_the_readme_is_in_the_makefile() -> None:
    targets = {line.split()[1] for line in PROJECT_COMMANDS if line.startswith("make ")}
    assert {"run", "test", "demo"} <= targets
    for target in sorted(targets):
        done = subprocess.run(
            ["make", "-n", target],
            cwd=REPO,
            env=_without_uv(),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, f"make {target}: {done.stderr}"
