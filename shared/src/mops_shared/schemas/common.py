"""Small types every area uses."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=10_000)]


class StrictModel(BaseModel):
    """A request body (or part of one) that refuses fields it does not know."""

    model_config = ConfigDict(extra="forbid")


def name_key(name: str) -> str:
    """How names compare for uniqueness: case- and surrounding-space-insensitive."""
    return " ".join(name.split()).casefold()


# American spellings folded to British ones, so that "Experience Optimization Specialist" and
# "center_of_excellence" find "Experience optimisation specialist" and "centre_of_excellence".
_AMERICAN_SPELLINGS = re.compile(r"(?<=[a-z]{3})iz(?=(e|es|ed|ing|ation|ations|er|ers)\b)|center")


def spelling_key(name: str) -> str:
    """name_key with British/American spelling folded (-ize/-ise, center/centre)."""
    return _AMERICAN_SPELLINGS.sub(
        lambda match: "centre" if match.group(0) == "center" else "is", name_key(name)
    )
