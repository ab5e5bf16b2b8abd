"""The box that encrypts the signing secrets kept at rest (connections' and subscriptions')."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet

from mops_webhooks.config import WebhooksSettings


def secrets_box(settings: WebhooksSettings) -> Fernet:
    """Built when the service starts. Outside production, without a configured key, one derived
    from the internal secret (as the gateway did when it served webhooks, so what it stored
    still opens); in production the key must be given, so that rotating the internal secret
    loses nothing."""
    if settings.secrets_key is not None:
        return Fernet(settings.secrets_key.get_secret_value().encode())
    if settings.environment == "production":
        raise RuntimeError("MOPS_WEBHOOKS_SECRETS_KEY must be set in production")
    seed = b"mops webhook secrets:" + settings.internal_secret.get_secret_value().encode()
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(seed).digest()))
