"""The rules a RACI matrix must follow, and the facts about its assignees they need.

`validate_activities` is pure: it judges a matrix's activities (the stored JSON document)
against what is known of the assignees — which still exist, which count as legal — so that one
batch of queries (`assignee_context`) serves a whole page of matrices.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession

from mops_org.raci import repository
from mops_org.raci.models import RaciMatrix
from mops_shared.schemas.org_raci import (
    ActivityKind,
    AssigneeType,
    RaciAssignee,
    RaciLetter,
    RaciViolation,
    RaciViolationCode,
)

# (assignee_type, assignee_id): a role, a unit or a person.
Assignee = tuple[str, uuid.UUID]

_A, _R = RaciLetter.A.value, RaciLetter.R.value
_LEGAL_LETTERS = frozenset({RaciLetter.C.value, RaciLetter.A.value})

# Parses a list of ids in one call, about ten times faster than uuid.UUID one by one (a large
# matrix names thousands of distinct people).
_UUIDS = TypeAdapter(list[uuid.UUID])


def _parsed(values: Iterable[Any]) -> dict[Any, uuid.UUID]:
    """Each distinct id as written (a string or a UUID) and its UUID."""
    distinct = set(values)
    texts = [value for value in distinct if not isinstance(value, uuid.UUID)]
    found: dict[Any, uuid.UUID] = {
        value: value for value in distinct if isinstance(value, uuid.UUID)
    }
    found.update(zip(texts, _UUIDS.validate_python(texts), strict=True))
    return found


def _named(assignees: Iterable[Assignee]) -> list[RaciAssignee]:
    return [
        RaciAssignee(assignee_type=AssigneeType(kind), assignee_id=assignee_id)
        for kind, assignee_id in assignees
    ]


def _violation(
    activity: str,
    code: RaciViolationCode,
    detail: str,
    assignees: Iterable[Assignee] | None = None,
) -> RaciViolation:
    return RaciViolation(
        activity=activity,
        code=code,
        detail=detail,
        assignees=_named(assignees) if assignees is not None else None,
    )


def validate_activities(
    activities: Sequence[Mapping[str, Any]],
    *,
    allow_accountable_responsible: bool,
    legal: set[Assignee],
    known: set[Assignee],
) -> list[RaciViolation]:
    """The violations of a matrix's activities, activity by activity, in a fixed rule order.

    `activities` are as stored: `{"name", "kind", "assignments": [{"assignee_type",
    "assignee_id", "letter"}]}` with ids as strings or UUIDs. `known` holds the assignees that
    exist, `legal` those that count as legal. An assignee that no longer exists is reported
    (`unknown_assignee`) and counts for no other rule: an A given to a deleted person leaves
    the activity without anyone accountable.
    """
    violations: list[RaciViolation] = []
    # What is known of each assignee, once per distinct (type, id) as written: a matrix names
    # the same assignees again and again, and hashing a UUID runs Python code.
    ids = _parsed(
        assignment["assignee_id"]
        for activity in activities
        for assignment in activity.get("assignments") or ()
    )
    facts: dict[tuple[Any, Any], tuple[Assignee, bool, bool]] = {}
    for activity in activities:
        name = str(activity["name"])
        accountable: list[Assignee] = []
        responsible: set[Assignee] = set()
        unknown: dict[Assignee, None] = {}
        involves_legal = False
        for assignment in activity.get("assignments") or ():
            written = (assignment["assignee_type"], assignment["assignee_id"])
            fact = facts.get(written)
            if fact is None:
                who = (str(written[0]), ids[written[1]])
                fact = facts[written] = (who, who in known, who in legal)
            who, exists, is_legal = fact
            if not exists:
                unknown[who] = None
                continue
            letter = str(assignment["letter"])
            if letter == _A:
                accountable.append(who)
            elif letter == _R:
                responsible.add(who)
            if is_legal and letter in _LEGAL_LETTERS:
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
                    f"{len(accountable)} assignees are accountable (A): exactly one must be",
                    accountable,
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
                        "the same assignee is both accountable (A) and responsible (R), which "
                        "this matrix does not allow",
                        both,
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


def referenced(activities: Iterable[Mapping[str, Any]]) -> dict[str, set[uuid.UUID]]:
    """The ids every assignment names, by assignee type."""
    raw: dict[str, set[Any]] = {kind.value: set() for kind in AssigneeType}
    for activity in activities:
        for assignment in activity.get("assignments") or ():
            raw[str(assignment["assignee_type"])].add(assignment["assignee_id"])
    return {kind: set(_parsed(values).values()) for kind, values in raw.items()}


async def context_of(
    session: AsyncSession, tenant_id: uuid.UUID, ids: Mapping[str, set[uuid.UUID]]
) -> tuple[set[Assignee], set[Assignee]]:
    """(known, legal) for these ids by assignee type: three set-based queries, one per type
    (on SQLite, long id lists go in slices)."""
    known: set[Assignee] = set()
    legal: set[Assignee] = set()
    loaders = (
        (AssigneeType.role, repository.roles_among),
        (AssigneeType.person, repository.people_among),
        (AssigneeType.unit, repository.units_among),
    )
    for kind, load in loaders:
        wanted = ids.get(kind.value)
        if not wanted:
            continue
        for assignee_id, is_legal in (await load(session, tenant_id, wanted)).items():
            known.add((kind.value, assignee_id))
            if is_legal:
                legal.add((kind.value, assignee_id))
    return known, legal


async def assignee_context(
    session: AsyncSession, tenant_id: uuid.UUID, matrices: list[RaciMatrix]
) -> tuple[set[Assignee], set[Assignee]]:
    """(known, legal) for every assignee these matrices name, loaded together: the roles,
    people and units referenced, and only those, in three queries whatever the matrices."""
    ids: dict[str, set[uuid.UUID]] = {kind.value: set() for kind in AssigneeType}
    for matrix in matrices:
        for kind, found in referenced(matrix.activities).items():
            ids[kind] |= found
    return await context_of(session, tenant_id, ids)
