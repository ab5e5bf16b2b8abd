"""Pipedrive webhooks (v1 and v2): HTTP Basic credentials and the event envelope."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from mops_webhooks.providers.common import (
    PayloadRejected,
    SignatureRejected,
    credential_matches,
    is_int,
    load_json,
    lower_keys,
)


def basic_credentials(headers: Mapping[str, str]) -> tuple[str, str]:
    """The user and password of the delivery's HTTP Basic Authorization."""
    authorization = lower_keys(headers).get("authorization", "")
    if not authorization.strip():
        raise SignatureRejected("missing Authorization header")
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


def verify_pipedrive(
    *,
    body: bytes,
    headers: Mapping[str, str],
    expected_user: str,
    password_hash: str,
) -> PipedriveDelivery:
    """Check a Pipedrive delivery's HTTP Basic credentials, then parse its JSON body.

    `password_hash` is the stored form made by hash_credential.
    """
    user, password = basic_credentials(headers)
    if not credentials_match(user, password, expected_user, password_hash):
        raise SignatureRejected(CREDENTIALS_DO_NOT_MATCH)
    return parse_pipedrive(body)


CREDENTIALS_DO_NOT_MATCH = "HTTP Basic credentials do not match"


def credentials_match(user: str, password: str, expected_user: str, password_hash: str) -> bool:
    """Whether the user is the expected one and the password is the one hashed (scrypt: ~31 ms
    of CPU, see `inbound.credential_guard`)."""
    # Both are checked before deciding, so the time taken does not tell which one was wrong.
    user_ok = hmac.compare_digest(user.encode(), expected_user.encode())
    password_ok = credential_matches(password, password_hash)
    return user_ok and password_ok


def _text_or_none(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if is_int(value):
        return str(value)
    return None


# --- the event envelope ------------------------------------------------------------------------
#
# Pipedrive sends two formats (https://pipedrive.readme.io/docs/webhooks-v2-migration-guide):
#
# v1 (`meta.v` 1): `meta.object` and `meta.action` (`added`, `updated`, `merged`, `deleted`), the
#   record as `current` (null when deleted) and `previous`, `meta.timestamp` (epoch seconds) and
#   `meta.timestamp_micro` (epoch microseconds). Its `meta.id` is the *record's* id ("ID of the
#   object", https://pipedrive.readme.io/docs/guide-for-webhooks): v1 has no event id.
# v2 (`meta.version` "2.0", the default for new webhooks): `meta.entity` and `meta.action`
#   (`create`, `change`, `delete`), the record as `data` and the changed fields as `previous`,
#   `meta.entity_id` the record's id, `meta.timestamp` ISO 8601, and `meta.id` the "ID of the
#   event triggering the webhook" (https://pipedrive.readme.io/docs/guide-for-webhooks-v2).
#
# The identity an event is deduplicated by (per connection) is therefore:
#
# - v2: `pipedrive:<meta.id>`, the event id, unless it is missing or equals `meta.entity_id` (the
#   documented `user` events carry the user's id there): then as v1.
# - v1: `pipedrive:v1:<object>:<record id>:<action>:<digest>`, the digest a SHA-256 of the
#   canonical JSON of what identifies one event: the company (`meta.company_id`), the object,
#   the record id, the action, the event's time (`meta.timestamp_micro`, else `meta.timestamp`)
#   and the change itself (`current` and `previous`). A retry of the same event (only `retry`
#   differs, and it is left out) has the same identity and is stored once; a later event of the
#   same record differs in its time and change and is never taken for it; a person and a deal
#   with the same number differ in their object. Were Pipedrive ever to resend an event with a
#   new time, it would be stored twice, which costs nothing more: applying a record's state
#   twice changes nothing, and each outcome is recorded once per record.

# Bounds that keep the longest identity (260 characters) within the inbox's 300, and the kind
# within its 200: an object or action name, a record id (Pipedrive's are numbers, or UUIDs for
# leads) or an event id.
_MAX_NAME = 40
_MAX_ID = 100
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class PipedriveDelivery:
    """One Pipedrive delivery (one event): its version, what it is about, and its identity."""

    version: int  # 1 or 2
    entity: str  # the object: `deal`, `person`, ... (v1 `meta.object`, v2 `meta.entity`)
    action: str  # as sent: v1 `added`/`updated`/`merged`/`deleted`, v2 `create`/`change`/`delete`
    entity_id: str | None  # the record's id; a v2 event with an event id may leave it out
    dedupe_key: str
    occurred_at: datetime | None
    payload: Mapping[str, Any] = field(hash=False, repr=False)

    @property
    def kind(self) -> str:
        """`<object>.<action>`, for both versions: `deal.updated`, `deal.change`, ..."""
        return f"{self.entity}.{self.action}"


def version_of(meta: Mapping[str, Any]) -> int | None:
    """2 for a v2 envelope (`meta.version` 2.x, or `meta.entity`), 1 for a v1 one (`meta.v` 1,
    or `meta.object`), None for neither."""
    version = meta.get("version")
    if (isinstance(version, str) and version.startswith("2")) or "entity" in meta:
        return 2
    if meta.get("v") in (1, "1") or "object" in meta:
        return 1
    return None


def record_of(document: Mapping[str, Any], version: int) -> Any:
    """The record as of the event: v2 `data`, v1 `current` (None for a deletion)."""
    return document.get("data" if version == 2 else "current")


def event_time(meta: Mapping[str, Any]) -> datetime | None:
    """When the event happened: v1 `timestamp_micro` (epoch microseconds) or `timestamp` (epoch
    seconds), v2 `timestamp` (ISO 8601; epoch seconds in its `user` events). None when absent or
    not a time."""
    try:
        micro, stamp = meta.get("timestamp_micro"), meta.get("timestamp")
        if isinstance(micro, int) and not isinstance(micro, bool) and micro > 0:
            return _EPOCH + timedelta(microseconds=micro)
        if isinstance(stamp, int) and not isinstance(stamp, bool) and stamp > 0:
            return _EPOCH + timedelta(seconds=stamp)
        if isinstance(stamp, str) and stamp:
            parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return None
    return None


def _name(meta: Mapping[str, Any], key: str) -> str:
    value = _text_or_none(meta.get(key))
    if not value:
        raise PayloadRejected(f"meta.{key} is missing")
    if len(value) > _MAX_NAME:
        raise PayloadRejected(f"meta.{key} is longer than {_MAX_NAME} characters")
    return value


def _identifier(value: object, where: str) -> str | None:
    text = _text_or_none(value)
    if text is not None and len(text) > _MAX_ID:
        raise PayloadRejected(f"{where} is longer than {_MAX_ID} characters")
    return text or None


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def parse_pipedrive(body: bytes) -> PipedriveDelivery:
    """A Pipedrive delivery's JSON body (v1 or v2), once its credentials are proven."""
    document = load_json(body)
    if not isinstance(document, dict):
        raise PayloadRejected("body is not a JSON object")
    meta = document.get("meta")
    if not isinstance(meta, dict):
        raise PayloadRejected("meta is missing")
    version = version_of(meta)
    if version is None:
        raise PayloadRejected("meta has neither entity (webhooks v2) nor object (webhooks v1)")
    entity = _name(meta, "entity" if version == 2 else "object")
    action = _name(meta, "action")
    record = record_of(document, version)
    before = document.get("previous")
    record_ids = [r.get("id") for r in (record, before) if isinstance(r, dict)]
    if version == 2:
        entity_id = _identifier(meta.get("entity_id"), "meta.entity_id")
        event_id = _identifier(meta.get("id"), "meta.id")
    else:
        entity_id, event_id = _identifier(meta.get("id"), "meta.id"), None
    if entity_id is None:  # the record's own id, when meta does not say it
        entity_id = next((i for v in record_ids if (i := _identifier(v, "the record's id"))), None)
    if event_id is not None and event_id != entity_id:
        identity = f"pipedrive:{event_id}"
    elif entity_id is None:  # neither an event id nor a record's to make one of
        raise PayloadRejected(f"meta.{'entity_id' if version == 2 else 'id'} is missing")
    else:
        stamp = meta.get("timestamp_micro", meta.get("timestamp"))
        change = [meta.get("company_id"), entity, entity_id, action, stamp, record, before]
        digest = hashlib.sha256(_canonical(change)).hexdigest()
        identity = f"pipedrive:v1:{entity}:{entity_id}:{action}:{digest}"
    return PipedriveDelivery(
        version=version,
        entity=entity,
        action=action,
        entity_id=entity_id,
        dedupe_key=identity,
        occurred_at=event_time(meta),
        payload=document,
    )
