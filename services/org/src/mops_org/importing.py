"""What the domains' parts of the organisation import share (`mops_org.imports` runs them).

Each domain loads what the tenant has of it, writes what the plan says in bulk, and reports every
change it made (audited and sent as an event, once, for the whole import). A RACI matrix, a
coordination mechanism and a training programme are compared and written as one document each.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mops_shared.kit.audit import AuditAction

# (action, object type, object id, before, after): what record_audits and the events take.
Change = tuple[AuditAction, str, uuid.UUID, dict[str, Any] | None, dict[str, Any] | None]

# A person's skills (the roles' person_skills) by skill key: (skill, proficiency, assessed at).
HeldSkills = dict[str, tuple[str, int, datetime | None]]


@dataclass
class ExistingNamed:
    """A RACI matrix, coordination mechanism or programme: compared as a whole document."""

    id: uuid.UUID
    version: int
    state: dict[str, Any]


@dataclass
class DocumentPlan:
    """A RACI matrix, coordination mechanism or training programme, resolved to ids."""

    index: int
    key: str
    id: uuid.UUID
    existing: ExistingNamed | None
    state: dict[str, Any]


@dataclass
class DocumentWrite:
    """A document to insert (`insert`) or to update (`update`: its changed columns by id)."""

    insert: dict[str, Any] | None
    update: dict[str, Any] | None
    change: Change


def document_write(
    item: DocumentPlan,
    tenant_id: uuid.UUID,
    now: datetime,
    kind: str,
    columns: Callable[[dict[str, Any]], dict[str, Any]],
) -> DocumentWrite | None:
    """The row a planned document needs, None when the tenant's already equals it. `columns`
    makes the table's columns of the document's state."""
    state = dict(item.state)
    old = item.existing
    if old is not None:
        comparable = {k: v for k, v in old.state.items() if k in state}
        if comparable == state:
            return None
        row = {
            "id": item.id,
            **columns(state),
            "name_key": item.key,
            "version": old.version + 1,
            "updated_at": now,
        }
        before = {"id": str(item.id), **comparable, "version": old.version}
        after = {"id": str(item.id), **state, "version": old.version + 1}
        return DocumentWrite(None, row, ("update", kind, item.id, before, after))
    row = {
        "id": item.id,
        "tenant_id": tenant_id,
        **columns(state),
        "name_key": item.key,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    after = {"id": str(item.id), **state, "version": 1}
    return DocumentWrite(row, None, ("create", kind, item.id, None, after))
