"""The rules a RACI matrix must follow, and the facts about its assignees they need.

`validate_activities` is pure: it judges a matrix's activities (the stored JSON document)
against what is known of the assignees — which no longer exist, which count as legal — so that
one batch of queries (`assignee_context`) serves a whole page of matrices.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mops_org.db import Db, connection_of
from mops_org.raci import repository
from mops_org.raci.schemas import RaciNamedAssignee, RaciViolation
from mops_shared.contracts.org_raci import (
    ActivityKind,
    AssigneeType,
    RaciLetter,
    RaciViolationCode,
)

# (assignee_type, assignee id) as a stored document writes them, both text. Validation looks
# assignees up by these: text hashes once and in C, where a UUID hashes in Python at every
# lookup, and a large matrix names thousands of distinct people.
Assignee = tuple[str, str]

_A, _R = RaciLetter.A.value, RaciLetter.R.value
_LEGAL_LETTERS = frozenset({RaciLetter.C.value, RaciLetter.A.value})


def assignee_key(kind: AssigneeType | str, assignee_id: uuid.UUID | str) -> Assignee:
    """The lookup key of an assignee: its type's value and its id as text."""
    return (kind.value if isinstance(kind, AssigneeType) else kind, str(assignee_id))


def _named(assignees: Iterable[Assignee], names: Mapping[Assignee, str]) -> list[RaciNamedAssignee]:
    return [
        RaciNamedAssignee(
            assignee_type=AssigneeType(kind),
            assignee_id=uuid.UUID(assignee_id),
            name=names.get((kind, assignee_id)),
        )
        for kind, assignee_id in assignees
    ]


def _listed(assignees: Iterable[Assignee], names: Mapping[Assignee, str]) -> str:
    """The assignees as a person reads them: "Chief Marketing Officer (role), Ana Lima
    (person)"; an assignee whose name is not known is written by its id."""
    return ", ".join(f"{names.get(who, who[1])} ({who[0]})" for who in assignees)


def _violation(
    activity: str,
    code: RaciViolationCode,
    detail: str,
    assignees: Iterable[Assignee] | None = None,
    names: Mapping[Assignee, str] | None = None,
) -> RaciViolation:
    return RaciViolation(
        activity=activity,
        code=code,
        detail=detail,
        assignees=_named(assignees, names or {}) if assignees is not None else None,
    )


def validate_activities(
    activities: Sequence[Mapping[str, Any]],
    *,
    allow_accountable_responsible: bool,
    legal: set[Assignee],
    missing: set[Assignee],
    names: Mapping[Assignee, str] | None = None,
) -> list[RaciViolation]:
    """The violations of a matrix's activities, activity by activity, in a fixed rule order.

    `activities` are as stored: `{"name", "kind", "assignments": [{"assignee_type",
    "assignee_id", "letter"}]}`, types and ids as text. `missing` holds the assignees that no
    longer exist, `legal` those that count as legal. A missing assignee is reported
    (`unknown_assignee`) and counts for no other rule: an A given to a deleted person leaves
    the activity without anyone accountable. `names` are the assignees' names, which the
    details write where they name an assignee (else its id): `at_fault` tells which to load.
    """
    names = names or {}
    violations: list[RaciViolation] = []
    for activity in activities:
        name = str(activity["name"])
        accountable: list[Assignee] = []
        responsible: set[Assignee] = set()
        unknown: dict[Assignee, None] = {}
        involves_legal = False
        for assignment in activity.get("assignments") or ():
            who = (assignment["assignee_type"], assignment["assignee_id"])
            if who in missing:
                unknown[who] = None
                continue
            letter = assignment["letter"]
            if letter == _A:
                accountable.append(who)
            elif letter == _R:
                responsible.add(who)
            if letter in _LEGAL_LETTERS and who in legal:
                involves_legal = True
        if not accountable:
            violations.append(
                _violation(
                    name,
                    RaciViolationCode.no_accountable,
                    "no one is accountable (A): exactly one assignee must be",
                )
            )
        elif len(accountable) > 1:
            violations.append(
                _violation(
                    name,
                    RaciViolationCode.several_accountable,
                    f"{len(accountable)} assignees are accountable (A), "
                    f"{_listed(accountable, names)}: exactly one must be",
                    accountable,
                    names,
                )
            )
        if not responsible:
            violations.append(
                _violation(
                    name,
                    RaciViolationCode.no_responsible,
                    "no one is responsible (R): at least one assignee must be",
                )
            )
        if not allow_accountable_responsible:
            both = [who for who in accountable if who in responsible]
            if both:
                violations.append(
                    _violation(
                        name,
                        RaciViolationCode.accountable_and_responsible,
                        f"{_listed(both, names)} is both accountable (A) and responsible (R), "
                        "which this matrix does not allow",
                        both,
                        names,
                    )
                )
        if activity.get("kind") == ActivityKind.data and not involves_legal:
            violations.append(
                _violation(
                    name,
                    RaciViolationCode.data_without_legal,
                    "a data activity must involve legal as consulted (C) or accountable (A): a "
                    "legal role, a person holding one, or a unit with an active person "
                    "holding one",
                )
            )
        if unknown:
            gone = "assignee no longer exists" if len(unknown) == 1 else "assignees no longer exist"
            violations.append(
                _violation(
                    name, RaciViolationCode.unknown_assignee, f"{len(unknown)} {gone}", unknown
                )
            )
    return violations


def at_fault(violations: Iterable[RaciViolation]) -> dict[str, set[str]]:
    """The ids (as text) of the assignees the violations name, by assignee type: those whose
    names a message needs."""
    ids: dict[str, set[str]] = {kind.value: set() for kind in AssigneeType}
    for violation in violations:
        if violation.code is RaciViolationCode.unknown_assignee:
            continue
        for assignee in violation.assignees or ():
            ids[assignee.assignee_type.value].add(str(assignee.assignee_id))
    return ids


def referenced(activities: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """The ids (as text) every assignment names, by assignee type."""
    ids: dict[str, set[str]] = {kind.value: set() for kind in AssigneeType}
    for activity in activities:
        for assignment in activity.get("assignments") or ():
            ids[assignment["assignee_type"]].add(assignment["assignee_id"])
    return ids


async def context_of(
    db: Db, tenant_id: uuid.UUID, ids: Mapping[str, set[str]]
) -> tuple[set[Assignee], set[Assignee]]:
    """(missing, legal) for these ids by assignee type: a few set-based queries per type,
    which send the ids and bring back only the missing and the legal ones (on a write's
    session, in its transaction, or on a read's connection)."""
    conn = await connection_of(db)
    missing: set[Assignee] = set()
    legal: set[Assignee] = set()
    loaders = (
        (AssigneeType.role, repository.roles_found),
        (AssigneeType.person, repository.people_found),
        (AssigneeType.unit, repository.units_found),
    )
    for kind, load in loaders:
        wanted = ids.get(kind.value)
        if not wanted:
            continue
        gone, flagged = await load(conn, tenant_id, wanted)
        missing.update((kind.value, assignee_id) for assignee_id in gone)
        legal.update((kind.value, assignee_id) for assignee_id in flagged)
    return missing, legal


async def assignee_context(
    db: Db,
    tenant_id: uuid.UUID,
    documents: Iterable[Iterable[Mapping[str, Any]]],
) -> tuple[set[Assignee], set[Assignee]]:
    """(missing, legal) for every assignee these matrices' documents (their activities) name,
    loaded together: the roles, people and units referenced, and only those, whatever the
    number of matrices."""
    ids: dict[str, set[str]] = {kind.value: set() for kind in AssigneeType}
    for activities in documents:
        for kind, found in referenced(activities).items():
            ids[kind] |= found
    return await context_of(db, tenant_id, ids)
