"""Use cases on RACI matrices; each validates everything first, then writes and commits once.

A matrix is stored as one document. On write, activity names are unique in the matrix, an
assignee has each letter at most once per activity, and every assignee is a role the tenant
sees (built-in or its own), or one of its units or people. Whether the matrix follows the RACI
rules is not a condition of the write: it is judged on every read (`valid`, `violation_count`)
and in detail by the validation endpoint, since a matrix being drafted is invalid for a while,
and deleting a person or a role makes a stored matrix invalid without changing it. Every write
leaves an audit entry and an outbox event (`raci_matrix.created`, `raci_matrix.updated`,
`raci_matrix.deleted`) in the same transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_org.db import writes
from mops_org.raci import repository
from mops_org.raci.models import RaciMatrix
from mops_org.raci.schemas import (
    RaciMatrixCreate,
    RaciMatrixUpdate,
    RaciValidation,
    RaciViolation,
)
from mops_org.raci.validation import (
    Assignee,
    assignee_context,
    assignee_key,
    at_fault,
    context_of,
    referenced,
    validate_activities,
)
from mops_shared.contracts.common import name_key
from mops_shared.contracts.org_raci import (
    ActivityKind,
    RaciActivity,
    RaciMatrixRead,
    RaciSummary,
    RaciViolationCode,
)
from mops_shared.contracts.problem import ProblemFieldError
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, ValidationFailed, body_error, found
from mops_shared.kit.pagination import SortOption, encode_cursor, split_page
from mops_shared.kit.reads import ReadRow, WireJSON
from mops_shared.kit.writes import snapshot

# The router resolves the sort a client names with these.
MATRIX_SORTS = repository.MATRIX_SORTS

# How many matrices a list filtered on `valid` judges at a time while it fills a page.
_FILTER_BATCH = 50


def _duplicate(name: str) -> Conflict:
    return Conflict(f"A RACI matrix named {name!r} already exists.")


def _document(activities: Sequence[RaciActivity]) -> list[dict[str, Any]]:
    """The activities as stored: plain JSON (ids as strings, enums as their values)."""
    return [activity.model_dump(mode="json") for activity in activities]


# --- checks on write ---------------------------------------------------------------------------


async def check_activities(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    activities: Sequence[RaciActivity],
    pointer_prefix: str = "",
) -> list[ProblemFieldError]:
    """What is wrong with these activities for this tenant (empty when nothing is): a name
    twice, an assignee given a letter twice, an assignee that is not the tenant's. Pointers
    start with `pointer_prefix` (`/activities/...` without one). Three queries at most."""
    errors: list[ProblemFieldError] = []
    names: dict[str, int] = {}
    for i, activity in enumerate(activities):
        at = f"{pointer_prefix}/activities/{i}"
        first = names.setdefault(name_key(activity.name), i)
        if first != i:
            errors.append(
                body_error(f"{at}/name", f"activity {first} of the matrix has the same name")
            )
        given: dict[tuple[str, uuid.UUID, str], int] = {}
        for j, assignment in enumerate(activity.assignments):
            key = (assignment.assignee_type.value, assignment.assignee_id, assignment.letter.value)
            earlier = given.setdefault(key, j)
            if earlier != j:
                errors.append(
                    body_error(
                        f"{at}/assignments/{j}",
                        f"this {assignment.assignee_type.value} already has the letter "
                        f"{assignment.letter.value} in this activity (assignment {earlier})",
                    )
                )
    document = _document(activities)
    missing, _ = await context_of(session, tenant_id, referenced(document))
    for i, activity in enumerate(activities):
        for j, assignment in enumerate(activity.assignments):
            kind = assignment.assignee_type.value
            if assignee_key(kind, assignment.assignee_id) in missing:
                # Another tenant's role, unit or person is as absent as one that never existed.
                errors.append(
                    body_error(
                        f"{pointer_prefix}/activities/{i}/assignments/{j}/assignee_id",
                        f"no {kind} with this id",
                    )
                )
    return errors


async def check_matrix(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    body: RaciMatrixCreate,
    pointer_prefix: str = "",
) -> list[ProblemFieldError]:
    """The problems the create endpoint would refuse this body for with 422, as field errors
    (pointers start with `pointer_prefix`), instead of raising: for an importer that reports
    every item. The name being taken (409 there) is not among them."""
    return await check_activities(session, tenant_id, body.activities, pointer_prefix)


# --- reads -------------------------------------------------------------------------------------


def _read(matrix: RaciMatrix, violations: Sequence[RaciViolation] | None = None) -> RaciMatrixRead:
    count = len(violations or ())
    return RaciMatrixRead.model_validate(
        {
            "id": matrix.id,
            "name": matrix.name,
            "description": matrix.description,
            "allow_accountable_responsible": matrix.allow_accountable_responsible,
            "activities": matrix.activities,
            "valid": count == 0,
            "violation_count": count,
            "version": matrix.version,
            "created_at": matrix.created_at,
            "updated_at": matrix.updated_at,
        }
    )


def _violations(
    matrix: RaciMatrix | Mapping[Any, Any],
    missing: set[Assignee],
    legal: set[Assignee],
    names: Mapping[Assignee, str] | None = None,
) -> list[RaciViolation]:
    """The matrix's violations: an entity's, or a row's (or any mapping with its
    `activities` and `allow_accountable_responsible`); `names` as `validate_activities`."""
    if isinstance(matrix, Mapping):
        activities, allowed = matrix["activities"], matrix["allow_accountable_responsible"]
    else:
        activities, allowed = matrix.activities, matrix.allow_accountable_responsible
    return validate_activities(
        activities,
        allow_accountable_responsible=allowed,
        legal=legal,
        missing=missing,
        names=names,
    )


async def to_reads(
    session: AsyncSession, tenant_id: uuid.UUID, matrices: Sequence[RaciMatrix]
) -> list[RaciMatrixRead]:
    """The matrices as read, each judged; the assignees of all of them loaded together."""
    if not matrices:
        return []
    missing, legal = await assignee_context(session, tenant_id, [m.activities for m in matrices])
    return [_read(matrix, _violations(matrix, missing, legal)) for matrix in matrices]


async def _get(session: AsyncSession, principal: Principal, matrix_id: uuid.UUID) -> RaciMatrix:
    matrix = found(
        await repository.get_by_id(session, principal.tenant_id, matrix_id),
        f"No RACI matrix {matrix_id}.",
    )
    return matrix


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------
#
# A matrix's activities are its stored document, written by `_document` (or the import, in the
# same shape) from validated activities: they are answered as stored.

MATRIX_JSON = WireJSON(RaciMatrixRead)
_VALIDATION_JSON = TypeAdapter(RaciValidation)


async def _judged_items(
    conn: AsyncConnection, tenant_id: uuid.UUID, rows: Sequence[ReadRow]
) -> list[tuple[ReadRow, dict[str, Any]]]:
    """Each row with `RaciMatrixRead`'s fields of it, judged; the assignees of all of them
    loaded together."""
    if not rows:
        return []
    missing, legal = await assignee_context(conn, tenant_id, [row["activities"] for row in rows])
    judged = []
    for row in rows:
        count = len(_violations(row, missing, legal))
        judged.append((row, MATRIX_JSON.item(row, valid=count == 0, violation_count=count)))
    return judged


async def _matrix_row(conn: AsyncConnection, principal: Principal, matrix_id: uuid.UUID) -> ReadRow:
    row = found(
        await repository.matrix_row(conn, principal.tenant_id, matrix_id),
        f"No RACI matrix {matrix_id}.",
    )
    return row


async def read_matrix(
    conn: AsyncConnection, principal: Principal, matrix_id: uuid.UUID
) -> tuple[bytes, int]:
    """The matrix as `RaciMatrixRead`'s JSON, judged as of now, with its version (the ETag)."""
    row = await _matrix_row(conn, principal, matrix_id)
    ((_, item),) = await _judged_items(conn, principal.tenant_id, [row])
    return MATRIX_JSON.dumps(item), int(row["version"])


async def read_validation(
    conn: AsyncConnection, principal: Principal, matrix_id: uuid.UUID
) -> bytes:
    """`RaciValidation`'s JSON: the violations are computed as models, written once."""
    row = await _matrix_row(conn, principal, matrix_id)
    missing, legal = await assignee_context(conn, principal.tenant_id, [row["activities"]])
    violations = _violations(row, missing, legal)
    named = at_fault(violations)
    if any(named.values()):
        # Judged again with the names of the assignees at fault, which the details write.
        names = await repository.assignee_names(conn, principal.tenant_id, named)
        violations = _violations(row, missing, legal, names)
    validation = RaciValidation(
        matrix_id=row["id"],
        valid=not violations,
        activity_count=len(row["activities"]),
        violations=violations,
    )
    return _VALIDATION_JSON.dump_json(validation, by_alias=True)


async def read_matrices(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    valid: bool | None,
) -> bytes:
    """`list_matrices`' answer as JSON (`RaciMatrixPage`)."""
    tenant_id = principal.tenant_id
    if valid is None:
        rows = await repository.rows_after(conn, tenant_id, sort=sort, limit=limit, cursor=cursor)
        page, next_cursor = split_page(rows, sort, limit)
        items = [item for _, item in await _judged_items(conn, tenant_id, page)]
        return MATRIX_JSON.dumps_page(items, next_cursor)
    # Validity is judged on read (assignees come and go), so the filter runs here: matrices
    # are judged a batch at a time, in the list's order, until the page is full.
    matched: list[tuple[ReadRow, dict[str, Any]]] = []
    after = cursor
    batch = max(limit, _FILTER_BATCH)
    while len(matched) <= limit:
        rows = await repository.rows_after(conn, tenant_id, sort=sort, limit=batch, cursor=after)
        judged = rows[:batch]
        for row, item in await _judged_items(conn, tenant_id, judged):
            if item["valid"] == valid:
                matched.append((row, item))
        if len(rows) <= batch:
            break
        after = encode_cursor(sort, judged[-1])
    found = matched[:limit]
    next_cursor = encode_cursor(sort, found[-1][0]) if len(matched) > limit else None
    return MATRIX_JSON.dumps_page([item for _, item in found], next_cursor)


async def raci_summary(conn: AsyncConnection, tenant_id: uuid.UUID) -> RaciSummary:
    """Every matrix of the tenant judged, in figures (for the org metrics): the assignees of
    all matrices are loaded together, in three queries."""
    matrices = await repository.judged_rows(conn, tenant_id)
    missing, legal = await assignee_context(conn, tenant_id, [m["activities"] for m in matrices])
    activities = complete = purchases = complete_purchases = 0
    by_code: Counter[RaciViolationCode] = Counter()
    for matrix in matrices:
        violations = _violations(matrix, missing, legal)
        flawed = {v.activity for v in violations}
        activities += len(matrix["activities"])
        complete += len(matrix["activities"]) - len(flawed)
        by_code.update(v.code for v in violations)
        for activity in matrix["activities"]:
            if activity.get("kind") == ActivityKind.purchase:
                purchases += 1
                complete_purchases += str(activity["name"]) not in flawed
    return RaciSummary(
        matrices=len(matrices),
        activities=activities,
        complete_activities=complete,
        completeness=complete / activities if activities else None,
        violations=sum(by_code.values()),
        violations_by_code={code: by_code[code] for code in RaciViolationCode},
        purchase_activities=purchases,
        complete_purchase_activities=complete_purchases,
    )


# --- writes ------------------------------------------------------------------------------------


async def _integrity_conflict(
    session: AsyncSession, tenant_id: uuid.UUID, name: str, matrix_id: uuid.UUID | None
) -> Conflict:
    """After a unique violation (rolled back): the concurrent write that took the name."""
    if await repository.name_taken(session, tenant_id, name_key(name), except_id=matrix_id):
        return _duplicate(name)
    return Conflict("The RACI matrix changed at the same time; read it again and retry.")


async def insert_matrix(
    session: AsyncSession, principal: Principal, data: RaciMatrixCreate
) -> RaciMatrixRead:
    """Adds the matrix with its audit entry and event, without checks and without committing:
    for callers that checked it (`check_matrix`, the name free) and commit with other writes.
    A name taken meanwhile raises IntegrityError here."""
    now = utcnow()
    matrix = repository.add(
        session,
        RaciMatrix(
            tenant_id=principal.tenant_id,
            name=data.name,
            name_key=name_key(data.name),
            description=data.description,
            allow_accountable_responsible=data.allow_accountable_responsible,
            activities=_document(data.activities),
            created_at=now,
            updated_at=now,
        ),
    )
    # Flushed first so a lost race for the name fails before anything else is written.
    await session.flush()
    (created,) = await to_reads(session, principal.tenant_id, [matrix])
    await writes.record_change(
        session,
        principal,
        action="create",
        object_type="raci_matrix",
        object_id=created.id,
        before=None,
        after=snapshot(created),
        event="raci_matrix.created",
    )
    return created


async def create_matrix(
    session: AsyncSession, principal: Principal, data: RaciMatrixCreate
) -> RaciMatrixRead:
    tenant_id = principal.tenant_id
    ValidationFailed.raise_if_any(await check_matrix(session, tenant_id, data))
    if await repository.name_taken(session, tenant_id, name_key(data.name)):
        raise _duplicate(data.name)
    try:
        created = await insert_matrix(session, principal, data)
        await session.commit()
    except IntegrityError as exc:  # a concurrent create won the race for the name
        await session.rollback()
        raise await _integrity_conflict(session, tenant_id, data.name, None) from exc
    return created


async def update_matrix(
    session: AsyncSession,
    principal: Principal,
    matrix_id: uuid.UUID,
    data: RaciMatrixUpdate,
    if_match: str | None,
) -> RaciMatrixRead:
    tenant_id = principal.tenant_id
    changes = data.model_dump(exclude_unset=True)

    async def apply(matrix: RaciMatrix, before: RaciMatrixRead, now: datetime) -> bool:
        errors = [
            body_error(f"/{required}", f"{required} cannot be null")
            for required in ("name", "allow_accountable_responsible", "activities")
            if required in changes and changes[required] is None
        ]
        ValidationFailed.raise_if_any(errors)
        if data.activities is not None:
            ValidationFailed.raise_if_any(
                await check_activities(session, tenant_id, data.activities)
            )
        if _changes_nothing(data, matrix):
            # A PATCH that states what the matrix already is changes nothing: same version and
            # ETag, no audit entry, no event.
            return False
        if data.name is not None:
            key = name_key(data.name)
            if await repository.name_taken(session, tenant_id, key, except_id=matrix.id):
                raise _duplicate(data.name)
            matrix.name, matrix.name_key = data.name, key
        if "description" in changes:
            matrix.description = data.description
        if data.allow_accountable_responsible is not None:
            matrix.allow_accountable_responsible = data.allow_accountable_responsible
        if data.activities is not None:
            matrix.activities = _document(data.activities)
        return True

    async def conflict(before: RaciMatrixRead) -> Exception:
        return await _integrity_conflict(session, tenant_id, data.name or before.name, matrix_id)

    return await writes.update_versioned(
        session,
        principal,
        what="RACI matrix",
        object_type="raci_matrix",
        event="raci_matrix.updated",
        if_match=if_match,
        load=lambda: _get(session, principal, matrix_id),
        read=lambda matrix: _read_one(session, tenant_id, matrix),
        apply=apply,
        conflict=conflict,
    )


async def _read_one(
    session: AsyncSession, tenant_id: uuid.UUID, matrix: RaciMatrix
) -> RaciMatrixRead:
    (read,) = await to_reads(session, tenant_id, [matrix])
    return read


def _changes_nothing(data: RaciMatrixUpdate, matrix: RaciMatrix) -> bool:
    if data.name is not None and data.name != matrix.name:
        return False
    if "description" in data.model_fields_set and data.description != matrix.description:
        return False
    if (
        data.allow_accountable_responsible is not None
        and data.allow_accountable_responsible != matrix.allow_accountable_responsible
    ):
        return False
    if data.activities is not None:
        current = [
            RaciActivity.model_validate(a).model_dump(mode="json") for a in matrix.activities
        ]
        if _document(data.activities) != current:
            return False
    return True


async def delete_matrix(
    session: AsyncSession, principal: Principal, matrix_id: uuid.UUID, if_match: str | None
) -> None:
    await writes.delete_versioned(
        session,
        principal,
        what="RACI matrix",
        object_type="raci_matrix",
        event="raci_matrix.deleted",
        if_match=if_match,
        load=lambda: _get(session, principal, matrix_id),
        read=lambda matrix: _read_one(session, principal.tenant_id, matrix),
        data=lambda before: {"id": str(before.id), "name": before.name},
    )
