"""The RACI matrices of the organisation file an export writes: what `raci.importer` loads, as
the import reads it back."""

from __future__ import annotations

import uuid
from typing import Any

from mops_org.importing import ExistingNamed


def export_matrices(
    matrices: dict[str, ExistingNamed],
    role_names: dict[uuid.UUID, str],
    unit_names: dict[uuid.UUID, str],
    people_emails: dict[uuid.UUID, str],
) -> list[dict[str, Any]]:
    """The matrices by name; an assignee by its role's or unit's name or its person's email (an
    assignee none of these know, by its id)."""
    names: dict[str, str] = {}
    for kind, lookup in (
        ("role", role_names),
        ("unit", unit_names),
        ("person", people_emails),
    ):
        names.update({f"{kind}:{key}": value for key, value in lookup.items()})
    return [
        {
            "name": matrix.state["name"],
            "allow_accountable_responsible": matrix.state["allow_accountable_responsible"],
            "activities": [
                {
                    "activity": activity["name"],
                    "kind": activity["kind"],
                    "assignments": {
                        names.get(
                            f"{a['assignee_type']}:{a['assignee_id']}", str(a["assignee_id"])
                        ): a["letter"]
                        for a in activity["assignments"]
                    },
                }
                for activity in matrix.state["activities"]
            ],
        }
        for matrix in sorted(matrices.values(), key=lambda m: m.state["name"].casefold())
    ]
