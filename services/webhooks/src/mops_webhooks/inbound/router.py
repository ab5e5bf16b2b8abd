"""`/v1/webhooks`: CRM connections and their inbox (API key with `webhooks:admin`), and the
receive URL the providers post to (no API key: the provider's signature)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from mops_shared.kit.conventions import CREATED_WITH_LOCATION
from mops_shared.kit.errors import problem_responses
from mops_shared.kit.etag import IfMatch, tagged
from mops_shared.kit.pagination import CursorQuery, LimitQuery, resolve_sort
from mops_shared.kit.reads import json_response
from mops_webhooks.deps import AUTH_PROBLEMS, PrincipalDep, ReadDep, SessionDep, bounded_body
from mops_webhooks.inbound import service
from mops_webhooks.inbound.credential_guard import source_address
from mops_webhooks.inbound.schemas import (
    ConnectionCreate,
    ConnectionCreated,
    ConnectionPage,
    ConnectionRead,
    ConnectionSecretRotation,
    ConnectionUpdate,
    EventTypeList,
    InboxEvent,
    InboxPage,
    InboxSort,
    InboxStatus,
    ReceiveReport,
)

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
    response_model=ConnectionPage,
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_connections(
    conn: ReadDep,
    caller: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Response:
    """The tenant's CRM connections, oldest first; secrets are never shown after creation."""
    body = await service.read_connections(conn, caller.tenant_id, limit=limit, cursor=cursor)
    return json_response(body)


@router.get(
    "/connections/{connection_id}",
    operation_id="webhooks_get_connection",
    summary="Get a CRM connection",
    response_model=ConnectionRead,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_connection(connection_id: uuid.UUID, conn: ReadDep, caller: PrincipalDep) -> Response:
    """The connection, with its ETag; its secrets are never shown."""
    body, version = await service.read_connection(conn, caller.tenant_id, connection_id)
    return json_response(body, version=version)


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
    response_model=EventTypeList,
    responses=problem_responses(*AUTH_PROBLEMS),
)
async def list_event_types(caller: PrincipalDep) -> Response:
    """What subscriptions can hear: each type the services record, with its meaning. A
    subscription names types exactly, by family (`tool.*`) or all (`*`)."""
    return json_response(service.EVENT_TYPES_JSON)


@router.get(
    "/inbox",
    operation_id="webhooks_list_inbox",
    summary="List inbound events",
    response_model=InboxPage,
    responses=problem_responses(*AUTH_PROBLEMS, 422),
)
async def list_inbox(
    conn: ReadDep,
    caller: PrincipalDep,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    sort: Annotated[
        InboxSort, Query(description="`received_at` (oldest first) or `-received_at`.")
    ] = InboxSort.received_at,
    status: Annotated[InboxStatus | None, Query(description="Only events in this state.")] = None,
    connection_id: Annotated[uuid.UUID | None, Query(description="One connection's.")] = None,
) -> Response:
    """The tenant's inbound events, as stored before they were acknowledged."""
    body = await service.read_inbox(
        conn,
        caller.tenant_id,
        sort=resolve_sort(service.INBOX_SORTS, sort),
        limit=limit,
        cursor=cursor,
        status=status,
        connection_id=connection_id,
    )
    return json_response(body)


@router.get(
    "/inbox/{event_id}",
    operation_id="webhooks_get_inbox_event",
    summary="Get an inbound event",
    response_model=InboxEvent,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def get_inbox_event(event_id: uuid.UUID, conn: ReadDep, caller: PrincipalDep) -> Response:
    """One inbound event: its payload, state, tries and what processing made of it."""
    return json_response(await service.read_inbox_event(conn, caller.tenant_id, event_id))


@router.post(
    "/inbox/{event_id}/replay",
    operation_id="webhooks_replay_inbox_event",
    summary="Process an inbound event again",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=InboxEvent,
    responses=problem_responses(*AUTH_PROBLEMS, 404, 422),
)
async def replay_inbox_event(
    event_id: uuid.UUID, session: SessionDep, caller: PrincipalDep
) -> Response:
    """Makes the event due now with a fresh count of tries, whatever its state: a dead one is
    retried, an unmapped one is attributed by the current rules. Never counts twice: an
    outcome already recorded for the event's CRM record is not recorded again."""
    body = await service.replay(session, caller.tenant_id, event_id)
    return json_response(body, status_code=status.HTTP_202_ACCEPTED)


@router.post(
    "/in/{connection_id}",
    operation_id="webhooks_receive_delivery",
    summary="Receive a CRM delivery",
    response_model=ReceiveReport,
    responses={
        **{
            code: entry
            | {
                "description": f"{entry['description']}; to Salesforce, a SOAP 1.1 fault.",
                "content": {"text/xml": {"schema": {"type": "string"}}},
            }
            for code, entry in problem_responses(400, 401).items()
        },
        **problem_responses(404, 413, 422, 429, 503),
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
) -> Response:
    """Where a provider posts, proven by its own scheme instead of an API key: HubSpot
    signature v3 (5-minute window), Standard Webhooks (generic), HTTP Basic (Pipedrive), or
    the URL token and organisation id (Salesforce outbound messages, answered with the SOAP
    acknowledgement). The events are committed to the inbox, once per connection and provider
    identity, before the 2xx; a replay is acknowledged and not stored again. A delivery that
    is not proven is a 401 and nothing is stored."""
    state = request.app.state
    body = await bounded_body(request, state.settings.max_receive_bytes, "A delivery")
    answer = await service.acknowledge(
        state.read_engine,
        connection_id,
        body,
        request.headers,
        state.webhook_secrets,
        state.inbox_writer,
        state.credential_guard,
        source=source_address(request.headers, request.client.host if request.client else None),
        token=token,
    )
    return Response(
        answer.body,
        status_code=answer.status,
        media_type=answer.media_type,
        headers=dict(answer.headers),
    )
