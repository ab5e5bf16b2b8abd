"""What every provider's verification shares: the refusals, the checks of secrets and time
windows, and the hashing of the credentials compared (never needed back).

Each provider's scheme is a module of this package (`hubspot`, `pipedrive`, `salesforce`,
`standard`); each verifies and parses the raw deliveries of its provider.

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
import time
from collections.abc import Mapping, Sequence

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


def lower_keys(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def check_secrets(secrets: Sequence[str]) -> None:
    # A bare string is a Sequence[str] too: it would be tried character by character.
    if isinstance(secrets, str):
        raise TypeError("pass the secrets as a sequence, not a single string")
    if not 1 <= len(secrets) <= MAX_SECRETS:
        raise ValueError(f"between 1 and {MAX_SECRETS} secrets are accepted")
    if not all(secrets):
        raise ValueError("a secret may not be empty")


def check_window(sent: float, now: float | None) -> None:
    current = time.time() if now is None else now
    if current - sent > TIMESTAMP_TOLERANCE_SECONDS:
        raise SignatureRejected("timestamp is older than the 5-minute tolerance")
    if sent - current > TIMESTAMP_TOLERANCE_SECONDS:
        raise SignatureRejected("timestamp is more than 5 minutes in the future")


def whole_number(text: str, max_digits: int) -> int | None:
    # isdigit alone accepts non-ASCII digits, and int() accepts signs, spaces and underscores.
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def load_json(body: bytes) -> object:
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
