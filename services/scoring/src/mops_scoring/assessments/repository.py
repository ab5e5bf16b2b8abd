"""Every query on assessments, respondents and responses; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_scoring.assessments.models import Assessment, AssessmentResponse, Respondent
from mops_scoring.assessments.schemas import AssessmentStatus
from mops_scoring.frameworks.models import Framework
from mops_shared.kit.db import insert_ignoring_conflicts, rowcount, table_of, utcnow
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import PageStatements, ReadRow, mappings

# Core columns: a select made of these alone runs as Core (rows, no entities).
_assessments = table_of(Assessment).c
_respondents = table_of(Respondent).c
_responses = table_of(AssessmentResponse).c
_frameworks = table_of(Framework).c

ASSESSMENT_SORTS = sort_options(
    [("created_at", [_assessments.created_at]), ("name", [_assessments.name])],
    tiebreaker=_assessments.id,
)
_OPEN = AssessmentStatus.open.value
RESPONDENT_SORTS = sort_options(
    [("added_at", [_respondents.added_at])], tiebreaker=_respondents.person_id
)
RESPONSE_SORTS = sort_options(
    [("submitted_at", [_responses.submitted_at])], tiebreaker=_responses.person_id
)


async def get(
    session: AsyncSession, tenant_id: uuid.UUID, assessment_id: uuid.UUID
) -> Assessment | None:
    result = await session.execute(
        select(Assessment).where(
            col(Assessment.tenant_id) == tenant_id, col(Assessment.id) == assessment_id
        )
    )
    return result.scalar_one_or_none()


def add(session: AsyncSession, row: Assessment | AssessmentResponse) -> None:
    session.add(row)


async def advance_if_open(session: AsyncSession, assessment_id: uuid.UUID) -> bool:
    """Moves the open assessment to its next version; False when it is no longer open."""
    result = await session.execute(
        update(Assessment)
        .where(col(Assessment.id) == assessment_id, col(Assessment.status) == _OPEN)
        .values(version=col(Assessment.version) + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return rowcount(result) == 1


async def close_if_open(
    session: AsyncSession, assessment_id: uuid.UUID, *, version: int | None, closed: str
) -> bool:
    """Closes the assessment in one guarded UPDATE (open, and at `version` when one is named);
    False when the guard did not hold."""
    guard = [col(Assessment.id) == assessment_id, col(Assessment.status) == _OPEN]
    if version is not None:
        guard.append(col(Assessment.version) == version)
    now = utcnow()
    result = await session.execute(
        update(Assessment)
        .where(*guard)
        .values(status=closed, closed_at=now, updated_at=now, version=col(Assessment.version) + 1)
        .execution_options(synchronize_session=False)
    )
    return rowcount(result) == 1


async def add_respondents(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    assessment_id: uuid.UUID,
    person_ids: Sequence[uuid.UUID],
) -> None:
    """Adds the respondents, ignoring any a concurrent request added first."""
    now = utcnow()
    await session.execute(
        insert_ignoring_conflicts(
            session.get_bind().dialect.name,
            table_of(Respondent),
            [
                {
                    "assessment_id": assessment_id,
                    "person_id": person_id,
                    "tenant_id": tenant_id,
                    "added_at": now,
                }
                for person_id in person_ids
            ],
            conflict_columns=["assessment_id", "person_id"],
        )
    )


async def delete_respondent(session: AsyncSession, respondent: Respondent) -> None:
    await session.delete(respondent)


async def respondent_ids(session: AsyncSession, assessment_id: uuid.UUID) -> set[uuid.UUID]:
    result = await session.execute(
        select(col(Respondent.person_id)).where(col(Respondent.assessment_id) == assessment_id)
    )
    return set(result.scalars())


async def get_respondent(
    session: AsyncSession, assessment_id: uuid.UUID, person_id: uuid.UUID
) -> Respondent | None:
    return await session.get(Respondent, (assessment_id, person_id))


async def get_response(
    session: AsyncSession, assessment_id: uuid.UUID, person_id: uuid.UUID
) -> AssessmentResponse | None:
    return await session.get(AssessmentResponse, (assessment_id, person_id))


async def all_responses(
    session: AsyncSession, assessment_id: uuid.UUID
) -> list[AssessmentResponse]:
    result = await session.execute(
        select(AssessmentResponse)
        .where(col(AssessmentResponse.assessment_id) == assessment_id)
        .order_by(col(AssessmentResponse.person_id))
    )
    return list(result.scalars())


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------

# An assessment as `AssessmentRead` has it: its framework version's key, version and kind, and
# its counts, in one statement (the counts correlated to each row; a respondent's and a
# response's rows are their assessment's tenant's, written with it).
_ASSESSMENTS = select(
    _assessments.id,
    _assessments.framework_id,
    _frameworks.key.label("framework_key"),
    _frameworks.version.label("framework_version"),
    _frameworks.kind,
    _assessments.name,
    _assessments.scope_unit_id,
    _assessments.due_date,
    _assessments.budget_minor,
    _assessments.budget_currency,
    _assessments.processes,
    _assessments.status,
    select(func.count())
    .where(_respondents.assessment_id == _assessments.id)
    .scalar_subquery()
    .label("respondent_count"),
    select(func.count())
    .where(_responses.assessment_id == _assessments.id)
    .scalar_subquery()
    .label("response_count"),
    _assessments.version,
    _assessments.created_at,
    _assessments.updated_at,
    _assessments.closed_at,
).join_from(table_of(Assessment), table_of(Framework), _frameworks.id == _assessments.framework_id)

# Built once: a statement object caches its own cache key, so reusing it skips that walk.
_ASSESSMENT_ROW = _ASSESSMENTS.where(
    _assessments.tenant_id == bindparam("tenant_id"), _assessments.id == bindparam("assessment_id")
)
_ASSESSMENT_EXISTS = select(_assessments.id).where(
    _assessments.tenant_id == bindparam("tenant_id"), _assessments.id == bindparam("assessment_id")
)


async def assessment_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, assessment_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's assessment with its framework version and counts, or None."""
    rows = await mappings(
        conn, _ASSESSMENT_ROW, {"tenant_id": tenant_id, "assessment_id": assessment_id}
    )
    return rows[0] if rows else None


async def assessment_exists(
    conn: AsyncConnection, tenant_id: uuid.UUID, assessment_id: uuid.UUID
) -> bool:
    rows = await mappings(
        conn, _ASSESSMENT_EXISTS, {"tenant_id": tenant_id, "assessment_id": assessment_id}
    )
    return bool(rows)


_ASSESSMENT_PAGES = PageStatements.of_columns(_ASSESSMENTS, _assessments)


async def page_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: str | None,
    framework_id: uuid.UUID | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's assessments as `assessment_row` gives each."""
    return await _ASSESSMENT_PAGES.page(
        conn, sort, limit, cursor, tenant_id=tenant_id, status=status, framework_id=framework_id
    )


_RESPONDENTS = select(
    _respondents.person_id,
    _respondents.added_at,
    exists()
    .where(
        _responses.assessment_id == _respondents.assessment_id,
        _responses.person_id == _respondents.person_id,
    )
    .label("responded"),
)


_RESPONDENT_PAGES = PageStatements.of_columns(_RESPONDENTS, _respondents)


async def respondent_rows(
    conn: AsyncConnection,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the assessment's respondents (person_id, added_at, responded)."""
    return await _RESPONDENT_PAGES.page(conn, sort, limit, cursor, assessment_id=assessment_id)


_RESPONSE_COLUMNS = (
    _responses.person_id,
    _responses.answers,
    _responses.process_answers,
    _responses.version,
    _responses.submitted_at,
)


_RESPONSE_PAGES = PageStatements.of_columns(select(*_RESPONSE_COLUMNS), _responses)


async def response_rows(
    conn: AsyncConnection,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReadRow], str | None]:
    """A page of the assessment's responses, as stored."""
    return await _RESPONSE_PAGES.page(conn, sort, limit, cursor, assessment_id=assessment_id)


# The tenant's assessment joined to the person's response, if any: one statement tells "no
# assessment" (no row) from "no response" (a row without one).
_RESPONSE_ROW = (
    select(_assessments.id.label("assessment_id"), *_RESPONSE_COLUMNS)
    .select_from(
        table_of(Assessment).outerjoin(
            table_of(AssessmentResponse),
            (_responses.assessment_id == _assessments.id)
            & (_responses.person_id == bindparam("person_id")),
        )
    )
    .where(
        _assessments.tenant_id == bindparam("tenant_id"),
        _assessments.id == bindparam("assessment_id"),
    )
)


async def response_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, assessment_id: uuid.UUID, person_id: uuid.UUID
) -> ReadRow | None:
    """The tenant's assessment with the person's response: None without the assessment, a row
    whose `version` is None without the response."""
    rows = await mappings(
        conn,
        _RESPONSE_ROW,
        {"tenant_id": tenant_id, "assessment_id": assessment_id, "person_id": person_id},
    )
    return rows[0] if rows else None
