"""The tenant's organisation in the import layout: what `POST /v1/org/imports` takes back."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.imports.repository import load_existing
from mops_org.imports.schemas import OrgDocument
from mops_org.units.tree import depths
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.common import name_key
from mops_shared.kit.auth import Principal


async def export_organisation(
    session: AsyncSession, principal: Principal, inventory: InventoryClient
) -> OrgDocument:
    tenant_id = principal.tenant_id
    existing = await load_existing(session, tenant_id, None)
    unit_names = {unit.id: unit.name for unit in existing.units.values()}
    people_emails = {person.id: person.email for person in existing.people.values()}
    role_names = {role.id: role.name for role in existing.roles.values()}

    # Parents before children, so the file reads top-down (the import does not need it).
    depth = depths({unit.id: unit.parent_id for unit in existing.units.values()})
    units = sorted(existing.units.values(), key=lambda unit: (depth[unit.id], unit.name.casefold()))

    document: dict[str, Any] = {
        "units": [
            {
                "name": unit.name,
                "parent": unit_names.get(unit.parent_id) if unit.parent_id else None,
                "type": unit.type,
                "role": unit.role,
                "lead": people_emails.get(unit.lead_person_id) if unit.lead_person_id else None,
            }
            for unit in units
        ],
        "people": [
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
            for person in sorted(existing.people.values(), key=lambda p: p.email.casefold())
        ],
    }
    if existing.profile is not None:
        document["organization"] = {k: v for k, v in existing.profile.items() if k != "version"}
    names: dict[str, str] = {}
    for kind, lookup in (
        ("role", role_names),
        ("unit", unit_names),
        ("person", people_emails),
    ):
        names.update({f"{kind}:{key}": value for key, value in lookup.items()})
    document["raci"] = [
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
        for matrix in sorted(existing.raci.values(), key=lambda m: m.state["name"].casefold())
    ]
    document["coordination_mechanisms"] = [
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
        for m in sorted(existing.coordination.values(), key=lambda m: m.state["name"].casefold())
    ]
    if existing.programmes:
        tool_names = await _tool_names(principal, inventory, existing.programmes.values())
        wave_names = {
            programme.state["wave_ids"][name_key(wave["name"])]: (programme.id, wave["name"])
            for programme in existing.programmes.values()
            for wave in programme.state["waves"]
        }
        enrolments: dict[uuid.UUID, list[dict[str, Any]]] = {}
        for (wave_id, person_id), completed_at in existing.enrolments.items():
            programme_id, wave_name = wave_names[wave_id]
            enrolments.setdefault(programme_id, []).append(
                {"email": people_emails[person_id], "wave": wave_name, "completed_at": completed_at}
            )
        for items in enrolments.values():
            items.sort(key=lambda e: (e["wave"], e["email"]))
        document["training"] = [
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
                "enrolments": enrolments.get(programme.id, []),
            }
            for programme in sorted(
                existing.programmes.values(), key=lambda p: p.state["name"].casefold()
            )
        ]
    return OrgDocument.model_validate(document)


async def _tool_names(
    principal: Principal, inventory: InventoryClient, programmes: Any
) -> dict[str, str]:
    wanted = {t for p in programmes for w in p.state["waves"] for t in w["tool_ids"]}
    if not wanted:
        return {}
    tools = await inventory.all_ownership(principal, include_retired=True)
    return {str(tool.tool_id): tool.tool_name for tool in tools}
