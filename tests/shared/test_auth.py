from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid

import pytest

from mops_shared.kit.auth import (
    Principal,
    has_scope,
    required_scope,
    sign_principal,
    verify_principal,
)
from mops_shared.kit.errors import Unauthorized

SECRET = "s" * 40


def _principal() -> Principal:
    return Principal(
        tenant_id=uuid.uuid4(),
        key_id=uuid.uuid4(),
        scopes=frozenset({"org:read"}),
        request_id="req-1",
    )


def test_signed_principal_round_trips() -> None:
    principal = _principal()
    assert verify_principal(sign_principal(principal, SECRET), SECRET) == principal


def test_principal_signed_with_another_secret_is_refused() -> None:
    token = sign_principal(_principal(), "other-secret-" * 3)
    with pytest.raises(Unauthorized, match="signature"):
        verify_principal(token, SECRET)


def test_principal_mac_is_hmac_sha256_of_version_and_payload() -> None:
    """The MAC, made from a copy of an HMAC keyed once per secret, is the HMAC-SHA256 of
    `v1.<payload>` under the secret, token after token and secret after secret."""
    for secret in (SECRET, "other-secret-" * 3, SECRET):
        for _ in range(2):
            version, payload, mac = sign_principal(_principal(), secret).split(".")
            expected = hmac.new(secret.encode(), f"{version}.{payload}".encode(), hashlib.sha256)
            assert mac == base64.urlsafe_b64encode(expected.digest()).rstrip(b"=").decode()


def test_principal_with_altered_claims_is_refused() -> None:
    token = sign_principal(_principal(), SECRET)
    version, payload, mac = token.split(".")
    forged_payload = sign_principal(_principal(), SECRET).split(".")[1]
    assert forged_payload != payload
    with pytest.raises(Unauthorized, match="signature"):
        verify_principal(f"{version}.{forged_payload}.{mac}", SECRET)


def test_expired_principal_is_refused() -> None:
    token = sign_principal(_principal(), SECRET, ttl_seconds=5, now=time.time() - 10)
    with pytest.raises(Unauthorized, match="expired"):
        verify_principal(token, SECRET)


@pytest.mark.parametrize("token", [None, "", "garbage", "v1.x", "v2.a.b", "v1.!!.??"])
def test_missing_or_malformed_principal_is_refused(token: str | None) -> None:
    with pytest.raises(Unauthorized):
        verify_principal(token, SECRET)


def test_unsigned_principal_is_refused() -> None:
    payload = sign_principal(_principal(), SECRET).split(".")[1]
    with pytest.raises(Unauthorized):
        verify_principal(f"v1.{payload}.", SECRET)


@pytest.mark.parametrize(
    ("area", "method", "scope"),
    [
        ("inventory", "GET", "inventory:read"),
        ("inventory", "HEAD", "inventory:read"),
        ("org", "POST", "org:write"),
        ("scoring", "DELETE", "scoring:write"),
        ("org", "patch", "org:write"),
    ],
)
def test_required_scope_follows_area_and_method(area: str, method: str, scope: str) -> None:
    assert required_scope(area, method) == scope


def test_admin_scope_holds_every_scope_and_others_only_their_own() -> None:
    assert has_scope({"admin"}, "scoring:write")
    assert has_scope({"org:read"}, "org:read")
    assert not has_scope({"org:read"}, "org:write")
    assert not has_scope(set(), "org:read")
