"""Core selects run on asyncpg itself, for the read path (`kit.reads.mappings`).

SQLAlchemy's execution of a select (a greenlet switch, an execution context, the cursor
adapter, a result object and its rows) cost more CPU than the query's own round trip: 35-42 % of
a read's CPU in py-spy, against 19 % in asyncpg. Here the statement is compiled as SQLAlchemy
compiles it (the engine's own compiled cache, the same SQL, the same parameter processing),
prepared through the SQLAlchemy adapter's own statement cache, and fetched with asyncpg; each
row is a dict of the columns by SQLAlchemy's key, with the values each column's type
processes on reading processed (UTC timestamps).

It takes only what it runs as SQLAlchemy would, and answers None for SQLAlchemy to run the
rest: another driver (SQLite), a connection not in autocommit (a write's session: only the read
engine's connections), statement events listened to (a test counting statements, a tracer: they
must see every statement), parameters SQLAlchemy expands at execution time. A failing statement
is run again by SQLAlchemy, which reports the error as for every other statement and
invalidates a broken connection: reads are idempotent.

It uses a few of SQLAlchemy's private attributes (named with `_`); its tests run every read of
the services on PostgreSQL against the answers recorded before it existed (tests/reads), and
the uv.lock pins the SQLAlchemy they were written against.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Select
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import compiler

Processor = Callable[[Any], Any]
Row = dict[str, Any]


class _Plan:
    """What running one compiled select on the driver needs, worked out once per compiled form
    (and kept on it, so it lives as long as SQLAlchemy's compiled cache keeps that)."""

    __slots__ = ("bind_processors", "keys", "positions", "shapes", "sql", "types")

    def __init__(self, compiled: compiler.SQLCompiler) -> None:
        self.sql: str = compiled.string
        self.positions: tuple[str, ...] = tuple(compiled.positiontup or ())
        self.bind_processors = cast(dict[str, Processor], compiled._bind_processors)
        self.keys: tuple[str, ...] = tuple(column[0] for column in compiled._result_columns)
        self.types: tuple[Any, ...] = tuple(column[3] for column in compiled._result_columns)
        # By the oids of the column types asyncpg reports: the columns whose values a type
        # processes, with its processor (SQLAlchemy picks a processor by the driver's type).
        self.shapes: dict[tuple[int, ...], tuple[tuple[str, Processor], ...]] = {}


_PLAN = "_mops_driver_plan"


def _plan_of(compiled: compiler.SQLCompiler) -> _Plan | None:
    plan: _Plan | bool | None = getattr(compiled, _PLAN, False)
    if plan is False:
        runnable = (
            compiled.positional
            and not compiled.literal_execute_params
            and not compiled.post_compile_params
            and not compiled.schema_translate_map
            and compiled._ordered_columns
            and not compiled._textual_ordered_columns
            and compiled._result_columns
        )
        plan = _Plan(compiled) if runnable else None
        setattr(compiled, _PLAN, plan)
    return cast(_Plan | None, plan)


# The events SQLAlchemy fires around a statement. (An engine in autocommit has a listener of
# SQLAlchemy's own on `engine_connect`, which sets the level at checkout: not one of these.)
_STATEMENT_EVENTS = (
    "before_execute",
    "after_execute",
    "before_cursor_execute",
    "after_cursor_execute",
)


def _statement_listeners(sync: Connection) -> bool:
    # A connection with listeners of its own dispatches to them and to its engine's together.
    if sync._has_events:
        dispatch = sync.dispatch
    elif sync.engine._has_events:
        dispatch = sync.engine.dispatch
    else:
        return False
    return any(len(getattr(dispatch, name)) for name in _STATEMENT_EVENTS)


def _adapter(sync: Connection) -> Any | None:
    """SQLAlchemy's asyncpg adapter of the connection's DBAPI connection, when a statement may
    run on its driver; None otherwise."""
    if sync.dialect.driver != "asyncpg" or sync.invalidated or sync.closed:
        return None
    if _statement_listeners(sync):
        return None
    adapter = sync.connection.dbapi_connection
    if getattr(adapter, "isolation_level", None) != "autocommit":
        return None
    return adapter


async def fetch(
    conn: AsyncConnection, statement: Select[Any], params: dict[str, Any] | None
) -> list[Row] | None:
    """The rows of `statement` fetched on the driver, or None where SQLAlchemy must run it."""
    sync = conn.sync_connection
    adapter = None if sync is None else _adapter(sync)
    if sync is None or adapter is None:
        return None
    dialect = sync.dialect
    compiled_form, extracted, collected, _ = statement._compile_w_cache(
        dialect=dialect,
        compiled_cache=sync.engine._compiled_cache,
        column_keys=sorted(params) if params else [],
        for_executemany=False,
        schema_translate_map=None,
        linting=dialect.compiler_linting | compiler.WARN_LINTING,
    )
    compiled = cast(compiler.SQLCompiler, compiled_form)
    plan = _plan_of(compiled)
    if plan is None:
        return None
    values = compiled.construct_params(
        params, escape_names=False, extracted_parameters=extracted, _collected_params=collected
    )
    processors = plan.bind_processors
    arguments = [
        processors[name](values[name]) if name in processors else values[name]
        for name in plan.positions
    ]
    try:
        async with adapter._execute_mutex:
            prepared, attributes = await adapter._prepare(
                plan.sql, adapter._invalidate_schema_cache_asof
            )
            records = await prepared.fetch(*arguments)
    except Exception:
        return None
    oids = tuple(attribute.type.oid for attribute in attributes)
    shape = plan.shapes.get(oids)
    if shape is None:
        shape = plan.shapes[oids] = _processed_columns(plan, oids, dialect)
    keys = plan.keys
    rows = [dict(zip(keys, record, strict=True)) for record in records]
    for key, processor in shape:
        for row in rows:
            row[key] = processor(row[key])
    return rows


def _processed_columns(
    plan: _Plan, oids: tuple[int, ...], dialect: Dialect
) -> tuple[tuple[str, Processor], ...]:
    pairs = zip(plan.keys, plan.types, oids, strict=True)
    processors = ((key, type_._cached_result_processor(dialect, oid)) for key, type_, oid in pairs)
    return tuple((key, processor) for key, processor in processors if processor is not None)
