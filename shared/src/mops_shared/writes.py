"""The tables every service that accepts writes keeps beside its own: audit, outbox, idempotency."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import MetaData, Table

from mops_shared.audit import audit_table
from mops_shared.idempotency import idempotency_table
from mops_shared.outbox import outbox_table


@dataclass(frozen=True)
class WriteTables:
    audit: Table
    outbox: Table
    idempotency: Table


def write_tables(metadata: MetaData) -> WriteTables:
    """Defines the three tables on a service's own metadata (so its migrations create them)."""
    return WriteTables(
        audit=audit_table(metadata),
        outbox=outbox_table(metadata),
        idempotency=idempotency_table(metadata),
    )
