"""`/v1/webhooks`: CRM connections and their inbox (API key with `webhooks:admin`), and the
receive URL the providers post to (no API key: the provider's signature)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from mops_shared.contracts.event_types import EVENT_TYPES
from mops_shared.kit.conventions import CREATED_WITH_LOCATION
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery, resolve_sort
from mops_webhooks.deps import AUTH_PROBLEMS, PrincipalDep, SessionDep, bounded_body
from mops_webhooks.inbound import service
from mops_webhooks.inbound.schemas import (
    ConnectionCreate,
    ConnectionCreated,
    ConnectionPage,
    ConnectionRead,
    ConnectionSecretRotation,
    ConnectionUpdate,
    EventType,
    EventTypeList,
    InboxEvent,
    InboxPage,
    InboxSort,
    InboxStatus,
    Provider,
    ReceiveReport,
)
from mops_webhooks.providers.salesforce import SALESFORCE_ACK

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])


@router.post(
    "/connections",
    operation_id="webhooks_create_connection",
    summary="Register a CRM connection",
    status_code=status.HTTP_201_CREATED,
    # Its schema (with the secret shown once) is not the one read at the Location.
    responses={**problem_responses(*AUTH_PROBLEMS, 422), **CREATED_WITH_LOCATION},
)
async def create_connection(
    body: ConnectionCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    caller: PrincipalDep,
) -> ConnectionCreated:
    """A connection the provider posts to at `receive_path`. `hubspot` needs the app's client
    secret and the public URL registered with HubSpot; `generic` (Standard Webhooks) takes a
    `whsec_` secret or gets one, shown once. Secrets are kept encrypted."""
    created = await service.create_connection(
        session, caller.tenant_id, body, request.app.state.webhook_secrets
    )
    response.headers["Location"] = f"/v1/webhooks/connections/{created.id}"
    return tagged(response, created)


@router.get(
    "/connections",
    operation_id="webhooks_list_connections",
    summary="List CRM connections",
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_connections(
    session: SessionDep,
    caller: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> ConnectionPage:
    """The tenant's CRM connections, oldest first; secrets are never shown after creation."""
    return await service.list_connections(session, caller.tenant_id, limit=limit, cursor=cursor)


@router.get(
    "/connections/{connection_id}",
    operation_id="webhooks_get_connection",
    summary="Get a CRM connection",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_connection(
    connection_id: uuid.UUID, response: Response, session: SessionDep, caller: PrincipalDep
) -> ConnectionRead:
    """The connection, with its ETag; its secrets are never shown."""
    connection = await service.connection_of_tenant(session, caller.tenant_id, connection_id)
    return tagged(response, service.to_read(connection))


@router.patch(
    "/connections/{connection_id}",
    operation_id="webhooks_update_connection",
    summary="Change a CRM connection",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 412, 422),
)
async def update_connection(
    connection_id: uuid.UUID,
    body: ConnectionUpdate,
    response: Response,
    session: SessionDep,
    caller: PrincipalDep,
    if_match: IfMatch = None,
) -> ConnectionRead:
    """Changes its name, public URL, default currency or attribution rules (the rules apply to
    events processed from now on: replay unmapped events to attribute them). With `If-Match`,
    only if it is still that version (412 otherwise)."""
    updated = await service.update_connection(
        session, caller.tenant_id, connection_id, body, if_match
    )
    return tagged(response, updated)


@router.post(
    "/connections/{connection_id}/secret",
    operation_id="webhooks_rotate_connection_secret",
    summary="Rotate a CRM connection's signing secret",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 422),
)
async def rotate_connection_secret(
    connection_id: uuid.UUID,
    body: ConnectionSecretRotation,
    request: Request,
    response: Response,
    session: SessionDep,
    caller: PrincipalDep,
) -> ConnectionCreated:
    """HubSpot and generic connections: the new secret is accepted at once and the previous
    one still, so deliveries signed with either pass while the sender switches. A generated
    `whsec_` secret is shown this once."""
    rotated = await service.rotate_connection_secret(
        session, caller.tenant_id, connection_id, body, request.app.state.webhook_secrets
    )
    return tagged(response, rotated)


@router.delete(
    "/connections/{connection_id}/secret/previous",
    operation_id="webhooks_drop_previous_connection_secret",
    summary="End a secret rotation",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 409, 422),
)
async def drop_previous_secret(
    connection_id: uuid.UUID, response: Response, session: SessionDep, caller: PrincipalDep
) -> ConnectionRead:
    """Only the newest secret is accepted from now on (409 when there is no other)."""
    dropped = await service.drop_previous_secret(session, caller.tenant_id, connection_id)
    return tagged(response, dropped)


@router.delete(
    "/connections/{connection_id}",
    operation_id="webhooks_delete_connection",
    summary="Delete a CRM connection",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def delete_connection(
    connection_id: uuid.UUID, session: SessionDep, caller: PrincipalDep
) -> Response:
    """Deletes the connection and its inbox."""
    await service.delete_connection(session, caller.tenant_id, connection_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/event-types",
    operation_id="webhooks_list_event_types",
    summary="List the domain event types",
    responses=problem_responses(*AUTH_PROBLEMS),
)
async def list_event_types(caller: PrincipalDep) -> EventTypeList:
    """What subscriptions can hear: each type the services record, with its meaning. A
    subscription names types exactly, by family (`tool.*`) or all (`*`)."""
    return EventTypeList(
        items=[EventType(type=name, description=text) for name, text in EVENT_TYPES.items()]
    )


@router.get(
    "/inbox",
    operation_id="webhooks_list_inbox",
    summary="List inbound events",
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_inbox(
    session: SessionDep,
    caller: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        InboxSort, Query(description="`received_at` (oldest first) or `-received_at`.")
    ] = InboxSort.received_at,
    status: Annotated[InboxStatus | None, Query(description="Only events in this state.")] = None,
    connection_id: Annotated[uuid.UUID | None, Query(description="One connection's.")] = None,
) -> InboxPage:
    """The tenant's inbound events, as stored before they were acknowledged."""
    return await service.inbox(
        session,
        caller.tenant_id,
        sort=resolve_sort(service.INBOX_SORTS, sort),
        limit=limit,
        cursor=cursor,
        status=status,
        connection_id=connection_id,
    )


@router.get(
    "/inbox/{event_id}",
    operation_id="webhooks_get_inbox_event",
    summary="Get an inbound event",
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_inbox_event(
    event_id: uuid.UUID, session: SessionDep, caller: PrincipalDep
) -> InboxEvent:
    """One inbound event: its payload, state, tries and what processing made of it."""
    return service.inbox_event(
        await service.inbox_event_of_tenant(session, caller.tenant_id, event_id)
    )


@router.post(
    "/inbox/{event_id}/replay",
    operation_id="webhooks_replay_inbox_event",
    summary="Process an inbound event again",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def replay_inbox_event(
    event_id: uuid.UUID, session: SessionDep, caller: PrincipalDep
) -> InboxEvent:
    """Makes the event due now with a fresh count of tries, whatever its state: a dead one is
    retried, an unmapped one is attributed by the current rules. Never counts twice: an
    outcome already recorded for the event's CRM record is not recorded again."""
    return await service.replay(session, caller.tenant_id, event_id)


@router.post(
    "/in/{connection_id}",
    operation_id="webhooks_receive_delivery",
    summary="Receive a CRM delivery",
    response_model=ReceiveReport,
    responses={
        **problem_responses(400, 401, 404, 413, 422),
        200: {
            "description": "Stored (JSON report); Salesforce gets its SOAP acknowledgement.",
            "content": {"text/xml": {"schema": {"type": "string"}}},
        },
    },
    openapi_extra={"security": []},
)
async def receive(
    connection_id: uuid.UUID,
    request: Request,
    token: Annotated[
        str | None, Query(description="Salesforce: the token given when the connection was made.")
    ] = None,
) -> Any:
    """Where a provider posts, proven by its own scheme instead of an API key: HubSpot
    signature v3 (5-minute window), Standard Webhooks (generic), HTTP Basic (Pipedrive), or
    the URL token and organisation id (Salesforce outbound messages, answered with the SOAP
    acknowledgement). The events are committed to the inbox, once per tenant and provider
    identity, before the 2xx; a replay is acknowledged and not stored again. A delivery that
    is not proven is a 401 and nothing is stored."""
    body = await bounded_body(request, request.app.state.settings.max_receive_bytes, "A delivery")
    provider, report = await service.receive(
        request.app.state.engine,
        connection_id,
        request.method,
        body,
        request.headers,
        request.app.state.webhook_secrets,
        request.app.state.inbox_writer,
        token=token,
    )
    if provider == Provider.salesforce:
        return Response(SALESFORCE_ACK, media_type="text/xml; charset=utf-8")
    return report
