"""tool capabilities carry their tenant

Revision ID: 76ab1c0e6602
Revises: a849f2dd77c5
Create Date: 2026-11-28 09:12:22.438114+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '76ab1c0e6602'
down_revision: str | Sequence[str] | None = 'a849f2dd77c5'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added nullable, filled from each row's tool, then made required: existing rows keep
    # their capabilities.
    with op.batch_alter_table('tool_capabilities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tenant_id', sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE tool_capabilities SET tenant_id = "
        "(SELECT tools.tenant_id FROM tools WHERE tools.id = tool_capabilities.tool_id)"
    )
    with op.batch_alter_table('tool_capabilities', schema=None) as batch_op:
        batch_op.alter_column('tenant_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.create_index(batch_op.f('ix_tool_capabilities_tenant_id_capability_id'), ['tenant_id', 'capability_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('tool_capabilities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tool_capabilities_tenant_id_capability_id'))
        batch_op.drop_column('tenant_id')

