from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace

import orjson
import pytest
from sqlalchemy import Column, DateTime, Float, Integer, LargeBinary, MetaData, String, Table, Uuid
from sqlalchemy.orm import registry

from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import (
    SortOption,
    decode_cursor,
    encode_cursor,
    resolve_sort,
    sort_options,
)

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


def _cursor(sort_name: str, values: list[object]) -> str:
    # The standard library, unlike orjson, writes unpaired surrogates (as `\ud800` escapes).
    raw = json.dumps({"s": sort_name, "v": values}).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


_ID = {"uuid": str(uuid.uuid4())}


@pytest.mark.parametrize(
    ("sort_name", "values"),
    [
        ("name", [123, _ID]),  # a number for text
        ("name", [True, _ID]),
        ("name", ["a\x00b", _ID]),  # text PostgreSQL cannot store
        ("name", ["a\ud800b", _ID]),
        ("name", ["a", None]),  # null in a column that is never null (the key)
        ("name", ["a", str(uuid.uuid4())]),  # an id as plain text, untagged
        ("name", ["a", {"uuid": "not an id"}]),
        ("name", ["a", {"uuid": 5}]),
        ("name", [["a"], _ID]),
        ("name", [{"uuid": _ID["uuid"], "dt": "x"}, _ID]),
        ("created_at", [{"dt": "2026-01-02T03:04:05"}, _ID]),  # naive for a zoned column
        ("created_at", [{"d": "2026-01-02"}, _ID]),  # a date for a timestamp
        ("created_at", ["2026-01-02T03:04:05+00:00", _ID]),
    ],
)
def test_cursor_values_must_be_exactly_what_their_columns_hold(
    sort_name: str, values: list[object]
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        decode_cursor(SORTS[sort_name], _cursor(sort_name, values))
    assert caught.value.errors is not None
    assert [(e.location.value, e.pointer) for e in caught.value.errors] == [("query", "/cursor")]


_numbers = Table(
    "numbers",
    _registry.metadata,
    Column("id", Uuid, primary_key=True),
    Column("rank", Integer, nullable=False),
    Column("score", Float, nullable=True),
)
RANK = SortOption("rank", (_numbers.c.rank, _numbers.c.score, _numbers.c.id))


@pytest.mark.parametrize(
    "values",
    [
        [2**31, 1.5, _ID],  # beyond an INTEGER column's 32 bits
        [1.0, 1.5, _ID],  # a float for an integer
        [False, 1.5, _ID],  # a boolean is not an integer here
        [1, "1.5", _ID],
        [1, 1e308 * 10, _ID],  # Infinity
        [1, float("nan"), _ID],
        [1, 1.5],  # one value short
        [1, 1.5, _ID, 4],
    ],
)
def test_numbers_in_cursors_fit_their_columns(values: list[object]) -> None:
    with pytest.raises(ValidationFailed):
        decode_cursor(RANK, _cursor("rank", values))


def test_numbers_and_nulls_that_fit_are_read() -> None:
    assert decode_cursor(RANK, _cursor("rank", [-(2**31), None, _ID])) == [
        -(2**31),
        None,
        uuid.UUID(_ID["uuid"]),
    ]
    # An integral score may come back without its fraction: it is still the float column's.
    assert decode_cursor(RANK, _cursor("rank", [3, 2, _ID]))[1] == 2.0


def test_a_sort_on_a_column_no_cursor_can_carry_fails_where_it_is_declared() -> None:
    with pytest.raises(TypeError):
        SortOption("blob", (Column("blob", LargeBinary), _numbers.c.id))
