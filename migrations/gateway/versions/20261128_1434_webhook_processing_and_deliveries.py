"""webhook processing state and outbound deliveries

Revision ID: 1e53ade360fa
Revises: e7755113af3a
Create Date: 2026-11-28 14:34:21.611160+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '1e53ade360fa'
down_revision: str | Sequence[str] | None = 'e7755113af3a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('webhook_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=80), nullable=False),
    sa.Column('service', sa.String(length=40), nullable=False),
    sa.Column('occurred_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('received_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_events'))
    )
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_events_tenant_id_occurred_at'), ['tenant_id', 'occurred_at'], unique=False)

    op.create_table('webhook_subscriptions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=True),
    sa.Column('event_types', sa.JSON(), nullable=False),
    sa.Column('secrets', sa.JSON(), nullable=False),
    sa.Column('previous_secret_expires_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('disabled_reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_subscriptions'))
    )
    with op.batch_alter_table('webhook_subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_subscriptions_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)

    op.create_table('webhook_crm_objects',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('connection_id', sa.Uuid(), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=200), nullable=False),
    sa.Column('properties', sa.JSON(), nullable=False),
    sa.Column('outcomes', sa.JSON(), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['webhook_connections.id'], name=op.f('fk_webhook_crm_objects_connection_id_webhook_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_crm_objects')),
    sa.UniqueConstraint('connection_id', 'object_type', 'object_id', name=op.f('uq_webhook_crm_objects_connection_id_object_type_object_id'))
    )
    with op.batch_alter_table('webhook_crm_objects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_crm_objects_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('webhook_deliveries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('subscription_id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('event_type', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_status_code', sa.Integer(), nullable=True),
    sa.Column('delivered_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['webhook_events.id'], name=op.f('fk_webhook_deliveries_event_id_webhook_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subscription_id'], ['webhook_subscriptions.id'], name=op.f('fk_webhook_deliveries_subscription_id_webhook_subscriptions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_deliveries')),
    sa.UniqueConstraint('subscription_id', 'event_id', name=op.f('uq_webhook_deliveries_subscription_id_event_id'))
    )
    with op.batch_alter_table('webhook_deliveries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_status_next_attempt_at'), ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_deliveries_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)

    op.create_table('webhook_delivery_attempts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('delivery_id', sa.Uuid(), nullable=False),
    sa.Column('attempted_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('latency_ms', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('response_snippet', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['delivery_id'], ['webhook_deliveries.id'], name=op.f('fk_webhook_delivery_attempts_delivery_id_webhook_deliveries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_delivery_attempts'))
    )
    with op.batch_alter_table('webhook_delivery_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_delivery_attempts_delivery_id_attempted_at'), ['delivery_id', 'attempted_at'], unique=False)

    with op.batch_alter_table('webhook_connections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('currency', sa.String(length=3), server_default='USD', nullable=False))

    with op.batch_alter_table('webhook_inbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detail', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('processed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('webhook_inbox', schema=None) as batch_op:
        batch_op.drop_column('processed_at')
        batch_op.drop_column('detail')

    with op.batch_alter_table('webhook_connections', schema=None) as batch_op:
        batch_op.drop_column('currency')

    with op.batch_alter_table('webhook_delivery_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_delivery_attempts_delivery_id_attempted_at'))

    op.drop_table('webhook_delivery_attempts')
    with op.batch_alter_table('webhook_deliveries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_tenant_id_created_at_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_deliveries_status_next_attempt_at'))

    op.drop_table('webhook_deliveries')
    with op.batch_alter_table('webhook_crm_objects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_crm_objects_tenant_id'))

    op.drop_table('webhook_crm_objects')
    with op.batch_alter_table('webhook_subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_subscriptions_tenant_id_created_at_id'))

    op.drop_table('webhook_subscriptions')
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_events_tenant_id_occurred_at'))

    op.drop_table('webhook_events')
