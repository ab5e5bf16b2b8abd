"""The coordination mechanisms of the organisation file an export writes: what
`coordination.importer` loads, as the import reads it back."""

from __future__ import annotations

import uuid
from typing import Any

from mops_org.importing import ExistingNamed


def export_mechanisms(
    mechanisms: dict[str, ExistingNamed], unit_names: dict[uuid.UUID, str]
) -> list[dict[str, Any]]:
    """The mechanisms by name, their units by name (`unit_names`: by id)."""
    return [
        {
            "name": m.state["name"],
            "kind": m.state["kind"],
            "level": m.state["level"],
            "cadence": m.state["cadence"],
            "description": m.state["description"],
            "owner_unit": unit_names.get(uuid.UUID(m.state["owner_unit_id"]))
            if m.state["owner_unit_id"]
            else None,
            "participating_units": sorted(
                unit_names[uuid.UUID(u)] for u in m.state["participating_unit_ids"]
            ),
        }
        for m in sorted(mechanisms.values(), key=lambda m: m.state["name"].casefold())
    ]
