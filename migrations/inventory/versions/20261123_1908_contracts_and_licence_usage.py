"""contracts and licence usage

Revision ID: ab6d469cc2b1
Revises: 2b66937f7797
Create Date: 2026-11-23 19:08:18.116457+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = 'ab6d469cc2b1'
down_revision: str | Sequence[str] | None = '2b66937f7797'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('contracts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('tool_id', sa.Uuid(), nullable=False),
    sa.Column('annual_cost_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('renewal_date', sa.Date(), nullable=True),
    sa.Column('notice_period_days', sa.Integer(), nullable=True),
    sa.Column('auto_renew', sa.Boolean(), nullable=False),
    sa.Column('seats_purchased', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_contracts_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contracts'))
    )
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contracts_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contracts_tenant_id_renewal_date'), ['tenant_id', 'renewal_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_contracts_tool_id_created_at_id'), ['tool_id', 'created_at', 'id'], unique=False)

    op.create_table('licence_usage',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('tool_id', sa.Uuid(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('seats_active', sa.Integer(), nullable=False),
    sa.Column('recorded_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_licence_usage_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_licence_usage')),
    sa.UniqueConstraint('tool_id', 'as_of', name=op.f('uq_licence_usage_tool_id_as_of'))
    )
    with op.batch_alter_table('licence_usage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_licence_usage_tenant_id_as_of'), ['tenant_id', 'as_of'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('licence_usage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_licence_usage_tenant_id_as_of'))

    op.drop_table('licence_usage')
    with op.batch_alter_table('contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contracts_tool_id_created_at_id'))
        batch_op.drop_index(batch_op.f('ix_contracts_tenant_id_renewal_date'))
        batch_op.drop_index(batch_op.f('ix_contracts_tenant_id_created_at_id'))

    op.drop_table('contracts')

