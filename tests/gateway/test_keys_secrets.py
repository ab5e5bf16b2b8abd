from __future__ import annotations

import uuid

import pytest

from mops_gateway.keys.secrets import format_key, hash_secret, parse_key, secret_matches


def test_key_format_round_trips_even_with_underscores_in_the_secret() -> None:
    key_id = uuid.uuid4()
    assert parse_key(format_key(key_id, "ab_cd-ef")) == (key_id, "ab_cd-ef")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "mops",
        "mops_",
        f"mops_{uuid.uuid4().hex}_",
        f"key_{uuid.uuid4().hex}_s",
        "mops_zz_s",
        f"mops_{uuid.uuid4().hex[:31]}_s",
        f"mops_{uuid.uuid4().hex}_" + "s" * 129,
    ],
)
def test_malformed_keys_are_not_parsed(raw: str) -> None:
    assert parse_key(raw) is None


def test_only_the_digest_is_stored_and_it_matches_only_its_secret() -> None:
    digest = hash_secret("s3cret")
    assert "s3cret" not in digest
    assert len(digest) == 64
    assert secret_matches("s3cret", digest)
    assert not secret_matches("s3cret!", digest)
    assert not secret_matches("s3cret", None)
