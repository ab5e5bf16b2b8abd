"""What /readyz checks: is the database at the head of this service's migrations?

The head is read from the revision files with `ast`, not through Alembic: importing Alembic
costs every running service ~9 MB of memory for a question a few lines can answer. A test
checks that this answer equals Alembic's own for every service.
"""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine


def versions_dir(alembic_ini: Path, service: str) -> Path:
    parser = configparser.ConfigParser(defaults={"here": str(alembic_ini.resolve().parent)})
    if not parser.read(alembic_ini):
        raise FileNotFoundError(f"no Alembic configuration at {alembic_ini}")
    return Path(parser.get(service, "script_location")) / "versions"


def _assigned(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        target: ast.expr
        value: ast.expr | None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == name and value is not None:
            return ast.literal_eval(value)
    raise ValueError(f"no {name} in revision file")


def head_revisions(alembic_ini: Path, service: str) -> list[str]:
    """Revisions that no other revision names as its parent."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions_dir(alembic_ini, service).glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        revision = _assigned(tree, "revision")
        down = _assigned(tree, "down_revision")
        revisions.add(str(revision))
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(str(d) for d in down)
    return sorted(revisions - parents)


async def current_revisions(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as conn:
        try:
            rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
        except DBAPIError:
            return []  # never migrated
        return sorted(row[0] for row in rows)
