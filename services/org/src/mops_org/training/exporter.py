"""The training programmes of the organisation file an export writes: what `training.importer`
loads, as the import reads it back."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from mops_org.importing import ExistingNamed
from mops_org.training.importer import Enrolments
from mops_shared.contracts.common import name_key


def tool_ids_named(programmes: Iterable[ExistingNamed]) -> set[str]:
    """The inventory tools the programmes' waves name (by id): the export names them."""
    return {t for p in programmes for w in p.state["waves"] for t in w["tool_ids"]}


def export_programmes(
    programmes: dict[str, ExistingNamed],
    enrolments: Enrolments,
    people_emails: dict[uuid.UUID, str],
    tool_names: dict[str, str],
) -> list[dict[str, Any]]:
    """The programmes by name with their waves and enrolments; a wave's tools by name
    (`tool_names`: by id; a tool the inventory no longer has, by its id), a person by email."""
    wave_names = {
        programme.state["wave_ids"][name_key(wave["name"])]: (programme.id, wave["name"])
        for programme in programmes.values()
        for wave in programme.state["waves"]
    }
    by_programme: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for (wave_id, person_id), completed_at in enrolments.items():
        programme_id, wave_name = wave_names[wave_id]
        by_programme.setdefault(programme_id, []).append(
            {"email": people_emails[person_id], "wave": wave_name, "completed_at": completed_at}
        )
    for items in by_programme.values():
        items.sort(key=lambda e: (e["wave"], e["email"]))
    return [
        {
            "programme": programme.state["name"],
            "description": programme.state["description"],
            "waves": [
                {
                    "name": wave["name"],
                    "level": wave["level"],
                    "tools": [tool_names.get(t, t) for t in wave["tool_ids"]]
                    + wave["unresolved_tools"],
                    "skills": wave["skills"],
                }
                for wave in programme.state["waves"]
            ],
            "enrolments": by_programme.get(programme.id, []),
        }
        for programme in sorted(programmes.values(), key=lambda p: p.state["name"].casefold())
    ]
