"""Database plumbing shared by the services: engines, naming convention, UTC timestamps."""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

import orjson
from opentelemetry import trace
from opentelemetry.trace import SpanKind, StatusCode
from pydantic import TypeAdapter
from sqlalchemy import (
    Column,
    ColumnElement,
    DateTime,
    Insert,
    Integer,
    MetaData,
    Table,
    Uuid,
    any_,
    bindparam,
    event,
    literal,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult, Dialect, Result, make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Mapped, registry
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

from mops_shared.kit import read_leases
from mops_shared.kit.tracing import exporting, tracer

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_registry() -> registry:
    """A registry (and metadata) of a service's own: services never share tables."""
    return registry(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # WAL lets readers run beside the writer; busy_timeout makes writers queue instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# 19 digits in a row may be an integer beyond 64 bits, which orjson reads as a float.
_LONG_NUMBER = re.compile(r"\d{19}")


def json_loads(text: str | bytes) -> Any:
    """JSON columns as read: orjson (several times faster than the json module on the JSON
    columns of a page of rows), or the json module for what orjson would change or refuses
    but a column may hold (integers beyond 64 bits, NaN)."""
    if isinstance(text, str) and _LONG_NUMBER.search(text) is None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def _create_private_sqlite_file(url: str) -> None:
    """Creates the database file of a SQLite URL with mode 0600 when it does not exist yet:
    SQLite would create it from the umask (0644: readable by every local user), and gives its
    WAL and shared-memory files the mode of the database file."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    with contextlib.suppress(FileExistsError, FileNotFoundError):
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


# The connection budget (README, "Production"): every process of a single-node deployment keeps
# at most this many connections, so the five services stay under 60 % of PostgreSQL's default
# max_connections of 100 (5 x 8 = 40; 48 with a webhook worker of its own).
DEFAULT_POOL_SIZE = 8
# Seconds a request waits for a pooled connection before it is answered 503 + Retry-After:
# shorter than any client of a service waits for it (a service asking another: 10 s; the
# gateway: 30 s), so the client hears "busy, retry" instead of timing out itself.
DEFAULT_POOL_TIMEOUT = 5.0


def create_engine(
    url: str,
    *,
    pool_size: int = DEFAULT_POOL_SIZE,
    pool_timeout: float = DEFAULT_POOL_TIMEOUT,
    echo: bool = False,
) -> AsyncEngine:
    """An async engine: aiosqlite for `sqlite+aiosqlite://`, asyncpg for `postgresql+asyncpg://`.

    `hide_parameters`: a statement's error (logged with its traceback) names the statement, not
    the values bound to it, which are people's names and emails."""
    if is_sqlite(url):
        _create_private_sqlite_file(url)
        # SQLite keeps SQLAlchemy's own pool (it is no server with a connection limit); only
        # the wait for a connection is bounded, as on PostgreSQL.
        engine = create_async_engine(
            url,
            echo=echo,
            json_deserializer=json_loads,
            hide_parameters=True,
            pool_timeout=pool_timeout,
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        trace_statements(engine)
        return engine
    # No pool_pre_ping: it costs a round trip on every checkout (measured ~10 % of a one-row
    # read); a dropped connection fails one request instead, and recycling bounds staleness.
    # JIT off: our queries read thousands of rows, not millions, and a cost estimate over the
    # JIT threshold made PostgreSQL spend 46 ms compiling a report query that ran in 30 ms.
    engine = create_async_engine(
        url,
        echo=echo,
        # Every connection the pool may open is kept: overflow connections (closed when given
        # back) were opened and closed per request under load; at 32 concurrent reads of a unit
        # by id, 1 783-2 163 req/s and p99 46-59 ms with 20 kept and 10 overflow, 2 648-2 665
        # req/s and p99 19-21 ms with all kept (pools of 30 then). A request finding all in use
        # waits for one, up to pool_timeout (then kit.errors answers 503 + Retry-After).
        pool_size=pool_size,
        max_overflow=0,
        pool_timeout=pool_timeout,
        pool_recycle=1800,
        json_deserializer=json_loads,
        hide_parameters=True,
        connect_args={"server_settings": {"jit": "off"}},
    )
    trace_statements(engine)  # a span per statement, when traces are exported
    return engine


def create_read_engine(engine: AsyncEngine, *, leases: bool = False) -> AsyncEngine:
    """The engine of the GET reads (`mops_shared.kit.reads`): the same pool (and the same
    event listeners) in autocommit, so that a read makes no BEGIN and ROLLBACK round trips
    (setting the level on a checked-out connection costs none). With `leases` (PostgreSQL), a
    read's connection is kept for the next read rather than checked in at once, at most a
    quarter of the pool for at most a few ms (`kit.read_leases`): release them with
    `read_leases.release_idle` before disposing of the pool."""
    read_engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    if leases and engine.dialect.driver == "asyncpg":
        size = getattr(engine.sync_engine.pool, "size", lambda: 4)()
        read_leases.enable(read_engine, max_idle=max(1, size // 4))
    return read_engine


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


# Bind parameters one statement may carry: asyncpg's limit is 32 767, SQLite's 32 766.
MAX_BIND_PARAMETERS = 32_000


def in_bind_chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Multi-row VALUES batches that each stay under both drivers' parameter limit."""
    if not rows:
        return []
    size = max(1, MAX_BIND_PARAMETERS // len(rows[0]))
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def insert_ignoring_conflicts(
    dialect: str,
    table: Table,
    rows: list[dict[str, Any]] | dict[str, Any],
    *,
    conflict_columns: list[str],
) -> Insert:
    """INSERT ... ON CONFLICT (columns) DO NOTHING, in the given dialect (both we run on).

    Several rows are inserted in the order of their conflict columns. PostgreSQL takes the
    unique index's entries row by row, in the order of VALUES: two transactions inserting the
    same new keys in two orders each waited for the other, a deadlock, answered 500 (two tools
    created at once with the same new capabilities listed in reverse orders). In one order,
    the second waits for the first to end, then finds its rows there."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    if dialect not in ("postgresql", "sqlite"):
        raise ValueError(f"mops runs on PostgreSQL or SQLite, not {dialect}")
    if isinstance(rows, list) and len(rows) > 1:
        rows = sorted(rows, key=lambda row: tuple(str(row[name]) for name in conflict_columns))
    return insert(table).values(rows).on_conflict_do_nothing(index_elements=conflict_columns)


async def update_by_id(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """UPDATE ... WHERE id = :id, one executemany for rows that all set the same columns (a
    bulk write's changed rows, not a statement each)."""
    if not rows:
        return
    columns = [name for name in rows[0] if name != "id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(f"new_{name}") for name in columns})
    )
    await session.execute(
        statement,
        [{"row_id": row["id"], **{f"new_{name}": row[name] for name in columns}} for row in rows],
    )


def version_column() -> Column[int]:
    """The `version` column of a resource that has an ETag (each table needs its own object)."""
    return Column("version", Integer, nullable=False)


def optimistic_locking(column: Column[int]) -> dict[str, Any]:
    """`__mapper_args__` making every UPDATE and DELETE conditional on the version read
    (`WHERE id = ? AND version = ?`): a write that lost a race fails with StaleDataError (the
    problem handler answers 409) instead of silently overwriting the winner. The service sets
    the next version itself, as the ETag depends on it."""
    return {"version_id_col": column, "version_id_generator": False}


def table_of(model: type[Any]) -> Table:
    """The table a mapped model (SQLModel `table=True`) is stored in, typed: SQLModel sets
    `__table__` on the class without declaring it, so each direct read would need a
    `type: ignore`."""
    table = getattr(model, "__table__", None)
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


def rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE run with `session.execute` matched: the session types its
    result as `Result`, which declares no `rowcount`, though a DML statement's is a
    `CursorResult`."""
    return cast(CursorResult[Any], result).rowcount


RowT = TypeVar("RowT")


async def find_for_tenant(
    session: AsyncSession, model: type[RowT], tenant_id: uuid.UUID, row_id: uuid.UUID
) -> RowT | None:
    """The tenant's row with this id, or None: another tenant's row is as absent as one that
    never existed (a 404, not a 403). Every repository's `get_by_id` is this query."""
    from sqlalchemy import select

    table = table_of(model)
    result = await session.execute(
        select(model).where(table.c.tenant_id == tenant_id, table.c.id == row_id)
    )
    return result.scalar_one_or_none()


# A bulk write of at least this many rows refreshes the planner's statistics of its tables.
BULK_ANALYZE_ROWS = 1000


async def analyze_after_bulk_write(session: AsyncSession, tables: list[str], rows: int) -> None:
    """ANALYZE the tables a bulk write just filled (PostgreSQL; after its commit).

    Until autovacuum gets to them, PostgreSQL plans with the statistics of the tables before the
    write: right after a 20 000-person import it estimated 9 people where there were 20 000 and
    chose nested loops that took 13 s for a 10 ms query. ANALYZE reads a bounded sample, so this
    costs tens of milliseconds whatever the table size.
    """
    if rows < BULK_ANALYZE_ROWS or session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        await session.execute(text(f'ANALYZE "{table}"'))
    await session.commit()


# Parses a list of ids in one call, about ten times faster than uuid.UUID one by one.
_UUID_LIST = TypeAdapter(list[uuid.UUID])


def parse_uuids(texts: Collection[str]) -> list[uuid.UUID]:
    """Ids written as text (a stored JSON document's), as UUIDs for a query's parameters."""
    return _UUID_LIST.validate_python(list(texts))


def among(
    db: AsyncSession | AsyncConnection,
    column: ColumnElement[Any] | Mapped[Any],
    ids: Collection[uuid.UUID],
) -> ColumnElement[bool]:
    """`column IN ids` for any number of ids: one array parameter on PostgreSQL (`= ANY`: one
    statement whatever the count, so one prepared statement), an IN list on SQLite (which
    binds up to 32 766 parameters)."""
    dialect = db.dialect if isinstance(db, AsyncConnection) else db.get_bind().dialect
    if dialect.name == "postgresql":
        return column == any_(literal(list(ids), postgresql.ARRAY(Uuid())))
    return column.in_(list(ids))


def among_parameter(dialect: str, column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    """`among` with the ids as the bound parameter `name` (given as a list), for a statement
    built once (`kit.reads.PageStatements`): one array parameter on PostgreSQL, an IN list
    expanded at execution on SQLite."""
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=postgresql.ARRAY(Uuid())))
    return column.in_(bindparam(name, expanding=True))


# --- statement spans (kit.tracing) ---------------------------------------------------------------

_SPAN = "_mops_span"


def trace_statements(engine: AsyncEngine) -> Callable[[], None] | None:
    """A span per statement on `engine` while a recording span is current: its first keyword as
    its name, the SQL text (placeholders, never a parameter's value), the database system.
    Only when exporting: a listened-to engine runs every statement through SQLAlchemy. Returns
    what stops it (None when it did not start)."""
    if not exporting():
        return None
    sync_engine = engine.sync_engine
    system = "postgresql" if sync_engine.dialect.name == "postgresql" else sync_engine.dialect.name

    def before(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        if context is None or not trace.get_current_span().is_recording():
            return
        operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer().start_span(
            operation,
            kind=SpanKind.CLIENT,
            attributes={
                "db.system.name": system,
                "db.operation.name": operation,
                "db.query.text": statement,
            },
        )
        setattr(context, _SPAN, span)

    def after(
        conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool
    ) -> None:
        span = getattr(context, _SPAN, None)
        if span is not None:
            span.end()
            setattr(context, _SPAN, None)

    def failed(exception_context: Any) -> None:
        context = exception_context.execution_context
        span = getattr(context, _SPAN, None) if context is not None else None
        if span is not None:
            span.set_status(StatusCode.ERROR, type(exception_context.original_exception).__name__)
            span.end()
            setattr(context, _SPAN, None)

    listeners: tuple[tuple[str, Callable[..., None]], ...] = (
        ("before_cursor_execute", before),
        ("after_cursor_execute", after),
        ("handle_error", failed),
    )
    for name, listener in listeners:
        event.listen(sync_engine, name, listener)

    def stop() -> None:
        for name, listener in listeners:
            event.remove(sync_engine, name, listener)

    return stop
