"""`canonical_id`: the fast paths take only ids written one way; the route judges the rest."""

from __future__ import annotations

import uuid

from mops_shared.kit.fast_path import canonical_id

PREFIX = "/v1/inventory/tools/"


def test_a_lowercase_canonical_id_after_the_prefix_is_taken() -> None:
    value = uuid.uuid4()

    assert canonical_id(f"{PREFIX}{value}", PREFIX) == value


def test_other_spellings_and_paths_are_left_to_the_route() -> None:
    value = uuid.uuid4()

    for path in (
        f"{PREFIX}{str(value).upper()}",
        f"{PREFIX}{value.hex}",
        f"{PREFIX}{{{value}}}",
        f"{PREFIX}{value}/history",
        f"/v1/inventory/contracts/{value}",
        f"{PREFIX}{'z' * 36}",
        PREFIX,
    ):
        assert canonical_id(path, PREFIX) is None, path
