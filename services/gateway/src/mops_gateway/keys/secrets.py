"""API key format: `mops_<id>_<secret>`, id a UUID in hex, secret 256 random bits (base64url).

The secret carries 256 bits of entropy, so a single SHA-256 is a sound stored form: a slow
password hash buys nothing against guessing and would cost every request milliseconds.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

KEY_PREFIX = "mops"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str | None) -> bool:
    """Constant-time comparison of the secret's digest with the stored one."""
    if not stored_hash:
        return False
    return hmac.compare_digest(hash_secret(secret).encode(), stored_hash.encode())


def format_key(key_id: uuid.UUID, secret: str) -> str:
    return f"{KEY_PREFIX}_{key_id.hex}_{secret}"


def parse_key(raw: str) -> tuple[uuid.UUID, str] | None:
    """(id, secret) of a well-formed key, None otherwise."""
    prefix, _, rest = raw.partition("_")
    key_hex, _, secret = rest.partition("_")
    if prefix != KEY_PREFIX or len(key_hex) != 32 or not secret or len(secret) > 128:
        return None
    try:
        return uuid.UUID(hex=key_hex), secret
    except ValueError:
        return None
