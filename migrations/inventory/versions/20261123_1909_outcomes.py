"""outcomes

Revision ID: a0c7a413d5e8
Revises: 4bdde348d8d8
Create Date: 2026-11-23 19:09:58.844657+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = 'a0c7a413d5e8'
down_revision: str | Sequence[str] | None = '4bdde348d8d8'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('outcomes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('tool_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('amount_minor', sa.BigInteger(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('occurred_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=True),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_outcomes_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outcomes')),
    sa.UniqueConstraint('tenant_id', 'source', 'external_id', name=op.f('uq_outcomes_tenant_id_source_external_id'))
    )
    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outcomes_tenant_id_occurred_at_id'), ['tenant_id', 'occurred_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outcomes_tenant_id_tool_id_occurred_at'), ['tenant_id', 'tool_id', 'occurred_at'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outcomes_tenant_id_tool_id_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_outcomes_tenant_id_occurred_at_id'))

    op.drop_table('outcomes')

