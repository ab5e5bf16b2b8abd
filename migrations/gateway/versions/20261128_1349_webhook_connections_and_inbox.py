"""webhook connections and inbox

Revision ID: e7755113af3a
Revises: 36ce96f79568
Create Date: 2026-11-28 13:49:37.701931+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = 'e7755113af3a'
down_revision: str | Sequence[str] | None = '36ce96f79568'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('webhook_connections',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('public_url', sa.String(length=2048), nullable=True),
    sa.Column('secrets', sa.JSON(), nullable=False),
    sa.Column('username', sa.String(length=200), nullable=True),
    sa.Column('organization_id', sa.String(length=18), nullable=True),
    sa.Column('credential_hash', sa.String(length=300), nullable=True),
    sa.Column('attribution_rules', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_connections'))
    )
    with op.batch_alter_table('webhook_connections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_connections_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)

    op.create_table('webhook_inbox',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('connection_id', sa.Uuid(), nullable=False),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('identity', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=200), nullable=True),
    sa.Column('occurred_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('received_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('headers', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['connection_id'], ['webhook_connections.id'], name=op.f('fk_webhook_inbox_connection_id_webhook_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_inbox')),
    sa.UniqueConstraint('tenant_id', 'identity', name=op.f('uq_webhook_inbox_tenant_id_identity'))
    )
    with op.batch_alter_table('webhook_inbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_inbox_status_next_attempt_at'), ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_inbox_tenant_id_received_at_id'), ['tenant_id', 'received_at', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('webhook_inbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_inbox_tenant_id_received_at_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_inbox_status_next_attempt_at'))

    op.drop_table('webhook_inbox')
    with op.batch_alter_table('webhook_connections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_connections_tenant_id_created_at_id'))

    op.drop_table('webhook_connections')
