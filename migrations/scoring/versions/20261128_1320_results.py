"""results

Revision ID: bed0762f0442
Revises: 283ccecd8e01
Create Date: 2026-11-28 13:20:04.503436+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = 'bed0762f0442'
down_revision: str | Sequence[str] | None = '283ccecd8e01'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('results',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('framework_id', sa.Uuid(), nullable=False),
    sa.Column('framework_key', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('scope_unit_id', sa.Uuid(), nullable=True),
    sa.Column('computed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_results_assessment_id_assessments')),
    sa.ForeignKeyConstraint(['framework_id'], ['frameworks.id'], name=op.f('fk_results_framework_id_frameworks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_results'))
    )
    with op.batch_alter_table('results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_results_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_results_tenant_id_computed_at_id'), ['tenant_id', 'computed_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_results_tenant_id_framework_key_scope_unit_id_computed_at_id'), ['tenant_id', 'framework_key', 'scope_unit_id', 'computed_at', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_results_tenant_id_framework_key_scope_unit_id_computed_at_id'))
        batch_op.drop_index(batch_op.f('ix_results_tenant_id_computed_at_id'))
        batch_op.drop_index(batch_op.f('ix_results_assessment_id'))

    op.drop_table('results')
