"""Verification and parsing of inbound CRM webhook deliveries, one scheme per provider.

Signatures cover the exact bytes sent, so everything here works on the raw body and headers,
before any JSON or XML parsing. Header names are matched case-insensitively. Secrets and
signatures are compared in constant time. Every check that depends on the time takes `now`
(seconds since the epoch) so that tests can pin it; left out, it is the system clock.

A refused delivery raises SignatureRejected (the sender is not proven) or PayloadRejected (the
content is not a valid delivery). Their reasons are safe to log and to return to the sender:
they never contain a secret, a credential or a signature.

Configuration mistakes of the caller (no secret, more than two, a malformed Standard Webhooks
secret) raise ValueError or TypeError instead: they are ours to fix, not the sender's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import time
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml import ElementTree as SafeET

from mops_gateway.webhooks.schemas import STANDARD_SECRET_PATTERN

TIMESTAMP_TOLERANCE_SECONDS = 5 * 60
MAX_SECRETS = 2  # the current secret and, during a rotation, the previous one
HUBSPOT_MAX_EVENTS = 100
SALESFORCE_MAX_NOTIFICATIONS = 100
STANDARD_WEBHOOK_MAX_ID_LENGTH = 256


class SignatureRejected(Exception):
    """The delivery's signature or credentials do not prove it comes from the provider."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PayloadRejected(Exception):
    """The delivery's body is not a valid delivery of its provider."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- shared helpers ---------------------------------------------------------------------------


def _lower_keys(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def _check_secrets(secrets: Sequence[str]) -> None:
    # A bare string is a Sequence[str] too: it would be tried character by character.
    if isinstance(secrets, str):
        raise TypeError("pass the secrets as a sequence, not a single string")
    if not 1 <= len(secrets) <= MAX_SECRETS:
        raise ValueError(f"between 1 and {MAX_SECRETS} secrets are accepted")
    if not all(secrets):
        raise ValueError("a secret may not be empty")


def _check_window(sent: float, now: float | None) -> None:
    current = time.time() if now is None else now
    if current - sent > TIMESTAMP_TOLERANCE_SECONDS:
        raise SignatureRejected("timestamp is older than the 5-minute tolerance")
    if sent - current > TIMESTAMP_TOLERANCE_SECONDS:
        raise SignatureRejected("timestamp is more than 5 minutes in the future")


def _whole_number(text: str, max_digits: int) -> int | None:
    # isdigit alone accepts non-ASCII digits, and int() accepts signs, spaces and underscores.
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _load_json(body: bytes) -> object:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise PayloadRejected("body is not valid JSON") from None


# --- stored secrets ---------------------------------------------------------------------------

# scrypt with a random salt: a webhook password may be chosen by a person, so the stored form
# must resist guessing. The parameters travel with the hash so they can be raised later.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SCRYPT_MAXMEM = 2**27  # bounds what a stored hash may ask for: N <= 2**16 with r <= 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_credential(text: str) -> str:
    """Salted scrypt hash of a secret, as one string `scrypt$N$r$p$salt$hash` (base64 parts)."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        text.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def credential_matches(text: str, stored: str | None) -> bool:
    """Whether `text` is the secret `stored` was made from; False for any malformed hash."""
    if not stored:
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return False
    if not (2 <= n <= 2**16 and n & (n - 1) == 0 and 1 <= r <= 8 and 1 <= p <= 4):
        return False
    if not salt or not 16 <= len(expected) <= 64:
        return False
    try:
        candidate = hashlib.scrypt(
            text.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected), maxmem=_SCRYPT_MAXMEM
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, expected)


# --- HubSpot, signature v3 --------------------------------------------------------------------

_HUBSPOT_SIGNATURE_V3 = "x-hubspot-signature-v3"
_HUBSPOT_TIMESTAMP = "x-hubspot-request-timestamp"
_HUBSPOT_LEGACY_SIGNATURE = "x-hubspot-signature"


@dataclass(frozen=True)
class HubSpotDelivery:
    timestamp_ms: int
    secret_index: int  # which of the secrets matched: 0 the first given, 1 the second


@dataclass(frozen=True)
class HubSpotEvent:
    event_id: int
    subscription_type: str
    occurred_at_ms: int
    portal_id: int
    object_id: int | None = None
    property_name: str | None = None
    property_value: str | None = None
    attempt_number: int | None = None

    @property
    def dedupe_key(self) -> str:
        return f"hubspot:{self.portal_id}:{self.event_id}"


def hubspot_v3_signature(
    client_secret: str, method: str, uri: str, body: bytes, timestamp: str
) -> str:
    """base64(HMAC-SHA256(client secret, method + uri + body + timestamp))."""
    source = method.encode() + uri.encode() + body + timestamp.encode()
    digest = hmac.new(client_secret.encode(), source, hashlib.sha256).digest()
    return _b64(digest)


def verify_hubspot(
    *,
    method: str,
    uri: str,
    body: bytes,
    headers: Mapping[str, str],
    client_secrets: Sequence[str],
    now: float | None = None,
) -> HubSpotDelivery:
    """Verify a HubSpot request signed with signature v3; v1 and v2 are refused.

    `uri` is the public URL HubSpot was configured to call, exactly as registered: it comes
    from our configuration, never from the request's Host header, which the sender controls.
    """
    _check_secrets(client_secrets)
    lowered = _lower_keys(headers)
    signature = lowered.get(_HUBSPOT_SIGNATURE_V3, "").strip()
    if not signature:
        if lowered.get(_HUBSPOT_LEGACY_SIGNATURE):
            # v1/v2 sign no timestamp, so a captured request could be replayed forever.
            raise SignatureRejected(
                "only an X-HubSpot-Signature (v1/v2) was sent; signature v3 is required"
            )
        raise SignatureRejected("missing X-HubSpot-Signature-v3 header")
    timestamp = lowered.get(_HUBSPOT_TIMESTAMP, "").strip()
    if not timestamp:
        raise SignatureRejected("missing X-HubSpot-Request-Timestamp header")
    sent_ms = _whole_number(timestamp, max_digits=16)
    if sent_ms is None:
        raise SignatureRejected("X-HubSpot-Request-Timestamp is not a number of milliseconds")
    _check_window(sent_ms / 1000, now)
    given = signature.encode()
    # Every secret is tried, so the time taken does not tell which one matched.
    matches = [
        hmac.compare_digest(
            hubspot_v3_signature(secret, method, uri, body, timestamp).encode(), given
        )
        for secret in client_secrets
    ]
    if not any(matches):
        raise SignatureRejected("X-HubSpot-Signature-v3 does not match")
    return HubSpotDelivery(timestamp_ms=sent_ms, secret_index=matches.index(True))


def _optional(event: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = event.get(name)
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise PayloadRejected(f"{where}: {name} has the wrong type")
    return value


def _required_int(event: Mapping[str, Any], name: str, where: str) -> int:
    value = event.get(name)
    if value is None:
        raise PayloadRejected(f"{where}: {name} is missing")
    if not _is_int(value):
        raise PayloadRejected(f"{where}: {name} is not an integer")
    return int(value)


def parse_hubspot_events(body: bytes) -> list[HubSpotEvent]:
    """The events of a HubSpot webhook body: a JSON array of at most 100 events."""
    document = _load_json(body)
    if not isinstance(document, list):
        raise PayloadRejected("body is not a JSON array")
    if len(document) > HUBSPOT_MAX_EVENTS:
        raise PayloadRejected(f"more than {HUBSPOT_MAX_EVENTS} events")
    events: list[HubSpotEvent] = []
    for index, event in enumerate(document):
        where = f"event {index}"
        if not isinstance(event, dict):
            raise PayloadRejected(f"{where} is not a JSON object")
        event_id = _required_int(event, "eventId", where)
        subscription_type = event.get("subscriptionType")
        if subscription_type is None:
            raise PayloadRejected(f"{where}: subscriptionType is missing")
        if not isinstance(subscription_type, str) or not subscription_type:
            raise PayloadRejected(f"{where}: subscriptionType is not a non-empty string")
        occurred_at = _required_int(event, "occurredAt", where)
        # HubSpot always sends it, and an event id is only unique within its portal.
        portal_id = _required_int(event, "portalId", where)
        events.append(
            HubSpotEvent(
                event_id=event_id,
                subscription_type=subscription_type,
                occurred_at_ms=occurred_at,
                portal_id=portal_id,
                object_id=_optional(event, "objectId", int, where),
                property_name=_optional(event, "propertyName", str, where),
                property_value=_optional(event, "propertyValue", str, where),
                attempt_number=_optional(event, "attemptNumber", int, where),
            )
        )
    return events


# --- Standard Webhooks (generic senders) ------------------------------------------------------

_STANDARD_SECRET_PREFIX = "whsec_"


@dataclass(frozen=True)
class StandardWebhookDelivery:
    webhook_id: str
    timestamp: int
    secret_index: int  # which of the secrets matched: 0 the first given, 1 the second

    @property
    def dedupe_key(self) -> str:
        return f"generic:{self.webhook_id}"


def new_standard_webhook_secret() -> str:
    """A fresh `whsec_` secret: 32 random bytes, base64."""
    return _STANDARD_SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


_STANDARD_SECRET = re.compile(STANDARD_SECRET_PATTERN)


def standard_webhook_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_<base64>` secret (the prefix may be left out)."""
    encoded = secret.removeprefix(_STANDARD_SECRET_PREFIX)
    if not encoded:
        raise ValueError("a Standard Webhooks secret may not be empty")
    # The document's pattern: b64decode alone lets stray padding through ("0000=").
    if not _STANDARD_SECRET.fullmatch(secret):
        raise ValueError("a Standard Webhooks secret is whsec_ followed by base64")
    try:
        # Padding is restored, as the reference libraries do, for secrets stored without it.
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except binascii.Error:
        raise ValueError("a Standard Webhooks secret is whsec_ followed by base64") from None
    if not key:
        raise ValueError("a Standard Webhooks secret may not be empty")
    return key


def _standard_digest(key: bytes, msg_id: str, timestamp: int, body: bytes) -> bytes:
    return hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()


def sign_standard_webhook(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` entry `v1,<base64>` for a delivery; `timestamp` in seconds."""
    if not msg_id or "." in msg_id:
        # The id is joined to the signed content with dots: one inside it would be ambiguous.
        raise ValueError("a webhook id must be non-empty and contain no '.'")
    if not _is_int(timestamp) or timestamp < 0:
        raise ValueError("the timestamp is whole seconds since the epoch")
    return "v1," + _b64(_standard_digest(standard_webhook_key(secret), msg_id, timestamp, body))


def _v1_signatures(header: str) -> list[bytes]:
    found: list[bytes] = []
    for entry in header.split():
        version, comma, encoded = entry.partition(",")
        if version != "v1" or not comma:
            continue  # other schemes (v1a, ...) are for other verifiers
        try:
            found.append(base64.b64decode(encoded, validate=True))
        except binascii.Error:
            continue
    return found


def verify_standard_webhook(
    *,
    body: bytes,
    headers: Mapping[str, str],
    signing_secrets: Sequence[str],
    now: float | None = None,
) -> StandardWebhookDelivery:
    """Verify a delivery signed per the Standard Webhooks specification (symmetric, v1)."""
    _check_secrets(signing_secrets)
    keys = [standard_webhook_key(secret) for secret in signing_secrets]
    lowered = _lower_keys(headers)
    msg_id = lowered.get("webhook-id", "").strip()
    timestamp_text = lowered.get("webhook-timestamp", "").strip()
    signature_header = lowered.get("webhook-signature", "").strip()
    if not msg_id:
        raise SignatureRejected("missing webhook-id header")
    if not timestamp_text:
        raise SignatureRejected("missing webhook-timestamp header")
    if not signature_header:
        raise SignatureRejected("missing webhook-signature header")
    if len(msg_id) > STANDARD_WEBHOOK_MAX_ID_LENGTH:
        raise SignatureRejected(
            f"webhook-id is longer than {STANDARD_WEBHOOK_MAX_ID_LENGTH} characters"
        )
    sent = _whole_number(timestamp_text, max_digits=12)
    if sent is None:
        raise SignatureRejected("webhook-timestamp is not a whole number of seconds")
    _check_window(sent, now)
    given = _v1_signatures(signature_header)
    if not given:
        raise SignatureRejected("webhook-signature carries no v1 signature")
    # Every pair is compared, so the time taken does not tell which one matched.
    matches: list[bool] = []
    for key in keys:
        expected = _standard_digest(key, msg_id, sent, body)
        results = [hmac.compare_digest(expected, signature) for signature in given]
        matches.append(any(results))
    if not any(matches):
        raise SignatureRejected("no webhook-signature matches")
    return StandardWebhookDelivery(
        webhook_id=msg_id, timestamp=sent, secret_index=matches.index(True)
    )


# --- Pipedrive webhooks v2 ---------------------------------------------------------------------


@dataclass(frozen=True)
class PipedriveDelivery:
    event_id: str
    action: str | None
    entity: str | None
    entity_id: str | None
    payload: Mapping[str, Any] = field(hash=False, repr=False)

    @property
    def dedupe_key(self) -> str:
        return f"pipedrive:{self.event_id}"


def _basic_credentials(authorization: str) -> tuple[str, str]:
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "basic":
        raise SignatureRejected("Authorization is not HTTP Basic")
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise SignatureRejected("malformed HTTP Basic credentials") from None
    user, colon, password = decoded.partition(":")
    if not colon:
        raise SignatureRejected("malformed HTTP Basic credentials")
    return user, password


def _text_or_none(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if _is_int(value):
        return str(value)
    return None


def verify_pipedrive(
    *,
    body: bytes,
    headers: Mapping[str, str],
    expected_user: str,
    password_hash: str,
) -> PipedriveDelivery:
    """Check a Pipedrive v2 delivery's HTTP Basic credentials, then parse its JSON body.

    `password_hash` is the stored form made by hash_credential.
    """
    authorization = _lower_keys(headers).get("authorization", "")
    if not authorization.strip():
        raise SignatureRejected("missing Authorization header")
    user, password = _basic_credentials(authorization)
    # Both are checked before deciding, so the time taken does not tell which one was wrong.
    user_ok = hmac.compare_digest(user.encode(), expected_user.encode())
    password_ok = credential_matches(password, password_hash)
    if not (user_ok and password_ok):
        raise SignatureRejected("HTTP Basic credentials do not match")
    document = _load_json(body)
    if not isinstance(document, dict):
        raise PayloadRejected("body is not a JSON object")
    meta = document.get("meta")
    if not isinstance(meta, dict):
        raise PayloadRejected("meta is missing")
    event_id = _text_or_none(meta.get("id"))
    if not event_id:
        raise PayloadRejected("meta.id is missing")
    return PipedriveDelivery(
        event_id=event_id,
        action=_text_or_none(meta.get("action")),
        entity=_text_or_none(meta.get("entity")),
        entity_id=_text_or_none(meta.get("entity_id")),
        payload=document,
    )


# --- Salesforce Outbound Messages --------------------------------------------------------------

_SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
_SF_OUTBOUND = "http://soap.sforce.com/2005/09/outbound"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

# The acknowledgement Salesforce expects; until it gets it, it keeps resending the message.
SALESFORCE_ACK: bytes = (
    b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
    b"<soapenv:Body>"
    b'<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">'
    b"<Ack>true</Ack>"
    b"</notificationsResponse>"
    b"</soapenv:Body>"
    b"</soapenv:Envelope>"
)


@dataclass(frozen=True)
class SalesforceNotification:
    organization_id: str
    notification_id: str
    sobject_type: str | None
    fields: Mapping[str, str | None] = field(hash=False)

    @property
    def record_id(self) -> str | None:
        return self.fields.get("Id")

    @property
    def dedupe_key(self) -> str:
        return f"salesforce:{self.organization_id}:{self.notification_id}"


@dataclass(frozen=True)
class SalesforceMessage:
    organization_id: str
    action_id: str
    # A live API session of the sending user when the message is set to include one.
    session_id: str | None = field(repr=False)
    enterprise_url: str | None
    partner_url: str | None
    notifications: tuple[SalesforceNotification, ...]


def _outbound(name: str) -> str:
    return f"{{{_SF_OUTBOUND}}}{name}"


def _is_nil(element: ET.Element) -> bool:
    return element.get(f"{{{_XSI}}}nil") in ("true", "1")


def _child_text(parent: ET.Element, name: str) -> str | None:
    child = parent.find(_outbound(name))
    if child is None or _is_nil(child):
        return None
    return (child.text or "").strip() or None


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_salesforce_notifications(body: bytes) -> SalesforceMessage:
    """Parse a Salesforce Outbound Message (SOAP 1.1) without trusting it.

    DTDs are refused outright: SOAP forbids them, and they carry entity-expansion and external
    entity attacks.
    """
    try:
        root: ET.Element = SafeET.fromstring(body, forbid_dtd=True)
    except DefusedXmlException:
        raise PayloadRejected("XML with a DTD or entity declarations is not accepted") from None
    except ET.ParseError:
        raise PayloadRejected("body is not well-formed XML") from None
    if root.tag != f"{{{_SOAP_ENV}}}Envelope":
        raise PayloadRejected("body is not a SOAP 1.1 envelope")
    soap_body = root.find(f"{{{_SOAP_ENV}}}Body")
    notifications = None if soap_body is None else soap_body.find(_outbound("notifications"))
    if notifications is None:
        raise PayloadRejected("SOAP body holds no outbound-messaging notifications element")
    organization_id = _child_text(notifications, "OrganizationId")
    if organization_id is None:
        raise PayloadRejected("OrganizationId is missing")
    action_id = _child_text(notifications, "ActionId")
    if action_id is None:
        raise PayloadRejected("ActionId is missing")
    elements = notifications.findall(_outbound("Notification"))
    if not elements:
        raise PayloadRejected("no Notification element")
    if len(elements) > SALESFORCE_MAX_NOTIFICATIONS:
        raise PayloadRejected(f"more than {SALESFORCE_MAX_NOTIFICATIONS} notifications")
    parsed: list[SalesforceNotification] = []
    for index, element in enumerate(elements):
        notification_id = _child_text(element, "Id")
        if notification_id is None:
            raise PayloadRejected(f"notification {index}: Id is missing")
        sobject = element.find(_outbound("sObject"))
        if sobject is None:
            raise PayloadRejected(f"notification {index}: sObject is missing")
        declared_type = sobject.get(f"{{{_XSI}}}type")
        fields = {
            _local_name(child.tag): None if _is_nil(child) else (child.text or "")
            for child in sobject
        }
        parsed.append(
            SalesforceNotification(
                organization_id=organization_id,
                notification_id=notification_id,
                sobject_type=declared_type.rpartition(":")[2] if declared_type else None,
                fields=fields,
            )
        )
    return SalesforceMessage(
        organization_id=organization_id,
        action_id=action_id,
        session_id=_child_text(notifications, "SessionId"),
        enterprise_url=_child_text(notifications, "EnterpriseUrl"),
        partner_url=_child_text(notifications, "PartnerUrl"),
        notifications=tuple(parsed),
    )


def _same_organization(received: str, expected: str) -> bool:
    # Salesforce sends the 18-character id; Setup shows the 15-character one it extends.
    if len(expected) == 15 and len(received) == 18:
        received = received[:15]
    return hmac.compare_digest(received.encode(), expected.encode())


def verify_salesforce(
    *,
    body: bytes,
    url_secret: str,
    url_secret_hash: str,
    expected_organization_id: str,
) -> SalesforceMessage:
    """Authenticate and parse a Salesforce Outbound Message.

    Outbound Messages carry no signature: the endpoint URL holds a secret token (passed in by
    the caller from the path or query; `url_secret_hash` is its stored form made by
    hash_credential), and the message must come from the connection's organization. The token is
    checked first, so XML from an unauthenticated sender is never parsed.
    """
    if not credential_matches(url_secret, url_secret_hash):
        raise SignatureRejected("URL secret does not match")
    message = parse_salesforce_notifications(body)
    if not _same_organization(message.organization_id, expected_organization_id):
        raise SignatureRejected("OrganizationId is not the connection's organization")
    return message
