"""tools carry the day they came into use

`in_use_since`: the tool's go-live as the company knows it, which the stack's change over a
year counts by (the day a tool was recorded, `created_at`, says nothing of it after an
import). Tools recorded before it have none.

Revision ID: 3f6b2a9d81c4
Revises: bda4e5b8ce1c
Create Date: 2026-12-07 23:10:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3f6b2a9d81c4"
down_revision: str | Sequence[str] | None = "bda4e5b8ce1c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tools", schema=None) as batch_op:
        batch_op.add_column(sa.Column("in_use_since", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tools", schema=None) as batch_op:
        batch_op.drop_column("in_use_since")
