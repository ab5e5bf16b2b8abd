"""HubSpot webhooks: signature v3 (v1/v2 refused) and the event array."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mops_webhooks.providers.common import (
    HUBSPOT_MAX_EVENTS,
    PayloadRejected,
    SignatureRejected,
    _b64,
    check_secrets,
    check_window,
    is_int,
    load_json,
    lower_keys,
    whole_number,
)

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
    # The generic format (`object.*` subscription types): `0-1` contact, `0-2` company,
    # `0-3` deal, ...
    object_type_id: str | None = None
    # Association events (`*.associationChange`): the association `associationType` (classic:
    # `DEAL_TO_CONTACT`, ...) from `fromObjectId` to `toObjectId` was added or removed
    # (`associationRemoved`); `isPrimaryAssociation` when the `to` record is the primary one.
    # The generic format names the types `fromObjectTypeId` / `toObjectTypeId`.
    association_type: str | None = None
    from_object_id: int | None = None
    to_object_id: int | None = None
    association_removed: bool | None = None
    is_primary_association: bool | None = None
    from_object_type_id: str | None = None
    to_object_type_id: str | None = None

    @property
    def dedupe_key(self) -> str:
        return f"hubspot:{self.portal_id}:{self.event_id}"

    def payload(self) -> dict[str, Any]:
        """The event as the inbox keeps it: the fields of the format it came in (those of the
        generic format and of association events only when it carried them)."""
        kept = dataclasses.asdict(self)
        for name in _FORMAT_FIELDS:
            if kept[name] is None:
                del kept[name]
        return kept


# Fields only the generic format or association events carry.
_FORMAT_FIELDS = (
    "object_type_id",
    "association_type",
    "from_object_id",
    "to_object_id",
    "association_removed",
    "is_primary_association",
    "from_object_type_id",
    "to_object_type_id",
)


# HubSpot signs the request URI with these percent-encoded characters decoded ("Validate the
# v3 request signature", https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation);
# any other encoding stays as it is.
_DECODED_IN_SIGNATURE = {
    "%3A": ":",
    "%2F": "/",
    "%3F": "?",
    "%40": "@",
    "%21": "!",
    "%24": "$",
    "%27": "'",
    "%28": "(",
    "%29": ")",
    "%2A": "*",
    "%2C": ",",
    "%3B": ";",
}
_ENCODED_IN_URI = re.compile("|".join(_DECODED_IN_SIGNATURE), re.IGNORECASE)


def uri_as_signed(uri: str) -> str:
    """The URI as HubSpot puts it in the v3 signature: the characters it decodes, decoded."""
    return _ENCODED_IN_URI.sub(lambda m: _DECODED_IN_SIGNATURE[m.group(0).upper()], uri)


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
    uri: str | Sequence[str],
    body: bytes,
    headers: Mapping[str, str],
    client_secrets: Sequence[str],
    now: float | None = None,
) -> HubSpotDelivery:
    """Verify a HubSpot request signed with signature v3; v1 and v2 are refused.

    `uri` is the public URL HubSpot was configured to call, exactly as registered: it comes
    from our configuration, never from the request's Host header, which the sender controls.
    Several may be given (the URL as registered and a normalised spelling of the same URL):
    a signature over any of them is accepted. Each is signed as HubSpot signs it, with the
    characters of `uri_as_signed` decoded.
    """
    check_secrets(client_secrets)
    lowered = lower_keys(headers)
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
    sent_ms = whole_number(timestamp, max_digits=16)
    if sent_ms is None:
        raise SignatureRejected("X-HubSpot-Request-Timestamp is not a number of milliseconds")
    check_window(sent_ms / 1000, now)
    given = signature.encode()
    given_uris = [uri] if isinstance(uri, str) else list(uri)
    uris = list(dict.fromkeys(uri_as_signed(one) for one in given_uris))
    if not uris:
        raise ValueError("give the URL HubSpot was configured to call")
    # Every secret and URL is tried, so the time taken does not tell which one matched.
    checks = [
        (
            index,
            hmac.compare_digest(
                hubspot_v3_signature(secret, method, one, body, timestamp).encode(), given
            ),
        )
        for index, secret in enumerate(client_secrets)
        for one in uris
    ]
    matched = [index for index, ok in checks if ok]
    if not matched:
        raise SignatureRejected("X-HubSpot-Signature-v3 does not match")
    return HubSpotDelivery(timestamp_ms=sent_ms, secret_index=matched[0])


def _optional(event: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = event.get(name)
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise PayloadRejected(f"{where}: {name} has the wrong type")
    return value


def _flag(event: Mapping[str, Any], name: str, where: str) -> bool | None:
    value = event.get(name)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise PayloadRejected(f"{where}: {name} is not a boolean")
    return value


def _required_int(event: Mapping[str, Any], name: str, where: str) -> int:
    value = event.get(name)
    if value is None:
        raise PayloadRejected(f"{where}: {name} is missing")
    if not is_int(value):
        raise PayloadRejected(f"{where}: {name} is not an integer")
    return int(value)


def parse_hubspot_events(body: bytes) -> list[HubSpotEvent]:
    """The events of a HubSpot webhook body: a JSON array of at most 100 events."""
    document = load_json(body)
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
                object_type_id=_optional(event, "objectTypeId", str, where),
                association_type=_optional(event, "associationType", str, where),
                from_object_id=_optional(event, "fromObjectId", int, where),
                to_object_id=_optional(event, "toObjectId", int, where),
                association_removed=_flag(event, "associationRemoved", where),
                is_primary_association=_flag(event, "isPrimaryAssociation", where),
                from_object_type_id=_optional(event, "fromObjectTypeId", str, where),
                to_object_type_id=_optional(event, "toObjectTypeId", str, where),
            )
        )
    return events
