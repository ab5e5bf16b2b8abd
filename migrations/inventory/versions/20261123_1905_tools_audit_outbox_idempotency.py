"""tools audit outbox idempotency

Revision ID: 2b66937f7797
Revises: 5b781c5b1ea4
Create Date: 2026-11-23 19:05:25.972892+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '2b66937f7797'
down_revision: str | Sequence[str] | None = '5b781c5b1ea4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('audit_entries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('occurred_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_key_id', sa.Uuid(), nullable=False),
    sa.Column('request_id', sa.String(length=128), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.Uuid(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_tenant_id_object_type_object_id_occurred_at'), ['tenant_id', 'object_type', 'object_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_tenant_id_occurred_at_id'), ['tenant_id', 'occurred_at', 'id'], unique=False)

    op.create_table('capabilities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_key', sa.String(length=120), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capabilities')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_capabilities_tenant_id_name_key'))
    )
    op.create_table('idempotency_keys',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('headers', sa.JSON(), nullable=True),
    sa.Column('body', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', 'key', name=op.f('pk_idempotency_keys'))
    )
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_keys_expires_at'), ['expires_at'], unique=False)

    op.create_table('outbox_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=80), nullable=False),
    sa.Column('occurred_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('request_id', sa.String(length=128), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('published_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_events'))
    )
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_events_published_at_occurred_at'), ['published_at', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_events_tenant_id_occurred_at'), ['tenant_id', 'occurred_at'], unique=False)

    op.create_table('tools',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('vendor', sa.String(length=200), nullable=True),
    sa.Column('category_id', sa.Uuid(), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('usage_notes', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_changed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('shares_data_with_core', sa.Boolean(), nullable=True),
    sa.Column('processes_personal_data', sa.Boolean(), nullable=False),
    sa.Column('personal_data_categories', sa.JSON(), nullable=False),
    sa.Column('website', sa.String(length=2048), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_tools_category_id_categories'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tools')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_tools_tenant_id_name_key'))
    )
    with op.batch_alter_table('tools', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tools_tenant_id_category_id'), ['tenant_id', 'category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tools_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tools_tenant_id_status_name_key'), ['tenant_id', 'status', 'name_key'], unique=False)

    op.create_table('tool_capabilities',
    sa.Column('tool_id', sa.Uuid(), nullable=False),
    sa.Column('capability_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['capability_id'], ['capabilities.id'], name=op.f('fk_tool_capabilities_capability_id_capabilities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_capabilities_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tool_id', 'capability_id', name=op.f('pk_tool_capabilities'))
    )
    with op.batch_alter_table('tool_capabilities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_capabilities_capability_id'), ['capability_id'], unique=False)

    op.create_table('tool_owners',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('tool_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_owners_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_owners'))
    )
    with op.batch_alter_table('tool_owners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_owners_tenant_id_person_id'), ['tenant_id', 'person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tool_owners_tenant_id_unit_id'), ['tenant_id', 'unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tool_owners_tool_id'), ['tool_id'], unique=False)

    op.create_table('tool_status_changes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('tool_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('changed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_key_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['tool_id'], ['tools.id'], name=op.f('fk_tool_status_changes_tool_id_tools'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tool_status_changes'))
    )
    with op.batch_alter_table('tool_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tool_status_changes_tenant_id_changed_at'), ['tenant_id', 'changed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_tool_status_changes_tool_id_changed_at'), ['tool_id', 'changed_at'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('tool_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_status_changes_tool_id_changed_at'))
        batch_op.drop_index(batch_op.f('ix_tool_status_changes_tenant_id_changed_at'))

    op.drop_table('tool_status_changes')
    with op.batch_alter_table('tool_owners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_owners_tool_id'))
        batch_op.drop_index(batch_op.f('ix_tool_owners_tenant_id_unit_id'))
        batch_op.drop_index(batch_op.f('ix_tool_owners_tenant_id_person_id'))

    op.drop_table('tool_owners')
    with op.batch_alter_table('tool_capabilities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_capabilities_capability_id'))

    op.drop_table('tool_capabilities')
    with op.batch_alter_table('tools', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tools_tenant_id_status_name_key'))
        batch_op.drop_index(batch_op.f('ix_tools_tenant_id_created_at_id'))
        batch_op.drop_index(batch_op.f('ix_tools_tenant_id_category_id'))

    op.drop_table('tools')
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_events_tenant_id_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_outbox_events_published_at_occurred_at'))

    op.drop_table('outbox_events')
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_expires_at'))

    op.drop_table('idempotency_keys')
    op.drop_table('capabilities')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_tenant_id_occurred_at_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_tenant_id_object_type_object_id_occurred_at'))

    op.drop_table('audit_entries')

