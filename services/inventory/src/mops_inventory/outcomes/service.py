"""Outcomes: recorded once per (source, external_id), attributed to a tool of the tenant."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_inventory.db import writes
from mops_inventory.outcomes import repository
from mops_inventory.outcomes.models import Outcome
from mops_inventory.tools.service import find_tool
from mops_shared.contracts.money import Money
from mops_shared.contracts.outcomes import OutcomeCreate, OutcomeKind, OutcomeRead
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.auth import Principal
from mops_shared.kit.errors import Conflict, ValidationFailed, found
from mops_shared.kit.reads import ReadRow, WireJSON


def to_read(outcome: Outcome) -> OutcomeRead:
    return OutcomeRead(
        id=outcome.id,
        tool_id=outcome.tool_id,
        kind=OutcomeKind(outcome.kind),
        quantity=outcome.quantity,
        amount=(
            Money(amount_minor=outcome.amount_minor, currency=outcome.currency)
            if outcome.amount_minor is not None and outcome.currency is not None
            else None
        ),
        occurred_at=outcome.occurred_at,
        source=outcome.source,  # type: ignore[arg-type]
        external_id=outcome.external_id,
        attributes=outcome.attributes,
        created_at=outcome.created_at,
    )


def _same(existing: Outcome, data: OutcomeCreate) -> bool:
    stored = to_read(existing).model_dump(exclude={"id", "created_at"})
    return stored == data.model_dump()


async def record_outcome(
    session: AsyncSession, principal: Principal, data: OutcomeCreate
) -> tuple[OutcomeRead, bool]:
    """The outcome and whether it is new; the same external id again returns the stored one."""
    if data.kind is OutcomeKind.revenue and data.amount is None:
        raise ValidationFailed.at(
            ProblemLocation.body, "/amount", "a revenue outcome needs an amount"
        )
    if data.external_id is not None:
        existing = await repository.by_external_id(
            session, principal.tenant_id, data.source.value, data.external_id
        )
        if existing is not None:
            return _replayed(existing, data)
    if await find_tool(session, principal.tenant_id, data.tool_id) is None:
        raise ValidationFailed.at(ProblemLocation.body, "/tool_id", "no tool with this id")
    outcome = Outcome(
        tenant_id=principal.tenant_id,
        tool_id=data.tool_id,
        kind=data.kind.value,
        quantity=data.quantity,
        amount_minor=data.amount.amount_minor if data.amount else None,
        currency=data.amount.currency if data.amount else None,
        occurred_at=data.occurred_at,
        source=data.source.value,
        external_id=data.external_id,
        attributes=data.attributes,
    )
    session.add(outcome)
    try:
        await session.flush()
        read = to_read(outcome)
        after = read.model_dump(mode="json")
        await writes.record_change(
            session,
            principal,
            action="create",
            object_type="outcome",
            object_id=outcome.id,
            before=None,
            after=after,
            event="outcome.recorded",
        )
        await session.commit()
    except IntegrityError:  # the same external id recorded concurrently: it counts once
        await session.rollback()
        assert data.external_id is not None
        existing = await repository.by_external_id(
            session, principal.tenant_id, data.source.value, data.external_id
        )
        if existing is None:
            raise
        return _replayed(existing, data)
    return read, True


def _replayed(existing: Outcome, data: OutcomeCreate) -> tuple[OutcomeRead, bool]:
    if not _same(existing, data):
        raise Conflict(
            f"Outcome {data.external_id!r} from {data.source.value} was already recorded "
            "with other values."
        )
    return to_read(existing), False


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

OUTCOME_JSON = WireJSON(OutcomeRead)


def _outcome_item(row: ReadRow) -> dict[str, Any]:
    """`OutcomeRead`'s fields of a row of the outcomes table (what `to_read` makes of it)."""
    amount_minor, currency = row["amount_minor"], row["currency"]
    amount = (
        {"amount_minor": amount_minor, "currency": currency}
        if amount_minor is not None and currency is not None
        else None
    )
    return OUTCOME_JSON.item(row, amount=amount)


async def read_outcome(conn: AsyncConnection, principal: Principal, outcome_id: uuid.UUID) -> bytes:
    """The tenant's outcome as `OutcomeRead`'s JSON (another tenant's is as absent as one that
    never existed)."""
    row = found(
        await repository.outcome_row(conn, principal.tenant_id, outcome_id),
        f"No outcome {outcome_id}.",
    )
    return OUTCOME_JSON.dumps(_outcome_item(row))


async def read_outcomes(
    conn: AsyncConnection,
    principal: Principal,
    *,
    limit: int,
    cursor: str | None,
    tool_id: uuid.UUID | None,
    kind: OutcomeKind | None,
    source: str | None,
    since: datetime | None,
    until: datetime | None,
) -> bytes:
    """`list_outcomes`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        limit=limit,
        cursor=cursor,
        tool_id=tool_id,
        kind=kind.value if kind is not None else None,
        source=source,
        since=since,
        until=until,
    )
    return OUTCOME_JSON.dumps_page([_outcome_item(row) for row in rows], next_cursor)
