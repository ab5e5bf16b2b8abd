"""contract renewal due marker

Revision ID: a849f2dd77c5
Revises: 1d9ad72ac450
Create Date: 2026-11-28 08:20:36.873947+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = 'a849f2dd77c5'
down_revision: str | Sequence[str] | None = '1d9ad72ac450'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # NULL: no renewal announced yet, so contracts already due are announced by the first sweep.
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('renewal_due_notified_for', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_contracts_renewal_date_id'), ['renewal_date', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contracts_renewal_date_id'))
        batch_op.drop_column('renewal_due_notified_for')
