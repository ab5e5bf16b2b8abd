"""outbox events carry their trace

The W3C `traceparent` of the change that recorded each event (kit.tracing): its relay and
deliveries join that change's trace. Events recorded before it have none.

Revision ID: def4609836a6
Revises: 1600268aaa2b
Create Date: 2026-12-07 02:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "def4609836a6"
down_revision: str | Sequence[str] | None = "1600268aaa2b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("traceparent", sa.String(length=55), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_events", schema=None) as batch_op:
        batch_op.drop_column("traceparent")

