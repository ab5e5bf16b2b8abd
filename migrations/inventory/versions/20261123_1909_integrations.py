"""integrations

Revision ID: 4bdde348d8d8
Revises: ab6d469cc2b1
Create Date: 2026-11-23 19:09:41.239971+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = "4bdde348d8d8"
down_revision: str | Sequence[str] | None = "ab6d469cc2b1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "integrations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("source_tool_id", sa.Uuid(), nullable=False),
        sa.Column("target_tool_id", sa.Uuid(), nullable=False),
        sa.Column("data_carried", sa.JSON(), nullable=False),
        sa.Column("sync_mode", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_tool_id"],
            ["tools.id"],
            name=op.f("fk_integrations_source_tool_id_tools"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_tool_id"],
            ["tools.id"],
            name=op.f("fk_integrations_target_tool_id_tools"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrations")),
        sa.UniqueConstraint(
            "tenant_id",
            "source_tool_id",
            "target_tool_id",
            name=op.f("uq_integrations_tenant_id_source_tool_id_target_tool_id"),
        ),
    )
    with op.batch_alter_table("integrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_integrations_source_tool_id"), ["source_tool_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_integrations_target_tool_id"), ["target_tool_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_integrations_tenant_id_created_at_id"),
            ["tenant_id", "created_at", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("integrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrations_tenant_id_created_at_id"))
        batch_op.drop_index(batch_op.f("ix_integrations_target_tool_id"))
        batch_op.drop_index(batch_op.f("ix_integrations_source_tool_id"))

    op.drop_table("integrations")
