"""inbox deduplicated per connection, not per tenant

Two independent senders on two connections of one tenant may reuse an event id (a Standard
Webhooks `webhook-id`, say): deduplicated per tenant, the second one's event was acknowledged
and silently dropped. Rows unique per tenant are unique per connection too, so no row changes.

Revision ID: 7c1e5a9d2b40
Revises: 02dc7a3fc65d
Create Date: 2026-12-06 20:50:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7c1e5a9d2b40"
down_revision: str | Sequence[str] | None = "02dc7a3fc65d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("webhook_inbox", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_webhook_inbox_tenant_id_identity"), type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_webhook_inbox_connection_id_identity"), ["connection_id", "identity"]
        )


def downgrade() -> None:
    # Fails where two connections of a tenant hold the same identity: the old rule cannot
    # hold those events, and dropping either would lose one.
    with op.batch_alter_table("webhook_inbox", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_webhook_inbox_connection_id_identity"), type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_webhook_inbox_tenant_id_identity"), ["tenant_id", "identity"]
        )
