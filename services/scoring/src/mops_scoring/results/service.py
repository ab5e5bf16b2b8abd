"""Results: computed from a closed assessment, its framework version and live evidence, kept
as computed; histories compare each with the previous one of its framework and scope."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mops_scoring.assessments.schemas import AssessmentStatus, Process
from mops_scoring.assessments.service import (
    all_responses,
    assessment_or_404,
    budget_of,
    framework_of,
)
from mops_scoring.db import writes
from mops_scoring.evidence.compute import DangerShare, evidence_values, fetch
from mops_scoring.frameworks.schemas import FrameworkDocument
from mops_scoring.frameworks.service import document_of
from mops_scoring.results import engine, repository
from mops_scoring.results.models import Result
from mops_scoring.results.schemas import CxQuadrant, ResultPage, ResultRead, ResultSummary
from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import new_id, utcnow
from mops_shared.kit.errors import Conflict, NotFound
from mops_shared.kit.pagination import SortOption

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


async def get_result(
    session: AsyncSession, principal: Principal, result_id: uuid.UUID
) -> ResultRead:
    result = await repository.get_for_tenant(session, principal.tenant_id, result_id)
    if result is None:
        raise NotFound(f"No result {result_id}.")
    return ResultRead.model_validate(result.body)


async def result_exists(session: AsyncSession, tenant_id: uuid.UUID, result_id: uuid.UUID) -> bool:
    """Whether the tenant has this result (what a plan may refer to)."""
    return await repository.get_for_tenant(session, tenant_id, result_id) is not None


async def result_of_kind(
    session: AsyncSession, principal: Principal, result_id: uuid.UUID, kind: FrameworkKind
) -> ResultRead:
    """The tenant's result (404 otherwise), which must be of the framework kind (409 if not)."""
    result = await get_result(session, principal, result_id)
    if result.kind != kind:
        raise Conflict(
            f"Result {result_id} is a {result.kind.value} result, not a {kind.value} one."
        )
    return result


async def cx_matrix_of(
    session: AsyncSession, principal: Principal, result_id: uuid.UUID
) -> tuple[ResultRead, float]:
    """The tenant's CX-efficiency result and the `efficient` threshold of the framework version
    it was computed with (results do not carry thresholds)."""
    result = await result_of_kind(session, principal, result_id, FrameworkKind.cx_efficiency)
    document = await document_of(session, result.framework_id)
    return result, document.thresholds.efficient


async def history(
    session: AsyncSession,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    assessment_id: uuid.UUID | None,
    framework_key: str | None,
    scope_unit_id: uuid.UUID | None,
    whole_tenant: bool,
) -> ResultPage:
    """The tenant's results, each with how its dimensions moved since the previous result of
    the same framework and scope (the previous found with a window over the tenant's results,
    in one query)."""
    page, next_cursor = await repository.history_page(
        session,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        assessment_id=assessment_id,
        framework_key=framework_key,
        scope_unit_id=scope_unit_id,
        whole_tenant=whole_tenant,
    )
    earlier = await repository.scores_of(session, [p for _, p in page if p is not None])
    return ResultPage(
        items=[_summary(r, previous_id, earlier) for r, previous_id in page],
        next_cursor=next_cursor,
    )


def _summary(
    result: Result, previous_id: uuid.UUID | None, earlier: dict[uuid.UUID, dict[str, Any]]
) -> ResultSummary:
    before = earlier.get(previous_id, {}) if previous_id is not None else {}
    deltas: dict[str, float | None] = {}
    for key, value in result.scores.items():
        old = before.get(key)
        deltas[key] = (
            round(value - old, 2)
            if previous_id is not None and value is not None and old is not None
            else None
        )
    return ResultSummary(
        id=result.id,
        assessment_id=result.assessment_id,
        framework_key=result.framework_key,
        framework_version=int(result.body["framework_version"]),
        scope_unit_id=result.scope_unit_id,
        computed_at=result.computed_at,
        scores=dict(result.scores),
        deltas=deltas,
        previous_id=previous_id,
    )
