"""CRM connections and the inbox: deliveries verified on their raw bytes, then committed,
deduplicated per connection by the provider's event identity, before they are acknowledged."""

from __future__ import annotations

import dataclasses
import functools
import json
import secrets
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from mops_shared.contracts.event_types import EVENT_TYPES
from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit import reads as kit_reads
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import (
    BadRequest,
    Conflict,
    MopsError,
    NotFound,
    Unauthorized,
    ValidationFailed,
    body_error,
    found,
)
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.group_commit import GroupCommit
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import JSON_MEDIA_TYPE, ReadRow, WireJSON
from mops_shared.kit.tracing import traceparent_of
from mops_webhooks.inbound import repository
from mops_webhooks.inbound.credential_guard import CredentialGuard
from mops_webhooks.inbound.models import WebhookConnection
from mops_webhooks.inbound.schemas import (
    AttributionRule,
    ConnectionCreate,
    ConnectionCreated,
    ConnectionRead,
    ConnectionSecretRotation,
    ConnectionUpdate,
    EventType,
    EventTypeList,
    InboxEvent,
    InboxStatus,
    Provider,
    ReceiveReport,
    normalised_url,
)
from mops_webhooks.providers import common, hubspot, pipedrive, salesforce, standard

RECEIVE_PATH = "/v1/webhooks/in/{connection_id}"
CONNECTION_SORTS = repository.CONNECTION_SORTS
INBOX_SORTS = repository.INBOX_SORTS
# Request headers kept with each event: what a later check or a replay may need, no secrets.
KEPT_HEADERS = (
    "content-type",
    "user-agent",
    "x-hubspot-request-timestamp",
    "webhook-id",
    "webhook-timestamp",
)


def _read(connection: WebhookConnection) -> dict[str, Any]:
    return {
        "id": connection.id,
        "provider": connection.provider,
        "name": connection.name,
        "receive_path": RECEIVE_PATH.format(connection_id=connection.id),
        "public_url": connection.public_url,
        "username": connection.username,
        "organization_id": connection.organization_id,
        "secrets": len(connection.secrets) + (connection.credential_hash is not None),
        "attribution_rules": [
            AttributionRule.model_validate(r) for r in connection.attribution_rules
        ],
        "currency": connection.currency,
        "version": connection.version,
        "created_at": connection.created_at,
        "updated_at": connection.updated_at,
    }


def to_read(connection: WebhookConnection) -> ConnectionRead:
    return ConnectionRead.model_validate(_read(connection))


def _required(pairs: list[tuple[str, object, str]]) -> None:
    """422 naming every (pointer, value, why) whose value is missing."""
    ValidationFailed.raise_if_any(
        [body_error(pointer, detail) for pointer, value, detail in pairs if value in (None, "")]
    )


async def create_connection(
    session: AsyncSession, tenant_id: uuid.UUID, data: ConnectionCreate, box: Fernet
) -> ConnectionCreated:
    """A connection with what its provider's scheme needs: signing secrets encrypted (HMAC
    schemes need them back), passwords and URL tokens hashed (they are only compared)."""
    secret = data.secret.get_secret_value() if data.secret is not None else None
    password = data.password.get_secret_value() if data.password is not None else None
    generated: str | None = None
    signing: list[str] = []
    credential_hash: str | None = None
    if data.provider == Provider.hubspot:
        _required(
            [
                ("/public_url", data.public_url, "HubSpot signs the URL it posts to: give it"),
                ("/secret", secret, "HubSpot signs with the app's client secret: give it"),
            ]
        )
        signing = [secret or ""]
    elif data.provider == Provider.generic:
        if secret is None:
            generated = secret = standard.new_standard_webhook_secret()
        try:
            standard.standard_webhook_key(secret)
        except ValueError as exc:
            raise ValidationFailed.at(ProblemLocation.body, "/secret", str(exc)) from None
        signing = [secret]
    elif data.provider == Provider.pipedrive:
        _required(
            [
                ("/username", data.username, "Pipedrive sends HTTP Basic credentials: the user"),
                ("/password", password, "Pipedrive sends HTTP Basic credentials: the password"),
            ]
        )
        credential_hash = common.hash_credential(password or "")
    else:
        _required(
            [("/organization_id", data.organization_id, "the organisation messages come from")]
        )
        if data.organization_id and salesforce.salesforce_id_key(data.organization_id) is None:
            raise ValidationFailed.at(
                ProblemLocation.body,
                "/organization_id",
                "not a Salesforce id: the last 3 characters of an 18-character id are the "
                "checksum of its first 15 (or give the 15-character id)",
            )
        generated = secrets.token_urlsafe(32)
        credential_hash = common.hash_credential(generated)
    now = utcnow()
    connection = WebhookConnection(
        tenant_id=tenant_id,
        provider=data.provider.value,
        name=data.name,
        public_url=data.public_url,  # exactly as registered: HubSpot signs it so
        secrets=[box.encrypt(s.encode()).decode() for s in signing],
        username=data.username if data.provider == Provider.pipedrive else None,
        organization_id=data.organization_id if data.provider == Provider.salesforce else None,
        credential_hash=credential_hash,
        attribution_rules=[r.model_dump() for r in data.attribution_rules],
        currency=data.currency,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, connection)
    await session.flush()
    created = ConnectionCreated.model_validate(_read(connection) | {"generated_secret": generated})
    await session.commit()
    return created


async def connection_of_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, connection_id: uuid.UUID
) -> WebhookConnection:
    connection = found(
        await repository.connection_of_tenant(session, tenant_id, connection_id),
        f"No webhook connection {connection_id}.",
    )
    return connection


async def update_connection(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    connection_id: uuid.UUID,
    data: ConnectionUpdate,
    if_match: str | None,
) -> ConnectionRead:
    """Changes the given fields; with If-Match, only if the connection is still that version."""
    # The body is judged before the precondition: bad input is a 422 whatever the version.
    changes = data.model_dump(exclude_unset=True)
    for field in ("name", "currency", "attribution_rules"):
        if field in changes and changes[field] is None:
            raise ValidationFailed.at(ProblemLocation.body, f"/{field}", f"{field} cannot be null")
    connection = await connection_of_tenant(session, tenant_id, connection_id)
    check_if_match(if_match, connection.version)
    if "public_url" in changes:
        if connection.provider == Provider.hubspot and data.public_url is None:
            raise ValidationFailed.at(
                ProblemLocation.body, "/public_url", "HubSpot signs the URL: keep one"
            )
        connection.public_url = data.public_url
    if data.name is not None:
        connection.name = data.name
    if data.currency is not None:
        connection.currency = data.currency
    if data.attribution_rules is not None:
        connection.attribution_rules = [r.model_dump() for r in data.attribution_rules]
    return await _save(session, connection)


async def _save(session: AsyncSession, connection: WebhookConnection) -> ConnectionRead:
    connection.version += 1
    connection.updated_at = utcnow()
    await session.flush()
    read = to_read(connection)
    await session.commit()
    return read


async def rotate_connection_secret(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    connection_id: uuid.UUID,
    data: ConnectionSecretRotation,
    box: Fernet,
) -> ConnectionCreated:
    """The new secret first, the previous one still accepted beside it (HubSpot and generic:
    their secrets are HMAC keys); the one before that is dropped."""
    connection = await connection_of_tenant(session, tenant_id, connection_id)
    secret = data.secret.get_secret_value() if data.secret is not None else None
    generated: str | None = None
    if connection.provider == Provider.hubspot:
        _required([("/secret", secret, "give the app's new client secret")])
    elif connection.provider == Provider.generic:
        if secret is None:
            generated = secret = standard.new_standard_webhook_secret()
        try:
            standard.standard_webhook_key(secret)
        except ValueError as exc:
            raise ValidationFailed.at(ProblemLocation.body, "/secret", str(exc)) from None
    else:
        raise ValidationFailed.at(
            ProblemLocation.body,
            "/secret",
            f"{connection.provider} connections have no signing secret to rotate: "
            "register a new connection for new credentials",
        )
    connection.secrets = [box.encrypt((secret or "").encode()).decode(), *connection.secrets[:1]]
    await _save(session, connection)
    return ConnectionCreated.model_validate(_read(connection) | {"generated_secret": generated})


async def drop_previous_secret(
    session: AsyncSession, tenant_id: uuid.UUID, connection_id: uuid.UUID
) -> ConnectionRead:
    """Ends a rotation: only the newest secret is accepted from now on."""
    connection = await connection_of_tenant(session, tenant_id, connection_id)
    if len(connection.secrets) < 2:
        raise Conflict("The connection has no previous secret.")
    connection.secrets = connection.secrets[:1]
    return await _save(session, connection)


async def delete_connection(
    session: AsyncSession, tenant_id: uuid.UUID, connection_id: uuid.UUID
) -> None:
    connection = await connection_of_tenant(session, tenant_id, connection_id)
    await repository.delete(session, connection)
    await session.commit()


# --- receiving -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _decrypted(box: Fernet, token: str) -> str:
    """A stored secret in clear. Each ciphertext is decrypted once per process: they never
    change (a rotation stores a new one), and Fernet's check costs on every delivery."""
    return box.decrypt(token.encode()).decode()


@functools.lru_cache(maxsize=1024)
def _signed_urls(public_url: str) -> tuple[str, ...]:
    """The URLs a HubSpot signature may cover: the URL as registered (what HubSpot calls and
    signs), and its normalised spelling, which is what connections made before the URL was
    kept as given hold, and what a registration may have been normalised to."""
    normalised = normalised_url(public_url)
    return (public_url,) if normalised in (None, public_url) else (public_url, normalised or "")


def _ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)


async def receive(
    read_engine: AsyncEngine,
    connection_id: uuid.UUID,
    body: bytes,
    headers: Mapping[str, str],
    box: Fernet,
    inbox: InboxWriter,
    guard: CredentialGuard,
    *,
    source: str,
    token: str | None = None,
    now: float | None = None,
) -> tuple[Provider, dict[str, int]]:
    """Verifies the delivery for its connection (401, nothing stored, when it is not proven),
    parses its events (400 when they are not a valid delivery) and commits them to the inbox,
    each once per connection: a replay is acknowledged and stored nowhere. What it did is
    `ReceiveReport`'s fields: how many events came, how many were new. Stored credentials
    (Pipedrive, Salesforce) are checked by `guard`, for which `source` is the sender's address:
    429 or 503 when it refuses to check."""
    # The credential as sent (Pipedrive's Authorization, Salesforce's URL token): a flood of
    # wrong ones is refused before the query, once the guard knows the connection.
    raw_credential = (common.lower_keys(headers).get("authorization", ""), token or "")
    guard.refuse_early(connection_id, source, raw_credential)
    # A read on the read engine (autocommit: no BEGIN and ROLLBACK round trips; kit.reads), no
    # ORM session: this path runs for every delivery.
    async with kit_reads.read_connection(read_engine) as db:
        connection = await repository.receiving_connection(db, connection_id)
    if connection is None:
        raise NotFound(f"No webhook connection {connection_id}.")
    signing = [_decrypted(box, s) for s in connection.secrets]
    rows: list[dict[str, Any]] = []
    kept = {k: v for k, v in ((k.lower(), v) for k, v in headers.items()) if k in KEPT_HEADERS}
    received_at = utcnow()
    traceparent = traceparent_of()  # the receiving request's: processing continues it

    def row(identity: str, kind: str | None, occurred: datetime | None, payload: Any) -> None:
        rows.append(
            {
                "id": uuid.uuid4(),
                "tenant_id": connection.tenant_id,
                "connection_id": connection.id,
                "provider": connection.provider,
                "identity": identity,
                "kind": kind,
                "occurred_at": occurred,
                "received_at": received_at,
                "payload": payload,
                "headers": kept,
                "status": InboxStatus.pending.value,
                "attempts": 0,
                "next_attempt_at": received_at,
                "last_error": None,
                "traceparent": traceparent,
            }
        )

    refused: MopsError | None = None
    try:
        if connection.provider == Provider.hubspot:
            hubspot.verify_hubspot(
                method="POST",  # the receive URL's one method
                uri=_signed_urls(connection.public_url or ""),
                body=body,
                headers=headers,
                client_secrets=signing,
                now=now,
            )
            for event in hubspot.parse_hubspot_events(body):
                occurred = _ms(event.occurred_at_ms)
                row(event.dedupe_key, event.subscription_type, occurred, event.payload())
        elif connection.provider == Provider.pipedrive:
            user, password = pipedrive.basic_credentials(headers)
            expected_user, password_hash = (
                connection.username or "",
                connection.credential_hash or "",
            )
            if not await guard.matches(
                connection.id,
                (expected_user, password_hash),
                (user, password),
                source,
                lambda: pipedrive.credentials_match(user, password, expected_user, password_hash),
                raw_credential=raw_credential,
            ):
                raise common.SignatureRejected(pipedrive.CREDENTIALS_DO_NOT_MATCH)
            # v1 or v2; its identity and kind as `providers.pipedrive` documents them.
            pipedrive_event = pipedrive.parse_pipedrive(body)
            row(
                pipedrive_event.dedupe_key,
                pipedrive_event.kind,
                pipedrive_event.occurred_at,
                dict(pipedrive_event.payload),
            )
        elif connection.provider == Provider.salesforce:
            # The token first: XML from an unproven sender is never parsed.
            url_secret, url_secret_hash = token or "", connection.credential_hash or ""
            if not await guard.matches(
                connection.id,
                (url_secret_hash,),
                (url_secret,),
                source,
                lambda: common.credential_matches(url_secret, url_secret_hash),
                raw_credential=raw_credential,
            ):
                raise common.SignatureRejected(salesforce.URL_SECRET_DOES_NOT_MATCH)
            message = salesforce.organization_message(body, connection.organization_id or "")
            for notification in message.notifications:
                row(
                    notification.dedupe_key,
                    notification.sobject_type,
                    None,
                    {"id": notification.notification_id, "fields": dict(notification.fields)},
                )
        else:
            delivery = standard.verify_standard_webhook(
                body=body, headers=headers, signing_secrets=signing, now=now
            )
            payload = json.loads(body)
            kind = payload.get("type") if isinstance(payload, dict) else None
            row(delivery.dedupe_key, kind if isinstance(kind, str) else None, None, payload)
    except common.SignatureRejected as exc:
        refused = Unauthorized(f"The delivery's signature does not hold: {exc.reason}")
    except (common.PayloadRejected, ValueError) as exc:
        reason = exc.reason if isinstance(exc, common.PayloadRejected) else "not JSON"
        refused = BadRequest(f"The delivery is not valid: {reason}")
    if refused is not None:
        if connection.provider == Provider.salesforce:
            raise SoapRefusal(refused)
        raise refused
    if not rows:
        return Provider(connection.provider), {"received": 0, "stored": 0}
    # Durable before acknowledged: the caller answers 2xx only after the transaction holding
    # these rows (and those of the deliveries that arrived meanwhile) commits.
    new = await inbox.submit(rows)
    return Provider(connection.provider), {"received": len(rows), "stored": new}


class SoapRefusal(Exception):
    """A Salesforce delivery refused (400, 401): its sender expects a SOAP fault, not a
    problem document."""

    def __init__(self, error: MopsError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclasses.dataclass(frozen=True)
class Answer:
    """What the receive URL sends back: status, body, media type and extra headers."""

    status: int
    body: bytes
    media_type: str
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)


# The receive URL's answers, the same from the route and from the pure-ASGI path beside it
# (`receive_fast`), which both call `acknowledge`: one query, one serialiser.
RECEIVE_REPORT_JSON = WireJSON(ReceiveReport)
SALESFORCE_MEDIA_TYPE = "text/xml; charset=utf-8"


async def acknowledge(
    read_engine: AsyncEngine,
    connection_id: uuid.UUID,
    body: bytes,
    headers: Mapping[str, str],
    box: Fernet,
    inbox: InboxWriter,
    guard: CredentialGuard,
    *,
    source: str,
    token: str | None = None,
) -> Answer:
    """The 200 answer to a delivery once its events are committed (`receive`):
    `ReceiveReport`'s JSON or, to Salesforce, the SOAP acknowledgement. A Salesforce delivery
    refused as unproven (401) or invalid (400) is answered a SOAP 1.1 fault with that status;
    any other refusal raises the problem (`MopsError`) the caller answers."""
    try:
        provider, report = await receive(
            read_engine, connection_id, body, headers, box, inbox, guard, source=source, token=token
        )
    except SoapRefusal as refusal:
        error = refusal.error
        fault = salesforce.salesforce_fault(error.detail or str(error))
        return Answer(error.status, fault, SALESFORCE_MEDIA_TYPE, error.headers)
    if provider == Provider.salesforce:
        return Answer(200, salesforce.SALESFORCE_ACK, SALESFORCE_MEDIA_TYPE)
    return Answer(200, RECEIVE_REPORT_JSON.dumps(RECEIVE_REPORT_JSON.item(report)), JSON_MEDIA_TYPE)


InboxWriter = GroupCommit[list[dict[str, Any]], int]


def inbox_writer(engine: AsyncEngine) -> InboxWriter:
    """The deliveries' events, committed to the inbox a group at a time (kit.group_commit): a
    commit waits for the database's log flush, and one flush for many deliveries is what lets
    the receive URL acknowledge more than one delivery per flush."""

    async def write(deliveries: list[list[dict[str, Any]]]) -> list[int]:
        async with engine.begin() as db:
            return await repository.store_in_inbox(db, deliveries)

    return GroupCommit(write)


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

CONNECTION_JSON = WireJSON(ConnectionRead)
RULE_JSON = WireJSON(AttributionRule)
INBOX_EVENT_JSON = WireJSON(InboxEvent)
# What subscriptions can hear never changes while the process runs: written once.
EVENT_TYPES_JSON = (
    EventTypeList(
        items=[EventType(type=name, description=text) for name, text in EVENT_TYPES.items()]
    )
    .model_dump_json()
    .encode()
)


def _connection_item(row: ReadRow) -> dict[str, Any]:
    # `secrets` is the row's count of them (see repository.connection_row), never the secrets.
    return CONNECTION_JSON.item(
        row,
        receive_path=RECEIVE_PATH.format(connection_id=row["id"]),
        attribution_rules=RULE_JSON.items(row["attribution_rules"]),
    )


async def read_connection(
    conn: AsyncConnection, tenant_id: uuid.UUID, connection_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's connection as `ConnectionRead`'s JSON, with its version (the ETag)."""
    row = found(
        await repository.connection_row(conn, tenant_id, connection_id),
        f"No webhook connection {connection_id}.",
    )
    return CONNECTION_JSON.dumps(_connection_item(row)), int(row["version"])


async def read_connections(
    conn: AsyncConnection, tenant_id: uuid.UUID, *, limit: int, cursor: str | None
) -> bytes:
    """A page of the tenant's connections, oldest first, as `ConnectionPage`'s JSON."""
    rows, next_cursor = await repository.connection_rows(
        conn, tenant_id, sort=CONNECTION_SORTS["created_at"], limit=limit, cursor=cursor
    )
    return CONNECTION_JSON.dumps_page([_connection_item(row) for row in rows], next_cursor)


async def read_inbox(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: InboxStatus | None,
    connection_id: uuid.UUID | None,
) -> bytes:
    """A page of the tenant's inbound events as `InboxPage`'s JSON."""
    rows, next_cursor = await repository.inbox_rows(
        conn,
        tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        status=status.value if status is not None else None,
        connection_id=connection_id,
    )
    return INBOX_EVENT_JSON.dumps_page(INBOX_EVENT_JSON.items(rows), next_cursor)


async def read_inbox_event(
    conn: AsyncConnection, tenant_id: uuid.UUID, event_id: uuid.UUID
) -> bytes:
    """The tenant's inbound event as `InboxEvent`'s JSON."""
    row = found(
        await repository.inbox_row(conn, tenant_id, event_id), f"No inbound event {event_id}."
    )
    return INBOX_EVENT_JSON.dumps(INBOX_EVENT_JSON.item(row))


async def replay(session: AsyncSession, tenant_id: uuid.UUID, event_id: uuid.UUID) -> bytes:
    """Due again now, with a fresh count of tries, whatever its state: processing is
    idempotent (an outcome already recorded for its record is not recorded again), so a
    replay after a rule was added attributes what was unmapped, and a dead one gets retried.
    The event as `InboxEvent`'s JSON, as read after the commit."""
    if not await repository.make_due_again(session, tenant_id, event_id, utcnow()):
        raise NotFound(f"No inbound event {event_id}.")
    await session.commit()
    return await read_inbox_event(await session.connection(), tenant_id, event_id)
