"""frameworks

Revision ID: 9f02fda09c9b
Revises:
Create Date: 2026-11-23 18:09:19.789982+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = "9f02fda09c9b"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "frameworks",
        sa.Column("id", sa.Uuid(), nullable=False),
        # Null for the built-in frameworks every tenant sees.
        sa.Column("tenant_id", sa.Uuid(), nullable=True),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("built_in", sa.Boolean(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("created_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frameworks")),
        sa.UniqueConstraint(
            "tenant_id", "key", "version", name=op.f("uq_frameworks_tenant_id_key_version")
        ),
    )
    with op.batch_alter_table("frameworks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_frameworks_tenant_id_key_version_id"),
            ["tenant_id", "key", "version", "id"],
            unique=False,
        )
        # NULL tenant ids are distinct in the constraint above; this keeps built-ins unique.
        batch_op.create_index(
            "uq_frameworks_built_in_key_version",
            ["key", "version"],
            unique=True,
            sqlite_where=sa.text("tenant_id IS NULL"),
            postgresql_where=sa.text("tenant_id IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("frameworks", schema=None) as batch_op:
        batch_op.drop_index("uq_frameworks_built_in_key_version")
        batch_op.drop_index(batch_op.f("ix_frameworks_tenant_id_key_version_id"))

    op.drop_table("frameworks")
