"""Results: computed from a closed assessment, its framework version and live evidence, kept
as computed; histories compare each with the previous one of its framework and scope."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_scoring.assessments.schemas import AssessmentStatus, Process
from mops_scoring.assessments.service import (
    all_responses,
    assessment_or_404,
    budget_of,
    framework_of,
)
from mops_scoring.db import writes
from mops_scoring.evidence.compute import DangerShare, evidence_values, fetch
from mops_scoring.frameworks.schemas import FrameworkDocument, Thresholds
from mops_scoring.results import engine, repository
from mops_scoring.results.models import Result
from mops_scoring.results.schemas import CxQuadrant, ResultRead, ResultSummary
from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import new_id, utcnow
from mops_shared.kit.errors import Conflict, found
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import ReadRow, WireJSON

RESULT_SORTS = repository.RESULT_SORTS

_DANGER_SIGNAL = "danger_process_share"


async def compute_result(
    session: AsyncSession,
    principal: Principal,
    assessment_id: uuid.UUID,
    org: OrgClient,
    inventory: InventoryClient,
    *,
    allow_partial: bool,
) -> ResultRead:
    """Scores the closed assessment: its responses, and the evidence its framework version
    names, fetched with at most one call to each of the org and inventory services."""
    assessment = await assessment_or_404(session, principal, assessment_id)
    if assessment.status != AssessmentStatus.closed.value:
        raise Conflict(f"Assessment {assessment_id} is open: close it before computing a result.")
    framework = await framework_of(session, assessment)
    document = FrameworkDocument.model_validate(framework.document)
    responses = [
        engine.Answers(response.answers, response.process_answers)
        for response in await all_responses(session, assessment.id)
    ]
    processes = [Process.model_validate(p) for p in assessment.processes]
    budget = budget_of(assessment)
    uses_danger = any(item.signal == _DANGER_SIGNAL for item in document.evidence)
    danger = await _latest_danger_share(session, principal.tenant_id) if uses_danger else None
    scope_unit_id, framework_id = assessment.scope_unit_id, framework.id
    key, version = framework.key, framework.version
    # Nothing is held open while the other services answer.
    await session.commit()
    sources = await fetch(
        document,
        principal,
        org,
        inventory,
        budget=budget,
        danger=danger,
        allow_partial=allow_partial,
    )
    values = evidence_values(document, sources)
    scores = engine.score(document, responses, values, processes)
    result = ResultRead(
        id=new_id(),
        assessment_id=assessment_id,
        framework_id=framework_id,
        framework_key=key,
        framework_version=version,
        kind=document.kind,
        scope_unit_id=scope_unit_id,
        computed_at=utcnow(),
        respondents=len(responses),
        dimensions=scores.dimensions,
        quadrants=scores.quadrants,
        centre=scores.centre,
        weak_quadrants=scores.weak_quadrants,
        processes=scores.processes,
        readiness=scores.readiness,
        evidence=list(values.values()),
        unavailable_sources=sorted(sources.unavailable),
    )
    body = result.model_dump(mode="json")
    repository.add(
        session,
        Result(
            id=result.id,
            tenant_id=principal.tenant_id,
            assessment_id=assessment_id,
            framework_id=framework_id,
            framework_key=key,
            kind=document.kind.value,
            scope_unit_id=scope_unit_id,
            computed_at=result.computed_at,
            scores={d.key: d.score for d in result.dimensions},
            body=body,
        ),
    )
    await writes.record_change(
        session,
        principal,
        action="create",
        object_type="result",
        object_id=result.id,
        before=None,
        after=body,
        event="assessment.completed",
        data={
            "assessment_id": str(assessment_id),
            "result_id": str(result.id),
            "framework_key": key,
            "framework_version": version,
            "scores": {d.key: d.score for d in result.dimensions},
            "weak_quadrants": result.weak_quadrants,
            "readiness_due": result.readiness.due if result.readiness else None,
        },
    )
    await session.commit()
    return result


async def latest_result(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    kind: FrameworkKind,
    *,
    scope_unit_id: uuid.UUID | None = None,
    any_scope: bool = False,
) -> Result | None:
    """The tenant's latest result of this kind, for the scope (the whole tenant when
    `scope_unit_id` is None) or, with `any_scope`, whatever its scope."""
    return await repository.latest(
        session, tenant_id, kind, scope_unit_id=scope_unit_id, any_scope=any_scope
    )


async def _latest_danger_share(session: AsyncSession, tenant_id: uuid.UUID) -> DangerShare | None:
    """The processes of the tenant's latest CX-efficiency result and how many are in danger."""
    latest = await latest_result(session, tenant_id, FrameworkKind.cx_efficiency, any_scope=True)
    if latest is None:
        return None
    processes = latest.body.get("processes", [])
    danger = sum(1 for p in processes if p.get("quadrant") == CxQuadrant.danger.value)
    return DangerShare(processes=len(processes), danger=danger)


async def result_exists(session: AsyncSession, tenant_id: uuid.UUID, result_id: uuid.UUID) -> bool:
    """Whether the tenant has this result (what a plan may refer to)."""
    return await repository.get_for_tenant(session, tenant_id, result_id) is not None


# --- reads (GET answers, `mops_shared.kit.reads`) ------------------------------------------------

SUMMARY_JSON = WireJSON(ResultSummary)


async def read_result(conn: AsyncConnection, principal: Principal, result_id: uuid.UUID) -> bytes:
    """The tenant's result as `ResultRead`'s JSON: the body stored when it was computed, which
    is that model's JSON (a result never changes)."""
    body = found(
        await repository.body_text(conn, principal.tenant_id, result_id), f"No result {result_id}."
    )
    return body.encode()


async def result_model(
    conn: AsyncConnection, principal: Principal, result_id: uuid.UUID
) -> ResultRead:
    """The tenant's result as the model, for what is computed from it (404 without it)."""
    row = found(
        await repository.body_row(conn, principal.tenant_id, result_id), f"No result {result_id}."
    )
    return ResultRead.model_validate(row["body"])


async def _row_of_kind(
    conn: AsyncConnection,
    principal: Principal,
    result_id: uuid.UUID,
    kind: FrameworkKind,
    *,
    document: bool = False,
) -> ReadRow:
    """The tenant's result's row (404 otherwise), which must be of the framework kind (409 if
    not)."""
    row = found(
        await repository.body_row(conn, principal.tenant_id, result_id, document=document),
        f"No result {result_id}.",
    )
    if row["kind"] != kind.value:
        raise Conflict(f"Result {result_id} is a {row['kind']} result, not a {kind.value} one.")
    return row


async def result_of_kind(
    conn: AsyncConnection, principal: Principal, result_id: uuid.UUID, kind: FrameworkKind
) -> ResultRead:
    """The tenant's result (404 otherwise), which must be of the framework kind (409 if not)."""
    row = await _row_of_kind(conn, principal, result_id, kind)
    return ResultRead.model_validate(row["body"])


async def cx_matrix_of(
    conn: AsyncConnection, principal: Principal, result_id: uuid.UUID
) -> tuple[ResultRead, float]:
    """The tenant's CX-efficiency result and the `efficient` threshold of the framework version
    it was computed with (results do not carry thresholds), in one statement."""
    row = await _row_of_kind(conn, principal, result_id, FrameworkKind.cx_efficiency, document=True)
    thresholds = Thresholds.model_validate(row["document"].get("thresholds", {}))
    return ResultRead.model_validate(row["body"]), thresholds.efficient


async def read_history(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    assessment_id: uuid.UUID | None,
    framework_key: str | None,
    scope_unit_id: uuid.UUID | None,
    whole_tenant: bool,
) -> bytes:
    """The tenant's results as `ResultPage`'s JSON, each with how its dimensions moved since
    the previous result of the same framework and scope."""
    rows, next_cursor = await repository.history_rows(
        conn,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
    )
    return SUMMARY_JSON.dumps_page([_summary(row) for row in rows], next_cursor)


def _summary(row: ReadRow) -> dict[str, Any]:
    previous_id = row["previous_id"]
    before: dict[str, Any] = (row["previous_scores"] or {}) if previous_id is not None else {}
    deltas: dict[str, float | None] = {}
    for key, value in row["scores"].items():
        old = before.get(key)
        deltas[key] = (
            round(value - old, 2)
            if previous_id is not None and value is not None and old is not None
            else None
        )
    return SUMMARY_JSON.item(row, deltas=deltas)
