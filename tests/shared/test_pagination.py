from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace

import orjson
import pytest
from sqlalchemy import Column, DateTime, MetaData, String, Table, Uuid
from sqlalchemy.orm import registry

from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import decode_cursor, encode_cursor, resolve_sort, sort_options

_registry = registry(metadata=MetaData())
_table = Table(
    "things",
    _registry.metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String),
    Column("created_at", DateTime(timezone=True)),
)


class Thing:
    pass


_registry.map_imperatively(Thing, _table)
SORTS = sort_options(
    [("name", [Thing.name]), ("created_at", [Thing.created_at])],  # type: ignore[attr-defined]
    tiebreaker=Thing.id,  # type: ignore[attr-defined]
)


def test_cursor_round_trips_strings_uuids_and_timestamps() -> None:
    row = SimpleNamespace(
        id=uuid.uuid4(), name="Alpha", created_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    )
    for sort_name, expected in (
        ("name", ["Alpha", row.id]),
        ("-created_at", [row.created_at, row.id]),
    ):
        sort = SORTS[sort_name]
        assert decode_cursor(sort, encode_cursor(sort, row)) == expected


def test_cursor_of_another_sort_is_refused() -> None:
    row = SimpleNamespace(id=uuid.uuid4(), name="A", created_at=datetime.now(UTC))
    cursor = encode_cursor(SORTS["name"], row)
    with pytest.raises(ValidationFailed) as caught:
        decode_cursor(SORTS["-name"], cursor)
    assert caught.value.errors is not None
    assert caught.value.errors[0].pointer == "/cursor"


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!!",
        base64.urlsafe_b64encode(b"[1,2]").decode(),
        base64.urlsafe_b64encode(orjson.dumps({"s": "name", "v": [{"x": 1}, 1]})).decode(),
        base64.urlsafe_b64encode(orjson.dumps({"s": "name", "v": ["only one"]})).decode(),
    ],
)
def test_malformed_cursor_is_a_validation_problem(cursor: str) -> None:
    with pytest.raises(ValidationFailed):
        decode_cursor(SORTS["name"], cursor)


def test_unknown_sort_names_the_allowed_ones() -> None:
    with pytest.raises(ValidationFailed, match="-created_at"):
        resolve_sort(SORTS, "colour")
