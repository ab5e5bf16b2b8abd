"""Every query on assessments, respondents and responses; each one is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_scoring.assessments.models import Assessment, AssessmentResponse, Respondent
from mops_scoring.assessments.schemas import AssessmentStatus
from mops_shared.kit.db import insert_ignoring_conflicts, rowcount, table_of, utcnow
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options

ASSESSMENT_SORTS = sort_options(
    [("created_at", [Assessment.created_at]), ("name", [Assessment.name])],
    tiebreaker=Assessment.id,
)
_OPEN = AssessmentStatus.open.value
RESPONDENT_SORTS = sort_options(
    [("added_at", [Respondent.added_at])], tiebreaker=Respondent.person_id
)
RESPONSE_SORTS = sort_options(
    [("submitted_at", [AssessmentResponse.submitted_at])], tiebreaker=AssessmentResponse.person_id
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


async def page_after(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: str | None,
    framework_id: uuid.UUID | None,
) -> list[Assessment]:
    stmt = select(Assessment).where(col(Assessment.tenant_id) == tenant_id)
    if status is not None:
        stmt = stmt.where(col(Assessment.status) == status)
    if framework_id is not None:
        stmt = stmt.where(col(Assessment.framework_id) == framework_id)
    return list((await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars())


async def counts(
    session: AsyncSession, tenant_id: uuid.UUID, assessment_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[int, int]]:
    """{assessment id: (respondents, responses)} for a page of assessments: two queries."""
    if not assessment_ids:
        return {}
    wanted = list(assessment_ids)
    respondents = await _count_by_assessment(
        session, col(Respondent.assessment_id), col(Respondent.tenant_id), tenant_id, wanted
    )
    responses = await _count_by_assessment(
        session,
        col(AssessmentResponse.assessment_id),
        col(AssessmentResponse.tenant_id),
        tenant_id,
        wanted,
    )
    return {i: (respondents.get(i, 0), responses.get(i, 0)) for i in wanted}


async def _count_by_assessment(
    session: AsyncSession,
    assessment_column: Any,
    tenant_column: Any,
    tenant_id: uuid.UUID,
    assessment_ids: list[uuid.UUID],
) -> dict[uuid.UUID, int]:
    rows = await session.execute(
        select(assessment_column, func.count())
        .where(tenant_column == tenant_id, assessment_column.in_(assessment_ids))
        .group_by(assessment_column)
    )
    return {assessment_id: int(count) for assessment_id, count in rows.all()}


async def respondent_ids(session: AsyncSession, assessment_id: uuid.UUID) -> set[uuid.UUID]:
    result = await session.execute(
        select(col(Respondent.person_id)).where(col(Respondent.assessment_id) == assessment_id)
    )
    return set(result.scalars())


async def respondents_page(
    session: AsyncSession,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> list[Respondent]:
    """Up to `limit + 1` respondents after the cursor."""
    stmt = select(Respondent).where(col(Respondent.assessment_id) == assessment_id)
    return list((await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars())


async def responded_among(
    session: AsyncSession, assessment_id: uuid.UUID, person_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these respondents have a response."""
    if not person_ids:
        return set()
    result = await session.execute(
        select(col(AssessmentResponse.person_id)).where(
            col(AssessmentResponse.assessment_id) == assessment_id,
            col(AssessmentResponse.person_id).in_(list(person_ids)),
        )
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


async def responses_page(
    session: AsyncSession,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> list[AssessmentResponse]:
    stmt = select(AssessmentResponse).where(col(AssessmentResponse.assessment_id) == assessment_id)
    return list((await session.execute(keyset_page(stmt, sort, limit, cursor))).scalars())


async def all_responses(
    session: AsyncSession, assessment_id: uuid.UUID
) -> list[AssessmentResponse]:
    result = await session.execute(
        select(AssessmentResponse)
        .where(col(AssessmentResponse.assessment_id) == assessment_id)
        .order_by(col(AssessmentResponse.person_id))
    )
    return list(result.scalars())
