"""units tree: role, lead, version

Units get a role (hub or spoke), a lead (a person of the tenant; cleared when that person is
deleted) and a version for their ETag: existing units start at version 1.

Revision ID: 844f73e64e6a
Revises: 767e763fb661
Create Date: 2026-11-28 09:46:19.486399+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '844f73e64e6a'
down_revision: str | Sequence[str] | None = '767e763fb661'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('lead_person_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_units_lead_person_id_people'), 'people', ['lead_person_id'], ['id'], ondelete='SET NULL')
    # Existing units start at version 1, then the column becomes required.
    op.execute(sa.text('UPDATE units SET version = 1'))
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.alter_column('version', existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_units_lead_person_id_people'), type_='foreignkey')
        batch_op.drop_column('version')
        batch_op.drop_column('lead_person_id')
        batch_op.drop_column('role')
