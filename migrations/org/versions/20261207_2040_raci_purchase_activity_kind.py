"""RACI activities that buy tools get the kind `purchase`

Purchase governance reads activities by their declared kind, no longer by words found anywhere
in their name ("buy" matched "buyer persona"). Stored activities of kind `programme` whose name
says, in whole words, that they buy a tool or approve one a team brings become `purchase`, as
the organisation import now infers the kind of an activity its file leaves out. Each changed
matrix's version goes up, so that an ETag read before no longer matches it. Downgrade turns
`purchase` back into `programme`.

Revision ID: 7c1d2e9a4b50
Revises: def4609836a6
Create Date: 2026-12-07 20:40:00+00:00
"""

import re
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "7c1d2e9a4b50"
down_revision: str | Sequence[str] | None = "def4609836a6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The import's rule when this migration was written (a migration keeps its own copy).
_PURCHASE_WORDS = re.compile(
    r"\b(?:purchas\w*|buy|buys|buying|bought|procur\w*|byot|bring[- ]your[- ]own|achat\w*)\b",
    re.IGNORECASE,
)

_matrices = sa.table(
    "raci_matrices",
    sa.column("id", sa.Uuid()),
    sa.column("activities", sa.JSON()),
    sa.column("version", sa.Integer()),
)


def _rekind(change: Callable[[dict[str, Any]], str | None]) -> None:
    """Every stored activity given the kind `change` says (None: left as it is)."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_matrices.c.id, _matrices.c.activities, _matrices.c.version)
    ).all()
    for matrix_id, activities, version in rows:
        changed = False
        for activity in activities or []:
            kind = change(activity)
            if kind is not None:
                activity["kind"] = kind
                changed = True
        if changed:
            connection.execute(
                sa.update(_matrices)
                .where(_matrices.c.id == matrix_id)
                .values(activities=activities, version=version + 1)
            )


def upgrade() -> None:
    def to_purchase(activity: dict[str, Any]) -> str | None:
        buys = _PURCHASE_WORDS.search(str(activity.get("name", "")))
        return "purchase" if activity.get("kind") == "programme" and buys else None

    _rekind(to_purchase)


def downgrade() -> None:
    _rekind(lambda activity: "programme" if activity.get("kind") == "purchase" else None)
