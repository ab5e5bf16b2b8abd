"""Import of a whole inventory file: validate every row, then write all of it (or, with
`partial`, the good rows) in one transaction; re-importing the same file changes nothing.

Rows are matched to existing tools by name (without case). What the file says of a tool
replaces what the inventory held: vendor, category, capabilities, status, flags, notes, the
business owner (its unit and its person, as far as the org service knows them), the tool's
first contract (cost, currency, renewal, seats purchased) and the seats active today.
Integrations name tools in the file or already in the inventory.

A row that matches a tool only when case is ignored, or that changes a tool's annual cost by a
factor of `LARGE_COST_FACTOR` or more, its currency or its owners, is imported with a warning.
A dry run is the same import, rolled back instead of committed: it cannot disagree with the
real one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.categories.service import LandscapeSeeder
from mops_inventory.contracts.models import Contract
from mops_inventory.db import writes
from mops_inventory.imports import repository
from mops_inventory.imports.parsing import ImportParse, ImportProblem, ParsedTool
from mops_inventory.imports.schemas import (
    ImportAction,
    ImportProblemRead,
    ImportReport,
    ImportRowResult,
)
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.tools import service as tools_service
from mops_inventory.tools.models import Tool, ToolStatusChange
from mops_inventory.tools.service import to_reads
from mops_shared.contracts.clients import OrgClient
from mops_shared.contracts.common import name_key
from mops_shared.contracts.imports import ImportMode, ImportSeverity
from mops_shared.contracts.inventory import OwnerRole, ToolOwner, ToolRead
from mops_shared.contracts.money import currency_exponent
from mops_shared.kit.audit import AuditAction, record_audits
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import analyze_after_bulk_write, new_id, utcnow
from mops_shared.kit.outbox import record_events
from mops_shared.kit.reads import ReadRow

# An update that multiplies or divides a tool's annual cost by this much or more (or sets it to
# or from zero) is reported as a warning: most often a typo or a wrong unit in the file.
LARGE_COST_FACTOR = 5


@dataclass
class _Plan:
    problems: list[ImportProblem] = field(default_factory=list)
    failed_rows: set[int] = field(default_factory=set)

    def error(self, row: int, column: str, problem: str) -> None:
        self.problems.append(ImportProblem(row, column, problem, ImportSeverity.error))
        self.failed_rows.add(row)

    def warn(self, row: int, column: str, problem: str) -> None:
        self.problems.append(ImportProblem(row, column, problem, ImportSeverity.warning))


def problem_read(parse: ImportParse, problem: ImportProblem) -> ImportProblemRead:
    """A problem as reports show it: its row as the file shows it, and its pointer."""
    row, pointer = parse.locate(problem.row, problem.column)
    return ImportProblemRead(
        row=row,
        pointer=pointer,
        column=problem.column,
        problem=problem.problem,
        severity=problem.severity,
    )


def _report(
    mode: ImportMode,
    parse: ImportParse,
    plan: _Plan,
    counts: dict[str, int],
    actions: dict[int, ImportAction],
    *,
    dry_run: bool,
) -> ImportReport:
    problems = sorted(
        [*parse.problems, *plan.problems], key=lambda p: (p.row, p.column or "", p.problem)
    )
    failed_rows = {p.row for p in problems if p.severity == "error" and p.row > 0}
    actions = {**actions, **dict.fromkeys(failed_rows, ImportAction.failed)}
    rows = []
    for number in sorted(actions):
        shown, pointer = parse.locate(number, None)
        rows.append(
            ImportRowResult(
                row=shown, pointer=pointer, name=parse.names.get(number), action=actions[number]
            )
        )
    return ImportReport(
        mode=mode,
        dry_run=dry_run,
        rows_read=parse.rows_read,
        created=counts.get("created", 0),
        updated=counts.get("updated", 0),
        unchanged=counts.get("unchanged", 0),
        failed=len(failed_rows),
        integrations_created=counts.get("integrations", 0),
        rows=rows,
        problems=[problem_read(parse, p) for p in problems],
    )


async def _categories(
    session: AsyncSession, tenant_id: uuid.UUID, seeder: LandscapeSeeder
) -> dict[str, uuid.UUID]:
    await seeder.ensure(session, tenant_id)
    return await repository.top_level_categories(session, tenant_id)


def _resolve_integrations(
    tools: list[ParsedTool], known_keys: set[str], plan: _Plan, mode: ImportMode
) -> None:
    """Integrations must name a tool that will exist; in partial mode a row whose target
    fails fails too, until nothing changes."""
    while True:
        importable = {t.name_key for t in tools if t.row not in plan.failed_rows}
        targets = importable | known_keys
        newly_failed = False
        for tool in tools:
            if tool.row in plan.failed_rows:
                continue
            for target in tool.integrations:
                if name_key(target) not in targets:
                    plan.error(
                        tool.row,
                        "integrations",
                        f"integration target {target!r} is neither in the file (without "
                        "errors) nor in the inventory",
                    )
                    newly_failed = True
                    break
        if not newly_failed or mode is ImportMode.all_or_nothing:
            return


# The tables an import fills (their statistics are refreshed after a large one).
_IMPORTED_TABLES = [
    "tools",
    "tool_capabilities",
    "tool_owners",
    "contracts",
    "licence_usage",
    "integrations",
]


async def run_import(
    session: AsyncSession,
    principal: Principal,
    org: OrgClient,
    seeder: LandscapeSeeder,
    parse: ImportParse,
    mode: ImportMode,
    *,
    dry_run: bool = False,
) -> ImportReport:
    """Imports the parsed file; with `dry_run`, does all of it and rolls it back."""
    tenant_id = principal.tenant_id
    plan = _Plan(failed_rows={p.row for p in parse.errors if p.row > 0})
    tools = parse.tools
    categories = await _categories(session, tenant_id, seeder)
    for tool in tools:
        if tool.category is not None and tool.category not in categories:
            plan.error(tool.row, "category", f"no category named {tool.category!r}")

    units: dict[str, uuid.UUID] = {}
    unit_names: dict[uuid.UUID, str] = {}
    if any(t.owner_unit for t in tools):
        for unit in await org.all_units(principal):
            units[name_key(unit.name)], unit_names[unit.id] = unit.id, unit.name
    # Every email of the file in one batched lookup (the parser lower-cased them).
    emails = {t.business_owner_email for t in tools if t.business_owner_email}
    people = (
        {
            email: person.id
            for email, person in (await org.find_people_by_email(principal, emails)).items()
        }
        if emails
        else {}
    )
    for tool in tools:
        if tool.owner_unit and name_key(tool.owner_unit) not in units:
            plan.warn(
                tool.row,
                "owner_unit",
                f"no unit named {tool.owner_unit!r} in the org service: imported without it "
                "(import the organisation, then this file again)",
            )
        if tool.business_owner_email and tool.business_owner_email not in people:
            plan.warn(
                tool.row,
                "business_owner",
                f"no person with the email {tool.business_owner_email} in the org service: "
                "imported without it (add the people, then this file again)",
            )

    file_keys = {t.name_key for t in tools}
    target_keys = {name_key(n) for t in tools for n in t.integrations} - file_keys
    existing = await repository.tools_by_name_key(session, tenant_id, file_keys | target_keys)
    _resolve_integrations(tools, set(existing), plan, mode)

    today = utcnow().date()
    owners_of = {
        parsed.row: _owners(
            units.get(name_key(parsed.owner_unit)) if parsed.owner_unit else None,
            people.get(parsed.business_owner_email) if parsed.business_owner_email else None,
        )
        for parsed in tools
    }
    # The tools the rows update, as they are now: compared with the rows for the warnings
    # (also those of a refused file, shown beside its errors) and for the update itself.
    matched = [
        (existing[t.name_key], t)
        for t in tools
        if t.row not in plan.failed_rows and t.name_key in existing
    ]
    current = await _current(session, [tool for tool, _ in matched], today)
    names = {**unit_names, **{person_id: email for email, person_id in people.items()}}
    for match, parsed in matched:
        _warn_changes(plan, match, parsed, owners_of[parsed.row], current, names)

    has_errors = bool(plan.failed_rows)
    if has_errors and mode is ImportMode.all_or_nothing:
        return _report(mode, parse, plan, {}, {}, dry_run=dry_run)

    good = [t for t in tools if t.row not in plan.failed_rows]
    counts = {"created": 0, "updated": 0, "unchanged": 0, "integrations": 0}
    by_key: dict[str, uuid.UUID] = {key: tool.id for key, tool in existing.items()}
    new_tools: list[tuple[ParsedTool, uuid.UUID | None, list[ToolOwner]]] = []
    updates: list[tuple[Tool, ParsedTool, uuid.UUID | None, list[ToolOwner]]] = []
    for parsed in good:
        found = existing.get(parsed.name_key)
        category_id = categories.get(parsed.category) if parsed.category else None
        if found is None:
            new_tools.append((parsed, category_id, owners_of[parsed.row]))
        else:
            updates.append((found, parsed, category_id, owners_of[parsed.row]))
    changed = await _update_many(session, principal, updates, today, current)
    actions = {
        parsed.row: ImportAction.updated if tool.id in changed else ImportAction.unchanged
        for tool, parsed, _, _ in updates
    }
    counts["updated"] = len(changed)
    counts["unchanged"] = len(updates) - counts["updated"]
    by_key.update(await _create_many(session, principal, new_tools, today))
    actions.update(dict.fromkeys((parsed.row for parsed, _, _ in new_tools), ImportAction.created))
    counts["created"] = len(new_tools)
    counts["integrations"] = await _integrations(session, tenant_id, good, by_key)
    if dry_run:
        # Everything above ran (constraints included); nothing of it is kept.
        await session.rollback()
    else:
        await session.commit()
        await analyze_after_bulk_write(
            session,
            _IMPORTED_TABLES,
            counts["created"] + counts["updated"] + counts["integrations"],
        )
    return _report(mode, parse, plan, counts, actions, dry_run=dry_run)


@dataclass
class _Current:
    """The tools a file updates as they are now: wire form, first contract, today's usage."""

    reads: dict[uuid.UUID, ToolRead] = field(default_factory=dict)
    first_contracts: dict[uuid.UUID, Contract] = field(default_factory=dict)
    usage_today: dict[uuid.UUID, LicenceUsage] = field(default_factory=dict)


async def _current(session: AsyncSession, tools: list[Tool], today: date) -> _Current:
    """Read for all the tools at once (a fixed number of queries), so an unchanged re-import
    costs no query per row."""
    current = _Current()
    if not tools:
        return current
    ids = [tool.id for tool in tools]
    current.reads = {read.id: read for read in await to_reads(session, tools)}
    current.first_contracts = await repository.first_contracts(session, ids)
    current.usage_today = await repository.usage_on(session, ids, today)
    return current


def _warn_changes(
    plan: _Plan,
    tool: Tool,
    parsed: ParsedTool,
    owners: list[ToolOwner],
    current: _Current,
    names: dict[uuid.UUID, str],
) -> None:
    """Warnings on a row that updates `tool`: what a user may not have meant to do."""
    if tool.name != parsed.name:
        plan.warn(
            parsed.row,
            "name",
            f"{parsed.name!r} matches the existing tool {tool.name!r} only when case (or "
            f"spacing) is ignored: {tool.name!r} is updated and keeps its name",
        )
    contract = current.first_contracts.get(tool.id)
    if contract is not None and parsed.annual_cost_minor is not None and parsed.currency:
        before = _money(contract.annual_cost_minor, contract.currency)
        after = _money(parsed.annual_cost_minor, parsed.currency)
        if contract.currency != parsed.currency:
            plan.warn(
                parsed.row,
                "currency",
                f"the currency changes from {contract.currency} to {parsed.currency} "
                f"(annual_cost {before} to {after})",
            )
        elif _large_change(contract.annual_cost_minor, parsed.annual_cost_minor):
            plan.warn(
                parsed.row,
                "annual_cost",
                f"annual_cost changes from {before} to {after}, by a factor of "
                f"{LARGE_COST_FACTOR} or more: check the amount and its unit",
            )
    was = current.reads[tool.id].owners
    if owners and was and was != owners:
        plan.warn(
            parsed.row,
            "owner_unit" if parsed.owner_unit else "business_owner",
            f"the owners change from {_describe(was, names)} to {_describe(owners, names)}",
        )


def _large_change(before: int, after: int) -> bool:
    """A change by a factor of LARGE_COST_FACTOR or more either way (to or from 0 included)."""
    low, high = sorted((before, after))
    return low != high and high >= LARGE_COST_FACTOR * low


def _money(amount_minor: int, currency: str) -> str:
    """`42000000, "USD"` → `420,000.00 USD`: as a user wrote it in the file."""
    return f"{Decimal(amount_minor).scaleb(-currency_exponent(currency)):,} {currency}"


def _describe(owners: list[ToolOwner], names: dict[uuid.UUID, str]) -> str:
    """Owners as a user knows them: units by name, people by email (ids when not known)."""
    parts = []
    for owner in owners:
        who = [
            f"{kind} {names.get(ref, str(ref))!r}"
            for kind, ref in (("unit", owner.unit_id), ("person", owner.person_id))
            if ref is not None
        ]
        parts.append(f"{owner.role.value} ({', '.join(who)})")
    return "; ".join(parts)


def _owners(unit_id: uuid.UUID | None, person_id: uuid.UUID | None) -> list[ToolOwner]:
    """The business owner a row names: its person and its unit, as far as org knows them."""
    if unit_id is None and person_id is None:
        return []
    return [ToolOwner(role=OwnerRole.business_owner, person_id=person_id, unit_id=unit_id)]


async def _create_many(
    session: AsyncSession,
    principal: Principal,
    new_tools: list[tuple[ParsedTool, uuid.UUID | None, list[ToolOwner]]],
    today: date,
) -> dict[str, uuid.UUID]:
    """Every new tool of the file in one statement per table (executemany), not a dozen round
    trips per row: a 10 000-row file is a few dozen statements. Audit entries and events
    carry the same state a single create would."""
    if not new_tools:
        return {}
    tenant_id = principal.tenant_id
    now = utcnow()
    ids = {parsed.name_key: new_id() for parsed, _, _ in new_tools}
    capability_names: dict[str, str] = {}
    for parsed, _, _ in new_tools:
        for capability in parsed.capabilities:
            capability_names.setdefault(name_key(capability), capability)
    capability_ids = await tools_service.ensure_capabilities(session, tenant_id, capability_names)
    tool_rows, status_rows, capability_rows, owner_rows = [], [], [], []
    contract_rows, usage_rows, events = [], [], []
    audits: list[tuple[AuditAction, str, uuid.UUID, dict[str, Any] | None, dict[str, Any]]] = []
    for parsed, category_id, owners in new_tools:
        tool_id = ids[parsed.name_key]
        tool_rows.append(
            {
                "id": tool_id,
                "tenant_id": tenant_id,
                "name": parsed.name,
                "name_key": parsed.name_key,
                "vendor": parsed.vendor,
                "category_id": category_id,
                "description": None,
                "usage_notes": parsed.notes,
                "status": parsed.status.value,
                "status_changed_at": now,
                "shares_data_with_core": parsed.shares_data_with_core,
                "processes_personal_data": bool(parsed.processes_personal_data),
                "personal_data_categories": [],
                "website": None,
                "tags": [],
                "custom_fields": {},
                "in_use_since": parsed.in_use_since,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
        status_rows.append(
            {
                "id": new_id(),
                "tenant_id": tenant_id,
                "tool_id": tool_id,
                "from_status": None,
                "to_status": parsed.status.value,
                "changed_at": now,
                "actor_key_id": principal.key_id,
            }
        )
        keys = list(dict.fromkeys(name_key(c) for c in parsed.capabilities))
        capability_rows += [
            {
                "tenant_id": principal.tenant_id,
                "tool_id": tool_id,
                "capability_id": capability_ids[key],
                "position": position,
            }
            for position, key in enumerate(keys)
        ]
        owner_rows += [
            {
                "id": new_id(),
                "tenant_id": tenant_id,
                "tool_id": tool_id,
                "role": owner.role.value,
                "person_id": owner.person_id,
                "unit_id": owner.unit_id,
                "position": position,
            }
            for position, owner in enumerate(owners)
        ]
        if parsed.annual_cost_minor is not None and parsed.currency is not None:
            contract_rows.append(
                {
                    "id": new_id(),
                    "tenant_id": tenant_id,
                    "tool_id": tool_id,
                    "annual_cost_minor": parsed.annual_cost_minor,
                    "currency": parsed.currency,
                    "term_start": None,
                    "term_end": None,
                    "renewal_date": parsed.renewal_date,
                    "notice_period_days": None,
                    "auto_renew": False,
                    "seats_purchased": parsed.seats_purchased,
                    "notes": None,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        if parsed.seats_active is not None:
            usage_rows.append(
                {
                    "id": new_id(),
                    "tenant_id": tenant_id,
                    "tool_id": tool_id,
                    "as_of": today,
                    "seats_active": parsed.seats_active,
                    "recorded_at": now,
                }
            )
        snapshot = ToolRead(
            id=tool_id,
            name=parsed.name,
            status=parsed.status,
            status_changed_at=now,
            version=1,
            created_at=now,
            updated_at=now,
            vendor=parsed.vendor,
            category_id=category_id,
            capabilities=[capability_names[key] for key in keys],
            usage_notes=parsed.notes,
            owners=owners,
            shares_data_with_core=parsed.shares_data_with_core,
            processes_personal_data=bool(parsed.processes_personal_data),
            in_use_since=parsed.in_use_since,
        ).model_dump(mode="json")
        audits.append(("create", "tool", tool_id, None, snapshot))
        events.append(("tool.created", snapshot))
    await repository.insert_new_tools(
        session,
        tools=tool_rows,
        status_changes=status_rows,
        capabilities=capability_rows,
        owners=owner_rows,
        contracts=contract_rows,
        usage=usage_rows,
    )
    await record_audits(session, writes.audit, principal, audits)
    await record_events(session, writes.outbox, principal, events)
    return ids


def _sync_first_contract(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    tool_id: uuid.UUID,
    contract: Contract | None,
    parsed: ParsedTool,
) -> bool:
    """Brings the tool's first contract in line with the row; True when it changed."""
    changed = False
    if parsed.annual_cost_minor is not None and parsed.currency is not None:
        wanted: dict[str, Any] = {
            "annual_cost_minor": parsed.annual_cost_minor,
            "currency": parsed.currency,
            "renewal_date": parsed.renewal_date,
            "seats_purchased": parsed.seats_purchased,
        }
        if contract is None:
            session.add(
                Contract.model_validate({"tenant_id": tenant_id, "tool_id": tool_id, **wanted})
            )
            changed = True
        elif any(getattr(contract, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(contract, key, value)
            contract.version += 1
            contract.updated_at = utcnow()
            changed = True
    return changed


def _sync_usage(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    tool_id: uuid.UUID,
    existing: LicenceUsage | None,
    seats: int | None,
    today: date,
) -> bool:
    """Records the row's seats active as today's licence usage; True when it changed."""
    if seats is None:
        return False
    if existing is None:
        session.add(
            LicenceUsage(tenant_id=tenant_id, tool_id=tool_id, as_of=today, seats_active=seats)
        )
        return True
    if existing.seats_active != seats:
        existing.seats_active = seats
        existing.recorded_at = utcnow()
        return True
    return False


async def _update_many(
    session: AsyncSession,
    principal: Principal,
    updates: list[tuple[Tool, ParsedTool, uuid.UUID | None, list[ToolOwner]]],
    today: date,
    current: _Current,
) -> set[uuid.UUID]:
    """Brings the existing tools in line with their rows; returns the ids of those that changed.

    What is compared was read for all the tools at once (`current`); only a tool that changes is
    written, and the changed tools are read back together.
    """
    if not updates:
        return set()
    befores, first_contracts, usage_today = (
        current.reads,
        current.first_contracts,
        current.usage_today,
    )
    changed_tools: list[Tool] = []
    for tool, parsed, category_id, owners in updates:
        before = befores[tool.id]
        wanted: dict[str, Any] = {
            "vendor": parsed.vendor,
            "category_id": category_id,
            "usage_notes": parsed.notes,
            "shares_data_with_core": parsed.shares_data_with_core,
            "processes_personal_data": bool(parsed.processes_personal_data),
        }
        # A file without the date leaves the one set through the API alone.
        if parsed.in_use_since is not None:
            wanted["in_use_since"] = parsed.in_use_since
        changed = any(getattr(tool, k) != v for k, v in wanted.items())
        for key, value in wanted.items():
            setattr(tool, key, value)
        if tool.status != parsed.status.value:
            session.add(
                ToolStatusChange(
                    tenant_id=principal.tenant_id,
                    tool_id=tool.id,
                    from_status=tool.status,
                    to_status=parsed.status.value,
                    changed_at=utcnow(),
                    actor_key_id=principal.key_id,
                )
            )
            tool.status, tool.status_changed_at = parsed.status.value, utcnow()
            changed = True
        if [name_key(c) for c in before.capabilities] != [name_key(c) for c in parsed.capabilities]:
            await tools_service.set_capabilities(
                session, principal.tenant_id, tool.id, parsed.capabilities
            )
            changed = True
        # Owners are replaced only when the row names someone org knows: a file without them
        # leaves the owners set through the API alone.
        if owners and before.owners != owners:
            await tools_service.set_owners(session, principal.tenant_id, tool.id, owners)
            changed = True
        if _sync_first_contract(
            session, principal.tenant_id, tool.id, first_contracts.get(tool.id), parsed
        ):
            changed = True
        if _sync_usage(
            session,
            principal.tenant_id,
            tool.id,
            usage_today.get(tool.id),
            parsed.seats_active,
            today,
        ):
            changed = True
        if changed:
            tool.version += 1
            tool.updated_at = utcnow()
            changed_tools.append(tool)
    if not changed_tools:
        return set()
    await session.flush()
    audits: list[tuple[AuditAction, str, uuid.UUID, dict[str, Any] | None, dict[str, Any]]] = []
    events: list[tuple[str, dict[str, Any]]] = []
    for after in await to_reads(session, changed_tools):
        snapshot = after.model_dump(mode="json")
        audits.append(
            ("update", "tool", after.id, befores[after.id].model_dump(mode="json"), snapshot)
        )
        events.append(("tool.updated", snapshot))
    await record_audits(session, writes.audit, principal, audits)
    await record_events(session, writes.outbox, principal, events)
    return {tool.id for tool in changed_tools}


async def _integrations(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    tools: list[ParsedTool],
    by_key: dict[str, uuid.UUID],
) -> int:
    """Adds the edges the file names that the inventory lacks (existing ones are left as is)."""
    rows = []
    now = utcnow()
    for tool in tools:
        for target in tool.integrations:
            rows.append(
                {
                    "id": new_id(),
                    "tenant_id": tenant_id,
                    "source_tool_id": by_key[tool.name_key],
                    "target_tool_id": by_key[name_key(target)],
                    "data_carried": [],
                    "sync_mode": "batch",
                    "status": "active",
                    "notes": None,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    if not rows:
        return 0
    before = await repository.count_integrations(session, tenant_id)
    await repository.insert_integrations(session, rows)
    return await repository.count_integrations(session, tenant_id) - before


@dataclass
class ExportFacts:
    """What the export writes of a page of tools besides the tools' own fields (rows and
    values read on the read connection)."""

    capabilities: dict[uuid.UUID, list[str]]
    business_owners: dict[uuid.UUID, ReadRow]  # person_id, unit_id
    first_contracts: dict[uuid.UUID, ReadRow]
    seats: dict[uuid.UUID, int]  # of the latest licence usage
    targets: dict[uuid.UUID, list[str]]  # the names of the tools each integrates with


async def export_facts(conn: AsyncConnection, tool_ids: list[uuid.UUID]) -> ExportFacts:
    """For a page of the export: a fixed number of queries whatever the page's size."""
    return ExportFacts(
        capabilities=await repository.capability_names(conn, tool_ids),
        business_owners=await repository.business_owner_rows(conn, tool_ids),
        first_contracts=await repository.first_contract_rows(conn, tool_ids),
        seats=await repository.latest_seats(conn, tool_ids),
        targets=await repository.integration_targets(conn, tool_ids),
    )


async def export_tools_page(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[ReadRow], str | None]:
    """A page of the tenant's tools as rows, sorted by name (the export walks them all)."""
    return await repository.tool_rows_by_name(conn, tenant_id, limit=limit, cursor=cursor)


async def export_category_names(
    conn: AsyncConnection, tenant_id: uuid.UUID
) -> dict[uuid.UUID, str]:
    return await repository.category_names(conn, tenant_id)


async def business_owner_people(conn: AsyncConnection, tenant_id: uuid.UUID) -> set[uuid.UUID]:
    """The people who are the business owner of one of the tenant's tools."""
    return await repository.business_owner_people(conn, tenant_id)
