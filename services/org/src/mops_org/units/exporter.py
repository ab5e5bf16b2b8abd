"""The units of the organisation file an export writes: what `units.importer` loads, as the
import reads it back."""

from __future__ import annotations

import uuid
from typing import Any

from mops_org.units.importer import ExistingUnit
from mops_org.units.tree import depths


def export_units(
    units: dict[str, ExistingUnit], people_emails: dict[uuid.UUID, str]
) -> list[dict[str, Any]]:
    """The units, parents before children so that the file reads top-down (the import does not
    need it); a lead by email (`people_emails`: by person id)."""
    unit_names = {unit.id: unit.name for unit in units.values()}
    depth = depths({unit.id: unit.parent_id for unit in units.values()})
    ordered = sorted(units.values(), key=lambda unit: (depth[unit.id], unit.name.casefold()))
    return [
        {
            "name": unit.name,
            "parent": unit_names.get(unit.parent_id) if unit.parent_id else None,
            "type": unit.type,
            "role": unit.role,
            "lead": people_emails.get(unit.lead_person_id) if unit.lead_person_id else None,
        }
        for unit in ordered
    ]
