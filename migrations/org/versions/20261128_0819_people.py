"""people

The people of the organisation: email unique per tenant (without case), an optional unit and
an optional manager (another person of the tenant).

Revision ID: 767e763fb661
Revises: 2b63f62a2809
Create Date: 2026-11-28 08:19:42.575965+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '767e763fb661'
down_revision: str | Sequence[str] | None = '2b63f62a2809'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('people',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('email_key', sa.String(length=254), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('manager_id', sa.Uuid(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['manager_id'], ['people.id'], name=op.f('fk_people_manager_id_people'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_people_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('tenant_id', 'email_key', name=op.f('uq_people_tenant_id_email_key'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_tenant_id_manager_id'), ['tenant_id', 'manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_tenant_id_name_key_id'), ['tenant_id', 'name_key', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_tenant_id_unit_id'), ['tenant_id', 'unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_tenant_id_unit_id'))
        batch_op.drop_index(batch_op.f('ix_people_tenant_id_name_key_id'))
        batch_op.drop_index(batch_op.f('ix_people_tenant_id_manager_id'))
        batch_op.drop_index(batch_op.f('ix_people_tenant_id_created_at_id'))

    op.drop_table('people')
