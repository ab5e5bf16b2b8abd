"""audit outbox idempotency

The tables every service that accepts writes keeps (mops_shared.kit.writes): the audit trail,
the outbox of domain events and the Idempotency-Key store.

Revision ID: 2b63f62a2809
Revises: f9fbb464a32d
Create Date: 2026-11-23 19:04:55.699201+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import mops_shared.kit.db

revision: str = "2b63f62a2809"
down_revision: str | Sequence[str] | None = "f9fbb464a32d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_key_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.String(length=128), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.Uuid(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_index(
        op.f("ix_audit_entries_tenant_id_occurred_at_id"),
        "audit_entries",
        ["tenant_id", "occurred_at", "id"],
    )
    op.create_index(
        op.f("ix_audit_entries_tenant_id_object_type_object_id_occurred_at"),
        "audit_entries",
        ["tenant_id", "object_type", "object_id", "occurred_at"],
    )

    op.create_table(
        "outbox_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=80), nullable=False),
        sa.Column("occurred_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.String(length=128), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("published_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_events")),
    )
    op.create_index(
        op.f("ix_outbox_events_published_at_occurred_at"),
        "outbox_events",
        ["published_at", "occurred_at"],
    )
    op.create_index(
        op.f("ix_outbox_events_tenant_id_occurred_at"),
        "outbox_events",
        ["tenant_id", "occurred_at"],
    )

    op.create_table(
        "idempotency_keys",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("headers", sa.JSON(), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", mops_shared.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_index(op.f("ix_idempotency_keys_expires_at"), "idempotency_keys", ["expires_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_idempotency_keys_expires_at"), table_name="idempotency_keys")
    op.drop_table("idempotency_keys")

    op.drop_index(op.f("ix_outbox_events_tenant_id_occurred_at"), table_name="outbox_events")
    op.drop_index(op.f("ix_outbox_events_published_at_occurred_at"), table_name="outbox_events")
    op.drop_table("outbox_events")

    op.drop_index(
        op.f("ix_audit_entries_tenant_id_object_type_object_id_occurred_at"),
        table_name="audit_entries",
    )
    op.drop_index(op.f("ix_audit_entries_tenant_id_occurred_at_id"), table_name="audit_entries")
    op.drop_table("audit_entries")
