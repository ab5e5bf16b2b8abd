"""CRM records remember their unmapped events

An event that leaves its record without the outcome it calls for (a won deal nothing
attributes yet) is `unmapped`; when a later event records that outcome (the contact's source
arrives, an association is added), the earlier unmapped events of the record are settled as
processed. Each record keeps the ids of its events still unmapped. Rows from before have none
(NULL, read as none).

Revision ID: 7c2e5a1d4b90
Revises: 3b8d2f6a9c14
Create Date: 2026-12-09 09:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7c2e5a1d4b90"
down_revision: str | Sequence[str] | None = "3b8d2f6a9c14"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_crm_objects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unmapped_events", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_crm_objects", schema=None) as batch_op:
        batch_op.drop_column("unmapped_events")
