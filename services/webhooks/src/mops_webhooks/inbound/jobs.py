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
from typing import Any

from opentelemetry.trace import SpanKind
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from mops_shared.contracts.clients.base import DownstreamError
from mops_shared.contracts.money import Money
from mops_shared.contracts.outcomes import OutcomeCreate, OutcomeKind, OutcomeSource
from mops_shared.kit.auth import ApiScope, Principal
from mops_shared.kit.errors import MopsError
from mops_shared.kit.tracing import mark_failed, span_from
from mops_webhooks.inbound import crm, repository
from mops_webhooks.inbound.models import CrmObjectRow, InboxEventRow, WebhookConnection
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
    rules = [AttributionRule.model_validate(r) for r in connection.attribution_rules]
    # Every record touched is locked for this transaction (PostgreSQL), so two workers never
    # merge into one record at once, always in one order: contacts and companies (by type,
    # then id) before deals (by id). A deal's event locks the records it links to, then the
    # deal; a contact's or a company's locks itself, then its deals. No two workers can each
    # hold a lock the other waits for.
    locked: dict[tuple[str, str], CrmObjectRow] = {}

    async def lock(object_type: str, object_id: str) -> CrmObjectRow:
        key = (object_type, object_id)
        if key not in locked:
            locked[key] = await _locked(session, connection, object_type, object_id, change.at)
        return locked[key]

    if change.object_type == crm.DEAL:
        for object_type, object_id in sorted(
            {(link.object_type, link.object_id) for link in change.links}
        ):
            await lock(object_type, object_id)
    record = await lock(change.object_type, change.object_id)
    merged = crm.merge(record.properties, change)
    links, applied = crm.merge_links(record.associations or {}, change.links, change.at)
    # A contact's or a company's deals: those its links name, and those it is associated with.
    deal_ids: list[str] = []
    if change.object_type != crm.DEAL:
        deal_ids = sorted(
            {link.object_id for link in applied if link.object_type == crm.DEAL}
            | set(crm.associated(links, crm.DEAL))
        )
        for deal_id in deal_ids:
            await lock(crm.DEAL, deal_id)
    stale = (
        f" (not applied, the record has newer values: {', '.join(sorted(merged.stale))})"
        if merged.stale
        else ""
    )
    await repository.set_record_properties(
        session, record.id, merged.properties, updated_at=context.clock()
    )
    if applied:
        await repository.set_record_associations(session, record.id, links)
    # Each association is kept on both records: a contact's change finds its deals, a deal's
    # evaluation its contacts and companies, whichever side's event told of it.
    for link in applied:
        other = await lock(link.object_type, link.object_id)
        back, _ = crm.merge_links(
            other.associations or {},
            [crm.Link(change.object_type, change.object_id, removed=link.removed)],
            change.at,
            mirrored=True,
        )
        await repository.set_record_associations(session, other.id, back)
        # The row read (and cached in `locked`) shows it too, without a second write.
        set_committed_value(other, "associations", back)
    principal = Principal(
        tenant_id=connection.tenant_id,
        key_id=connection.id,
        scopes=_SCOPES,
        request_id=f"webhook-{event.id}",
    )
    state = _State(change.object_type, change.object_id, record.id, merged.properties, links)
    due = await _due(session, provider, connection, rules, state, record.outcomes)
    finished = await _settle(
        context,
        session,
        batch,
        connection,
        principal,
        provider,
        state,
        record.outcomes,
        due,
        change.at,
    )
    await _keep_unmapped(context, session, event, record, due, finished)
    finished = Finished(finished.status, finished.detail + stale)
    # The deals this contact or company is associated with may be attributable now (its
    # source set, an association added): a won one is recorded here, not left for a replay.
    notes: list[str] = []
    for deal_id in crm.associated(links, crm.DEAL):
        deal = await lock(crm.DEAL, deal_id)
        if "revenue" in deal.outcomes:
            continue
        deal_state = _State(crm.DEAL, deal_id, deal.id, deal.properties, deal.associations or {})
        deal_due = await _due(session, provider, connection, rules, deal_state, deal.outcomes)
        if isinstance(deal_due, crm.Due):
            done = await _settle(
                context,
                session,
                batch,
                connection,
                principal,
                provider,
                deal_state,
                deal.outcomes,
                deal_due,
                change.at,
            )
            await _keep_unmapped(context, session, event, deal, deal_due, done)
            notes.append(f"deal {deal_id}: {done.detail}")
    if notes:
        finished = Finished(finished.status, f"{finished.detail}; {'; '.join(notes)}")
    return finished


async def _keep_unmapped(
    context: WorkerContext,
    session: AsyncSession,
    event: InboxEventRow,
    record: CrmObjectRow,
    due: crm.Due | crm.Unmapped | crm.Nothing,
    finished: Finished,
) -> None:
    """The record's unmapped events: this event is one if it ended unmapped; once an outcome
    is recorded for the record, those before it are settled as processed, saying by which
    event, so that the unmapped list holds only what still needs a rule."""
    waiting = list(record.unmapped_events or [])
    if finished.status == InboxStatus.unmapped:
        if str(event.id) in waiting:
            return
        remaining = [*waiting, str(event.id)]
    elif isinstance(due, crm.Due) and waiting:
        what = f"{record.object_type} {record.object_id}"
        await repository.settle_unmapped_events(
            session,
            [i for i in waiting if i != str(event.id)],
            detail=f"{what}: {finished.detail}, by a later event ({event.id})",
            now=context.clock(),
        )
        remaining = []
    else:
        return
    await repository.set_record_unmapped_events(session, record.id, remaining)
    # The row read shows it too, without a second write.
    set_committed_value(record, "unmapped_events", remaining)


@dataclass(frozen=True)
class _State:
    """A record's merged state, as one evaluation reads it."""

    object_type: str
    object_id: str
    row_id: uuid.UUID
    properties: dict[str, Any]
    associations: dict[str, Any]


async def _locked(
    session: AsyncSession,
    connection: WebhookConnection,
    object_type: str,
    object_id: str,
    at: datetime,
) -> CrmObjectRow:
    return await repository.locked_record(
        session,
        tenant_id=connection.tenant_id,
        connection_id=connection.id,
        object_type=object_type,
        object_id=object_id,
        at=at,
    )


async def _due(
    session: AsyncSession,
    provider: Provider,
    connection: WebhookConnection,
    rules: list[AttributionRule],
    state: _State,
    recorded: list[str],
) -> crm.Due | crm.Unmapped | crm.Nothing:
    """What the record's state calls for; a deal's with its associated contacts' and
    companies' properties (a query for each type it has)."""
    associated: list[crm.Associated] = []
    if state.object_type == crm.DEAL:
        for object_type in crm.ATTRIBUTING:
            ids = crm.associated(state.associations, object_type)
            found = await repository.records_by_ids(session, connection.id, object_type, ids)
            associated += [
                crm.Associated(object_type, i, crm.values_of(found[i]) if i in found else None)
                for i in ids
            ]
    return crm.due_outcome(
        provider,
        state.object_type,
        state.object_id,
        crm.values_of(state.properties),
        recorded,
        rules,
        connection.currency,
        associated,
    )


async def _settle(
    context: WorkerContext,
    session: AsyncSession,
    batch: _Batch,
    connection: WebhookConnection,
    principal: Principal,
    provider: Provider,
    state: _State,
    recorded_kinds: list[str],
    due: crm.Due | crm.Unmapped | crm.Nothing,
    at: datetime,
) -> Finished:
    """The outcome due recorded (once: its external id is the record's), or why not."""
    if isinstance(due, crm.Unmapped):
        return Finished(InboxStatus.unmapped, due.reason)
    if isinstance(due, crm.Nothing):
        return Finished(InboxStatus.processed, due.reason)
    tool_id = await _tool_id(context, principal, due.rule.tool_name, batch.tools)
    if tool_id is None:
        return Finished(
            InboxStatus.unmapped,
            f"{state.object_type} {state.object_id}: the rule {due.rule.property}="
            f"{due.rule.equals!r} names {due.rule.tool_name!r}, which is not in the inventory",
        )
    attributes: dict[str, Any] = {
        "connection_id": str(connection.id),
        "provider": provider.value,
        "object_type": state.object_type,
        "object_id": state.object_id,
        "rule": {"property": due.rule.property, "equals": due.rule.equals},
    }
    if due.via is not None:
        attributes["via"] = {"object_type": due.via[0], "object_id": due.via[1]}
    # Revenue is dated when the deal was won, whichever later event made it attributable.
    occurred_at = (crm.won_at(provider, state.properties) if due.kind == "revenue" else None) or at
    outcome = OutcomeCreate(
        tool_id=tool_id,
        kind=OutcomeKind(due.kind),
        amount=(
            Money(amount_minor=due.amount_minor, currency=due.currency)
            if due.amount_minor is not None and due.currency is not None
            else None
        ),
        occurred_at=occurred_at,
        source=OutcomeSource.crm_webhook,
        external_id=external_id(connection, state.object_type, state.object_id),
        attributes=attributes,
    )
    try:
        recorded, new = await context.inventory.record_outcome(principal, outcome)
    except DownstreamError as exc:  # a 4xx: the inventory will refuse it every time
        raise _Permanent(str(exc)) from None
    await repository.set_record_outcomes(session, state.row_id, [*recorded_kinds, due.kind])
    verb = "recorded" if new else "was already recorded"
    through = f" through {due.via[0]} {due.via[1]}" if due.via is not None else ""
    return Finished(
        InboxStatus.processed,
        f"{due.kind} for {due.rule.tool_name!r} {verb}{through} (outcome {recorded.id})",
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
