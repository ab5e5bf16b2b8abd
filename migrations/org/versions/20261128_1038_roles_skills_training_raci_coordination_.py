"""roles, skills, training, RACI, coordination, organisation profile

The role catalogue starts with the built-in roles the seeds name (no tenant: every tenant sees
them) and the skills each requires.

Revision ID: 1600268aaa2b
Revises: 844f73e64e6a
Create Date: 2026-11-28 10:38:07.433722+00:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = '1600268aaa2b'
down_revision: str | Sequence[str] | None = '844f73e64e6a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The built-in role catalogue (the roles the seeds name), shared by every tenant: no tenant_id.
# Ids are uuid5 of the lower-cased name, so every database gives a role the same id.
BUILTIN_ROLES = [
    {'id': 'fec0e921-becd-5621-832d-d63e07082b6e', 'name': 'Digital Strategist', 'name_key': 'digital strategist', 'description': 'Sets the digital strategy and the content and experience roadmap.', 'legal': False},
    {'id': '1b5c3c7d-f526-5578-8b11-f34cb2c277c7', 'name': 'Marketing Operations Specialist', 'name_key': 'marketing operations specialist', 'description': 'Runs the marketing technology stack, its processes and its data day to day.', 'legal': False},
    {'id': 'e75531fc-ba2c-5d60-b4a4-6132d06b4d08', 'name': 'Content Manager', 'name_key': 'content manager', 'description': 'Manages content, its production workflow and the CMS.', 'legal': False},
    {'id': 'dd600354-bdca-58d3-a861-0767c4a148eb', 'name': 'Experience Optimisation Specialist', 'name_key': 'experience optimisation specialist', 'description': 'Tests and improves digital experiences.', 'legal': False},
    {'id': 'abb84df5-4419-54ce-9de4-7e4a7e62ca02', 'name': 'Content Marketer', 'name_key': 'content marketer', 'description': 'Writes and distributes the content.', 'legal': False},
    {'id': '211867c4-2a72-568b-88bc-77fc112f235e', 'name': 'Strategist', 'name_key': 'strategist', 'description': 'Positions the offer and sets the marketing strategy.', 'legal': False},
    {'id': 'aad21883-cc7b-55c3-80af-1ffe445c6b7e', 'name': 'Marketing Analyst', 'name_key': 'marketing analyst', 'description': 'Measures marketing: analytics, attribution and reporting.', 'legal': False},
    {'id': 'baaa3b01-649a-56f3-80ff-c0cf85bf3b7d', 'name': 'Head of Marketing Operations', 'name_key': 'head of marketing operations', 'description': 'Leads the marketing-operations function: stack, budget, processes and people.', 'legal': False},
    {'id': '3354918f-b258-5d78-bcec-9d9393e226a3', 'name': 'Privacy Counsel', 'name_key': 'privacy counsel', 'description': 'Legal: consent, privacy policy and data protection (GDPR, CCPA).', 'legal': True},
]
BUILTIN_ROLE_SKILLS = [
    {'role_id': 'fec0e921-becd-5621-832d-d63e07082b6e', 'skill_key': 'content strategy', 'skill': 'content strategy', 'min_proficiency': 3},
    {'role_id': 'fec0e921-becd-5621-832d-d63e07082b6e', 'skill_key': 'web analytics', 'skill': 'web analytics', 'min_proficiency': 2},
    {'role_id': 'fec0e921-becd-5621-832d-d63e07082b6e', 'skill_key': 'cms', 'skill': 'cms', 'min_proficiency': 2},
    {'role_id': '1b5c3c7d-f526-5578-8b11-f34cb2c277c7', 'skill_key': 'marketing automation', 'skill': 'marketing automation', 'min_proficiency': 3},
    {'role_id': '1b5c3c7d-f526-5578-8b11-f34cb2c277c7', 'skill_key': 'crm', 'skill': 'crm', 'min_proficiency': 2},
    {'role_id': '1b5c3c7d-f526-5578-8b11-f34cb2c277c7', 'skill_key': 'martech architecture', 'skill': 'martech architecture', 'min_proficiency': 2},
    {'role_id': 'e75531fc-ba2c-5d60-b4a4-6132d06b4d08', 'skill_key': 'cms', 'skill': 'cms', 'min_proficiency': 3},
    {'role_id': 'e75531fc-ba2c-5d60-b4a4-6132d06b4d08', 'skill_key': 'seo', 'skill': 'seo', 'min_proficiency': 2},
    {'role_id': 'dd600354-bdca-58d3-a861-0767c4a148eb', 'skill_key': 'experimentation', 'skill': 'experimentation', 'min_proficiency': 3},
    {'role_id': 'dd600354-bdca-58d3-a861-0767c4a148eb', 'skill_key': 'web analytics', 'skill': 'web analytics', 'min_proficiency': 3},
    {'role_id': 'abb84df5-4419-54ce-9de4-7e4a7e62ca02', 'skill_key': 'copywriting', 'skill': 'copywriting', 'min_proficiency': 3},
    {'role_id': 'abb84df5-4419-54ce-9de4-7e4a7e62ca02', 'skill_key': 'seo', 'skill': 'seo', 'min_proficiency': 2},
    {'role_id': '211867c4-2a72-568b-88bc-77fc112f235e', 'skill_key': 'positioning', 'skill': 'positioning', 'min_proficiency': 3},
    {'role_id': '211867c4-2a72-568b-88bc-77fc112f235e', 'skill_key': 'content strategy', 'skill': 'content strategy', 'min_proficiency': 2},
    {'role_id': 'aad21883-cc7b-55c3-80af-1ffe445c6b7e', 'skill_key': 'web analytics', 'skill': 'web analytics', 'min_proficiency': 3},
    {'role_id': 'aad21883-cc7b-55c3-80af-1ffe445c6b7e', 'skill_key': 'sql', 'skill': 'sql', 'min_proficiency': 3},
    {'role_id': 'aad21883-cc7b-55c3-80af-1ffe445c6b7e', 'skill_key': 'attribution', 'skill': 'attribution', 'min_proficiency': 2},
    {'role_id': 'baaa3b01-649a-56f3-80ff-c0cf85bf3b7d', 'skill_key': 'marketing automation', 'skill': 'marketing automation', 'min_proficiency': 3},
    {'role_id': 'baaa3b01-649a-56f3-80ff-c0cf85bf3b7d', 'skill_key': 'martech architecture', 'skill': 'martech architecture', 'min_proficiency': 4},
    {'role_id': 'baaa3b01-649a-56f3-80ff-c0cf85bf3b7d', 'skill_key': 'budgeting', 'skill': 'budgeting', 'min_proficiency': 3},
    {'role_id': '3354918f-b258-5d78-bcec-9d9393e226a3', 'skill_key': 'privacy', 'skill': 'privacy', 'min_proficiency': 4},
    {'role_id': '3354918f-b258-5d78-bcec-9d9393e226a3', 'skill_key': 'gdpr', 'skill': 'gdpr', 'min_proficiency': 3},
    {'role_id': '3354918f-b258-5d78-bcec-9d9393e226a3', 'skill_key': 'ccpa', 'skill': 'ccpa', 'min_proficiency': 3},
]


def upgrade() -> None:
    op.create_table('org_profiles',
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('model', sa.String(length=30), nullable=True),
    sa.Column('commerce_structure', sa.String(length=30), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('tenant_id', name=op.f('pk_org_profiles'))
    )
    op.create_table('raci_matrices',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('allow_accountable_responsible', sa.Boolean(), nullable=False),
    sa.Column('activities', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_raci_matrices')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_raci_matrices_tenant_id_name_key'))
    )
    with op.batch_alter_table('raci_matrices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_raci_matrices_tenant_id_name_key_id'), ['tenant_id', 'name_key', 'id'], unique=False)

    op.create_table('roles',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('legal', sa.Boolean(), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roles')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_roles_tenant_id_name_key'))
    )
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roles_tenant_id_name_key_id'), ['tenant_id', 'name_key', 'id'], unique=False)

    op.create_table('training_programmes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_programmes')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_training_programmes_tenant_id_name_key'))
    )
    with op.batch_alter_table('training_programmes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_programmes_tenant_id_name_key_id'), ['tenant_id', 'name_key', 'id'], unique=False)

    op.create_table('coordination_mechanisms',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('cadence', sa.String(length=20), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('owner_unit_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_unit_id'], ['units.id'], name=op.f('fk_coordination_mechanisms_owner_unit_id_units'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coordination_mechanisms')),
    sa.UniqueConstraint('tenant_id', 'name_key', name=op.f('uq_coordination_mechanisms_tenant_id_name_key'))
    )
    with op.batch_alter_table('coordination_mechanisms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coordination_mechanisms_tenant_id_name_key_id'), ['tenant_id', 'name_key', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coordination_mechanisms_tenant_id_owner_unit_id'), ['tenant_id', 'owner_unit_id'], unique=False)

    op.create_table('role_skills',
    sa.Column('role_id', sa.Uuid(), nullable=False),
    sa.Column('skill_key', sa.String(length=120), nullable=False),
    sa.Column('skill', sa.String(length=120), nullable=False),
    sa.Column('min_proficiency', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['role_id'], ['roles.id'], name=op.f('fk_role_skills_role_id_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('role_id', 'skill_key', name=op.f('pk_role_skills'))
    )
    op.create_table('training_waves',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('programme_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('tool_ids', sa.JSON(), nullable=False),
    sa.Column('unresolved_tools', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['training_programmes.id'], name=op.f('fk_training_waves_programme_id_training_programmes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_waves')),
    sa.UniqueConstraint('programme_id', 'position', name=op.f('uq_training_waves_programme_id_position'))
    )
    with op.batch_alter_table('training_waves', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_waves_tenant_id_programme_id'), ['tenant_id', 'programme_id'], unique=False)

    op.create_table('coordination_participants',
    sa.Column('mechanism_id', sa.Uuid(), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['mechanism_id'], ['coordination_mechanisms.id'], name=op.f('fk_coordination_participants_mechanism_id_coordination_mechanisms'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_coordination_participants_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mechanism_id', 'unit_id', name=op.f('pk_coordination_participants'))
    )
    with op.batch_alter_table('coordination_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coordination_participants_unit_id'), ['unit_id'], unique=False)

    op.create_table('person_roles',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('role_id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_roles_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['role_id'], ['roles.id'], name=op.f('fk_person_roles_role_id_roles'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('person_id', 'role_id', name=op.f('pk_person_roles'))
    )
    with op.batch_alter_table('person_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_roles_tenant_id_role_id'), ['tenant_id', 'role_id'], unique=False)

    op.create_table('person_skills',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('skill_key', sa.String(length=120), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('skill', sa.String(length=120), nullable=False),
    sa.Column('proficiency', sa.Integer(), nullable=False),
    sa.Column('assessed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_skills_person_id_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', 'skill_key', name=op.f('pk_person_skills'))
    )
    with op.batch_alter_table('person_skills', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_skills_tenant_id_skill_key'), ['tenant_id', 'skill_key'], unique=False)

    op.create_table('training_enrolments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('programme_id', sa.Uuid(), nullable=False),
    sa.Column('wave_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('enrolled_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('completed_at', mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_training_enrolments_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['training_programmes.id'], name=op.f('fk_training_enrolments_programme_id_training_programmes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wave_id'], ['training_waves.id'], name=op.f('fk_training_enrolments_wave_id_training_waves'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_enrolments')),
    sa.UniqueConstraint('wave_id', 'person_id', name=op.f('uq_training_enrolments_wave_id_person_id'))
    )
    with op.batch_alter_table('training_enrolments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_enrolments_tenant_id_person_id'), ['tenant_id', 'person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_enrolments_tenant_id_programme_id_person_id'), ['tenant_id', 'programme_id', 'person_id'], unique=False)


    # Seeded with fixed timestamps: the rows are the same in every database.
    seeded_at = datetime(2026, 11, 28, tzinfo=UTC)
    roles = sa.table(
        'roles',
        sa.column('id', sa.Uuid()),
        sa.column('tenant_id', sa.Uuid()),
        sa.column('name', sa.String()),
        sa.column('name_key', sa.String()),
        sa.column('description', sa.Text()),
        sa.column('legal', sa.Boolean()),
        sa.column('builtin', sa.Boolean()),
        sa.column('version', sa.Integer()),
        sa.column('created_at', mops_shared.kit.db.UTCDateTime()),
        sa.column('updated_at', mops_shared.kit.db.UTCDateTime()),
    )
    role_skills = sa.table(
        'role_skills',
        sa.column('role_id', sa.Uuid()),
        sa.column('skill_key', sa.String()),
        sa.column('skill', sa.String()),
        sa.column('min_proficiency', sa.Integer()),
    )
    op.bulk_insert(
        roles,
        [
            {**role, 'id': uuid.UUID(role['id']), 'tenant_id': None, 'builtin': True,
             'version': 1, 'created_at': seeded_at, 'updated_at': seeded_at}
            for role in BUILTIN_ROLES
        ],
    )
    op.bulk_insert(
        role_skills,
        [{**skill, 'role_id': uuid.UUID(skill['role_id'])} for skill in BUILTIN_ROLE_SKILLS],
    )


def downgrade() -> None:
    with op.batch_alter_table('training_enrolments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_enrolments_tenant_id_programme_id_person_id'))
        batch_op.drop_index(batch_op.f('ix_training_enrolments_tenant_id_person_id'))

    op.drop_table('training_enrolments')
    with op.batch_alter_table('person_skills', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_skills_tenant_id_skill_key'))

    op.drop_table('person_skills')
    with op.batch_alter_table('person_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_roles_tenant_id_role_id'))

    op.drop_table('person_roles')
    with op.batch_alter_table('coordination_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coordination_participants_unit_id'))

    op.drop_table('coordination_participants')
    with op.batch_alter_table('training_waves', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_waves_tenant_id_programme_id'))

    op.drop_table('training_waves')
    op.drop_table('role_skills')
    with op.batch_alter_table('coordination_mechanisms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coordination_mechanisms_tenant_id_owner_unit_id'))
        batch_op.drop_index(batch_op.f('ix_coordination_mechanisms_tenant_id_name_key_id'))

    op.drop_table('coordination_mechanisms')
    with op.batch_alter_table('training_programmes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_programmes_tenant_id_name_key_id'))

    op.drop_table('training_programmes')
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roles_tenant_id_name_key_id'))

    op.drop_table('roles')
    with op.batch_alter_table('raci_matrices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_raci_matrices_tenant_id_name_key_id'))

    op.drop_table('raci_matrices')
    op.drop_table('org_profiles')
