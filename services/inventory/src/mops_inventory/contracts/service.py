"""Use cases on contracts: each validates first, then writes, audits, records events, commits."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.contracts import repository
from mops_inventory.contracts.models import Contract
from mops_inventory.contracts.schemas import (
    ContractCreate,
    ContractRead,
    ContractSort,
    ContractUpdate,
)
from mops_inventory.db import writes
from mops_inventory.tools.service import find_tool
from mops_shared.contracts.money import Money
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import NotFound, ValidationFailed, found
from mops_shared.kit.pagination import resolve_sort
from mops_shared.kit.reads import ReadRow, WireJSON
from mops_shared.kit.writes import snapshot


def _notice_deadline(renewal_date: date | None, notice_period_days: int | None) -> date | None:
    if renewal_date is None or notice_period_days is None:
        return None
    return renewal_date - timedelta(days=notice_period_days)


def to_read(contract: Contract) -> ContractRead:
    deadline = _notice_deadline(contract.renewal_date, contract.notice_period_days)
    return ContractRead(
        id=contract.id,
        tool_id=contract.tool_id,
        annual_cost=Money(amount_minor=contract.annual_cost_minor, currency=contract.currency),
        term_start=contract.term_start,
        term_end=contract.term_end,
        renewal_date=contract.renewal_date,
        notice_period_days=contract.notice_period_days,
        notice_deadline=deadline,
        auto_renew=contract.auto_renew,
        seats_purchased=contract.seats_purchased,
        notes=contract.notes,
        version=contract.version,
        created_at=contract.created_at,
        updated_at=contract.updated_at,
    )


async def create_contract(
    session: AsyncSession, principal: Principal, tool_id: uuid.UUID, data: ContractCreate
) -> ContractRead:
    if await find_tool(session, principal.tenant_id, tool_id) is None:
        raise NotFound(f"No tool {tool_id}.")
    now = utcnow()
    contract = Contract(
        tenant_id=principal.tenant_id,
        tool_id=tool_id,
        annual_cost_minor=data.annual_cost.amount_minor,
        currency=data.annual_cost.currency,
        term_start=data.term_start,
        term_end=data.term_end,
        renewal_date=data.renewal_date,
        notice_period_days=data.notice_period_days,
        auto_renew=data.auto_renew,
        seats_purchased=data.seats_purchased,
        notes=data.notes,
        created_at=now,
        updated_at=now,
    )
    session.add(contract)
    await session.flush()
    after = snapshot(to_read(contract))
    await writes.record_change(
        session,
        principal,
        action="create",
        object_type="contract",
        object_id=contract.id,
        before=None,
        after=after,
        event="contract.created",
    )
    await session.commit()
    return to_read(contract)


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

CONTRACT_JSON = WireJSON(ContractRead)


def _contract_item(row: ReadRow) -> dict[str, Any]:
    """`ContractRead`'s fields of a row of the contracts table (what `to_read` makes of it)."""
    return CONTRACT_JSON.item(
        row,
        annual_cost={"amount_minor": row["annual_cost_minor"], "currency": row["currency"]},
        notice_deadline=_notice_deadline(row["renewal_date"], row["notice_period_days"]),
    )


async def read_contract(
    conn: AsyncConnection, principal: Principal, contract_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's contract as `ContractRead`'s JSON, with its version (for the ETag)."""
    row = found(
        await repository.contract_row(conn, principal.tenant_id, contract_id),
        f"No contract {contract_id}.",
    )
    return CONTRACT_JSON.dumps(_contract_item(row)), int(row["version"])


async def read_contracts(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: ContractSort,
    limit: int,
    cursor: str | None,
    tool_id: uuid.UUID | None = None,
) -> bytes:
    """`list_contracts`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=resolve_sort(repository.CONTRACT_SORTS, sort),
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
    )
    return CONTRACT_JSON.dumps_page([_contract_item(row) for row in rows], next_cursor)


async def update_contract(
    session: AsyncSession,
    principal: Principal,
    contract_id: uuid.UUID,
    data: ContractUpdate,
    if_match: str | None,
) -> ContractRead:
    changes = data.model_dump(exclude_unset=True)

    async def apply(contract: Contract, before: ContractRead, now: datetime) -> bool:
        for required in ("annual_cost", "auto_renew"):
            if required in changes and changes[required] is None:
                raise ValidationFailed.at(
                    ProblemLocation.body, f"/{required}", f"{required} cannot be null"
                )
        if data.annual_cost is not None:
            contract.annual_cost_minor = data.annual_cost.amount_minor
            contract.currency = data.annual_cost.currency
        for field in (
            "term_start",
            "term_end",
            "renewal_date",
            "notice_period_days",
            "auto_renew",
            "seats_purchased",
            "notes",
        ):
            if field in changes:
                setattr(contract, field, changes[field])
        if contract.term_start and contract.term_end and contract.term_end < contract.term_start:
            raise ValidationFailed.at(
                ProblemLocation.body, "/term_end", "term_end is before term_start"
            )
        # A contract's PATCH is always a change: its version moves even when the values do not.
        return True

    return await writes.update_versioned(
        session,
        principal,
        what="contract",
        object_type="contract",
        event="contract.updated",
        if_match=if_match,
        load=lambda: _get(session, principal, contract_id),
        read=_read,
        apply=apply,
    )


async def _get(session: AsyncSession, principal: Principal, contract_id: uuid.UUID) -> Contract:
    # Another tenant's contract is as absent as one that never existed.
    contract = found(
        await repository.get_by_id(session, principal.tenant_id, contract_id),
        f"No contract {contract_id}.",
    )
    return contract


async def _read(contract: Contract) -> ContractRead:
    return to_read(contract)


async def delete_contract(
    session: AsyncSession, principal: Principal, contract_id: uuid.UUID, if_match: str | None
) -> None:
    await writes.delete_versioned(
        session,
        principal,
        what="contract",
        object_type="contract",
        event="contract.deleted",
        if_match=if_match,
        load=lambda: _get(session, principal, contract_id),
        read=_read,
        data=lambda before: {"id": str(before.id)},
    )
