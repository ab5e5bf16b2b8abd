"""Pipedrive webhooks v2: HTTP Basic credentials and the event envelope."""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mops_webhooks.providers.common import (
    PayloadRejected,
    SignatureRejected,
    credential_matches,
    is_int,
    load_json,
    lower_keys,
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


def _text_or_none(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if is_int(value):
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


def parse_pipedrive(body: bytes) -> PipedriveDelivery:
    """A Pipedrive v2 delivery's JSON body, once its credentials are proven."""
    document = load_json(body)
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
