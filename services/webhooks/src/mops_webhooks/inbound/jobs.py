"""Inbound processing: inbox events become outcomes in the inventory.

Each due event (pending, or failed and due again) is claimed, applied to the state of its CRM
record (`crm.merge`: an older event never overwrites a newer value), and what the state then
calls for is recorded in the inventory through its typed client. The outcome's external id is
the record's (`<provider>:<connection>:<type>:<id>`), so a retry, a replay or a second worker
never counts it twice. The record's row is locked while this happens (PostgreSQL), so two
workers never merge into the same record at once.

An event ends `processed` (its detail says what it did), `unmapped` (no rule names a tool for
it: kept, and replayable once a rule is added), or `failed` and retried with exponential
backoff until `dead` after `inbox_max_attempts`.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from opentelemetry.trace import SpanKind
from sqlalchemy.ext.asyncio import AsyncSession

from mops_shared.contracts.clients.base import DownstreamError
from mops_shared.contracts.money import Money
from mops_shared.contracts.outcomes import OutcomeCreate, OutcomeKind, OutcomeSource
from mops_shared.kit.auth import ApiScope, Principal
from mops_shared.kit.errors import MopsError
from mops_shared.kit.tracing import mark_failed, span_from
from mops_webhooks.inbound import crm, repository
from mops_webhooks.inbound.models import InboxEventRow, WebhookConnection
from mops_webhooks.inbound.schemas import AttributionRule, InboxStatus, Provider
from mops_webhooks.jobs import WorkerContext, job

log = logging.getLogger("mops.webhooks")

_SCOPES = frozenset({ApiScope.inventory_read.value, ApiScope.inventory_write.value})


@dataclass(frozen=True)
class Finished:
    status: InboxStatus
    detail: str


class _Permanent(Exception):
    """A failure no retry can mend (the inventory refused the outcome): straight to dead."""


def retry_delay(attempts: int, base_seconds: float) -> timedelta:
    """After the n-th failed try: base, 2 x base, 4 x base, ... capped at an hour."""
    return timedelta(seconds=min(base_seconds * 2 ** max(attempts - 1, 0), 3600.0))


def external_id(connection: WebhookConnection, object_type: str, object_id: str) -> str:
    return f"{connection.provider}:{connection.id}:{object_type}:{object_id}"


@job("inbox")
async def process_due(context: WorkerContext) -> int:
    """Claims the due events and processes them oldest first; how many it finished."""
    ids = await repository.claim_due_events(
        context.sessionmaker,
        now=context.clock(),
        lease_seconds=context.settings.worker_lease_seconds,
        limit=context.batch,
    )
    if not ids:
        return 0
    async with context.sessionmaker() as session:
        events = await repository.events_by_ids(session, ids)
        # The batch's connections in one query, not one per event.
        wanted = {event.connection_id for event in events}
        batch = _Batch(await repository.connections_by_ids(session, wanted))
    events.sort(key=lambda e: (e.occurred_at or e.received_at, e.received_at, e.identity))
    for event in events:
        await _process_one(context, event, batch)
    return len(events)


@dataclass
class _Batch:
    """What the events of one claimed batch share: their connections, and the tool ids their
    rules named (asked of the inventory once per name)."""

    connections: dict[uuid.UUID, WebhookConnection]
    tools: dict[tuple[uuid.UUID, str], uuid.UUID | None] = field(default_factory=dict)


async def _process_one(
    context: WorkerContext,
    event: InboxEventRow,
    batch: _Batch,
) -> None:
    """Processes one event in a span that continues the trace of the request that received it."""
    with span_from(
        event.traceparent,
        f"process {event.provider} event",
        kind=SpanKind.CONSUMER,
        attributes={"mops.inbox_event_id": str(event.id), "mops.event_kind": event.kind or ""},
    ) as span:
        status = await _process(context, event, batch)
        if status in (InboxStatus.failed, InboxStatus.dead):
            mark_failed(span, status.value)


async def _process(context: WorkerContext, event: InboxEventRow, batch: _Batch) -> InboxStatus:
    """What became of the event: processed (whatever the outcome), failed or dead."""
    attempts = event.attempts + 1
    try:
        async with context.sessionmaker() as session:
            finished = await _apply(context, session, event, batch)
            await _finish(
                session, event, attempts, finished.status, context.clock(), detail=finished.detail
            )
            await session.commit()
        return finished.status
    except _Permanent as exc:
        status, error = InboxStatus.dead, str(exc)
    except MopsError as exc:
        status, error = InboxStatus.failed, str(exc)
    except Exception as exc:  # the event must not be lost to a bug: it is retried, then dead
        log.exception("inbound event %s failed", event.id)
        status, error = InboxStatus.failed, f"{type(exc).__name__}: {exc}"
    if status == InboxStatus.failed and attempts >= context.settings.inbox_max_attempts:
        status = InboxStatus.dead
    async with context.sessionmaker() as session:
        now = context.clock()
        next_at = (
            now + retry_delay(attempts, context.settings.inbox_retry_base_seconds)
            if status == InboxStatus.failed
            else None
        )
        await _finish(session, event, attempts, status, now, error=error, next_attempt_at=next_at)
        await session.commit()
    return status


async def _finish(
    session: AsyncSession,
    event: InboxEventRow,
    attempts: int,
    status: InboxStatus,
    now: datetime,
    *,
    detail: str | None = None,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
) -> None:
    # Guarded: a replay asked for meanwhile (attempts reset to 0) is not overwritten.
    await repository.finish_event(
        session,
        event.id,
        read_attempts=event.attempts,
        status=status.value,
        attempts=attempts,
        detail=detail,
        error=error,
        next_attempt_at=next_attempt_at,
        processed_at=None if status == InboxStatus.failed else now,
    )


async def _apply(
    context: WorkerContext,
    session: AsyncSession,
    event: InboxEventRow,
    batch: _Batch,
) -> Finished:
    connection = batch.connections.get(event.connection_id)
    if connection is None:  # deleted meanwhile: its inbox goes with it
        return Finished(InboxStatus.processed, "the connection is deleted")
    provider = Provider(connection.provider)
    change = crm.change_of(
        provider, event.kind, event.payload, event.occurred_at, event.received_at
    )
    if isinstance(change, crm.Ignored):
        return Finished(InboxStatus.processed, change.reason)
    # Locked for this transaction (PostgreSQL): two workers never merge into one record at once.
    record = await repository.locked_record(
        session,
        tenant_id=connection.tenant_id,
        connection_id=connection.id,
        object_type=change.object_type,
        object_id=change.object_id,
        at=change.at,
    )
    merged = crm.merge(record.properties, change)
    rules = [AttributionRule.model_validate(r) for r in connection.attribution_rules]
    due = crm.due_outcome(
        provider,
        change.object_type,
        change.object_id,
        crm.values_of(merged.properties),
        record.outcomes,
        rules,
        connection.currency,
    )
    stale = (
        f" (not applied, the record has newer values: {', '.join(sorted(merged.stale))})"
        if merged.stale
        else ""
    )
    await repository.set_record_properties(
        session, record.id, merged.properties, updated_at=context.clock()
    )
    if isinstance(due, crm.Unmapped):
        return Finished(InboxStatus.unmapped, due.reason + stale)
    if isinstance(due, crm.Nothing):
        return Finished(InboxStatus.processed, due.reason + stale)
    principal = Principal(
        tenant_id=connection.tenant_id,
        key_id=connection.id,
        scopes=_SCOPES,
        request_id=f"webhook-{event.id}",
    )
    tool_id = await _tool_id(context, principal, due.rule.tool_name, batch.tools)
    if tool_id is None:
        return Finished(
            InboxStatus.unmapped,
            f"{change.object_type} {change.object_id}: the rule {due.rule.property}="
            f"{due.rule.equals!r} names {due.rule.tool_name!r}, which is not in the inventory",
        )
    outcome = OutcomeCreate(
        tool_id=tool_id,
        kind=OutcomeKind(due.kind),
        amount=(
            Money(amount_minor=due.amount_minor, currency=due.currency)
            if due.amount_minor is not None and due.currency is not None
            else None
        ),
        occurred_at=change.at,
        source=OutcomeSource.crm_webhook,
        external_id=external_id(connection, change.object_type, change.object_id),
        attributes={
            "connection_id": str(connection.id),
            "provider": provider.value,
            "object_type": change.object_type,
            "object_id": change.object_id,
            "rule": {"property": due.rule.property, "equals": due.rule.equals},
        },
    )
    try:
        recorded, new = await context.inventory.record_outcome(principal, outcome)
    except DownstreamError as exc:  # a 4xx: the inventory will refuse it every time
        raise _Permanent(str(exc)) from None
    await repository.set_record_outcomes(session, record.id, [*record.outcomes, due.kind])
    verb = "recorded" if new else "was already recorded"
    return Finished(
        InboxStatus.processed,
        f"{due.kind} for {due.rule.tool_name!r} {verb} (outcome {recorded.id}){stale}",
    )


async def _tool_id(
    context: WorkerContext,
    principal: Principal,
    name: str,
    cache: dict[tuple[uuid.UUID, str], uuid.UUID | None],
) -> uuid.UUID | None:
    key = (principal.tenant_id, name.casefold())
    if key not in cache:
        cache[key] = await context.inventory.tool_id_by_name(principal, name)
    return cache[key]
