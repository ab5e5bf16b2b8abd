"""CRM records keep their associations

A deal is attributed through the contacts it is associated with (HubSpot association events, a
Pipedrive deal's person, a Salesforce Opportunity's contact): each record keeps its
associations, each with the time it was last added or removed. Rows from before it have none
(NULL, read as no association).

Revision ID: 3b8d2f6a9c14
Revises: fcd80f3da5f0
Create Date: 2026-12-08 09:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3b8d2f6a9c14"
down_revision: str | Sequence[str] | None = "fcd80f3da5f0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_crm_objects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("associations", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_crm_objects", schema=None) as batch_op:
        batch_op.drop_column("associations")
