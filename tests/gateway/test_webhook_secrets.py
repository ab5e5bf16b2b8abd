from __future__ import annotations

import base64

import pytest
from cryptography.fernet import InvalidToken

from mops_gateway.config import GatewaySettings
from mops_gateway.webhooks.service import secrets_box

LONG_SECRET = "a-long-enough-internal-secret-0123456789abcdef"


def test_connection_secrets_are_encrypted_with_the_configured_key() -> None:
    key = base64.urlsafe_b64encode(b"k" * 32).decode()
    box = secrets_box(GatewaySettings(webhook_secrets_key=key, internal_secret=LONG_SECRET))
    token = box.encrypt(b"client-secret")
    assert b"client-secret" not in token
    again = secrets_box(GatewaySettings(webhook_secrets_key=key, internal_secret="other" * 10))
    assert again.decrypt(token) == b"client-secret"


def test_without_a_key_one_is_derived_from_the_internal_secret_outside_production() -> None:
    token = secrets_box(GatewaySettings(internal_secret=LONG_SECRET)).encrypt(b"s")
    assert secrets_box(GatewaySettings(internal_secret=LONG_SECRET)).decrypt(token) == b"s"
    with pytest.raises(InvalidToken):
        secrets_box(GatewaySettings(internal_secret=LONG_SECRET + "x")).decrypt(token)


def test_production_refuses_to_start_without_a_key() -> None:
    settings = GatewaySettings(environment="production", internal_secret=LONG_SECRET)
    with pytest.raises(RuntimeError, match="MOPS_GATEWAY_WEBHOOK_SECRETS_KEY"):
        secrets_box(settings)
