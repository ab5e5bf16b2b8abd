"""The people of the organisation file an export writes: what `people.importer` loads, as the
import reads it back."""

from __future__ import annotations

import uuid
from typing import Any

from mops_org.people.importer import ExistingPerson


def export_people(
    people: dict[str, ExistingPerson],
    unit_names: dict[uuid.UUID, str],
    role_names: dict[uuid.UUID, str],
) -> list[dict[str, Any]]:
    """The people by email, their unit and roles by name (`unit_names`, `role_names`: by id)."""
    people_emails = {person.id: person.email for person in people.values()}
    return [
        {
            "name": person.name,
            "email": person.email,
            "unit": unit_names.get(person.unit_id) if person.unit_id else None,
            "roles": [role_names[role_id] for role_id in person.role_ids],
            "manager": people_emails.get(person.manager_id) if person.manager_id else None,
            "active": person.active,
            "skills": [
                {"skill": skill, "proficiency": level, "assessed_at": at}
                for skill, level, at in sorted(person.skills.values(), key=lambda s: s[0])
            ],
        }
        for person in sorted(people.values(), key=lambda p: p.email.casefold())
    ]
