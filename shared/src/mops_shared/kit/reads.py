"""The read path of a GET: Core selects returning rows, written into the answer's JSON by one
serialiser per wire schema, and returned as bytes that FastAPI sends as they are.

Through the ORM, a list page built an entity per row, validated a wire model per entity, then
FastAPI validated the page again before serialising it; the rows themselves are already what
the schema says (every write validated them). Here a route keeps its wire schema as
`response_model=` (the OpenAPI document's one source) and returns `json_response(...)`: FastAPI
neither validates nor serialises a Response it is given.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, cast

import orjson
import pydantic_core
from fastapi import Response
from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    ColumnElement,
    Executable,
    FromClause,
    Select,
    String,
    bindparam,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal, _TraverseInternalsType
from sqlalchemy.types import Uuid

from mops_shared.kit import driver_reads as _driver
from mops_shared.kit import read_leases
from mops_shared.kit.db import among_parameter
from mops_shared.kit.etag import etag_of
from mops_shared.kit.pagination import (
    SortOption,
    keyset_page,
    keyset_statement,
    keyset_values,
    split_page,
)

JSON_MEDIA_TYPE = "application/json"

# A row as a read gives it: its columns by name (a dict on PostgreSQL, SQLAlchemy's RowMapping
# on SQLite).
ReadRow = Mapping[str, Any]


def _text_of_uuid(value: Any) -> str:
    # asyncpg returns its own UUID class (a uuid.UUID subclass), which orjson does not write
    # itself: without this, every answer read on PostgreSQL fell back to pydantic's writer.
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError


def dumps(value: Any) -> bytes:
    """JSON bytes as pydantic writes a model of these values (UUIDs as text, UTC datetimes
    with `Z`, NaN as null, floats in their shortest form), without building the model.

    orjson first: on a page of 50 tools, 25 µs against 103 µs for pydantic's serialiser on the
    same dicts (and 309 µs to validate the models and write them, the path this replaces),
    with the same bytes. It refuses integers beyond 64 bits, which a custom field may hold:
    pydantic writes those."""
    try:
        return orjson.dumps(value, default=_text_of_uuid, option=orjson.OPT_UTC_Z)
    except TypeError:
        return pydantic_core.to_json(value, inf_nan_mode="null")


class WireJSON:
    """The JSON of one wire schema written from plain values, built once per schema.

    `item` takes the schema's fields from a row (or from values given beside it: what the row
    does not hold, such as a nested list), in the schema's order, which is the order of the
    keys FastAPI writes; `dumps` writes them as the model would (see `dumps`)."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.fields: tuple[str, ...] = tuple(model.model_fields)

    def item(self, row: Mapping[Any, Any], /, **values: Any) -> dict[str, Any]:
        return {name: values[name] if name in values else row[name] for name in self.fields}

    def items(self, rows: Iterable[Mapping[Any, Any]]) -> list[dict[str, Any]]:
        fields = self.fields
        return [{name: row[name] for name in fields} for row in rows]

    @staticmethod
    def dumps(item: dict[str, Any]) -> bytes:
        return dumps(item)

    @staticmethod
    def dumps_page(items: list[dict[str, Any]], next_cursor: str | None) -> bytes:
        """A `Page` of these items (its fields, in its order)."""
        return dumps({"items": items, "next_cursor": next_cursor})


def json_response(body: bytes, *, version: int | None = None, status_code: int = 200) -> Response:
    """The answer FastAPI would have made of the model (same body, content type and, with a
    `version`, the ETag `tagged` sets), with the route's status (202 for an accepted replay)."""
    response = Response(body, status_code=status_code, media_type=JSON_MEDIA_TYPE)
    if version is not None:
        response.headers["etag"] = etag_of(version)
    return response


@asynccontextmanager
async def read_connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection for reads only, in autocommit: no BEGIN and ROLLBACK round trips around a
    read's few statements. Each statement still sees what was committed before it, as it would
    in a READ COMMITTED transaction (PostgreSQL's default, which we run). `engine` is the read
    engine, autocommit by construction (`kit.db.create_read_engine`, `app.state.read_engine`);
    another engine gives its usual transactional connection. A read engine with leases gives
    the connection the previous read finished with, if one is idle, and under saturation the
    one the next read to end hands over (`kit.read_leases`)."""
    leases = read_leases.leases_of(engine)
    if leases is None:
        async with engine.connect() as conn:
            yield conn
        return
    conn = leases.take() or await leases.handed_over() or await engine.connect().start()
    try:
        yield conn
    except BaseException:
        await asyncio.shield(conn.close())  # back to the pool, which resets or discards it
        raise
    if not (leases.hand_over(conn) or leases.keep(conn)):
        await conn.close()


async def mappings(
    conn: AsyncConnection, statement: Executable, params: Mapping[str, Any] | None = None
) -> Sequence[ReadRow]:
    """The rows of a Core select, each a mapping of its columns by name: on PostgreSQL read
    with asyncpg itself (`kit.driver_reads`), otherwise through SQLAlchemy."""
    values = dict(params) if params else None
    if isinstance(statement, Select):
        rows = await _driver.fetch(conn, statement, values)
        if rows is not None:
            return rows
    result = await conn.execute(statement, values)
    # RowMapping's keys are typed as names or columns; a read looks its values up by name.
    return cast(Sequence[ReadRow], result.mappings().all())


# --- nested lists in one statement ---------------------------------------------------------------


class _UuidText(ColumnElement[str]):
    """A UUID column as the text the wire writes (`8-4-4-4-12` hex digits): PostgreSQL's own
    text of the type; SQLite holds SQLAlchemy's `Uuid` as 32 hex digits, hyphenated here."""

    inherit_cache = True
    _traverse_internals: _TraverseInternalsType = [  # noqa: RUF012 (SQLAlchemy's protocol)
        ("column", InternalTraversal.dp_clauseelement)
    ]
    type = String()

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column


@compiles(_UuidText)
def _uuid_text(element: _UuidText, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column, **kw)


_UUID_PARTS = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))


@compiles(_UuidText, "sqlite")
def _uuid_text_sqlite(element: _UuidText, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    # NULL stays NULL: substr and || of NULL are NULL.
    return "(" + " || '-' || ".join(f"substr({column}, {a}, {n})" for a, n in _UUID_PARTS) + ")"


# Numbers the `json_array_of` elements, for their cache keys.
_json_arrays = itertools.count()


class _JsonArray(ColumnElement[Any]):
    """`json_array_of`'s element: a variant per dialect, the one compiled chosen with the
    dialect (so that one module-level statement serves both backends).

    Its cache key is its identity, not a walk of its two subqueries: they are built once, at
    import, and hold no values of a request, so the walk found the same key on every request,
    at 95 of the 150 µs that keying a page of tools took."""

    inherit_cache = False
    _traverse_internals: _TraverseInternalsType = [  # noqa: RUF012 (SQLAlchemy's protocol)
        ("postgresql", InternalTraversal.dp_clauseelement),
        ("sqlite", InternalTraversal.dp_clauseelement),
    ]
    _cache_key_traversal: _TraverseInternalsType = [  # noqa: RUF012 (SQLAlchemy's protocol)
        ("identity", InternalTraversal.dp_string)
    ]
    type = JSON()

    def __init__(self, postgresql: ColumnElement[Any], sqlite: ColumnElement[Any]) -> None:
        self.postgresql = postgresql
        self.sqlite = sqlite
        self.identity = f"json_array_of:{next(_json_arrays)}"

    def _copy_internals(self, **kw: Any) -> None:
        # A copy whose subqueries were adapted (to an alias, say) is another statement.
        super()._copy_internals(**kw)
        self.identity = f"json_array_of:{next(_json_arrays)}"


@compiles(_JsonArray)
def _json_array(element: _JsonArray, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.postgresql, **kw)


@compiles(_JsonArray, "sqlite")
def _json_array_sqlite(element: _JsonArray, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.sqlite, **kw)


def _json_element(columns: Sequence[ColumnElement[Any]], build_object: str) -> ColumnElement[Any]:
    """One array element: the value of the one column, or an object of the columns by name."""
    values = [_UuidText(c) if isinstance(c.type, Uuid) else c for c in columns]
    if len(values) == 1:
        return values[0]
    pairs: list[ColumnElement[Any]] = []
    for column, value in zip(columns, values, strict=True):
        key = str(column.key)
        assert key.isidentifier(), key  # written into the SQL as a constant
        pairs += [literal_column(f"'{key}'", String()), value]
    built: ColumnElement[Any] = getattr(func, build_object)(*pairs)
    return built


def json_array_of(rows: Select[Any], *, outer: FromClause) -> ColumnElement[Any]:
    """The rows of `rows` as a JSON array, in its ORDER BY, as one column of a select of
    `outer` (the table `rows` refers to, which it is correlated to): an array of the values
    of its one column, or of objects of its columns by name, in their order; `[]` without
    rows. It decodes to lists of text, numbers, None, or dicts of them.

    So a by-id read is one statement, the row with its lists, where each list cost a query and
    a round trip. PostgreSQL: `json_agg(... ORDER BY ...)`; SQLite: `json_group_array` over
    the ordered rows as a subquery (SQLite keeps a FROM subquery's ORDER BY under an aggregate
    other than count, min and max, and aggregates rows in the order they come). For text, integers
    and UUIDs (written as the wire writes them): SQLite would write its booleans as 0 and 1
    and its timestamps in its own format."""
    rows = rows.correlate(outer)
    order = rows._order_by_clauses  # no public accessor; the clauses as given
    aggregated = func.json_agg(
        aggregate_order_by(_json_element(list(rows.selected_columns), "json_build_object"), *order)
    )
    postgresql = (
        rows.with_only_columns(
            func.coalesce(aggregated, literal_column("'[]'::json")), maintain_column_froms=True
        )
        .order_by(None)
        .scalar_subquery()
    )
    ordered = rows.subquery()
    sqlite = (
        select(func.json_group_array(_json_element(list(ordered.c), "json_object")))
        .select_from(ordered)
        .scalar_subquery()
    )
    return _JsonArray(postgresql, sqlite)


async def first_row(
    conn: AsyncConnection, statement: Executable, params: Mapping[str, Any] | None = None
) -> ReadRow | None:
    """The first row of a Core select (a by-id read's one row), or None."""
    rows = await mappings(conn, statement, params)
    return rows[0] if rows else None


async def page_of_rows(
    conn: AsyncConnection, statement: Select[Any], sort: SortOption, limit: int, cursor: str | None
) -> tuple[list[ReadRow], str | None]:
    """A keyset page of a Core select's rows in `sort`'s order, with the next page's cursor."""
    return split_page(
        await mappings(conn, keyset_page(statement, sort, limit, cursor)), sort, limit
    )


# What a page statement's filters are built from: the names of the filters given, and the
# database's dialect name ("postgresql", "sqlite").
PageFilters = Callable[[frozenset[str], str], Select[Any]]


class PageStatements:
    """A list's page statements, each built once per shape (which filters are given, the sort,
    a first page or a later one, the database), with every value a bound parameter: a request
    neither builds nor keys a statement (a fifth of a page of people's CPU when built per
    request). `filters(given, dialect)` is the list's select with the filters named in `given`,
    each compared with the bound parameter of its name (`bindparam("unit_id")`); `page` then
    binds the values given, the tenant's among them."""

    def __init__(self, filters: PageFilters) -> None:
        self._filters = filters
        self._built: dict[tuple[frozenset[str], SortOption, bool, str], Select[Any]] = {}

    @classmethod
    def of_columns(cls, base: Select[Any], columns: Any) -> PageStatements:
        """The pages of `base` where each filter is one of `columns` (a table's `.c`) by name,
        equal to the value given (`tenant_id=...`), and `ids` the `id` column among a list."""

        def filters(given: frozenset[str], dialect: str) -> Select[Any]:
            stmt = base
            for name in sorted(given):
                if name == "ids":
                    stmt = stmt.where(among_parameter(dialect, columns.id, name))
                else:
                    stmt = stmt.where(columns[name] == bindparam(name))
            return stmt

        return cls(filters)

    async def page(
        self,
        conn: AsyncConnection,
        sort: SortOption,
        limit: int,
        cursor: str | None,
        /,
        **filters: Any,
    ) -> tuple[list[ReadRow], str | None]:
        """A keyset page of the rows with the given filters (None: not given), and the next
        page's cursor."""
        values = {
            name: list(value) if isinstance(value, set | frozenset | tuple) else value
            for name, value in filters.items()
            if value is not None
        }
        shape = (frozenset(values), sort, cursor is not None, conn.dialect.name)
        statement = self._built.get(shape)
        if statement is None:
            filtered = self._filters(shape[0], shape[3])
            statement = self._built[shape] = keyset_statement(filtered, sort, after=shape[2])
        values.update(keyset_values(sort, limit, cursor))
        return split_page(await mappings(conn, statement, values), sort, limit)
