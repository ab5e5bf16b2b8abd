"""outbox events carry their trace

The W3C `traceparent` of the change that recorded each event (kit.tracing): its relay and
deliveries join that change's trace. Events recorded before it have none.

Revision ID: bda4e5b8ce1c
Revises: 76ab1c0e6602
Create Date: 2026-12-07 02:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "bda4e5b8ce1c"
down_revision: str | Sequence[str] | None = "76ab1c0e6602"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("traceparent", sa.String(length=55), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_events", schema=None) as batch_op:
        batch_op.drop_column("traceparent")

