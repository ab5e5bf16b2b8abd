"""Outbound webhook subscriptions and their delivery log, always within the caller's tenant,
and the event intake the services' outbox relays post to.

A subscription's signing secrets are kept encrypted (they are HMAC keys, needed back to sign),
newest first: during a rotation the previous one signs too, until `previous_secret_expires_at`.

The intake keeps each relayed event once by its id and, in the same transaction, owes it to
every enabled subscription of its tenant whose event types match (one delivery each); the
delivery job (`jobs.py`) then posts them.
"""

from __future__ import annotations

import base64
import uuid
from collections import defaultdict
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_shared.contracts.event_types import EVENT_TYPES, event_families, matches
from mops_shared.contracts.events import EventBatch, EventEnvelope, IntakeReport
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, ValidationFailed, body_error, found
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.reads import WireJSON
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.outbound import repository, ssrf
from mops_webhooks.outbound.models import DeliveryRow, WebhookSubscription
from mops_webhooks.outbound.schemas import (
    Delivery,
    DeliveryAttempt,
    DeliveryDetail,
    DeliveryStatus,
    SecretRotation,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionRead,
    SubscriptionUpdate,
)
from mops_webhooks.providers import standard

SUBSCRIPTION_SORTS = repository.SUBSCRIPTION_SORTS
DELIVERY_SORTS = repository.DELIVERY_SORTS
# The Standard Webhooks specification asks for secrets of 24 to 64 random bytes.
SECRET_MIN_BYTES = 24
SECRET_MAX_BYTES = 64
DISABLED_BY_API = "disabled through the API"


# --- secrets, targets and event types ---------------------------------------------------------


def checked_secret(secret: str) -> str:
    """A given secret in its canonical `whsec_<base64>` form, or a 422 at `/secret`."""
    try:
        key = standard.standard_webhook_key(secret)
    except ValueError as exc:
        raise ValidationFailed.at(ProblemLocation.body, "/secret", str(exc)) from None
    if not SECRET_MIN_BYTES <= len(key) <= SECRET_MAX_BYTES:
        raise ValidationFailed.at(
            ProblemLocation.body,
            "/secret",
            f"a Standard Webhooks secret holds {SECRET_MIN_BYTES} to {SECRET_MAX_BYTES} bytes",
        )
    return "whsec_" + base64.b64encode(key).decode()


async def check_target(url: str, settings: WebhooksSettings) -> None:
    """A 422 at `/url` unless the URL may be posted to (see ssrf)."""
    try:
        await ssrf.vet(url, allow_private=settings.allow_private_targets)
    except ssrf.TargetRefused as exc:
        raise ValidationFailed.at(ProblemLocation.body, "/url", exc.detail) from None
    except ssrf.TargetUnresolvable as exc:
        raise ValidationFailed.at(ProblemLocation.body, "/url", str(exc)) from None


def event_type_matches(patterns: list[str], event_type: str) -> bool:
    """Whether any pattern names the type: itself, its family (`tool.*`), or `*`."""
    return any(matches(pattern, event_type) for pattern in patterns)


def checked_event_types(patterns: list[str]) -> list[str]:
    """The patterns, once each, or a 422 at each one that names no type of the catalogue (a
    typo would otherwise subscribe to nothing, silently)."""
    families = event_families()
    ValidationFailed.raise_if_any(
        [
            body_error(
                f"/event_types/{index}",
                f"{pattern!r} names no event type: see GET /v1/webhooks/event-types",
            )
            for index, pattern in enumerate(patterns)
            if pattern != "*" and pattern not in EVENT_TYPES and pattern not in families
        ]
    )
    return _unique(patterns)


def _unique(patterns: list[str]) -> list[str]:
    return list(dict.fromkeys(patterns))


# --- subscriptions ------------------------------------------------------------------------------


def _read(subscription: WebhookSubscription) -> dict[str, Any]:
    return {
        "id": subscription.id,
        "url": subscription.url,
        "description": subscription.description,
        "event_types": subscription.event_types,
        "enabled": subscription.enabled,
        "disabled_reason": subscription.disabled_reason,
        "previous_secret_expires_at": subscription.previous_secret_expires_at,
        "version": subscription.version,
        "created_at": subscription.created_at,
        "updated_at": subscription.updated_at,
    }


def to_read(subscription: WebhookSubscription) -> SubscriptionRead:
    return SubscriptionRead.model_validate(_read(subscription))


async def create_subscription(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    data: SubscriptionCreate,
    box: Fernet,
    settings: WebhooksSettings,
) -> SubscriptionCreated:
    url = str(data.url)
    await check_target(url, settings)
    secret = (
        checked_secret(data.secret.get_secret_value())
        if data.secret is not None
        else standard.new_standard_webhook_secret()
    )
    now = utcnow()
    subscription = WebhookSubscription(
        tenant_id=tenant_id,
        url=url,
        description=data.description or None,
        event_types=checked_event_types(data.event_types),
        secrets=[box.encrypt(secret.encode()).decode()],
        created_at=now,
        updated_at=now,
    )
    repository.add(session, subscription)
    await session.flush()
    created = SubscriptionCreated.model_validate(_read(subscription) | {"secret": secret})
    await session.commit()
    return created


async def subscription_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, subscription_id: uuid.UUID
) -> WebhookSubscription:
    subscription = found(
        await repository.subscription_of_tenant(session, tenant_id, subscription_id),
        f"No webhook subscription {subscription_id}.",
    )
    return subscription


async def _save(session: AsyncSession, subscription: WebhookSubscription) -> SubscriptionRead:
    subscription.version += 1
    subscription.updated_at = utcnow()
    await session.flush()
    read = to_read(subscription)
    await session.commit()
    return read


async def update_subscription(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    subscription_id: uuid.UUID,
    data: SubscriptionUpdate,
    settings: WebhooksSettings,
    if_match: str | None,
) -> SubscriptionRead:
    """Changes the given fields; with If-Match, only if it is still that version. Disabling
    closes the deliveries still owed; enabling clears the reason it stopped."""
    # The body is judged before the precondition: bad input is a 422 whatever the version.
    changes = data.model_dump(exclude_unset=True)
    for field in ("url", "event_types", "enabled"):
        if field in changes and changes[field] is None:
            raise ValidationFailed.at(ProblemLocation.body, f"/{field}", f"{field} cannot be null")
    event_types = checked_event_types(data.event_types) if data.event_types is not None else None
    subscription = await subscription_of_tenant(session, tenant_id, subscription_id)
    check_if_match(if_match, subscription.version)
    if data.url is not None:
        url = str(data.url)
        await check_target(url, settings)
        subscription.url = url
    if event_types is not None:
        subscription.event_types = event_types
    if "description" in changes:
        subscription.description = data.description or None
    if data.enabled is True:
        subscription.enabled = True
        subscription.disabled_reason = None
    elif data.enabled is False and subscription.enabled:
        subscription.enabled = False
        subscription.disabled_reason = DISABLED_BY_API
        await repository.close_open_deliveries_of(session, subscription.id)
    return await _save(session, subscription)


async def rotate_secret(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    subscription_id: uuid.UUID,
    data: SecretRotation,
    box: Fernet,
) -> SubscriptionCreated:
    """The new secret signs from now on; the current one signs beside it for the overlap (a
    rotation within the overlap drops the oldest)."""
    subscription = await subscription_of_tenant(session, tenant_id, subscription_id)
    secret = (
        checked_secret(data.secret.get_secret_value())
        if data.secret is not None
        else standard.new_standard_webhook_secret()
    )
    encrypted = box.encrypt(secret.encode()).decode()
    if data.overlap_seconds > 0:
        subscription.secrets = [encrypted, *subscription.secrets[:1]]
        subscription.previous_secret_expires_at = utcnow() + timedelta(seconds=data.overlap_seconds)
    else:
        subscription.secrets = [encrypted]
        subscription.previous_secret_expires_at = None
    read = await _save(session, subscription)
    return SubscriptionCreated.model_validate(read.model_dump() | {"secret": secret})


async def delete_subscription(
    session: AsyncSession, tenant_id: uuid.UUID, subscription_id: uuid.UUID
) -> None:
    """Deletes it with its deliveries and their attempts."""
    subscription = await subscription_of_tenant(session, tenant_id, subscription_id)
    await repository.delete(session, subscription)
    await session.commit()


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) -----------------------

SUBSCRIPTION_JSON = WireJSON(SubscriptionRead)
DELIVERY_JSON = WireJSON(Delivery)
DELIVERY_DETAIL_JSON = WireJSON(DeliveryDetail)
ATTEMPT_JSON = WireJSON(DeliveryAttempt)


async def read_subscription(
    conn: AsyncConnection, tenant_id: uuid.UUID, subscription_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's subscription as `SubscriptionRead`'s JSON (never its secrets), with its
    version (the ETag)."""
    row = found(
        await repository.subscription_row(conn, tenant_id, subscription_id),
        f"No webhook subscription {subscription_id}.",
    )
    return SUBSCRIPTION_JSON.dumps(SUBSCRIPTION_JSON.item(row)), int(row["version"])


async def read_subscriptions(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> bytes:
    """A page of the tenant's subscriptions, oldest first, as `SubscriptionPage`'s JSON."""
    rows, next_cursor = await repository.subscription_rows(
        conn, tenant_id, sort=SUBSCRIPTION_SORTS["created_at"], limit=limit, cursor=cursor
    )
    return SUBSCRIPTION_JSON.dumps_page(SUBSCRIPTION_JSON.items(rows), next_cursor)


async def read_deliveries(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    limit: int,
    cursor: str | None,
    subscription_id: uuid.UUID | None,
    status: DeliveryStatus | None,
    event_type: str | None,
) -> bytes:
    """A page of the tenant's deliveries, newest first, as `DeliveryPage`'s JSON."""
    rows, next_cursor = await repository.delivery_rows(
        conn,
        tenant_id,
        sort=DELIVERY_SORTS["-created_at"],
        limit=limit,
        cursor=cursor,
        subscription_id=subscription_id,
        status=status.value if status is not None else None,
        event_type=event_type,
    )
    return DELIVERY_JSON.dumps_page(DELIVERY_JSON.items(rows), next_cursor)


async def read_delivery(
    conn: AsyncConnection, tenant_id: uuid.UUID, delivery_id: uuid.UUID
) -> bytes:
    """The tenant's delivery with its event's data and every attempt, as `DeliveryDetail`'s
    JSON."""
    row = found(
        await repository.delivery_detail_row(conn, tenant_id, delivery_id),
        f"No delivery {delivery_id}.",
    )
    attempts = await repository.attempt_rows(conn, row["id"])
    return DELIVERY_DETAIL_JSON.dumps(
        DELIVERY_DETAIL_JSON.item(row, attempt_log=ATTEMPT_JSON.items(attempts))
    )


# --- the delivery log's writes --------------------------------------------------------------------


async def _delivery_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, delivery_id: uuid.UUID
) -> DeliveryRow:
    delivery = found(
        await repository.delivery_of_tenant(session, tenant_id, delivery_id),
        f"No delivery {delivery_id}.",
    )
    return delivery


async def redeliver(session: AsyncSession, tenant_id: uuid.UUID, delivery_id: uuid.UUID) -> bytes:
    """Due again now, with a fresh retry schedule (`attempts` restarts at 0); the attempts
    already made stay in its log. 409 while its subscription is disabled. The delivery as
    `DeliveryDetail`'s JSON, read after the commit as `read_delivery` reads it."""
    delivery = await _delivery_of_tenant(session, tenant_id, delivery_id)
    subscription = await repository.subscription_by_id(session, delivery.subscription_id)
    if subscription is None or not subscription.enabled:
        raise Conflict(
            "The delivery's subscription is disabled: enable it (PATCH enabled=true) first."
        )
    delivery.status = DeliveryStatus.pending.value
    delivery.attempts = 0
    delivery.next_attempt_at = utcnow()
    await session.flush()
    await session.commit()
    return await read_delivery(await session.connection(), tenant_id, delivery_id)


# --- the event intake ---------------------------------------------------------------------------


async def take_in(session: AsyncSession, batch: EventBatch) -> IntakeReport:
    """Keeps each event once by its id and owes each new one to the matching subscriptions of
    its tenant, all in one transaction, committed before the caller answers."""
    received_at = utcnow()
    first_of_each: dict[uuid.UUID, EventEnvelope] = {}
    for envelope in batch.events:
        first_of_each.setdefault(envelope.id, envelope)
    events = list(first_of_each.values())
    new_ids = await repository.store_new_events(
        session,
        [
            {
                "id": e.id,
                "tenant_id": e.tenant_id,
                "type": e.type,
                "service": e.service,
                "occurred_at": e.occurred_at,
                "received_at": received_at,
                "data": e.data,
                "traceparent": e.traceparent,
            }
            for e in events
        ],
    )
    fresh = [e for e in events if e.id in new_ids]
    if fresh:
        tenants = {e.tenant_id for e in fresh}
        subscriptions: dict[uuid.UUID, list[tuple[uuid.UUID, list[str]]]] = defaultdict(list)
        for sub_id, tenant_id, event_types in await repository.enabled_subscriptions_of(
            session, tenants
        ):
            subscriptions[tenant_id].append((sub_id, event_types))
        deliveries = [
            {
                "id": uuid.uuid4(),
                "tenant_id": event.tenant_id,
                "subscription_id": sub_id,
                "event_id": event.id,
                "event_type": event.type,
                "status": DeliveryStatus.pending.value,
                "attempts": 0,
                "next_attempt_at": received_at,
                "created_at": received_at,
            }
            for event in fresh
            for sub_id, event_types in subscriptions.get(event.tenant_id, ())
            if event_type_matches(event_types, event.type)
        ]
        if deliveries:
            await repository.add_deliveries(session, deliveries)
    await session.commit()
    return IntakeReport(received=len(batch.events), stored=len(fresh))
