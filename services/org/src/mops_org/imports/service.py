"""Imports an organisation file: loads what the tenant has once, plans, then writes in bulk.

Every kind is upserted by its natural key (units and programmes, matrices and mechanisms by
name, people by email); rows already equal to the file are left alone, so importing the same
file twice writes nothing the second time. The writes are set-based (a statement per table and
kind of change, not per row) and, with their audit entries and events, committed once. A dry
run makes the same writes and rolls them back, so its counts are those of the real import.
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.coordination import importer as coordination
from mops_org.db import writes
from mops_org.importing import Change
from mops_org.imports.existing import Existing, load_existing
from mops_org.imports.plan import Plan, build_plan, tool_names_wanted
from mops_org.imports.schemas import OrgDocument, OrgImportCounts, OrgImportReport
from mops_org.people import importer as people
from mops_org.profile import importer as profile
from mops_org.raci import importer as raci
from mops_org.roles import importer as roles
from mops_org.training import importer as training
from mops_org.units import importer as units
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.imports import ImportMode
from mops_shared.kit.audit import record_audits
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import analyze_after_bulk_write, utcnow
from mops_shared.kit.errors import Conflict
from mops_shared.kit.outbox import record_events

# The tables an import fills (their statistics are refreshed after a large one).
_IMPORTED_TABLES = [
    "units",
    "people",
    "person_roles",
    "person_skills",
    "training_enrolments",
    "coordination_participants",
]


async def run_import(
    session: AsyncSession,
    principal: Principal,
    inventory: InventoryClient,
    document: OrgDocument,
    *,
    mode: ImportMode,
    dry_run: bool,
) -> OrgImportReport:
    tenant_id = principal.tenant_id
    tool_ids: dict[str, uuid.UUID] | None = None
    if any(True for _ in tool_names_wanted(document)):
        # Training waves name tools: the inventory says which exist (503 if it cannot).
        tools = await inventory.all_ownership(principal, include_retired=True)
        tool_ids = {name_key(tool.tool_name): tool.tool_id for tool in tools}
    existing = await load_existing(session, tenant_id, tool_ids)
    plan = build_plan(document, existing)
    report = _report(document, plan, mode, dry_run)
    if plan.has_errors and mode is ImportMode.all_or_nothing:
        return report  # refused whole: nothing would be written
    try:
        changes = await _write(session, principal, plan, existing)
        await record_audits(session, writes.audit, principal, changes)
        await record_events(
            session,
            writes.outbox,
            principal,
            [
                (f"{kind}.{'created' if action == 'create' else 'updated'}", after)
                for action, kind, _, _, after in changes
                if after is not None
            ],
        )
        if dry_run:
            await session.rollback()
        else:
            await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(
            "The organisation changed while the file was imported (another import or edit at "
            "the same time); import it again."
        ) from exc
    _count_changes(report, changes)
    if not dry_run:
        await analyze_after_bulk_write(session, _IMPORTED_TABLES, len(changes))
    return report


# --- the report ---------------------------------------------------------------------------------


def _report(document: OrgDocument, plan: Plan, mode: ImportMode, dry_run: bool) -> OrgImportReport:
    def counts(section: str, read: int) -> OrgImportCounts:
        return OrgImportCounts(read=read, failed=len(plan.failed.get(section, set())))

    raci = (
        document.raci
        if isinstance(document.raci, list)
        else [document.raci]
        if document.raci
        else []
    )
    training = (
        document.training
        if isinstance(document.training, list)
        else [document.training]
        if document.training
        else []
    )
    return OrgImportReport(
        mode=mode,
        dry_run=dry_run,
        units=counts("units", len(document.units)),
        people=counts("people", len(document.people)),
        roles_created=[name for _, name in plan.new_roles.values()],
        raci_matrices=counts("raci", len(raci)),
        coordination_mechanisms=counts(
            "coordination_mechanisms", len(document.coordination_mechanisms)
        ),
        training_programmes=counts("training", len(training)),
        profile_updated=False,
        problems=plan.problems,
    )


_COUNTED = {
    "unit": "units",
    "person": "people",
    "raci_matrix": "raci_matrices",
    "coordination_mechanism": "coordination_mechanisms",
    "training_programme": "training_programmes",
}


def _count_changes(report: OrgImportReport, changes: list[Change]) -> None:
    for action, kind, _, _, _ in changes:
        if kind == "org_profile":
            report.profile_updated = True
        elif kind in _COUNTED:
            counts: OrgImportCounts = getattr(report, _COUNTED[kind])
            if action == "create":
                counts.created += 1
            else:
                counts.updated += 1
    for counts in (
        report.units,
        report.people,
        report.raci_matrices,
        report.coordination_mechanisms,
        report.training_programmes,
    ):
        counts.unchanged = counts.read - counts.failed - counts.created - counts.updated


# --- writing ------------------------------------------------------------------------------------


async def _write(
    session: AsyncSession, principal: Principal, plan: Plan, existing: Existing
) -> list[Change]:
    """Each domain writes its part through its importer, in the order their references need:
    roles, units (without their leads), people (with their roles), the units' leads, people's
    skills, then the documents naming them all, enrolments and the profile."""
    tenant_id = principal.tenant_id
    now = utcnow()
    changes = await roles.create_roles(session, tenant_id, plan.new_roles, now)
    role_ids = {key: role.id for key, role in existing.roles.items()}
    role_ids.update({key: role_id for key, (role_id, _) in plan.new_roles.items()})
    unit_ids = {key: unit.id for key, unit in existing.units.items()}
    unit_ids.update({unit.key: unit.id for unit in plan.units})
    person_ids = {key: person.id for key, person in existing.people.items()}
    person_ids.update({person.key: person.id for person in plan.people})

    unit_writes = units.unit_writes(
        tenant_id, plan.units, existing.units, unit_ids, person_ids, now
    )
    people_writes = people.people_writes(
        tenant_id, plan.people, existing.people, unit_ids, person_ids, role_ids, now
    )
    await units.insert_new_units(session, unit_writes)
    await people.write_people(session, tenant_id, people_writes)
    await units.update_units(session, unit_writes)
    await roles.replace_skills(session, tenant_id, people_writes.replace_skills)
    changes.extend(unit_writes.changes)
    changes.extend(people_writes.changes)

    changes.extend(await raci.import_matrices(session, tenant_id, plan.raci, now))
    changes.extend(await coordination.import_mechanisms(session, tenant_id, plan.coordination, now))
    changes.extend(await training.import_programmes(session, tenant_id, plan.programmes, now))
    changes.extend(
        await training.import_enrolments(
            session,
            tenant_id,
            plan.enrolments,
            plan.programmes,
            person_ids,
            existing.enrolments,
            now,
        )
    )
    if plan.profile is not None:
        change = await profile.import_profile(
            session, tenant_id, plan.profile, existing.profile, now
        )
        if change is not None:
            changes.append(change)
    return changes
