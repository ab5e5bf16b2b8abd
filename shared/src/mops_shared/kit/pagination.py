"""Keyset (cursor) pagination: the cost of a page does not grow with its depth.

A sort option is a tuple of columns ending with the primary key, all in one direction, so a
page continues with `WHERE (cols) > (last values)`, served by an index on (tenant_id, cols).
The cursor is opaque to clients: base64url JSON of the sort name and the last row's values.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Query
from sqlalchemy import Select, tuple_

from mops_shared.contracts.problem import ProblemLocation
from mops_shared.kit.errors import ValidationFailed

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1 to {MAX_LIMIT}).")
]
CursorQuery = Annotated[
    str | None,
    Query(max_length=1024, description="The `next_cursor` of the previous page."),
]

RowT = TypeVar("RowT")
SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True)
class SortOption:
    name: str
    # Mapped attributes or Core columns: anything with a `.key` that SQL can compare.
    columns: tuple[Any, ...]
    descending: bool = False


def sort_options(
    options: Sequence[tuple[str, Sequence[Any]]],
    tiebreaker: Any,
) -> dict[str, SortOption]:
    """`name` and `-name` options for each column list, with the primary key as tiebreaker."""
    result: dict[str, SortOption] = {}
    for name, columns in options:
        cols = (*columns, tiebreaker)
        result[name] = SortOption(name, cols, descending=False)
        result[f"-{name}"] = SortOption(f"-{name}", cols, descending=True)
    return result


def resolve_sort(options: Mapping[str, SortOption], requested: str) -> SortOption:
    try:
        return options[requested]
    except KeyError:
        allowed = ", ".join(options)
        raise ValidationFailed.at(
            ProblemLocation.query, "/sort", f"sort must be one of: {allowed}"
        ) from None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "d" in value:
            return date.fromisoformat(value["d"])
        if "uuid" in value:
            return uuid.UUID(value["uuid"])
        raise ValueError("unknown cursor value")
    return value


def encode_values(sort_name: str, values: Sequence[Any]) -> str:
    """The cursor after a row with these sort values (for lists sorted outside SQL too)."""
    raw = orjson.dumps({"s": sort_name, "v": [_encode_value(v) for v in values]})
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_values(sort_name: str, cursor: str, count: int) -> list[Any]:
    """The sort values in a cursor made by `encode_values`; a 422 problem if it is not one."""
    invalid = ValidationFailed.at(
        ProblemLocation.query, "/cursor", "cursor is not valid for this list and sort"
    )
    try:
        data = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        values = [_decode_value(v) for v in data["v"]]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise invalid from exc
    if data.get("s") != sort_name or len(values) != count:
        raise invalid
    return values


def encode_cursor(sort: SortOption, row: Any) -> str:
    """The cursor after `row`: an entity, or a row mapping (a Core read's)."""
    if isinstance(row, Mapping):
        return encode_values(sort.name, [row[column.key] for column in sort.columns])
    return encode_values(sort.name, [getattr(row, column.key) for column in sort.columns])


def decode_cursor(sort: SortOption, cursor: str) -> list[Any]:
    return decode_values(sort.name, cursor, len(sort.columns))


def keyset_page(stmt: SelectT, sort: SortOption, limit: int, cursor: str | None) -> SelectT:
    """The statement for one page: ordered by the sort, after the cursor, one row extra."""
    key = tuple_(*sort.columns)
    if cursor is not None:
        after = tuple_(*decode_cursor(sort, cursor))
        stmt = stmt.where(key < after if sort.descending else key > after)
    order = [c.desc() if sort.descending else c.asc() for c in sort.columns]
    return stmt.order_by(*order).limit(limit + 1)


def split_page(rows: Sequence[RowT], sort: SortOption, limit: int) -> tuple[list[RowT], str | None]:
    """The page's rows and the cursor to the next page (None on the last page)."""
    items = list(rows[:limit])
    next_cursor = encode_cursor(sort, items[-1]) if len(rows) > limit and items else None
    return items, next_cursor
