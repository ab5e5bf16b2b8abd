"""What an import plans against: everything the tenant has of what a file can hold, loaded once
through each domain's importer (a query per table), so that planning is done in memory."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mops_org.coordination import importer as coordination
from mops_org.db import Db
from mops_org.importing import ExistingNamed
from mops_org.people import importer as people
from mops_org.people.importer import ExistingPerson
from mops_org.profile import importer as profile
from mops_org.raci import importer as raci
from mops_org.roles import importer as roles
from mops_org.roles.importer import ExistingRole
from mops_org.training import importer as training
from mops_org.units import importer as units
from mops_org.units.importer import ExistingUnit


@dataclass
class Existing:
    units: dict[str, ExistingUnit]  # by name_key
    people: dict[str, ExistingPerson]  # by email key
    roles: dict[str, ExistingRole]  # by spelling_key (built-ins and the tenant's)
    raci: dict[str, ExistingNamed]
    coordination: dict[str, ExistingNamed]
    programmes: dict[str, ExistingNamed]
    enrolments: dict[tuple[uuid.UUID, uuid.UUID], datetime | None]  # (wave, person) → completed
    waves_with_enrolments: set[uuid.UUID]
    profile: dict[str, Any] | None
    tool_ids: dict[str, uuid.UUID] | None  # inventory tools by name_key; None: not asked


async def load_existing(
    db: Db,
    tenant_id: uuid.UUID,
    tool_ids: dict[str, uuid.UUID] | None,
) -> Existing:
    """Read as Core rows: on the import's session (in its transaction), or on an export's read
    connection."""
    skills = await roles.existing_skills(db, tenant_id)
    enrolments = await training.existing_enrolments(db, tenant_id)
    return Existing(
        units=await units.existing_units(db, tenant_id),
        people=await people.existing_people(db, tenant_id, skills),
        roles=await roles.existing_roles(db, tenant_id),
        raci=await raci.existing_matrices(db, tenant_id),
        coordination=await coordination.existing_mechanisms(db, tenant_id),
        programmes=await training.existing_programmes(db, tenant_id),
        enrolments=enrolments,
        waves_with_enrolments={wave_id for wave_id, _ in enrolments},
        profile=await profile.existing_profile(db, tenant_id),
        tool_ids=tool_ids,
    )
