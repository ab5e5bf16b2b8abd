"""Standard Webhooks (generic senders), signed and verified as the specification says."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mops_webhooks.providers.common import (
    STANDARD_WEBHOOK_MAX_ID_LENGTH,
    SignatureRejected,
    _b64,
    check_secrets,
    check_window,
    is_int,
    lower_keys,
    whole_number,
)

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


# A Standard Webhooks secret: `whsec_` (which may be left out) and base64, padding optional.
STANDARD_SECRET_PATTERN = (
    r"^(whsec_)?(?:[A-Za-z0-9+/]{4})*"
    r"(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?|[A-Za-z0-9+/]{4})$"
)

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
    if not is_int(timestamp) or timestamp < 0:
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
    check_secrets(signing_secrets)
    keys = [standard_webhook_key(secret) for secret in signing_secrets]
    lowered = lower_keys(headers)
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
    sent = whole_number(timestamp_text, max_digits=12)
    if sent is None:
        raise SignatureRejected("webhook-timestamp is not a whole number of seconds")
    check_window(sent, now)
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
