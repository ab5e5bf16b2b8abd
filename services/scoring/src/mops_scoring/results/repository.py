"""Every query on results; each read is filtered by tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Uuid, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from mops_scoring.results.models import Result
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.pagination import SortOption, keyset_page, sort_options, split_page

RESULT_SORTS = sort_options([("computed_at", [Result.computed_at])], tiebreaker=Result.id)


def add(session: AsyncSession, result: Result) -> Result:
    session.add(result)
    return result


async def get_for_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, result_id: uuid.UUID
) -> Result | None:
    """The tenant's result; another tenant's is as absent as none."""
    result = await session.get(Result, result_id)
    if result is None or result.tenant_id != tenant_id:
        return None
    return result


async def latest(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    kind: FrameworkKind,
    *,
    scope_unit_id: uuid.UUID | None,
    any_scope: bool,
) -> Result | None:
    stmt = select(Result).where(col(Result.tenant_id) == tenant_id, col(Result.kind) == kind.value)
    if not any_scope:
        stmt = stmt.where(
            col(Result.scope_unit_id).is_(None)
            if scope_unit_id is None
            else col(Result.scope_unit_id) == scope_unit_id
        )
    found = await session.execute(
        stmt.order_by(col(Result.computed_at).desc(), col(Result.id).desc()).limit(1)
    )
    return found.scalar_one_or_none()


async def history_page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    assessment_id: uuid.UUID | None,
    framework_key: str | None,
    scope_unit_id: uuid.UUID | None,
    whole_tenant: bool,
) -> tuple[list[tuple[Result, uuid.UUID | None]], str | None]:
    """A page of the tenant's results, each with the id of the previous result of the same
    framework and scope (found with a window over the tenant's results, in one query)."""
    previous = (
        select(
            col(Result.id).label("id"),
            # Typed, so that SQLite gives a UUID back rather than its stored text.
            func.lag(col(Result.id), type_=Uuid())
            .over(
                partition_by=(col(Result.framework_key), col(Result.scope_unit_id)),
                order_by=(col(Result.computed_at), col(Result.id)),
            )
            .label("previous_id"),
        )
        .where(col(Result.tenant_id) == tenant_id)
        .subquery("previous")
    )
    stmt = (
        select(Result, previous.c.previous_id)
        .join(previous, previous.c.id == col(Result.id))
        .where(col(Result.tenant_id) == tenant_id)
    )
    if assessment_id is not None:
        stmt = stmt.where(col(Result.assessment_id) == assessment_id)
    if framework_key is not None:
        stmt = stmt.where(col(Result.framework_key) == framework_key)
    if scope_unit_id is not None:
        stmt = stmt.where(col(Result.scope_unit_id) == scope_unit_id)
    elif whole_tenant:
        stmt = stmt.where(col(Result.scope_unit_id).is_(None))
    rows = (await session.execute(keyset_page(stmt, sort, limit, cursor))).all()
    results = [row[0] for row in rows]
    previous_of = {row[0].id: row[1] for row in rows}
    page, next_cursor = split_page(results, sort, limit)
    return [(r, previous_of[r.id]) for r in page], next_cursor


async def scores_of(
    session: AsyncSession, result_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    if not result_ids:
        return {}
    rows = await session.execute(
        select(col(Result.id), col(Result.scores)).where(col(Result.id).in_(list(result_ids)))
    )
    return {row[0]: row[1] for row in rows.all()}
