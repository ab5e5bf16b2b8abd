"""Every foreign-key column of every service's models names its type.

A `Column(ForeignKey(...))` without one is NullType until the referenced table joins the same
metadata; a statement (or a subquery's column) built before that keeps NullType for good, and
its values come back unconverted (SQLite's UUIDs as hex text). Training coverage then missed
every tool owned by a unit when its module was imported before the units' models."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support import REPO

MODELS = sorted((REPO / "services").glob("*/src/**/models.py"))


def untyped_foreign_keys(source: str) -> list[int]:
    """The lines of `Column(ForeignKey(...), ...)` calls: a foreign key as the first argument,
    so no type before it."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Column"
            and node.args
            and isinstance(node.args[0], ast.Call)
            and isinstance(node.args[0].func, ast.Name)
            and node.args[0].func.id == "ForeignKey"
        ):
            lines.append(node.lineno)
    return lines


def test_the_check_finds_an_untyped_foreign_key() -> None:
    assert untyped_foreign_keys('x = Column(ForeignKey("units.id"), nullable=True)') == [1]
    assert untyped_foreign_keys('x = Column(Uuid, ForeignKey("units.id"))') == []


def test_every_foreign_key_column_names_its_type() -> None:
    assert MODELS
    found = {
        str(path.relative_to(REPO)): lines
        for path in MODELS
        if (lines := untyped_foreign_keys(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_a_statement_built_at_import_has_the_foreign_keys_type() -> None:
    # The coverage module builds its statements at import, and imports no units model itself.
    code = (
        "from mops_org.training import coverage; "
        "print(type(coverage._EVERYONE.per_unit.selected_columns[0].type).__name__)"
    )
    printed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    assert printed.strip() == "Uuid"
