from __future__ import annotations

import base64
import re

import pytest
from cryptography.fernet import InvalidToken
from hypothesis import given, settings
from hypothesis import strategies as st

from mops_shared.kit.errors import ValidationFailed
from mops_webhooks.config import WebhooksSettings
from mops_webhooks.outbound.schemas import SIGNING_SECRET_PATTERN
from mops_webhooks.outbound.service import checked_secret
from mops_webhooks.providers import standard
from mops_webhooks.providers.standard import STANDARD_SECRET_PATTERN
from mops_webhooks.secrets import secrets_box

LONG_SECRET = "a-long-enough-internal-secret-0123456789abcdef"


def test_connection_secrets_are_encrypted_with_the_configured_key() -> None:
    key = base64.urlsafe_b64encode(b"k" * 32).decode()
    box = secrets_box(WebhooksSettings(secrets_key=key, internal_secret=LONG_SECRET))
    token = box.encrypt(b"client-secret")
    assert b"client-secret" not in token
    again = secrets_box(WebhooksSettings(secrets_key=key, internal_secret="other" * 10))
    assert again.decrypt(token) == b"client-secret"


def test_without_a_key_one_is_derived_from_the_internal_secret_outside_production() -> None:
    token = secrets_box(WebhooksSettings(internal_secret=LONG_SECRET)).encrypt(b"s")
    assert secrets_box(WebhooksSettings(internal_secret=LONG_SECRET)).decrypt(token) == b"s"
    with pytest.raises(InvalidToken):
        secrets_box(WebhooksSettings(internal_secret=LONG_SECRET + "x")).decrypt(token)


def test_production_refuses_to_start_without_a_key() -> None:
    settings = WebhooksSettings(environment="production", internal_secret=LONG_SECRET)
    with pytest.raises(RuntimeError, match="MOPS_WEBHOOKS_SECRETS_KEY"):
        secrets_box(settings)


# The document's secret patterns and the service's checks must agree: a secret the pattern admits
# is accepted, one it refuses is refused (Schemathesis relies on the first, clients on both).


def _accepts_connection_secret(secret: str) -> bool:
    try:
        standard.standard_webhook_key(secret)
    except ValueError:
        return False
    return True


def _accepts_signing_secret(secret: str) -> bool:
    try:
        checked_secret(secret)
    except ValidationFailed:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.from_regex(STANDARD_SECRET_PATTERN, fullmatch=True))
def test_what_the_connection_secret_pattern_admits_is_accepted(secret: str) -> None:
    assert _accepts_connection_secret(secret)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(SIGNING_SECRET_PATTERN, fullmatch=True))
def test_what_the_signing_secret_pattern_admits_is_accepted(secret: str) -> None:
    assert _accepts_signing_secret(secret)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="whsec_ABCxyz019+/=-", max_size=100),
        st.binary(min_size=0, max_size=80).map(
            lambda key: "whsec_" + base64.b64encode(key).decode()
        ),
    )
)
def test_the_patterns_refuse_what_the_checks_refuse(secret: str) -> None:
    assert bool(re.fullmatch(STANDARD_SECRET_PATTERN, secret)) == _accepts_connection_secret(secret)
    assert bool(re.fullmatch(SIGNING_SECRET_PATTERN, secret)) == _accepts_signing_secret(secret)
