"""Transformation plans: checked as a whole on every write (objectives refer to goals, targets
differ from baselines, the result is the tenant's, the stages' RACI matrices and stack
scenarios exist), with each stage's martech gap fetched from the inventory when written."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_scoring.db import writes
from mops_scoring.frameworks.schemas import FrameworkDocument
from mops_scoring.frameworks.service import document_of
from mops_scoring.plans import repository
from mops_scoring.plans.draft import draft_plan
from mops_scoring.plans.models import Plan
from mops_scoring.plans.schemas import (
    MartechGapRead,
    PlanCreate,
    PlanRead,
    PlanStatus,
    PlanUpdate,
    Stage,
    StageRead,
)
from mops_scoring.results.schemas import ResultRead
from mops_scoring.results.service import latest_result, result_exists, result_model
from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.contracts.problem import ProblemFieldError
from mops_shared.contracts.scenarios import ScenarioDiff
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import ValidationFailed, body_error, found
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import ReadRow, WireJSON
from mops_shared.kit.writes import retry_lost_races

PLAN_SORTS = repository.PLAN_SORTS
_DOCUMENT_FIELDS = ("charter", "goals", "objectives", "barriers", "stages")


def to_read(plan: Plan) -> PlanRead:
    return PlanRead.model_validate(
        {
            "id": plan.id,
            "name": plan.name,
            "result_id": plan.result_id,
            "status": plan.status,
            **plan.document,
            "version": plan.version,
            "created_at": plan.created_at,
            "updated_at": plan.updated_at,
        }
    )


async def plan_or_404(session: AsyncSession, principal: Principal, plan_id: uuid.UUID) -> Plan:
    plan = found(await repository.get(session, principal.tenant_id, plan_id), f"No plan {plan_id}.")
    return plan


async def _checked_document(
    session: AsyncSession,
    principal: Principal,
    data: PlanCreate,
    org: OrgClient,
    inventory: InventoryClient,
) -> dict[str, Any]:
    """The plan's document as stored, after every check (422 naming each failure, 503 when
    the org or the inventory cannot be asked)."""
    errors: list[ProblemFieldError] = []
    for i, objective in enumerate(data.objectives):
        if objective.goal >= len(data.goals):
            errors.append(body_error(f"/objectives/{i}/goal", f"there is no goal {objective.goal}"))
        if objective.target == objective.baseline:
            errors.append(
                body_error(f"/objectives/{i}/target", "must differ from the baseline: measurable")
            )
    if data.result_id is not None:
        if not await result_exists(session, principal.tenant_id, data.result_id):
            errors.append(body_error("/result_id", "no result with this id"))
    stages, stage_errors = await _stages(principal, data.stages, org, inventory)
    errors.extend(stage_errors)
    ValidationFailed.raise_if_any(errors)
    return {
        "charter": data.charter,
        "goals": [g.model_dump(mode="json") for g in data.goals],
        "objectives": [o.model_dump(mode="json") for o in data.objectives],
        "barriers": [b.model_dump(mode="json") for b in data.barriers],
        "stages": [s.model_dump(mode="json") for s in stages],
    }


async def _stages(
    principal: Principal, stages: Sequence[Stage], org: OrgClient, inventory: InventoryClient
) -> tuple[list[StageRead], list[ProblemFieldError]]:
    """The stages with their martech gaps' diffs: one call per distinct RACI matrix and per
    distinct scenario (a plan has at most 20 stages)."""
    errors: list[ProblemFieldError] = []
    matrices = list({s.raci_matrix_id for s in stages if s.raci_matrix_id is not None})
    scenarios = list({s.martech_gap.scenario_id for s in stages if s.martech_gap is not None})
    # Asked at once: a plan's checks wait for the slowest call, not for their sum.
    reads, found_diffs = await asyncio.gather(
        asyncio.gather(*(org.raci_matrix(principal, m) for m in matrices)),
        asyncio.gather(*(inventory.scenario_diff(principal, s) for s in scenarios)),
    )
    found = {m for m, read in zip(matrices, reads, strict=True) if read is not None}
    diffs: dict[uuid.UUID, ScenarioDiff | None] = dict(zip(scenarios, found_diffs, strict=True))
    read: list[StageRead] = []
    for i, stage in enumerate(stages):
        at = f"/stages/{i}"
        if stage.raci_matrix_id is not None and stage.raci_matrix_id not in found:
            errors.append(body_error(f"{at}/raci_matrix_id", "no org RACI matrix with this id"))
        gap = None
        if stage.martech_gap is not None:
            diff = diffs[stage.martech_gap.scenario_id]
            if diff is None:
                errors.append(
                    body_error(
                        f"{at}/martech_gap/scenario_id", "no inventory scenario with this id"
                    )
                )
            else:
                wanted = stage.martech_gap.scenario_stage or len(diff.stages)
                at_stage = next((d for d in diff.stages if d.stage == wanted), None)
                if stage.martech_gap.scenario_stage is not None and at_stage is None:
                    errors.append(
                        body_error(
                            f"{at}/martech_gap/scenario_stage",
                            f"the scenario has {len(diff.stages)} stage(s)",
                        )
                    )
                gap = MartechGapRead(
                    scenario_id=stage.martech_gap.scenario_id,
                    scenario_stage=stage.martech_gap.scenario_stage,
                    diff=at_stage,
                )
        read.append(StageRead.model_validate(stage.model_dump() | {"martech_gap": gap}))
    return read, errors


async def create_plan(
    session: AsyncSession,
    principal: Principal,
    data: PlanCreate,
    org: OrgClient,
    inventory: InventoryClient,
) -> PlanRead:
    document = await _checked_document(session, principal, data, org, inventory)
    now = utcnow()
    plan = Plan(
        tenant_id=principal.tenant_id,
        result_id=data.result_id,
        name=data.name,
        status=data.status.value,
        document=document,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, plan)
    await session.flush()
    created = to_read(plan)
    await writes.record_change(
        session,
        principal,
        action="create",
        object_type="plan",
        object_id=created.id,
        before=None,
        after=created.model_dump(mode="json"),
        event="plan.created",
    )
    await session.commit()
    return created


async def update_plan(
    session: AsyncSession,
    principal: Principal,
    plan_id: uuid.UUID,
    data: PlanUpdate,
    if_match: str | None,
    org: OrgClient,
    inventory: InventoryClient,
) -> PlanRead:
    """Replaces the fields given; the whole plan is checked again (and its martech gaps
    fetched again) before anything is written."""
    changes = data.model_dump(exclude_unset=True)

    async def attempt() -> PlanRead:
        plan = await plan_or_404(session, principal, plan_id)
        check_if_match(if_match, plan.version)
        before = to_read(plan)
        merged = PlanCreate.model_validate(
            _as_written(before) | {k: v for k, v in changes.items() if v is not None}
        )
        document = await _checked_document(session, principal, merged, org, inventory)
        if (
            document == plan.document
            and merged.name == plan.name
            and merged.status.value == plan.status
        ):
            return before  # nothing new: same version, no audit entry
        plan.name, plan.status, plan.document = merged.name, merged.status.value, document
        plan.version += 1
        plan.updated_at = utcnow()
        await session.flush()
        after = to_read(plan)
        await writes.record_change(
            session,
            principal,
            action="update",
            object_type="plan",
            object_id=plan.id,
            before=before.model_dump(mode="json"),
            after=after.model_dump(mode="json"),
            event="plan.updated",
        )
        await session.commit()
        return after

    return await retry_lost_races(session, "plan", attempt)


def _as_written(plan: PlanRead) -> dict[str, Any]:
    """The plan as a client writes it: without what the service adds (ids, versions, times,
    the martech gaps' diffs)."""
    fields = plan.model_dump(exclude={"id", "version", "created_at", "updated_at"})
    for stage in fields["stages"]:
        if stage["martech_gap"] is not None:
            stage["martech_gap"].pop("diff", None)
    return fields


async def delete_plan(
    session: AsyncSession, principal: Principal, plan_id: uuid.UUID, if_match: str | None
) -> None:
    plan = await plan_or_404(session, principal, plan_id)
    check_if_match(if_match, plan.version)
    before = to_read(plan)
    await repository.delete(session, plan)
    await writes.record_change(
        session,
        principal,
        action="delete",
        object_type="plan",
        object_id=plan_id,
        before=before.model_dump(mode="json"),
        after=None,
        event="plan.deleted",
        data={"id": str(plan_id)},
    )
    await session.commit()


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

PLAN_JSON = WireJSON(PlanRead)


def _plan_item(row: ReadRow) -> dict[str, Any]:
    """`PlanRead`'s fields of a row: the document's parts as stored, which is as `PlanRead`
    writes them (`_checked_document` stores each part's JSON)."""
    return PLAN_JSON.item(row, **row["document"])


async def read_plan(
    conn: AsyncConnection, principal: Principal, plan_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's plan as `PlanRead`'s JSON, with its version (for the ETag)."""
    row = found(
        await repository.plan_row(conn, principal.tenant_id, plan_id), f"No plan {plan_id}."
    )
    return PLAN_JSON.dumps(_plan_item(row)), int(row["version"])


async def read_plans(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: PlanStatus | None,
    result_id: uuid.UUID | None,
) -> bytes:
    """`list_plans`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        status=status.value if status is not None else None,
        result_id=result_id,
    )
    return PLAN_JSON.dumps_page([_plan_item(row) for row in rows], next_cursor)


async def _latest_with_document(
    session: AsyncSession, tenant_id: uuid.UUID, kind: FrameworkKind, scope: uuid.UUID | None
) -> tuple[ResultRead, FrameworkDocument] | None:
    """The tenant's latest result of this kind for the scope, with its framework document."""
    latest = await latest_result(session, tenant_id, kind, scope_unit_id=scope)
    if latest is None:
        return None
    return ResultRead.model_validate(latest.body), await document_of(session, latest.framework_id)


async def create_draft(
    session: AsyncSession,
    principal: Principal,
    result_id: uuid.UUID,
    org: OrgClient,
    inventory: InventoryClient,
) -> PlanRead:
    """A draft plan from the result, the latest readiness result and the latest CX result of
    the same scope (the result itself where it is of that kind), written as a draft."""
    result = await result_model(await session.connection(), principal, result_id)
    document = await document_of(session, result.framework_id)
    tenant, scope = principal.tenant_id, result.scope_unit_id

    async def latest(kind: FrameworkKind) -> tuple[ResultRead, FrameworkDocument] | None:
        if result.kind == kind:
            return result, document
        return await _latest_with_document(session, tenant, kind, scope)

    proposal = draft_plan(
        result,
        document,
        readiness=await latest(FrameworkKind.mo_readiness),
        cx=await latest(FrameworkKind.cx_efficiency),
    )
    return await create_plan(session, principal, proposal, org, inventory)
