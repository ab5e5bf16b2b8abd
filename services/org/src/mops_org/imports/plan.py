"""Reads an organisation file against what the tenant already has, and decides what to write.

Pure Python over two snapshots (the file, and the tenant's current rows loaded once): every
defect is found at its JSON pointer before anything is written. Errors keep an item out (and,
in the default all-or-nothing mode, the whole file); warnings are defects a customer's real
data has — American spellings, RACI rules broken, tools the inventory does not know — imported
as they are and reported.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from mops_org.coordination.schemas import Cadence
from mops_org.importing import DocumentPlan, HeldSkills
from mops_org.imports.existing import Existing
from mops_org.imports.schemas import OrgDocument, OrgImportProblem
from mops_org.people.importer import PersonPlan
from mops_org.profile.schemas import CommerceStructure
from mops_org.raci.validation import Assignee, assignee_key, validate_activities
from mops_org.roles.schemas import MAX_PROFICIENCY
from mops_org.training.schemas import WaveLevel
from mops_org.units.importer import UnitPlan
from mops_shared.contracts.common import name_key, spelling_key
from mops_shared.contracts.imports import ImportSeverity
from mops_shared.contracts.org import UnitRole, UnitType, email_key, normalize_email
from mops_shared.contracts.org_metrics import CoordinationKind, IntegrationLevel
from mops_shared.contracts.org_profile import OperatingModel
from mops_shared.contracts.org_raci import ActivityKind, RaciLetter

RACI_LETTERS = tuple(letter.value for letter in RaciLetter)
# Activity names that make an activity a data responsibility when the file does not say.
_DATA_WORDS = ("consent", "privacy", "gdpr", "ccpa", "personal data", "customer data", "identity")
# Whole words that make it a purchase (buying a tool, approving one brought): "buy" and
# "purchase", not "buyer persona".
_PURCHASE_WORDS = re.compile(
    r"\b(?:purchas\w*|buy|buys|buying|bought|procur\w*|byot|bring[- ]your[- ]own|achat\w*)\b",
    re.IGNORECASE,
)


def _inferred_kind(activity: str) -> ActivityKind:
    """The kind of an activity whose file does not say, from its name: data first (it must
    involve legal, whatever else it is), then purchase."""
    lowered = activity.lower()
    if any(word in lowered for word in _DATA_WORDS):
        return ActivityKind.data
    if _PURCHASE_WORDS.search(activity):
        return ActivityKind.purchase
    return ActivityKind.programme


def _escape(token: str) -> str:
    """A JSON pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def _enum_lookup(enum: type[StrEnum]) -> dict[str, str]:
    return {_enum_key(member.value): member.value for member in enum}


def _enum_key(text: str) -> str:
    return spelling_key(text.replace("-", "_").replace(" ", "_"))


_UNIT_TYPES = _enum_lookup(UnitType)
_UNIT_ROLES = _enum_lookup(UnitRole)
_MODELS = _enum_lookup(OperatingModel)
_COMMERCE = _enum_lookup(CommerceStructure)
_KINDS = _enum_lookup(CoordinationKind)
_LEVELS = _enum_lookup(IntegrationLevel)
_CADENCES = _enum_lookup(Cadence)
_WAVE_LEVELS = _enum_lookup(WaveLevel)
_ACTIVITY_KINDS = _enum_lookup(ActivityKind)


# --- the plan -----------------------------------------------------------------------------------


@dataclass
class Plan:
    units: list[UnitPlan] = field(default_factory=list)
    people: list[PersonPlan] = field(default_factory=list)
    new_roles: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)  # key → (id, name)
    raci: list[DocumentPlan] = field(default_factory=list)
    coordination: list[DocumentPlan] = field(default_factory=list)
    programmes: list[DocumentPlan] = field(default_factory=list)
    # (programme key, wave name key, person email key, completed_at)
    enrolments: list[tuple[str, str, str, datetime | None]] = field(default_factory=list)
    profile: dict[str, Any] | None = None
    problems: list[OrgImportProblem] = field(default_factory=list)
    failed: dict[str, set[int]] = field(default_factory=dict)  # section → indexes kept out

    def error(self, section: str, index: int | None, pointer: str, code: str, text: str) -> None:
        self.problems.append(
            OrgImportProblem(
                pointer=pointer, code=code, problem=text, severity=ImportSeverity.error
            )
        )
        if index is not None:
            self.failed.setdefault(section, set()).add(index)

    def warn(self, pointer: str, code: str, text: str) -> None:
        self.problems.append(
            OrgImportProblem(
                pointer=pointer, code=code, problem=text, severity=ImportSeverity.warning
            )
        )

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def build_plan(document: OrgDocument, existing: Existing) -> Plan:
    plan = Plan()
    _extra_fields(plan, document)
    _profile(plan, document)
    units = _units(plan, document, existing)
    people = _people(plan, document, existing, units)
    _unit_leads(plan, document, existing, units, people)
    legal_roles = {key for key, role in existing.roles.items() if role.legal}
    _raci(plan, document, existing, units, people, legal_roles)
    _coordination(plan, document, existing, units)
    _training(plan, document, existing, people)
    return plan


def _extra_fields(plan: Plan, document: OrgDocument) -> None:
    for name in document.model_extra or {}:
        plan.warn(f"/{_escape(name)}", "ignored_field", f"{name!r} is not part of the layout")
    for section in ("units", "people", "coordination_mechanisms"):
        for i, item in enumerate(getattr(document, section)):
            for name in item.model_extra or {}:
                plan.warn(
                    f"/{section}/{i}/{_escape(name)}",
                    "ignored_field",
                    f"{name!r} is not part of the layout and was not imported",
                )


def _canonical(
    plan: Plan,
    lookup: dict[str, str],
    value: str,
    pointer: str,
    what: str,
    section: str,
    index: int | None,
) -> str | None:
    canonical = lookup.get(_enum_key(value))
    if canonical is None:
        allowed = ", ".join(sorted(set(lookup.values())))
        plan.error(section, index, pointer, "invalid_value", f"{value!r} is not {what} ({allowed})")
        return None
    if canonical != value:
        plan.warn(pointer, "spelling", f"{value!r} read as {canonical!r}")
    return canonical


def _profile(plan: Plan, document: OrgDocument) -> None:
    organisation = document.organization
    if organisation is None:
        return
    # A name as the profile's own writes keep it: spaces collapsed, a blank one absent.
    name = " ".join((organisation.name or "").split()) or None
    profile: dict[str, Any] = {"name": name, "notes": organisation.notes}
    profile["model"] = (
        _canonical(
            plan, _MODELS, organisation.model, "/organization/model", "a model", "organization", 0
        )
        if organisation.model
        else None
    )
    profile["commerce_structure"] = (
        _canonical(
            plan,
            _COMMERCE,
            organisation.commerce_structure,
            "/organization/commerce_structure",
            "a commerce structure",
            "organization",
            0,
        )
        if organisation.commerce_structure
        else None
    )
    if 0 not in plan.failed.get("organization", set()):
        plan.profile = profile


def _units(plan: Plan, document: OrgDocument, existing: Existing) -> dict[str, UnitPlan]:
    """The file's units by name key (those kept); parents and cycles checked."""
    planned: dict[str, UnitPlan] = {}
    for i, unit in enumerate(document.units):
        pointer = f"/units/{i}"
        key = name_key(unit.name)
        if not key:
            plan.error("units", i, f"{pointer}/name", "invalid_value", "a unit needs a name")
            continue
        if key in planned:
            plan.error("units", i, f"{pointer}/name", "duplicate", f"{unit.name!r} is listed twice")
            continue
        unit_type = _canonical(
            plan, _UNIT_TYPES, unit.type, f"{pointer}/type", "a unit type", "units", i
        )
        role = (
            _canonical(plan, _UNIT_ROLES, unit.role, f"{pointer}/role", "a unit role", "units", i)
            if unit.role
            else None
        )
        found = existing.units.get(key)
        planned[key] = UnitPlan(
            index=i,
            key=key,
            id=found.id if found else uuid.uuid4(),
            existing=found,
            name=unit.name.strip(),
            type=unit_type or "",
            parent_key=name_key(unit.parent) if unit.parent else None,
            role=role,
            lead_key=email_key(unit.lead) if unit.lead else None,
        )
    # Parents: a unit of the file or one the tenant has.
    for key, kept in planned.items():
        if (
            kept.parent_key is not None
            and kept.parent_key not in planned
            and kept.parent_key not in existing.units
        ):
            plan.error(
                "units",
                kept.index,
                f"/units/{kept.index}/parent",
                "unknown_unit",
                f"no unit named {document.units[kept.index].parent!r} in the file or the tenant",
            )
        elif kept.parent_key == key:
            plan.error(
                "units",
                kept.index,
                f"/units/{kept.index}/parent",
                "cycle",
                "a unit cannot be its own parent",
            )
    _unit_cycles(plan, planned, existing)
    _drop_failed_units(plan, planned, existing)
    return planned


def _unit_cycles(plan: Plan, planned: dict[str, UnitPlan], existing: Existing) -> None:
    by_id = {unit.id: key for key, unit in existing.units.items()}
    parent_of: dict[str, str | None] = {
        key: by_id.get(unit.parent_id) if unit.parent_id else None
        for key, unit in existing.units.items()
    }
    for key, unit in planned.items():
        parent_of[key] = unit.parent_key
    reported: set[str] = set()
    for key, unit in planned.items():
        path = [key]
        seen = {key}
        current = parent_of.get(key)
        while current is not None:
            if current in seen:
                if current == key and key not in reported:
                    reported.update(path)
                    names = " → ".join(planned[k].name if k in planned else k for k in [*path, key])
                    plan.error(
                        "units",
                        unit.index,
                        f"/units/{unit.index}/parent",
                        "cycle",
                        f"the parents loop: {names}",
                    )
                break
            seen.add(current)
            path.append(current)
            current = parent_of.get(current)


def _drop_failed_units(plan: Plan, planned: dict[str, UnitPlan], existing: Existing) -> None:
    """Units kept out, and (repeatedly) the units whose parent was kept out."""
    failed = plan.failed.get("units", set())
    changed = True
    while changed:
        changed = False
        for key in list(planned):
            unit = planned[key]
            if unit.index in failed:
                del planned[key]
                changed = True
                continue
            parent = unit.parent_key
            if parent is not None and parent not in planned and parent not in existing.units:
                if unit.index not in failed:
                    plan.error(
                        "units",
                        unit.index,
                        f"/units/{unit.index}/parent",
                        "not_imported",
                        "its parent unit was not imported",
                    )
                del planned[key]
                changed = True


def _unit_id(key: str | None, planned: dict[str, UnitPlan], existing: Existing) -> uuid.UUID | None:
    if key is None:
        return None
    if key in planned:
        return planned[key].id
    return existing.units[key].id if key in existing.units else None


def _people(
    plan: Plan, document: OrgDocument, existing: Existing, units: dict[str, UnitPlan]
) -> dict[str, PersonPlan]:
    planned: dict[str, PersonPlan] = {}
    failed_units = {name_key(document.units[i].name) for i in plan.failed.get("units", set())}
    new_role_pointer: dict[str, str] = {}
    for i, person in enumerate(document.people):
        pointer = f"/people/{i}"
        ok = True
        try:
            email = normalize_email(person.email)
        except ValueError as exc:
            plan.error("people", i, f"{pointer}/email", "invalid_email", str(exc))
            continue
        key = email.lower()
        if key in planned:
            plan.error(
                "people",
                i,
                f"{pointer}/email",
                "duplicate",
                f"{email!r} is listed twice (people are matched by email)",
            )
            continue
        if not name_key(person.name):
            plan.error("people", i, f"{pointer}/name", "invalid_value", "a person needs a name")
            continue
        unit_key = name_key(person.unit) if person.unit else None
        if unit_key is not None and unit_key not in units and unit_key not in existing.units:
            code = "not_imported" if unit_key in failed_units else "unknown_unit"
            plan.error(
                "people",
                i,
                f"{pointer}/unit",
                code,
                f"no unit named {person.unit!r} was imported or exists",
            )
            ok = False
        role_names = (
            person.roles if person.roles is not None else ([person.role] if person.role else None)
        )
        role_keys: list[str] | None = None
        if role_names is not None:
            role_keys = []
            for j, role_name in enumerate(role_names):
                role_key = spelling_key(role_name)
                if not role_key:
                    plan.error(
                        "people", i, f"{pointer}/roles/{j}", "invalid_value", "a role needs a name"
                    )
                    ok = False
                    continue
                if role_key not in existing.roles and role_key not in plan.new_roles:
                    plan.new_roles[role_key] = (uuid.uuid4(), " ".join(role_name.split()))
                    new_role_pointer[role_key] = (
                        f"{pointer}/{'roles/' + str(j) if person.roles is not None else 'role'}"
                    )
                if role_key not in role_keys:
                    role_keys.append(role_key)
        skills: HeldSkills | None = None
        if person.skills is not None:
            skills = {}
            for j, skill in enumerate(person.skills):
                skill_key = name_key(skill.skill)
                if not skill_key:
                    plan.error(
                        "people",
                        i,
                        f"{pointer}/skills/{j}/skill",
                        "invalid_value",
                        "a skill needs a name",
                    )
                    ok = False
                elif skill_key in skills:
                    plan.error(
                        "people",
                        i,
                        f"{pointer}/skills/{j}/skill",
                        "duplicate",
                        f"{skill.skill!r} is listed twice",
                    )
                    ok = False
                if not 0 <= skill.proficiency <= MAX_PROFICIENCY:
                    plan.error(
                        "people",
                        i,
                        f"{pointer}/skills/{j}/proficiency",
                        "out_of_range",
                        f"proficiency {skill.proficiency} is not between 0 and {MAX_PROFICIENCY}",
                    )
                    ok = False
                skills[skill_key] = (
                    " ".join(skill.skill.split()),
                    skill.proficiency,
                    skill.assessed_at,
                )
        if not ok:
            continue
        found = existing.people.get(key)
        planned[key] = PersonPlan(
            index=i,
            key=key,
            id=found.id if found else uuid.uuid4(),
            existing=found,
            name=" ".join(person.name.split()),
            email=email,
            unit_key=unit_key,
            manager_key=email_key(person.manager) if person.manager else None,
            manager_given="manager" in person.model_fields_set,
            active=person.active,
            role_keys=role_keys,
            skills=skills,
        )
    for role_key, (_, role_name) in plan.new_roles.items():
        plan.warn(
            new_role_pointer[role_key],
            "new_role",
            f"{role_name!r} is not in the role catalogue: added as one of the organisation's roles",
        )
    _managers(plan, planned, existing)
    return planned


def _managers(plan: Plan, planned: dict[str, PersonPlan], existing: Existing) -> None:
    by_id = {person.id: key for key, person in existing.people.items()}
    manager_of: dict[str, str | None] = {
        key: by_id.get(person.manager_id) if person.manager_id else None
        for key, person in existing.people.items()
    }
    for key, person in planned.items():
        if person.manager_given:
            manager_of[key] = person.manager_key
    for key, person in list(planned.items()):
        pointer = f"/people/{person.index}/manager"
        if person.manager_key is None:
            continue
        if person.manager_key == key:
            plan.error(
                "people", person.index, pointer, "cycle", "a person cannot be their own manager"
            )
        elif person.manager_key not in planned and person.manager_key not in existing.people:
            plan.error(
                "people",
                person.index,
                pointer,
                "unknown_person",
                "no person with this email in the file or the organisation",
            )
        else:
            seen = {key}
            current = manager_of.get(person.manager_key)
            while current is not None and current not in seen:
                seen.add(current)
                current = manager_of.get(current)
            if current == key:
                plan.error(
                    "people",
                    person.index,
                    pointer,
                    "cycle",
                    "the manager chain loops back to this person",
                )
    for key in [k for k, p in planned.items() if p.index in plan.failed.get("people", set())]:
        del planned[key]


def _person_id(
    key: str | None, planned: dict[str, PersonPlan], existing: Existing
) -> uuid.UUID | None:
    if key is None:
        return None
    if key in planned:
        return planned[key].id
    return existing.people[key].id if key in existing.people else None


def _unit_leads(
    plan: Plan,
    document: OrgDocument,
    existing: Existing,
    units: dict[str, UnitPlan],
    people: dict[str, PersonPlan],
) -> None:
    for key, unit in list(units.items()):
        if unit.lead_key is not None and _person_id(unit.lead_key, people, existing) is None:
            plan.error(
                "units",
                unit.index,
                f"/units/{unit.index}/lead",
                "unknown_person",
                f"no person with the email {document.units[unit.index].lead!r} here or imported",
            )
            del units[key]
    plan.units = sorted(units.values(), key=lambda u: u.index)
    plan.people = sorted(people.values(), key=lambda p: p.index)


def _role_id(key: str, existing: Existing, plan: Plan) -> uuid.UUID:
    return existing.roles[key].id if key in existing.roles else plan.new_roles[key][0]


def _raci(
    plan: Plan,
    document: OrgDocument,
    existing: Existing,
    units: dict[str, UnitPlan],
    people: dict[str, PersonPlan],
    legal_roles: set[str],
) -> None:
    matrices = _listed(document.raci)
    # Who counts as legal: holders of a legal role, and the units they are in.
    legal: set[Assignee] = {assignee_key("role", _role_id(k, existing, plan)) for k in legal_roles}
    holders: dict[str, tuple[uuid.UUID, uuid.UUID | None, list[str]]] = {
        key: (p.id, p.unit_id, [k for k, r in existing.roles.items() if r.id in p.role_ids])
        for key, p in existing.people.items()
        if p.active
    }
    for key, person in people.items():
        prior = holders.get(key)
        role_keys = (
            person.role_keys if person.role_keys is not None else (prior[2] if prior else [])
        )
        if person.active:
            holders[key] = (person.id, _unit_id(person.unit_key, units, existing), role_keys)
        else:
            holders.pop(key, None)
    for person_id, unit_id, role_keys in holders.values():
        if any(k in legal_roles for k in role_keys):
            legal.add(assignee_key("person", person_id))
            if unit_id is not None:
                legal.add(assignee_key("unit", unit_id))
    seen: set[str] = set()
    for m, matrix in enumerate(matrices):
        base = "/raci" if not isinstance(document.raci, list) else f"/raci/{m}"
        key = name_key(matrix.name)
        if not key:
            plan.error("raci", m, f"{base}/name", "invalid_value", "a RACI matrix needs a name")
            continue
        if key in seen:
            plan.error("raci", m, f"{base}/name", "duplicate", f"{matrix.name!r} is listed twice")
            continue
        seen.add(key)
        activities: list[dict[str, Any]] = []
        activity_names: set[str] = set()
        # Each assignee as the document writes it, for the warnings a person reads.
        assignee_names: dict[Assignee, str] = {}
        ok = True
        for a, activity in enumerate(matrix.activities):
            pointer = f"{base}/activities/{a}"
            if not name_key(activity.activity):
                plan.error(
                    "raci", m, f"{pointer}/activity", "invalid_value", "an activity needs a name"
                )
                ok = False
            elif name_key(activity.activity) in activity_names:
                plan.error(
                    "raci",
                    m,
                    f"{pointer}/activity",
                    "duplicate",
                    f"{activity.activity!r} is listed twice",
                )
                ok = False
            activity_names.add(name_key(activity.activity))
            if activity.kind is not None:
                kind = _canonical(
                    plan,
                    _ACTIVITY_KINDS,
                    activity.kind,
                    f"{pointer}/kind",
                    "an activity kind",
                    "raci",
                    m,
                )
                ok = ok and kind is not None
            else:
                kind = _inferred_kind(activity.activity).value
                if kind != ActivityKind.programme:
                    plan.warn(
                        f"{pointer}/kind",
                        "inferred_kind",
                        f"{activity.activity!r} read as a {kind} activity from its name",
                    )
            assignments: list[dict[str, Any]] = []
            for assignee, letter in activity.assignments.items():
                at = f"{pointer}/assignments/{_escape(assignee)}"
                resolved = _assignee(assignee, existing, plan, units, people)
                if resolved is None:
                    plan.error(
                        "raci",
                        m,
                        at,
                        "unknown_assignee",
                        f"{assignee!r} is not a role, a unit or a person's email",
                    )
                    ok = False
                    continue
                normalised = letter.strip().upper()
                if normalised not in RACI_LETTERS:
                    plan.error("raci", m, at, "invalid_letter", f"{letter!r} is not R, A, C or I")
                    ok = False
                    continue
                assignee_names[assignee_key(resolved[0], resolved[1])] = " ".join(assignee.split())
                assignments.append(
                    {
                        "assignee_type": resolved[0],
                        "assignee_id": str(resolved[1]),
                        "letter": normalised,
                    }
                )
            activities.append(
                {
                    "name": " ".join(activity.activity.split()),
                    "kind": kind,
                    "assignments": assignments,
                }
            )
        if not ok:
            continue
        # Every assignee was resolved above (or the matrix is already an error): none missing.
        for violation in validate_activities(
            activities,
            allow_accountable_responsible=matrix.allow_accountable_responsible,
            legal=legal,
            missing=set(),
            names=assignee_names,
        ):
            index = next(i for i, act in enumerate(activities) if act["name"] == violation.activity)
            plan.warn(
                f"{base}/activities/{index}",
                f"raci_{violation.code}",
                f"{violation.activity!r}: {violation.detail}",
            )
        found = existing.raci.get(key)
        plan.raci.append(
            DocumentPlan(
                index=m,
                key=key,
                id=found.id if found else uuid.uuid4(),
                existing=found,
                state={
                    "name": " ".join(matrix.name.split()),
                    "allow_accountable_responsible": matrix.allow_accountable_responsible,
                    "activities": activities,
                },
            )
        )


def _assignee(
    text: str,
    existing: Existing,
    plan: Plan,
    units: dict[str, UnitPlan],
    people: dict[str, PersonPlan],
) -> tuple[str, uuid.UUID] | None:
    """A RACI column: a role's name, else a unit's name, else a person's email."""
    role_key = spelling_key(text)
    if role_key in existing.roles or role_key in plan.new_roles:
        return ("role", _role_id(role_key, existing, plan))
    unit_id = _unit_id(name_key(text), units, existing)
    if unit_id is not None:
        return ("unit", unit_id)
    person_id = _person_id(email_key(text), people, existing)
    if person_id is not None:
        return ("person", person_id)
    return None


def _coordination(
    plan: Plan, document: OrgDocument, existing: Existing, units: dict[str, UnitPlan]
) -> None:
    seen: set[str] = set()
    for i, mechanism in enumerate(document.coordination_mechanisms):
        pointer = f"/coordination_mechanisms/{i}"
        section = "coordination_mechanisms"
        key = name_key(mechanism.name)
        if not key:
            plan.error(section, i, f"{pointer}/name", "invalid_value", "a mechanism needs a name")
            continue
        if key in seen:
            plan.error(
                section, i, f"{pointer}/name", "duplicate", f"{mechanism.name!r} is listed twice"
            )
            continue
        seen.add(key)
        kind = _canonical(
            plan, _KINDS, mechanism.kind, f"{pointer}/kind", "a coordination kind", section, i
        )
        level = _canonical(
            plan, _LEVELS, mechanism.level, f"{pointer}/level", "an integration level", section, i
        )
        cadence = (
            _canonical(
                plan, _CADENCES, mechanism.cadence, f"{pointer}/cadence", "a cadence", section, i
            )
            if mechanism.cadence
            else None
        )
        owner = (
            _unit_id(name_key(mechanism.owner_unit), units, existing)
            if mechanism.owner_unit
            else None
        )
        if mechanism.owner_unit and owner is None:
            plan.error(
                section,
                i,
                f"{pointer}/owner_unit",
                "unknown_unit",
                f"no unit named {mechanism.owner_unit!r}",
            )
        participants: list[str] = []
        for j, unit_name in enumerate(mechanism.participating_units):
            unit_id = _unit_id(name_key(unit_name), units, existing)
            if unit_id is None:
                plan.error(
                    section,
                    i,
                    f"{pointer}/participating_units/{j}",
                    "unknown_unit",
                    f"no unit named {unit_name!r}",
                )
            elif str(unit_id) not in participants:
                participants.append(str(unit_id))
        if i in plan.failed.get(section, set()):
            continue
        found = existing.coordination.get(key)
        plan.coordination.append(
            DocumentPlan(
                index=i,
                key=key,
                id=found.id if found else uuid.uuid4(),
                existing=found,
                state={
                    "name": " ".join(mechanism.name.split()),
                    "kind": kind,
                    "level": level,
                    "cadence": cadence,
                    "description": mechanism.description,
                    "owner_unit_id": str(owner) if owner else None,
                    "participating_unit_ids": sorted(participants),
                },
            )
        )


def _training(
    plan: Plan, document: OrgDocument, existing: Existing, people: dict[str, PersonPlan]
) -> None:
    programmes = _listed(document.training)
    seen: set[str] = set()
    section = "training"
    for p, programme in enumerate(programmes):
        base = "/training" if not isinstance(document.training, list) else f"/training/{p}"
        key = name_key(programme.programme)
        if not key:
            plan.error(section, p, f"{base}/programme", "invalid_value", "a programme needs a name")
            continue
        if key in seen:
            plan.error(
                section,
                p,
                f"{base}/programme",
                "duplicate",
                f"{programme.programme!r} is listed twice",
            )
            continue
        seen.add(key)
        waves: list[dict[str, Any]] = []
        levels: dict[str, str] = {}
        advanced_seen = False
        for w, wave in enumerate(programme.waves):
            pointer = f"{base}/waves/{w}"
            level = _canonical(
                plan, _WAVE_LEVELS, wave.level, f"{pointer}/level", "a wave level", section, p
            )
            if not name_key(wave.name):
                plan.error(section, p, f"{pointer}/name", "invalid_value", "a wave needs a name")
            elif name_key(wave.name) in levels:
                plan.error(
                    section, p, f"{pointer}/name", "duplicate", f"{wave.name!r} is listed twice"
                )
            if level == WaveLevel.advanced:
                advanced_seen = True
            elif level == WaveLevel.basic and advanced_seen:
                plan.error(
                    section,
                    p,
                    f"{pointer}/level",
                    "wave_order",
                    "a basic wave cannot come after an advanced wave: functional basics come first",
                )
            levels[name_key(wave.name)] = level or ""
            tool_ids: list[str] = []
            unresolved: list[str] = []
            for t, tool in enumerate(wave.tools):
                tool_id = (
                    existing.tool_ids.get(name_key(tool)) if existing.tool_ids is not None else None
                )
                if tool_id is None:
                    unresolved.append(tool)
                    plan.warn(
                        f"{pointer}/tools/{t}",
                        "unresolved_tool",
                        f"no tool named {tool!r} in the inventory: kept by name until it exists",
                    )
                elif str(tool_id) not in tool_ids:
                    tool_ids.append(str(tool_id))
            skills: list[dict[str, Any]] = []
            skill_keys: set[str] = set()
            for s, skill in enumerate(wave.skills):
                skill_key = name_key(skill.skill)
                if not skill_key:
                    plan.error(
                        section,
                        p,
                        f"{pointer}/skills/{s}/skill",
                        "invalid_value",
                        "a skill needs a name",
                    )
                elif skill_key in skill_keys:
                    plan.error(
                        section,
                        p,
                        f"{pointer}/skills/{s}/skill",
                        "duplicate",
                        f"{skill.skill!r} is listed twice",
                    )
                skill_keys.add(skill_key)
                if not 0 <= skill.proficiency <= MAX_PROFICIENCY:
                    plan.error(
                        section,
                        p,
                        f"{pointer}/skills/{s}/proficiency",
                        "out_of_range",
                        f"proficiency {skill.proficiency} is not between 0 and {MAX_PROFICIENCY}",
                    )
                skills.append(
                    {"skill": " ".join(skill.skill.split()), "proficiency": skill.proficiency}
                )
            waves.append(
                {
                    "name": " ".join(wave.name.split()),
                    "level": level,
                    "tool_ids": tool_ids,
                    "unresolved_tools": unresolved,
                    "skills": skills,
                }
            )
        if advanced_seen and WaveLevel.basic not in levels.values():
            plan.error(
                section,
                p,
                f"{base}/waves",
                "wave_order",
                "advanced waves need a basic wave before them",
            )
        basic_waves = {wave for wave, level in levels.items() if level == WaveLevel.basic}
        completed_basic: dict[str, set[str]] = {}
        enrolments: list[tuple[str, str, str, datetime | None]] = []
        pointers: list[str] = []
        for e, enrolment in enumerate(programme.enrolments):
            pointer = f"{base}/enrolments/{e}"
            person_key = email_key(enrolment.email)
            wave_key = name_key(enrolment.wave)
            if person_key not in people and person_key not in existing.people:
                plan.error(
                    section, p, f"{pointer}/email", "unknown_person", "no person with this email"
                )
                continue
            if wave_key not in levels:
                plan.error(
                    section,
                    p,
                    f"{pointer}/wave",
                    "unknown_wave",
                    f"no wave named {enrolment.wave!r} in the programme",
                )
                continue
            if enrolment.completed_at is not None and wave_key in basic_waves:
                completed_basic.setdefault(person_key, set()).add(wave_key)
            enrolments.append((key, wave_key, person_key, enrolment.completed_at))
            pointers.append(pointer)
        for (_, wave_key, person_key, completed_at), pointer in zip(
            enrolments, pointers, strict=True
        ):
            missing = basic_waves - completed_basic.get(person_key, set())
            if completed_at is not None and levels[wave_key] == WaveLevel.advanced and missing:
                plan.error(
                    section,
                    p,
                    f"{pointer}/completed_at",
                    "completion_order",
                    "an advanced wave cannot be completed before every basic wave of the programme "
                    "(the file completes none of: " + ", ".join(sorted(missing)) + ")",
                )
        if p in plan.failed.get(section, set()):
            continue
        plan.enrolments.extend(enrolments)
        found = existing.programmes.get(key)
        plan.programmes.append(
            DocumentPlan(
                index=p,
                key=key,
                id=found.id if found else uuid.uuid4(),
                existing=found,
                state={
                    "name": " ".join(programme.programme.split()),
                    "description": programme.description,
                    "waves": waves,
                },
            )
        )


def tool_names_wanted(document: OrgDocument) -> Iterable[str]:
    for programme in _listed(document.training):
        for wave in programme.waves:
            yield from wave.tools
