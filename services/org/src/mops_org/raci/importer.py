"""The RACI matrices' part of an organisation import: the tenant's matrices as the import
compares them (each a whole document), and the import's writes of them (through the RACI
repository)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import Db
from mops_org.importing import Change, DocumentPlan, ExistingNamed, document_write
from mops_org.raci import repository


async def existing_matrices(db: Db, tenant_id: uuid.UUID) -> dict[str, ExistingNamed]:
    """The tenant's matrices by name key."""
    return {
        matrix.name_key: ExistingNamed(
            matrix.id,
            matrix.version,
            {
                "name": matrix.name,
                "allow_accountable_responsible": matrix.allow_accountable_responsible,
                "activities": matrix.activities,
            },
        )
        for matrix in await repository.all_of(db, tenant_id)
    }


def _columns(state: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": state["name"],
        "allow_accountable_responsible": state["allow_accountable_responsible"],
        "activities": state["activities"],
    }


async def import_matrices(
    session: AsyncSession, tenant_id: uuid.UUID, matrices: list[DocumentPlan], now: datetime
) -> list[Change]:
    """Adds the new matrices and updates those that differ from the file."""
    changes: list[Change] = []
    for matrix in matrices:
        write = document_write(matrix, tenant_id, now, "raci_matrix", _columns)
        if write is None:
            continue
        if write.update is not None:
            await repository.update_rows(session, [write.update])
        if write.insert is not None:
            await repository.insert_rows(session, [write.insert])
        changes.append(write.change)
    return changes
