"""tenants and api keys

Revision ID: 36ce96f79568
Revises: 
Create Date: 2026-11-23 18:07:44.878675+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '36ce96f79568'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('tenants',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenants')),
    sa.UniqueConstraint('name_key', name=op.f('uq_tenants_name_key'))
    )
    op.create_table('api_keys',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('scopes', sa.JSON(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('previous_secret_hash', sa.String(length=64), nullable=True),
    sa.Column('previous_valid_until', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('rate_limit_per_minute', sa.Integer(), nullable=True),
    sa.Column('rate_limit_burst', sa.Integer(), nullable=True),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('rotated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_api_keys_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_keys'))
    )
    with op.batch_alter_table('api_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_keys_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('api_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_keys_tenant_id_created_at_id'))

    op.drop_table('api_keys')
    op.drop_table('tenants')

