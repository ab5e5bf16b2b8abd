"""Outbound webhooks over HTTP: the tenant's subscriptions and delivery log (`/v1/webhooks`,
API key with `webhooks:admin`), and the event intake the services' outbox relays post to
(`EVENT_INTAKE_PATH`: no API key, the batch is signed with the internal secret)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import ValidationError

from mops_shared.contracts.events import (
    EVENT_INTAKE_PATH,
    SIGNATURE_HEADER,
    EventBatch,
    IntakeReport,
    batch_signature_holds,
)
from mops_shared.kit.conventions import CREATED_WITH_LOCATION
from mops_shared.kit.errors import (
    Unauthorized,
    ValidationFailed,
    body_error,
    pointer_token,
    problem_responses,
)
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery
from mops_shared.kit.reads import json_response
from mops_webhooks.deps import AUTH_PROBLEMS, PrincipalDep, ReadDep, SessionDep, bounded_body
from mops_webhooks.outbound import service
from mops_webhooks.outbound.schemas import (
    DeliveryDetail,
    DeliveryPage,
    DeliveryStatus,
    SecretRotation,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionPage,
    SubscriptionRead,
    SubscriptionUpdate,
)

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])
intake_router = APIRouter(include_in_schema=False)

# --- subscriptions -------------------------------------------------------------------------------


@router.post(
    "/subscriptions",
    operation_id="webhooks_create_subscription",
    summary="Subscribe a URL to events",
    status_code=status.HTTP_201_CREATED,
    # Its schema (with the secret shown once) is not the one read at the Location.
    responses={**problem_responses(*AUTH_PROBLEMS, 422), **CREATED_WITH_LOCATION},
)
async def create_subscription(
    body: SubscriptionCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    caller: PrincipalDep,
) -> SubscriptionCreated:
    """The URL hears of the tenant's events of the given types, posted as JSON and signed per
    Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The signing
    secret (given, or generated) is in this answer only. The URL must be http(s) on a public
    address: loopback, private and link-local ones are refused (422)."""
    state = request.app.state
    created = await service.create_subscription(
        session, caller.tenant_id, body, state.webhook_secrets, state.settings
    )
    response.headers["Location"] = f"/v1/webhooks/subscriptions/{created.id}"
    return tagged(response, created)


@router.get(
    "/subscriptions",
    operation_id="webhooks_list_subscriptions",
    summary="List webhook subscriptions",
    response_model=SubscriptionPage,
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_subscriptions(
    conn: ReadDep,
    caller: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Response:
    """The tenant's subscriptions, oldest first."""
    body = await service.read_subscriptions(conn, caller.tenant_id, limit=limit, cursor=cursor)
    return json_response(body)


@router.get(
    "/subscriptions/{subscription_id}",
    operation_id="webhooks_get_subscription",
    summary="Get a webhook subscription",
    response_model=SubscriptionRead,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_subscription(
    subscription_id: uuid.UUID, conn: ReadDep, caller: PrincipalDep
) -> Response:
    """The subscription (never its secrets), with its version as the ETag."""
    body, version = await service.read_subscription(conn, caller.tenant_id, subscription_id)
    return json_response(body, version=version)


@router.patch(
    "/subscriptions/{subscription_id}",
    operation_id="webhooks_update_subscription",
    summary="Change a webhook subscription",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 412, 422),
)
async def update_subscription(
    subscription_id: uuid.UUID,
    body: SubscriptionUpdate,
    request: Request,
    response: Response,
    session: SessionDep,
    caller: PrincipalDep,
    if_match: IfMatch = None,
) -> SubscriptionRead:
    """Changes its URL, event types, description, or whether it is enabled. Disabling closes
    the deliveries still owed (`disabled`); enabling clears `disabled_reason` and applies to
    events from then on (redeliver older ones by hand). With `If-Match`, only if it is still
    that version (412 otherwise)."""
    updated = await service.update_subscription(
        session, caller.tenant_id, subscription_id, body, request.app.state.settings, if_match
    )
    return tagged(response, updated)


@router.delete(
    "/subscriptions/{subscription_id}",
    operation_id="webhooks_delete_subscription",
    summary="Delete a webhook subscription",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def delete_subscription(
    subscription_id: uuid.UUID, session: SessionDep, caller: PrincipalDep
) -> Response:
    """Deletes the subscription with its deliveries and their log."""
    await service.delete_subscription(session, caller.tenant_id, subscription_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/subscriptions/{subscription_id}/secret",
    operation_id="webhooks_rotate_subscription_secret",
    summary="Rotate a webhook subscription's signing secret",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 422),
)
async def rotate_subscription_secret(
    subscription_id: uuid.UUID,
    body: SecretRotation,
    request: Request,
    response: Response,
    session: SessionDep,
    caller: PrincipalDep,
) -> SubscriptionCreated:
    """A new secret (given, or generated and shown in this answer only) signs from now on. For
    `overlap_seconds` (24 h unless given; 0 to 7 days) the previous one signs too: each
    delivery's `webhook-signature` then carries both (`v1,<new> v1,<old>`), and a receiver
    holding either secret accepts it."""
    rotated = await service.rotate_secret(
        session, caller.tenant_id, subscription_id, body, request.app.state.webhook_secrets
    )
    return tagged(response, rotated)


# --- the delivery log ----------------------------------------------------------------------------


@router.get(
    "/deliveries",
    operation_id="webhooks_list_deliveries",
    summary="List outbound deliveries",
    response_model=DeliveryPage,
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_deliveries(
    conn: ReadDep,
    caller: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    subscription_id: Annotated[
        uuid.UUID | None, Query(description="One subscription's deliveries.")
    ] = None,
    status: Annotated[DeliveryStatus | None, Query(description="Only in this state.")] = None,
    event_type: Annotated[
        str | None, Query(max_length=80, description="Only events of this exact type.")
    ] = None,
) -> Response:
    """The tenant's deliveries, newest first: one per event and subscription."""
    body = await service.read_deliveries(
        conn,
        caller.tenant_id,
        limit=limit,
        cursor=cursor,
        subscription_id=subscription_id,
        status=status,
        event_type=event_type,
    )
    return json_response(body)


@router.get(
    "/deliveries/{delivery_id}",
    operation_id="webhooks_get_delivery",
    summary="Get an outbound delivery and its attempts",
    response_model=DeliveryDetail,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_delivery(delivery_id: uuid.UUID, conn: ReadDep, caller: PrincipalDep) -> Response:
    """The delivery, its event's data, and every attempt: when, the receiver's status code and
    the start of its answer, how long it took, and what went wrong."""
    return json_response(await service.read_delivery(conn, caller.tenant_id, delivery_id))


@router.post(
    "/deliveries/{delivery_id}/redeliver",
    operation_id="webhooks_redeliver_delivery",
    summary="Deliver an event again",
    response_model=DeliveryDetail,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 422),
)
async def redeliver_delivery(
    delivery_id: uuid.UUID, session: SessionDep, caller: PrincipalDep
) -> Response:
    """Due again now, whatever its state (a dead one too), with a fresh retry schedule; its
    earlier attempts stay in its log. The receiver gets the same `webhook-id`, so it can tell
    a redelivery from a new event. 409 while the subscription is disabled."""
    return json_response(await service.redeliver(session, caller.tenant_id, delivery_id))


# --- the event intake ----------------------------------------------------------------------------


@intake_router.post(
    EVENT_INTAKE_PATH,
    operation_id="webhooks_take_in_events",
    summary="Take in a batch of domain events",
    response_model=IntakeReport,
    responses=problem_responses(401, 413, 422),
)
async def take_in_events(request: Request, session: SessionDep) -> IntakeReport:
    """Where the services' outbox relays post. The batch is proven by its signature with the
    internal secret (401 otherwise, nothing stored), so its tenant ids are trusted. Each event
    is kept once by id and owed to the matching subscriptions, committed before the 200."""
    raw = await bounded_body(request, request.app.state.settings.max_body_bytes, "A batch")
    header = request.headers.get(SIGNATURE_HEADER)
    if not batch_signature_holds(request.app.state.internal_secret, raw, header):
        raise Unauthorized("The batch's signature does not hold.")
    try:
        batch = EventBatch.model_validate_json(raw)
    except ValidationError as exc:
        ValidationFailed.raise_if_any(
            [
                body_error("/" + "/".join(pointer_token(p) for p in error["loc"]), error["msg"])
                for error in exc.errors()
            ]
        )
        raise
    return await service.take_in(session, batch)
