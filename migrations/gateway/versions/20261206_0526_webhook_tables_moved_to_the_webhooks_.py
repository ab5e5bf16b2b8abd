"""webhook tables moved to the webhooks service

The webhooks are a service of their own, with their own database and history
(migrations/webhooks). Their tables leave the gateway's database here. Rows are never dropped
with them: if any table still holds some, this refuses until they are copied over with
`mops move-webhook-data` (which needs the webhooks database migrated first).

Revision ID: 07095207c078
Revises: 1e53ade360fa
Create Date: 2026-12-06 05:26:05.222893+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '07095207c078'
down_revision: str | Sequence[str] | None = '1e53ade360fa'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Children before parents: each table is dropped before those its foreign keys point at.
TABLES = (
    'webhook_delivery_attempts',
    'webhook_deliveries',
    'webhook_crm_objects',
    'webhook_inbox',
    'webhook_subscriptions',
    'webhook_events',
    'webhook_connections',
)


def upgrade() -> None:
    bind = op.get_bind()
    holding = [
        table
        for table in TABLES
        if bind.execute(sa.text(f'SELECT 1 FROM {table} LIMIT 1')).first() is not None
    ]
    if holding:
        raise RuntimeError(
            f"the gateway's webhook tables still hold rows ({', '.join(holding)}): migrate the "
            "webhooks database, run `mops move-webhook-data` to copy them there, then migrate "
            "the gateway again"
        )
    for table in TABLES:
        op.drop_table(table)


def downgrade() -> None:
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
    sa.Column('currency', sa.String(length=3), server_default='USD', nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_connections'))
    )
    with op.batch_alter_table('webhook_connections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_connections_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)

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
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('processed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['connection_id'], ['webhook_connections.id'], name=op.f('fk_webhook_inbox_connection_id_webhook_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_inbox')),
    sa.UniqueConstraint('tenant_id', 'identity', name=op.f('uq_webhook_inbox_tenant_id_identity'))
    )
    with op.batch_alter_table('webhook_inbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_inbox_status_next_attempt_at'), ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_inbox_tenant_id_received_at_id'), ['tenant_id', 'received_at', 'id'], unique=False)

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
