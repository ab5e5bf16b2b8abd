"""events and inbox carry their trace

The W3C `traceparent` (kit.tracing) of a relayed event's publish span, which each delivery's
span continues, and of the request that received an inbound delivery, which its processing
continues. Rows from before it have none.

Revision ID: fcd80f3da5f0
Revises: 7c1e5a9d2b40
Create Date: 2026-12-07 02:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "fcd80f3da5f0"
down_revision: str | Sequence[str] | None = "7c1e5a9d2b40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("traceparent", sa.String(length=55), nullable=True))
    with op.batch_alter_table("webhook_inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("traceparent", sa.String(length=55), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_inbox", schema=None) as batch_op:
        batch_op.drop_column("traceparent")
    with op.batch_alter_table("webhook_events", schema=None) as batch_op:
        batch_op.drop_column("traceparent")

