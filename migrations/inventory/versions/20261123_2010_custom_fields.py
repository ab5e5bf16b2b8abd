"""custom fields

Revision ID: 1d9ad72ac450
Revises: 637904379017
Create Date: 2026-11-23 20:10:39.044451+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '1d9ad72ac450'
down_revision: str | Sequence[str] | None = '637904379017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('custom_field_definitions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_custom_field_definitions')),
    sa.UniqueConstraint('tenant_id', 'key', name=op.f('uq_custom_field_definitions_tenant_id_key'))
    )
    with op.batch_alter_table('custom_field_definitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custom_field_definitions_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)

    # Existing tools get an empty object before the column becomes NOT NULL.
    with op.batch_alter_table('tools', schema=None) as batch_op:
        batch_op.add_column(sa.Column('custom_fields', sa.JSON(), nullable=True))
    op.execute("UPDATE tools SET custom_fields = '{}'")
    with op.batch_alter_table('tools', schema=None) as batch_op:
        batch_op.alter_column('custom_fields', existing_type=sa.JSON(), nullable=False)




def downgrade() -> None:

    with op.batch_alter_table('tools', schema=None) as batch_op:
        batch_op.drop_column('custom_fields')

    with op.batch_alter_table('custom_field_definitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custom_field_definitions_tenant_id_created_at_id'))

    op.drop_table('custom_field_definitions')

