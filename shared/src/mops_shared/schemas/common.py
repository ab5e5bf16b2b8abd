"""Small types every area uses."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=10_000)]


def name_key(name: str) -> str:
    """How names compare for uniqueness: case- and surrounding-space-insensitive."""
    return " ".join(name.split()).casefold()
