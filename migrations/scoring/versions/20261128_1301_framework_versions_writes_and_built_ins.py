"""framework versions, writes and built-ins

Frameworks get their kind and the version they were made from; the service gets its audit,
outbox and idempotency tables; and the three built-in frameworks, version 1, are seeded from
the documents the scoring package ships (frameworks/builtin/<key>.v1.json). A built-in version
never changes: a new one is a new file and a new migration.

Revision ID: 5322f67ffbfa
Revises: 9f02fda09c9b
Create Date: 2026-11-28 13:01:34.821563+00:00
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import resources

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '5322f67ffbfa'
down_revision: str | Sequence[str] | None = '9f02fda09c9b'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


BUILT_IN_KEYS = ('five_forces', 'cx_efficiency', 'mo_readiness')


def built_in_id(key: str, version: int) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f'mops:frameworks:{key}:v{version}')


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

    with op.batch_alter_table('frameworks', schema=None) as batch_op:
        # Rows written before kinds existed were five-forces drafts.
        batch_op.add_column(
            sa.Column('kind', sa.String(length=40), nullable=False, server_default='five_forces')
        )
        batch_op.add_column(sa.Column('based_on_id', sa.Uuid(), nullable=True))
    with op.batch_alter_table('frameworks', schema=None) as batch_op:
        batch_op.alter_column('kind', server_default=None)

    frameworks = sa.table(
        'frameworks',
        sa.column('id', sa.Uuid()),
        sa.column('tenant_id', sa.Uuid()),
        sa.column('key', sa.String()),
        sa.column('version', sa.Integer()),
        sa.column('name', sa.String()),
        sa.column('kind', sa.String()),
        sa.column('built_in', sa.Boolean()),
        sa.column('document', sa.JSON()),
        sa.column('based_on_id', sa.Uuid()),
        sa.column('created_at', mops_shared.kit.db.UTCDateTime()),
    )
    # Fixed ids and timestamp: the rows are the same in every database.
    seeded_at = datetime(2026, 11, 28, tzinfo=UTC)
    rows = []
    for key in BUILT_IN_KEYS:
        document = json.loads(
            resources.files('mops_scoring.frameworks.builtin').joinpath(f'{key}.v1.json').read_text()
        )
        rows.append(
            {
                'id': built_in_id(key, 1),
                'tenant_id': None,
                'key': key,
                'version': 1,
                'name': document['name'],
                'kind': document['kind'],
                'built_in': True,
                'document': document,
                'based_on_id': None,
                'created_at': seeded_at,
            }
        )
    op.bulk_insert(frameworks, rows)



def downgrade() -> None:
    op.execute(sa.text('DELETE FROM frameworks WHERE tenant_id IS NULL'))
    with op.batch_alter_table('frameworks', schema=None) as batch_op:
        batch_op.drop_column('based_on_id')
        batch_op.drop_column('kind')

    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_events_tenant_id_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_outbox_events_published_at_occurred_at'))

    op.drop_table('outbox_events')
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_expires_at'))

    op.drop_table('idempotency_keys')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_tenant_id_occurred_at_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_tenant_id_object_type_object_id_occurred_at'))

    op.drop_table('audit_entries')
