"""assessments respondents responses

Revision ID: 283ccecd8e01
Revises: 5322f67ffbfa
Create Date: 2026-11-28 13:11:33.664370+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '283ccecd8e01'
down_revision: str | Sequence[str] | None = '5322f67ffbfa'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('assessments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('framework_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('scope_unit_id', sa.Uuid(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('budget_minor', sa.BigInteger(), nullable=True),
    sa.Column('budget_currency', sa.String(length=3), nullable=True),
    sa.Column('processes', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['framework_id'], ['frameworks.id'], name=op.f('fk_assessments_framework_id_frameworks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_tenant_id_created_at_id'), ['tenant_id', 'created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_tenant_id_name_id'), ['tenant_id', 'name', 'id'], unique=False)

    op.create_table('assessment_respondents',
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('added_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_respondents_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'person_id', name=op.f('pk_assessment_respondents'))
    )
    op.create_table('assessment_responses',
    sa.Column('assessment_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('process_answers', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('submitted_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_assessment_responses_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'person_id', name=op.f('pk_assessment_responses'))
    )


def downgrade() -> None:
    op.drop_table('assessment_responses')
    op.drop_table('assessment_respondents')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_tenant_id_name_id'))
        batch_op.drop_index(batch_op.f('ix_assessments_tenant_id_created_at_id'))

    op.drop_table('assessments')
