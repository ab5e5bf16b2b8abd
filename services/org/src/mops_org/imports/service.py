"""Imports an organisation file: loads what the tenant has once, plans, then writes in bulk.

Every kind is upserted by its natural key (units and programmes, matrices and mechanisms by
name, people by email); rows already equal to the file are left alone, so importing the same
file twice writes nothing the second time. The writes are set-based (a statement per table and
kind of change, not per row) and, with their audit entries and events, committed once. A dry
run makes the same writes and rolls them back, so its counts are those of the real import.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_org.coordination.models import CoordinationMechanism, CoordinationParticipant
from mops_org.db import writes
from mops_org.imports import repository
from mops_org.imports.plan import (
    DocumentPlan,
    Existing,
    Plan,
    build_plan,
    tool_names_wanted,
)
from mops_org.imports.schemas import OrgDocument, OrgImportCounts, OrgImportReport
from mops_org.people.models import Person
from mops_org.profile.models import OrgProfile
from mops_org.raci.models import RaciMatrix
from mops_org.roles.models import PersonRole, PersonSkill, Role
from mops_org.training.models import TrainingEnrolment, TrainingProgramme, TrainingWave
from mops_org.units.models import Unit
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.imports import ImportMode
from mops_shared.contracts.org import PersonRead, UnitRead
from mops_shared.kit.audit import AuditAction, record_audits
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import analyze_after_bulk_write, table_of, utcnow
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

Change = tuple[AuditAction, str, uuid.UUID, dict[str, Any] | None, dict[str, Any] | None]


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
    existing = await repository.load_existing(session, tenant_id, tool_ids)
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
    tenant_id = principal.tenant_id
    now = utcnow()
    changes: list[Change] = []
    role_ids = {key: role.id for key, role in existing.roles.items()}
    if plan.new_roles:
        rows: list[dict[str, Any]] = [
            {
                "id": role_id,
                "tenant_id": tenant_id,
                "name": name,
                "name_key": key,
                "description": None,
                "legal": False,
                "builtin": False,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for key, (role_id, name) in plan.new_roles.items()
        ]
        await session.execute(insert(Role), rows)
        for key, (role_id, _) in plan.new_roles.items():
            role_ids[key] = role_id
        changes.extend(("create", "role", row["id"], None, _role_snapshot(row)) for row in rows)
    changes.extend(await _write_units_and_people(session, tenant_id, plan, existing, role_ids, now))
    changes.extend(await _write_documents(session, tenant_id, plan, now))
    changes.extend(await _write_enrolments(session, tenant_id, plan, existing, now))
    if plan.profile is not None:
        change = await _write_profile(session, tenant_id, plan.profile, existing.profile, now)
        if change is not None:
            changes.append(change)
    return changes


def _role_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "name": row["name"],
        "description": None,
        "legal": False,
        "builtin": False,
        "required_skills": [],
        "version": 1,
    }


def _unit_snapshot(row: dict[str, Any]) -> dict[str, Any]:
    """The unit as the API reads it (and as its events carry it)."""
    return UnitRead.model_validate(row).model_dump(mode="json")


def _person_snapshot(row: dict[str, Any], role_ids: list[uuid.UUID], skills: Any) -> dict[str, Any]:
    """The person as the API reads it, with their skills, as a skills change records it."""
    return {
        **PersonRead.model_validate({**row, "role_ids": role_ids}).model_dump(mode="json"),
        "skills": [
            {"skill": skill, "proficiency": level, "assessed_at": at.isoformat() if at else None}
            for skill, level, at in sorted(skills.values(), key=lambda held: held[0])
        ],
    }


async def _bulk_update(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """UPDATE ... WHERE id = :id, one executemany for rows that all set the same columns."""
    if not rows:
        return
    columns = [name for name in rows[0] if name != "id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(f"new_{name}") for name in columns})
    )
    await session.execute(
        statement,
        [{"row_id": row["id"], **{f"new_{name}": row[name] for name in columns}} for row in rows],
    )


async def _write_units_and_people(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    plan: Plan,
    existing: Existing,
    role_ids: dict[str, uuid.UUID],
    now: datetime,
) -> list[Change]:
    unit_ids = {key: unit.id for key, unit in existing.units.items()}
    unit_ids.update({unit.key: unit.id for unit in plan.units})
    person_ids = {key: person.id for key, person in existing.people.items()}
    person_ids.update({person.key: person.id for person in plan.people})
    units_by_id = {unit.id: unit for unit in existing.units.values()}
    people_by_id = {person.id: person for person in existing.people.values()}

    # Units: new ones parents first (the parent key must exist when a child is inserted), leads
    # set after the people exist.
    new_units: list[dict[str, Any]] = []
    changed_units: list[dict[str, Any]] = []
    befores: dict[uuid.UUID, dict[str, Any]] = {}
    for unit in _parents_first(plan):
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
    unit_table = table_of(Unit)
    if new_units:
        # Leads are people that may not exist yet: units go in without, and get them below.
        await session.execute(insert(Unit), [{**row, "lead_person_id": None} for row in new_units])

    new_people: list[dict[str, Any]] = []
    changed_people: list[dict[str, Any]] = []
    person_befores: dict[uuid.UUID, dict[str, Any]] = {}
    final_roles: dict[uuid.UUID, list[uuid.UUID]] = {}
    final_skills: dict[uuid.UUID, Any] = {}
    replace_roles: dict[uuid.UUID, list[uuid.UUID]] = {}
    replace_skills: dict[uuid.UUID, Any] = {}
    for person in plan.people:
        unit_id = unit_ids[person.unit_key] if person.unit_key else None
        manager_id = person_ids[person.manager_key] if person.manager_key else None
        roles = (
            [role_ids[key] for key in person.role_keys] if person.role_keys is not None else None
        )
        old = person.existing
        if old is None:
            new_people.append(
                {
                    "id": person.id,
                    "tenant_id": tenant_id,
                    "name": person.name,
                    "name_key": name_key(person.name),
                    "email": person.email,
                    "email_key": person.key,
                    "unit_id": unit_id,
                    "manager_id": manager_id,
                    "active": person.active,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            final_roles[person.id] = roles or []
            final_skills[person.id] = person.skills or {}
            if roles:
                replace_roles[person.id] = roles
            if person.skills:
                replace_skills[person.id] = person.skills
            continue
        manager_after = manager_id if person.manager_given else old.manager_id
        roles_after = roles if roles is not None else old.role_ids
        skills_after = person.skills if person.skills is not None else old.skills
        final_roles[person.id] = roles_after
        final_skills[person.id] = skills_after
        if roles_after != old.role_ids:
            replace_roles[person.id] = roles_after
        if skills_after != old.skills:
            replace_skills[person.id] = skills_after
        if (
            (old.name, old.email, old.unit_id, old.manager_id, old.active)
            != (person.name, person.email, unit_id, manager_after, person.active)
            or person.id in replace_roles
            or person.id in replace_skills
        ):
            person_befores[person.id] = _person_snapshot(vars(old), old.role_ids, old.skills)
            changed_people.append(
                {
                    "id": person.id,
                    "name": person.name,
                    "name_key": name_key(person.name),
                    "email": person.email,
                    "unit_id": unit_id,
                    "manager_id": manager_after,
                    "active": person.active,
                    "version": old.version + 1,
                    "updated_at": now,
                }
            )
    person_table = table_of(Person)
    if new_people:
        # Managers may be people inserted in the same statement: set after.
        await session.execute(insert(Person), [{**row, "manager_id": None} for row in new_people])
        await _bulk_update(
            session,
            person_table,
            [
                {"id": row["id"], "manager_id": row["manager_id"]}
                for row in new_people
                if row["manager_id"]
            ],
        )
    await _bulk_update(session, person_table, changed_people)
    await _bulk_update(
        session,
        unit_table,
        [
            {"id": row["id"], "lead_person_id": row["lead_person_id"]}
            for row in new_units
            if row["lead_person_id"]
        ],
    )
    await _bulk_update(session, unit_table, changed_units)
    if replace_roles:
        await session.execute(
            delete(PersonRole).where(
                col(PersonRole.tenant_id) == tenant_id,
                col(PersonRole.person_id).in_(list(replace_roles)),
            )
        )
        rows = [
            {"person_id": pid, "role_id": rid, "tenant_id": tenant_id, "position": i}
            for pid, roles in replace_roles.items()
            for i, rid in enumerate(roles)
        ]
        if rows:
            await session.execute(insert(PersonRole), rows)
    if replace_skills:
        await session.execute(
            delete(PersonSkill).where(
                col(PersonSkill.tenant_id) == tenant_id,
                col(PersonSkill.person_id).in_(list(replace_skills)),
            )
        )
        rows = [
            {
                "person_id": pid,
                "skill_key": key,
                "tenant_id": tenant_id,
                "skill": skill,
                "proficiency": level,
                "assessed_at": at,
            }
            for pid, skills in replace_skills.items()
            for key, (skill, level, at) in skills.items()
        ]
        if rows:
            await session.execute(insert(PersonSkill), rows)

    changes: list[Change] = []
    changes.extend(("create", "unit", row["id"], None, _unit_snapshot(row)) for row in new_units)
    for row in changed_units:
        old_unit = units_by_id[row["id"]]
        after = {**vars(old_unit), **row}
        changes.append(("update", "unit", row["id"], befores[row["id"]], _unit_snapshot(after)))
    changes.extend(
        (
            "create",
            "person",
            row["id"],
            None,
            _person_snapshot(row, final_roles[row["id"]], final_skills[row["id"]]),
        )
        for row in new_people
    )
    for row in changed_people:
        old_person = people_by_id[row["id"]]
        after = {**vars(old_person), **row}
        changes.append(
            (
                "update",
                "person",
                row["id"],
                person_befores[row["id"]],
                _person_snapshot(after, final_roles[row["id"]], final_skills[row["id"]]),
            )
        )
    return changes


def _parents_first(plan: Plan) -> list[Any]:
    """The file's units ordered so that a unit comes after its parent when both are new."""
    planned = {unit.key: unit for unit in plan.units}
    ordered: list[Any] = []
    placed: set[str] = set()

    def place(key: str, trail: set[str]) -> None:
        if key in placed or key in trail:
            return
        unit = planned[key]
        if unit.parent_key in planned:
            place(unit.parent_key, trail | {key})
        placed.add(key)
        ordered.append(unit)

    for key in planned:
        place(key, set())
    return ordered


async def _write_documents(
    session: AsyncSession, tenant_id: uuid.UUID, plan: Plan, now: datetime
) -> list[Change]:
    changes: list[Change] = []
    for matrix in plan.raci:
        change = await _upsert_document(
            session,
            RaciMatrix,
            tenant_id,
            matrix,
            now,
            "raci_matrix",
            lambda state: {
                "name": state["name"],
                "allow_accountable_responsible": state["allow_accountable_responsible"],
                "activities": state["activities"],
            },
        )
        if change:
            changes.append(change)
    for mechanism in plan.coordination:
        change = await _upsert_document(
            session,
            CoordinationMechanism,
            tenant_id,
            mechanism,
            now,
            "coordination_mechanism",
            lambda state: (
                {k: v for k, v in state.items() if k != "participating_unit_ids"}
                | {
                    "owner_unit_id": uuid.UUID(state["owner_unit_id"])
                    if state["owner_unit_id"]
                    else None
                }
            ),
        )
        if change:
            changes.append(change)
            await session.execute(
                delete(CoordinationParticipant).where(
                    col(CoordinationParticipant.mechanism_id) == mechanism.id
                )
            )
            participants = mechanism.state["participating_unit_ids"]
            if participants:
                await session.execute(
                    insert(CoordinationParticipant),
                    [
                        {
                            "mechanism_id": mechanism.id,
                            "unit_id": uuid.UUID(u),
                            "tenant_id": tenant_id,
                        }
                        for u in participants
                    ],
                )
    for programme in plan.programmes:
        change = await _upsert_document(
            session,
            TrainingProgramme,
            tenant_id,
            programme,
            now,
            "training_programme",
            lambda state: {"name": state["name"], "description": state["description"]},
        )
        if change:
            changes.append(change)
            await _replace_waves(session, tenant_id, programme)
    return changes


async def _upsert_document(
    session: AsyncSession,
    model: Any,
    tenant_id: uuid.UUID,
    item: DocumentPlan,
    now: datetime,
    kind: str,
    columns: Any,
) -> Change | None:
    state = dict(item.state)
    old = item.existing
    if old is not None:
        comparable = {k: v for k, v in old.state.items() if k in state}
        if comparable == state:
            return None
        await _bulk_update(
            session,
            model.__table__,
            [
                {
                    "id": item.id,
                    **columns(state),
                    "name_key": item.key,
                    "version": old.version + 1,
                    "updated_at": now,
                }
            ],
        )
        before = {"id": str(item.id), **comparable, "version": old.version}
        return (
            "update",
            kind,
            item.id,
            before,
            {"id": str(item.id), **state, "version": old.version + 1},
        )
    await session.execute(
        insert(model),
        [
            {
                "id": item.id,
                "tenant_id": tenant_id,
                **columns(state),
                "name_key": item.key,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        ],
    )
    return ("create", kind, item.id, None, {"id": str(item.id), **state, "version": 1})


async def _replace_waves(
    session: AsyncSession, tenant_id: uuid.UUID, programme: DocumentPlan
) -> None:
    """Waves matched by name keep their id (and so their enrolments); others are replaced."""
    kept = programme.existing.state.get("wave_ids", {}) if programme.existing else {}
    wanted = {name_key(w["name"]) for w in programme.state["waves"]}
    gone = [wave_id for key, wave_id in kept.items() if key not in wanted]
    if gone:
        await session.execute(delete(TrainingWave).where(col(TrainingWave.id).in_(gone)))
    if kept:
        # Positions are unique per programme: move the kept waves out of the way first.
        await session.execute(
            update(TrainingWave)
            .where(col(TrainingWave.programme_id) == programme.id)
            .values(position=-1 - col(TrainingWave.position))
        )
    for position, wave in enumerate(programme.state["waves"]):
        values = {
            "name": wave["name"],
            "level": wave["level"],
            "tool_ids": wave["tool_ids"],
            "unresolved_tools": wave["unresolved_tools"],
            "skills": wave["skills"],
            "position": position,
        }
        wave_id = kept.get(name_key(wave["name"]))
        if wave_id is not None:
            await session.execute(
                update(TrainingWave).where(col(TrainingWave.id) == wave_id).values(**values)
            )
        else:
            await session.execute(
                insert(TrainingWave),
                [
                    {
                        "id": uuid.uuid4(),
                        "tenant_id": tenant_id,
                        "programme_id": programme.id,
                        **values,
                    }
                ],
            )


async def _write_enrolments(
    session: AsyncSession, tenant_id: uuid.UUID, plan: Plan, existing: Existing, now: datetime
) -> list[Change]:
    if not plan.enrolments:
        return []
    programme_ids = {p.key: p.id for p in plan.programmes}
    wave_ids: dict[tuple[uuid.UUID, str], uuid.UUID] = {
        (programme_id, name_key(name)): wave_id
        for programme_id, name, wave_id in await session.execute(
            select(
                col(TrainingWave.programme_id), col(TrainingWave.name), col(TrainingWave.id)
            ).where(
                col(TrainingWave.tenant_id) == tenant_id,
                col(TrainingWave.programme_id).in_(list(programme_ids.values())),
            )
        )
    }
    person_ids = {key: person.id for key, person in existing.people.items()}
    person_ids.update({person.key: person.id for person in plan.people})
    new_rows: list[dict[str, Any]] = []
    completions: list[tuple[uuid.UUID, uuid.UUID, datetime]] = []
    for programme_key, wave_key, person_key, completed_at in plan.enrolments:
        programme_id = programme_ids[programme_key]
        wave_id = wave_ids[(programme_id, wave_key)]
        person_id = person_ids[person_key]
        if (wave_id, person_id) not in existing.enrolments:
            new_rows.append(
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "programme_id": programme_id,
                    "wave_id": wave_id,
                    "person_id": person_id,
                    "enrolled_at": now,
                    "completed_at": completed_at,
                }
            )
        elif completed_at is not None and existing.enrolments[(wave_id, person_id)] is None:
            completions.append((wave_id, person_id, completed_at))
    if new_rows:
        await session.execute(insert(TrainingEnrolment), new_rows)
    if completions:
        # One executemany for every enrolment the file completes, not a statement each.
        enrolments = table_of(TrainingEnrolment)
        await session.execute(
            update(enrolments)
            .where(
                enrolments.c.wave_id == bindparam("done_wave"),
                enrolments.c.person_id == bindparam("done_person"),
            )
            .values(completed_at=bindparam("done_at")),
            [
                {"done_wave": wave, "done_person": person, "done_at": at}
                for wave, person, at in completions
            ],
        )
    return [
        (
            "create",
            "training_enrolment",
            row["id"],
            None,
            {
                k: str(v)
                if isinstance(v, uuid.UUID)
                else v.isoformat()
                if isinstance(v, datetime)
                else v
                for k, v in row.items()
                if k != "tenant_id"
            },
        )
        for row in new_rows
    ]


async def _write_profile(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    profile: dict[str, Any],
    old: dict[str, Any] | None,
    now: datetime,
) -> Change | None:
    if old is not None:
        before = {k: old[k] for k in profile}
        if before == profile:
            return None
        version = old["version"] + 1
        await session.execute(
            update(OrgProfile)
            .where(col(OrgProfile.tenant_id) == tenant_id)
            .values(**profile, version=version, updated_at=now)
        )
        return (
            "update",
            "org_profile",
            tenant_id,
            {**before, "version": old["version"]},
            {**profile, "version": version},
        )
    await session.execute(
        insert(OrgProfile),
        [{"tenant_id": tenant_id, **profile, "version": 1, "created_at": now, "updated_at": now}],
    )
    return ("update", "org_profile", tenant_id, None, {**profile, "version": 1})
