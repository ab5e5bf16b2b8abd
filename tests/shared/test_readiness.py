from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from mops_shared.kit.migrations import alembic_config
from mops_shared.kit.readiness import head_revisions
from tests.support import ALEMBIC_INI, SERVICES


@pytest.mark.parametrize("service", SERVICES)
def test_head_read_from_files_equals_alembics(service: str) -> None:
    script = ScriptDirectory.from_config(alembic_config(ALEMBIC_INI, service))
    assert head_revisions(ALEMBIC_INI, service) == sorted(script.get_heads())


def test_head_of_a_branched_history_names_every_tip(tmp_path: Path) -> None:
    versions = tmp_path / "svc" / "versions"
    versions.mkdir(parents=True)
    (tmp_path / "alembic.ini").write_text("[svc]\nscript_location = %(here)s/svc\n")
    for name, revision, down in (
        ("a", "aaa", None),
        ("b", "bbb", "aaa"),
        ("c", "ccc", "aaa"),
        ("d", "ddd", ("bbb",)),
    ):
        (versions / f"{name}.py").write_text(
            f"revision: str = {revision!r}\ndown_revision = {down!r}\n"
        )
    assert head_revisions(tmp_path / "alembic.ini", "svc") == ["ccc", "ddd"]
