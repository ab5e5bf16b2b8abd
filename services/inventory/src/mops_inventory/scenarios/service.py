"""Scenarios: validated on every write (tools of the tenant, owner units in the org service, no
cycle in replacements), and their gap analysis against the current stack."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.db import writes
from mops_inventory.scenarios import repository
from mops_inventory.scenarios.models import Scenario
from mops_inventory.scenarios.schemas import (
    ChangeKind,
    PlannedChange,
    ScenarioCreate,
    ScenarioRead,
    ScenarioSort,
    ScenarioUpdate,
)
from mops_inventory.tools import service as tools_service
from mops_shared.contracts.clients import OrgClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.inventory import MoneySum
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.contracts.scenarios import ScenarioDiff, StageDiff
from mops_shared.kit.audit import record_audit
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, ValidationFailed, found
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.pagination import resolve_sort
from mops_shared.kit.reads import ReadRow, WireJSON


def to_read(scenario: Scenario) -> ScenarioRead:
    return ScenarioRead(
        id=scenario.id,
        name=scenario.name,
        description=scenario.description,
        changes=[PlannedChange.model_validate(c) for c in scenario.changes],
        version=scenario.version,
        created_at=scenario.created_at,
        updated_at=scenario.updated_at,
    )


async def _validate_changes(
    session: AsyncSession, principal: Principal, org: OrgClient, changes: Sequence[PlannedChange]
) -> None:
    errors: list[ProblemFieldError] = []

    def error(index: int, field_name: str, detail: str) -> None:
        errors.append(
            ProblemFieldError(
                location=ProblemLocation.body,
                pointer=f"/changes/{index}/{field_name}",
                detail=detail,
            )
        )

    tool_ids = {c.tool_id for c in changes if c.tool_id} | {
        c.replacement_tool_id for c in changes if c.replacement_tool_id
    }
    known: set[uuid.UUID] = set()
    if tool_ids:
        known = await repository.known_tool_ids(session, principal.tenant_id, tool_ids)
    for index, change in enumerate(changes):
        for field_name in ("tool_id", "replacement_tool_id"):
            value = getattr(change, field_name)
            if value is not None and value not in known:
                error(index, field_name, "no tool with this id")
    unit_ids = {c.owner_unit_id for c in changes if c.owner_unit_id}
    if unit_ids:
        units = await org.get_units(principal, unit_ids)
        for index, change in enumerate(changes):
            if change.owner_unit_id is not None and change.owner_unit_id not in units:
                error(index, "owner_unit_id", "no unit with this id in the org service")
    # A replacement chain must not come back on itself (X by Y, Y by X).
    replaced_by: dict[uuid.UUID, tuple[int, uuid.UUID]] = {}
    for index, change in enumerate(changes):
        if change.kind is ChangeKind.replace_tool and change.replacement_tool_id and change.tool_id:
            replaced_by[change.tool_id] = (index, change.replacement_tool_id)
    for start, (index, _) in replaced_by.items():
        current = start
        for _ in range(len(replaced_by)):
            step = replaced_by.get(current)
            if step is None:
                break
            current = step[1]
            if current == start:
                error(index, "replacement_tool_id", "the replacement chain comes back here")
                break
    if errors:
        raise ValidationFailed("; ".join(f"{e.pointer}: {e.detail}" for e in errors), errors=errors)


async def create_scenario(
    session: AsyncSession, principal: Principal, org: OrgClient, data: ScenarioCreate
) -> ScenarioRead:
    await _validate_changes(session, principal, org, data.changes)
    scenario = Scenario(
        tenant_id=principal.tenant_id,
        name=data.name,
        name_key=name_key(data.name),
        description=data.description,
        changes=[c.model_dump(mode="json") for c in data.changes],
    )
    session.add(scenario)
    try:
        await session.flush()
        after = to_read(scenario).model_dump(mode="json")
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="scenario",
            object_id=scenario.id,
            before=None,
            after=after,
            event="scenario.created",
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A scenario named {data.name!r} already exists.") from exc
    return to_read(scenario)


async def _get(session: AsyncSession, principal: Principal, scenario_id: uuid.UUID) -> Scenario:
    # Another tenant's scenario is as absent as one that never existed.
    scenario = found(
        await repository.get_by_id(session, principal.tenant_id, scenario_id),
        f"No scenario {scenario_id}.",
    )
    return scenario


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

SCENARIO_JSON = WireJSON(ScenarioRead)


async def read_scenario(
    conn: AsyncConnection, principal: Principal, scenario_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's scenario as `ScenarioRead`'s JSON, with its version (for the ETag). Its
    changes are stored as the JSON of `PlannedChange`s (validated and dumped on every write),
    so they are written as they are."""
    row = await _scenario_row(conn, principal, scenario_id)
    return SCENARIO_JSON.dumps(SCENARIO_JSON.item(row)), int(row["version"])


async def read_scenarios(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: ScenarioSort,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`list_scenarios`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=resolve_sort(repository.SCENARIO_SORTS, sort),
        limit=limit,
        cursor=cursor,
    )
    return SCENARIO_JSON.dumps_page(SCENARIO_JSON.items(rows), next_cursor)


async def _scenario_row(
    conn: AsyncConnection, principal: Principal, scenario_id: uuid.UUID
) -> ReadRow:
    # Another tenant's scenario is as absent as one that never existed.
    row = found(
        await repository.scenario_row(conn, principal.tenant_id, scenario_id),
        f"No scenario {scenario_id}.",
    )
    return row


async def update_scenario(
    session: AsyncSession,
    principal: Principal,
    org: OrgClient,
    scenario_id: uuid.UUID,
    data: ScenarioUpdate,
    if_match: str | None,
) -> ScenarioRead:
    scenario = await _get(session, principal, scenario_id)
    check_if_match(if_match, scenario.version)
    before = to_read(scenario).model_dump(mode="json")
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes:
        if data.name is None:
            raise ValidationFailed.at(ProblemLocation.body, "/name", "name cannot be null")
        scenario.name, scenario.name_key = data.name, name_key(data.name)
    if "description" in changes:
        scenario.description = data.description
    if "changes" in changes:
        planned = data.changes or []
        await _validate_changes(session, principal, org, planned)
        scenario.changes = [c.model_dump(mode="json") for c in planned]
    scenario.version += 1
    scenario.updated_at = utcnow()
    try:
        await session.flush()
        after = to_read(scenario).model_dump(mode="json")
        await writes.record_change(
            session,
            principal,
            action="update",
            object_type="scenario",
            object_id=scenario.id,
            before=before,
            after=after,
            event="scenario.updated",
        )
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict(f"A scenario named {data.name!r} already exists.") from exc
    return to_read(scenario)


async def delete_scenario(
    session: AsyncSession, principal: Principal, scenario_id: uuid.UUID, if_match: str | None
) -> None:
    scenario = await _get(session, principal, scenario_id)
    check_if_match(if_match, scenario.version)
    before = to_read(scenario).model_dump(mode="json")
    await session.delete(scenario)
    await record_audit(
        session,
        writes.audit,
        principal,
        action="delete",
        object_type="scenario",
        object_id=scenario_id,
        before=before,
        after=None,
    )
    await session.commit()


@dataclass
class _StackTool:
    name: str
    costs: dict[str, int] = field(default_factory=dict)
    capabilities: set[str] = field(default_factory=set)


@dataclass
class _Stack:
    """The stack as totals: tools, cost per currency, and how many tools serve each capability.

    A change moves the totals by the figures of the one tool it touches, so a diff never loads
    the whole stack: a capability is gained when its count leaves 0 and lost when it reaches 0.
    """

    tool_count: int
    costs: dict[str, int]
    paying: dict[str, int]  # currency -> tools with a contract in it
    serving: dict[str, int]  # capability name_key -> tools serving it
    names: dict[str, str]  # capability name_key -> its name

    def add(self, tool: _StackTool) -> None:
        self.tool_count += 1
        for currency, amount in tool.costs.items():
            self.costs[currency] = self.costs.get(currency, 0) + amount
            self.paying[currency] = self.paying.get(currency, 0) + 1
        for capability in {name_key(c): c for c in tool.capabilities}.items():
            key, name = capability
            self.serving[key] = self.serving.get(key, 0) + 1
            self.names.setdefault(key, name)

    def remove(self, tool: _StackTool) -> None:
        self.tool_count -= 1
        for currency, amount in tool.costs.items():
            self.costs[currency] -= amount
            self.paying[currency] -= 1
        for key in {name_key(c) for c in tool.capabilities}:
            self.serving[key] -= 1

    def served(self) -> set[str]:
        return {key for key, count in self.serving.items() if count > 0}

    def cost(self) -> list[MoneySum]:
        return [
            MoneySum(amount_minor=amount, currency=currency)
            for currency, amount in sorted(self.costs.items())
            if self.paying[currency] > 0
        ]


async def _current_stack(conn: AsyncConnection, tenant_id: uuid.UUID) -> _Stack:
    """The totals of every tool not retired: three aggregate queries whatever its size."""
    tool_count = await repository.live_tool_count(conn, tenant_id)
    costs = await repository.live_costs(conn, tenant_id)
    serving = await repository.live_capabilities(conn, tenant_id)
    stack = _Stack(tool_count=tool_count, costs={}, paying={}, serving={}, names={})
    for currency, amount, paying in costs:
        stack.costs[currency] = int(amount)
        stack.paying[currency] = paying
    for key, name, count in serving:
        stack.serving[key] = count
        stack.names[key] = name
    return stack


async def _changed_tools(
    conn: AsyncConnection, tenant_id: uuid.UUID, tool_ids: set[uuid.UUID]
) -> dict[uuid.UUID, tuple[_StackTool, bool]]:
    """The tools the changes name: each with its cost and capabilities, and whether it is in
    the current stack (not retired)."""
    if not tool_ids:
        return {}
    found = {
        row.id: (_StackTool(name=row.name), row.status != "retired")
        for row in await repository.tools_among(conn, tenant_id, tool_ids)
    }
    for tool_id, currency, amount in await repository.costs_of_tools(conn, list(found)):
        found[tool_id][0].costs[currency] = int(amount)
    for tool_id, names in (await tools_service.capability_names_of(conn, list(found))).items():
        found[tool_id][0].capabilities = set(names)
    return found


# Built once: FastAPI's serialisation of the route's model, done here once instead of twice.
_DIFF_JSON = TypeAdapter(ScenarioDiff)


async def read_scenario_diff(
    conn: AsyncConnection, principal: Principal, scenario_id: uuid.UUID
) -> bytes:
    """`ScenarioDiff`'s JSON, computed from rows (the scenario's, the stack's aggregates and
    the figures of the tools its changes name)."""
    return _DIFF_JSON.dump_json(await scenario_diff(conn, principal, scenario_id), by_alias=True)


async def scenario_diff(
    conn: AsyncConnection, principal: Principal, scenario_id: uuid.UUID
) -> ScenarioDiff:
    scenario = await _scenario_row(conn, principal, scenario_id)
    changes = [PlannedChange.model_validate(c) for c in scenario["changes"]]
    stack = await _current_stack(conn, principal.tenant_id)
    current_count = stack.tool_count
    named = {c.tool_id for c in changes if c.tool_id} | {
        c.replacement_tool_id for c in changes if c.replacement_tool_id
    }
    tools = await _changed_tools(conn, principal.tenant_id, named)
    in_stack = {tool_id for tool_id, (_, live) in tools.items() if live}
    stages: list[StageDiff] = []
    for stage in sorted({c.stage for c in changes}):
        cost_before, served_before = stack.cost(), stack.served()
        added: list[str] = []
        retired: list[str] = []
        replaced: list[str] = []
        for change in (c for c in changes if c.stage == stage):
            if change.kind is ChangeKind.add_tool and change.new_tool:
                stack.add(_planned(change))
                added.append(change.new_tool.name)
            elif change.kind is ChangeKind.retire_tool and change.tool_id in in_stack:
                in_stack.discard(change.tool_id)
                old = tools[change.tool_id][0]
                stack.remove(old)
                retired.append(old.name)
            elif change.kind is ChangeKind.replace_tool and change.tool_id in in_stack:
                in_stack.discard(change.tool_id)
                old = tools[change.tool_id][0]
                stack.remove(old)
                if change.new_tool is not None:
                    stack.add(_planned(change))
                    replaced.append(f"{old.name} → {change.new_tool.name}")
                else:
                    assert change.replacement_tool_id is not None  # validated on write
                    replacement = tools.get(change.replacement_tool_id)
                    name = replacement[0].name if replacement else "?"
                    replaced.append(f"{old.name} → {name}")
        served_after = stack.served()
        stages.append(
            StageDiff(
                stage=stage,
                tools_added=sorted(added),
                tools_retired=sorted(retired),
                tools_replaced=sorted(replaced),
                cost_before=cost_before,
                cost_after=stack.cost(),
                capabilities_gained=sorted(stack.names[k] for k in served_after - served_before),
                capabilities_lost=sorted(stack.names[k] for k in served_before - served_after),
            )
        )
    return ScenarioDiff(
        scenario_id=scenario["id"],
        current_tool_count=current_count,
        target_tool_count=stack.tool_count,
        stages=stages,
    )


def _planned(change: PlannedChange) -> _StackTool:
    assert change.new_tool is not None
    tool = change.new_tool
    costs = {tool.annual_cost.currency: tool.annual_cost.amount_minor} if tool.annual_cost else {}
    return _StackTool(name=tool.name, costs=costs, capabilities=set(tool.capabilities))
