"""Keyset (cursor) pagination: the cost of a page does not grow with its depth.

A sort option is a tuple of columns ending with the primary key, all in one direction, so a
page continues with `WHERE (cols) > (last values)`, served by an index on (tenant_id, cols).
The cursor is opaque to clients: base64url JSON of the sort name and the last row's values.
"""

from __future__ import annotations

import base64
import binascii
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import Query
from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    Select,
    SmallInteger,
    String,
    Uuid,
    bindparam,
    tuple_,
)
from sqlalchemy.types import TypeDecorator

from mops_shared.contracts.common import is_storable_text
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


_INVALID_CURSOR = "cursor is not valid for this list and sort"


@dataclass(frozen=True)
class CursorValue:
    """What one value of a cursor must decode to before it goes near SQL.

    A cursor comes back from the client, so each value is checked to be exactly what its column
    holds (a forged one would otherwise reach the driver as a wrong type, an int beyond the
    column's bits, or text PostgreSQL cannot store, and fail there as a 500).
    """

    kind: type
    nullable: bool = False
    # The integer column's size: PostgreSQL refuses an int4 parameter beyond 32 bits.
    bits: int = 64
    # A DATETIME WITH TIME ZONE column takes aware timestamps only, a plain one naive only.
    aware: bool = True

    @classmethod
    def of_column(cls, column: Any) -> CursorValue:
        """The value a sort column holds, from its SQLAlchemy type (a TypeError for a type no
        cursor can carry, so that an unsupported sort fails where it is declared)."""
        expression = (
            column.__clause_element__() if hasattr(column, "__clause_element__") else column
        )
        nullable = bool(getattr(expression, "nullable", False))
        sql_type = expression.type
        while isinstance(sql_type, TypeDecorator):
            sql_type = sql_type.impl_instance
        if isinstance(sql_type, Boolean):
            return cls(bool, nullable)
        if isinstance(sql_type, SmallInteger):
            return cls(int, nullable, bits=16)
        if isinstance(sql_type, BigInteger):
            return cls(int, nullable, bits=64)
        if isinstance(sql_type, Integer):
            return cls(int, nullable, bits=32)
        if isinstance(sql_type, Float):
            return cls(float, nullable)
        if isinstance(sql_type, DateTime):
            return cls(datetime, nullable, aware=bool(sql_type.timezone))
        if isinstance(sql_type, Date):
            return cls(date, nullable)
        if isinstance(sql_type, Uuid):
            return cls(uuid.UUID, nullable)
        if isinstance(sql_type, String) and not isinstance(sql_type, Enum):
            return cls(str, nullable)
        raise TypeError(f"a cursor cannot carry {column!r} of type {sql_type!r}")

    def decode(self, raw: Any) -> Any:
        """The value as its column holds it; ValueError if the cursor's value is not one."""
        if raw is None:
            if self.nullable:
                return None
            raise ValueError("null")
        value = _decode_value(raw)
        if self.kind is float and type(value) is int:
            value = float(value)
        # Exact types: bool is an int and datetime a date, neither is the other's column.
        if type(value) is not self.kind:
            raise ValueError(f"not a {self.kind.__name__}")
        if isinstance(value, int) and not isinstance(value, bool):
            limit = 1 << (self.bits - 1)
            if not -limit <= value < limit:
                raise ValueError("integer out of range")
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValueError("not a finite number")
        elif isinstance(value, str) and not is_storable_text(value):
            raise ValueError("text no database can store")
        elif isinstance(value, datetime) and (value.tzinfo is not None) != self.aware:
            raise ValueError("timestamp with the wrong kind of time zone")
        return value


@dataclass(frozen=True)
class SortOption:
    name: str
    # Mapped attributes or Core columns: anything with a `.key` that SQL can compare.
    columns: tuple[Any, ...]
    descending: bool = False
    # What each column's value in a cursor must be, from the columns' types.
    values: tuple[CursorValue, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        values = tuple(CursorValue.of_column(column) for column in self.columns)
        object.__setattr__(self, "values", values)


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
        if len(value) != 1:
            raise ValueError("unknown cursor value")
        ((tag, text),) = value.items()
        if not isinstance(text, str):
            raise ValueError("unknown cursor value")
        if tag == "dt":
            return datetime.fromisoformat(text)
        if tag == "d":
            return date.fromisoformat(text)
        if tag == "uuid":
            return uuid.UUID(text)
        raise ValueError("unknown cursor value")
    if isinstance(value, list):
        raise ValueError("unknown cursor value")
    return value


def encode_values(sort_name: str, values: Sequence[Any]) -> str:
    """The cursor after a row with these sort values (for lists sorted outside SQL too)."""
    raw = orjson.dumps({"s": sort_name, "v": [_encode_value(v) for v in values]})
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_values(sort_name: str, cursor: str, expected: Sequence[CursorValue]) -> list[Any]:
    """The sort values in a cursor made by `encode_values`, each exactly what `expected` says;
    a 422 problem at the `cursor` parameter if it is not one."""
    invalid = ValidationFailed.at(ProblemLocation.query, "/cursor", _INVALID_CURSOR)
    try:
        data = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(data, dict) or data.get("s") != sort_name:
            raise invalid
        raw = data["v"]
        if not isinstance(raw, list) or len(raw) != len(expected):
            raise invalid
        return [value.decode(item) for item, value in zip(raw, expected, strict=True)]
    except (binascii.Error, ValueError, KeyError, TypeError, OverflowError) as exc:
        raise invalid from exc


def encode_cursor(sort: SortOption, row: Any) -> str:
    """The cursor after `row`: an entity, or a row mapping (a Core read's)."""
    if isinstance(row, Mapping):
        return encode_values(sort.name, [row[column.key] for column in sort.columns])
    return encode_values(sort.name, [getattr(row, column.key) for column in sort.columns])


def decode_cursor(sort: SortOption, cursor: str) -> list[Any]:
    return decode_values(sort.name, cursor, sort.values)


def keyset_page(stmt: SelectT, sort: SortOption, limit: int, cursor: str | None) -> SelectT:
    """The statement for one page: ordered by the sort, after the cursor, one row extra."""
    key = tuple_(*sort.columns)
    if cursor is not None:
        after = tuple_(*decode_cursor(sort, cursor))
        stmt = stmt.where(key < after if sort.descending else key > after)
    order = [c.desc() if sort.descending else c.asc() for c in sort.columns]
    return stmt.order_by(*order).limit(limit + 1)


# The names of a keyset page's parameters in a statement built once (`keyset_statement`).
PAGE_LIMIT = "page_limit"
_AFTER = "after_{}"


def keyset_statement(stmt: SelectT, sort: SortOption, *, after: bool) -> SelectT:
    """`keyset_page` with the cursor's values and the limit as bound parameters, for a
    statement built once and run with `keyset_values`: the same SQL, without building and
    keying a new statement per request."""
    if after:
        key = tuple_(*sort.columns)
        bound = tuple_(
            *(
                bindparam(_AFTER.format(i), type_=_expression(column).type)
                for i, column in enumerate(sort.columns)
            )
        )
        stmt = stmt.where(key < bound if sort.descending else key > bound)
    order = [c.desc() if sort.descending else c.asc() for c in sort.columns]
    return stmt.order_by(*order).limit(bindparam(PAGE_LIMIT, type_=Integer()))


def keyset_values(sort: SortOption, limit: int, cursor: str | None) -> dict[str, Any]:
    """The values of `keyset_statement`'s parameters: one row more than the page, and the
    cursor's values (a 422 for a cursor this list and sort did not write)."""
    values: dict[str, Any] = {PAGE_LIMIT: limit + 1}
    if cursor is not None:
        for i, value in enumerate(decode_cursor(sort, cursor)):
            values[_AFTER.format(i)] = value
    return values


def _expression(column: Any) -> Any:
    return column.__clause_element__() if hasattr(column, "__clause_element__") else column


def split_page(rows: Sequence[RowT], sort: SortOption, limit: int) -> tuple[list[RowT], str | None]:
    """The page's rows and the cursor to the next page (None on the last page)."""
    items = list(rows[:limit])
    next_cursor = encode_cursor(sort, items[-1]) if len(rows) > limit and items else None
    return items, next_cursor
