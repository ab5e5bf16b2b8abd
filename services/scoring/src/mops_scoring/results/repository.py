"""Every query on results; each read is filtered by tenant."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, Text, Uuid, bindparam, cast, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from mops_scoring.frameworks.models import Framework
from mops_scoring.results.models import Result
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.db import table_of
from mops_shared.kit.pagination import SortOption, sort_options
from mops_shared.kit.reads import ReadRow, mappings, page_of_rows

# Core columns: a select made of these alone runs as Core (rows, no entities).
_results = table_of(Result).c
_frameworks = table_of(Framework).c

RESULT_SORTS = sort_options([("computed_at", [_results.computed_at])], tiebreaker=_results.id)


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


# --- reads as rows (GET answers, `mops_shared.kit.reads`) ---------------------------------------

_FOR_TENANT = (
    _results.tenant_id == bindparam("tenant_id"),
    _results.id == bindparam("result_id"),
)
# The body as the text stored: it is the `ResultRead` the computation wrote (`model_dump` in
# JSON mode), so it goes out without being parsed. On PostgreSQL the column is `json`, which
# keeps the text as written.
_BODY_TEXT = select(cast(_results.body, Text).label("body")).where(*_FOR_TENANT)
_BODY = select(_results.kind, _results.body).where(*_FOR_TENANT)
# With the framework version's document, for what a picture takes from it.
_BODY_AND_DOCUMENT = (
    select(_results.kind, _results.body, _frameworks.document)
    .join_from(table_of(Result), table_of(Framework), _frameworks.id == _results.framework_id)
    .where(*_FOR_TENANT)
)


def _params(tenant_id: uuid.UUID, result_id: uuid.UUID) -> dict[str, Any]:
    return {"tenant_id": tenant_id, "result_id": result_id}


async def body_text(
    conn: AsyncConnection, tenant_id: uuid.UUID, result_id: uuid.UUID
) -> str | None:
    """The tenant's result as the JSON text stored, or None."""
    rows = await mappings(conn, _BODY_TEXT, _params(tenant_id, result_id))
    return str(rows[0]["body"]) if rows else None


async def body_row(
    conn: AsyncConnection, tenant_id: uuid.UUID, result_id: uuid.UUID, *, document: bool = False
) -> ReadRow | None:
    """The tenant's result's kind and body (parsed), with `document` its framework version's
    document too; None without the result."""
    rows = await mappings(
        conn, _BODY_AND_DOCUMENT if document else _BODY, _params(tenant_id, result_id)
    )
    return rows[0] if rows else None


async def history_rows(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    assessment_id: uuid.UUID | None,
    framework_key: str | None,
    scope_unit_id: uuid.UUID | None,
    whole_tenant: bool,
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's results as `ResultSummary` has them, each with the id and the
    scores of the previous result of the same framework and scope (found with a window over
    the tenant's results), in one statement. The framework version is its row's: a result keeps
    the version it was computed with, and versions never change."""
    partition_by = (_results.framework_key, _results.scope_unit_id)
    order_by = (_results.computed_at, _results.id)
    previous = (
        select(
            _results.id.label("id"),
            # Typed, so that SQLite gives a UUID and a document back rather than stored text.
            func.lag(_results.id, type_=Uuid())
            .over(partition_by=partition_by, order_by=order_by)
            .label("previous_id"),
            func.lag(_results.scores, type_=JSON())
            .over(partition_by=partition_by, order_by=order_by)
            .label("previous_scores"),
        )
        .where(_results.tenant_id == tenant_id)
        .subquery("previous")
    )
    stmt = (
        select(
            _results.id,
            _results.assessment_id,
            _results.framework_key,
            _frameworks.version.label("framework_version"),
            _results.scope_unit_id,
            _results.computed_at,
            _results.scores,
            previous.c.previous_id,
            previous.c.previous_scores,
        )
        .select_from(
            table_of(Result)
            .join(previous, previous.c.id == _results.id)
            .join(table_of(Framework), _frameworks.id == _results.framework_id)
        )
        .where(_results.tenant_id == tenant_id)
    )
    if assessment_id is not None:
        stmt = stmt.where(_results.assessment_id == assessment_id)
    if framework_key is not None:
        stmt = stmt.where(_results.framework_key == framework_key)
    if scope_unit_id is not None:
        stmt = stmt.where(_results.scope_unit_id == scope_unit_id)
    elif whole_tenant:
        stmt = stmt.where(_results.scope_unit_id.is_(None))
    return await page_of_rows(conn, stmt, sort, limit, cursor)
