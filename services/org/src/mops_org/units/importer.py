"""The units' part of an organisation import: the tenant's units as the import compares them,
and the import's writes of them, in bulk (through the units' repository).

Units and people refer to one another (a person's unit, a unit's lead): new units go in before
the people, without their leads; the leads and the changed units are written after the people.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.db import Db
from mops_org.importing import Change
from mops_org.units import repository
from mops_shared.contracts.org import UnitRead


@dataclass
class ExistingUnit:
    id: uuid.UUID
    name: str
    type: str
    parent_id: uuid.UUID | None
    role: str | None
    lead_person_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass
class UnitPlan:
    index: int
    key: str
    id: uuid.UUID
    existing: ExistingUnit | None
    name: str
    type: str
    parent_key: str | None
    role: str | None
    lead_key: str | None  # email key


async def existing_units(db: Db, tenant_id: uuid.UUID) -> dict[str, ExistingUnit]:
    """The tenant's units by name key."""
    return {
        unit.name_key: ExistingUnit(
            unit.id,
            unit.name,
            unit.type,
            unit.parent_id,
            unit.role,
            unit.lead_person_id,
            unit.version,
            unit.created_at,
            unit.updated_at,
        )
        for unit in await repository.all_of(db, tenant_id)
    }


@dataclass
class UnitWrites:
    new: list[dict[str, Any]]
    changed: list[dict[str, Any]]
    changes: list[Change]


def unit_writes(
    tenant_id: uuid.UUID,
    units: list[UnitPlan],
    existing: dict[str, ExistingUnit],
    unit_ids: dict[str, uuid.UUID],
    person_ids: dict[str, uuid.UUID],
    now: datetime,
) -> UnitWrites:
    """The rows the planned units need (`unit_ids` and `person_ids`: every unit and person of
    the tenant and the file, by key), and the changes they make."""
    units_by_id = {unit.id: unit for unit in existing.values()}
    # New ones parents first (the parent key must exist when a child is inserted).
    new_units: list[dict[str, Any]] = []
    changed_units: list[dict[str, Any]] = []
    befores: dict[uuid.UUID, dict[str, Any]] = {}
    for unit in parents_first(units):
        parent_id = unit_ids[unit.parent_key] if unit.parent_key else None
        lead_id = person_ids[unit.lead_key] if unit.lead_key else None
        if unit.existing is None:
            new_units.append(
                {
                    "id": unit.id,
                    "tenant_id": tenant_id,
                    "name": unit.name,
                    "name_key": unit.key,
                    "type": unit.type,
                    "parent_id": parent_id,
                    "role": unit.role,
                    "lead_person_id": lead_id,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            continue
        old = unit.existing
        lead_after = lead_id if unit.lead_key else old.lead_person_id
        if (old.name, old.type, old.parent_id, old.role, old.lead_person_id) != (
            unit.name,
            unit.type,
            parent_id,
            unit.role,
            lead_after,
        ):
            befores[unit.id] = _unit_snapshot(vars(old))
            changed_units.append(
                {
                    "id": unit.id,
                    "name": unit.name,
                    "type": unit.type,
                    "parent_id": parent_id,
                    "role": unit.role,
                    "lead_person_id": lead_after,
                    "version": old.version + 1,
                    "updated_at": now,
                }
            )
    changes: list[Change] = [
        ("create", "unit", row["id"], None, _unit_snapshot(row)) for row in new_units
    ]
    for row in changed_units:
        old_unit = units_by_id[row["id"]]
        after = {**vars(old_unit), **row}
        changes.append(("update", "unit", row["id"], befores[row["id"]], _unit_snapshot(after)))
    return UnitWrites(new_units, changed_units, changes)


async def insert_new_units(session: AsyncSession, writes: UnitWrites) -> None:
    """The new units, without their leads: they are people that may not exist yet."""
    if writes.new:
        await repository.insert_rows(
            session, [{**row, "lead_person_id": None} for row in writes.new]
        )


async def update_units(session: AsyncSession, writes: UnitWrites) -> None:
    """The new units' leads and the changed units (once the people are written)."""
    await repository.update_rows(
        session,
        [
            {"id": row["id"], "lead_person_id": row["lead_person_id"]}
            for row in writes.new
            if row["lead_person_id"]
        ],
    )
    await repository.update_rows(session, writes.changed)


def _unit_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    """The unit as the API reads it (and as its events carry it)."""
    return UnitRead.model_validate(row).model_dump(mode="json")


def parents_first(units: list[UnitPlan]) -> list[UnitPlan]:
    """The file's units ordered so that a unit comes after its parent when both are new."""
    planned = {unit.key: unit for unit in units}
    ordered: list[UnitPlan] = []
    placed: set[str] = set()

    def place(key: str, trail: set[str]) -> None:
        if key in placed or key in trail:
            return
        unit = planned[key]
        if unit.parent_key is not None and unit.parent_key in planned:
            place(unit.parent_key, trail | {key})
        placed.add(key)
        ordered.append(unit)

    for key in planned:
        place(key, set())
    return ordered
