"""The coordination mechanisms' part of an organisation import: the tenant's mechanisms as the
import compares them (each a whole document, its participants included), and the import's
writes of them (through the coordination repository)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.coordination import repository
from mops_org.db import Db
from mops_org.importing import Change, DocumentPlan, ExistingNamed, document_write


async def existing_mechanisms(db: Db, tenant_id: uuid.UUID) -> dict[str, ExistingNamed]:
    """The tenant's mechanisms by name key."""
    participants: dict[uuid.UUID, list[str]] = defaultdict(list)
    for mechanism_id, unit_id in await repository.all_participants(db, tenant_id):
        participants[mechanism_id].append(str(unit_id))
    return {
        m.name_key: ExistingNamed(
            m.id,
            m.version,
            {
                "name": m.name,
                "kind": m.kind,
                "level": m.level,
                "cadence": m.cadence,
                "description": m.description,
                "owner_unit_id": str(m.owner_unit_id) if m.owner_unit_id else None,
                "participating_unit_ids": sorted(participants.get(m.id, [])),
            },
        )
        for m in await repository.all_of(db, tenant_id)
    }


def _columns(state: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in state.items() if k != "participating_unit_ids"} | {
        "owner_unit_id": uuid.UUID(state["owner_unit_id"]) if state["owner_unit_id"] else None
    }


async def import_mechanisms(
    session: AsyncSession, tenant_id: uuid.UUID, mechanisms: list[DocumentPlan], now: datetime
) -> list[Change]:
    """Adds the new mechanisms and updates those that differ from the file (units written
    before them)."""
    changes: list[Change] = []
    for mechanism in mechanisms:
        write = document_write(mechanism, tenant_id, now, "coordination_mechanism", _columns)
        if write is None:
            continue
        if write.update is not None:
            await repository.update_rows(session, [write.update])
        if write.insert is not None:
            await repository.insert_rows(session, [write.insert])
        changes.append(write.change)
        await repository.replace_participants(
            session,
            tenant_id,
            mechanism.id,
            [uuid.UUID(u) for u in mechanism.state["participating_unit_ids"]],
        )
    return changes
