"""`mops_shared.kit.driver_reads`: a read on the read engine fetched with asyncpg itself gives
the rows SQLAlchemy gives for the same statement (keys, values, processed types), and leaves to
SQLAlchemy what it must see or run: listened statements, transactions, expanding parameters,
failures, SQLite."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Uuid,
    bindparam,
    cast,
    event,
    func,
    literal,
    select,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from mops_shared.kit import driver_reads
from mops_shared.kit.db import UTCDateTime, create_engine, create_read_engine
from mops_shared.kit.reads import mappings, read_connection
from tests.support import backend, postgres_admin_url

_metadata = MetaData()
_things = Table(
    "driver_reads_things",
    _metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String, nullable=True),
    Column("at", UTCDateTime, nullable=True),
    Column("day", Date, nullable=True),
    Column("document", JSON, nullable=True),
    Column("amount", Numeric(12, 2), nullable=True),
    Column("ratio", Numeric(6, 3, asdecimal=False), nullable=True),
    Column("flag", Boolean, nullable=True),
    Column("count", Integer, nullable=True),
)
_parts = Table(
    "driver_reads_parts",
    _metadata,
    Column("id", Uuid, primary_key=True),
    Column("thing_id", Uuid, nullable=False),
)

_BY_ID = select(_things).where(_things.c.id == bindparam("id"))
_ON_POSTGRESQL = backend() == "postgres"


@pytest_asyncio.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    url = postgres_admin_url() if _ON_POSTGRESQL else f"sqlite+aiosqlite:///{tmp_path}/a.db"
    engine = create_engine(url, pool_size=2)
    async with engine.begin() as conn:
        await conn.run_sync(_metadata.drop_all)
        await conn.run_sync(_metadata.create_all)
    try:
        yield engine
    finally:
        async with engine.begin() as conn:
            await conn.run_sync(_metadata.drop_all)
        await engine.dispose()


_AT = datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=UTC)
THINGS: list[dict[str, Any]] = [
    {
        "id": uuid.uuid4(),
        "name": "Émailing \x01 « x »",
        "at": _AT,
        "day": date(2026, 2, 28),
        "document": {"score": 4.25, "big": 2**70, "list": [1, None, "a"]},
        "amount": Decimal("1234.50"),
        "ratio": 0.125,
        "flag": True,
        "count": -3,
    },
    {
        "id": uuid.uuid4(),
        **dict.fromkeys(["name", "at", "day", "document", "amount", "ratio", "flag", "count"]),
    },
]


async def _stored(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.execute(_things.insert(), THINGS)
        await conn.execute(
            _parts.insert(), [{"id": uuid.uuid4(), "thing_id": t["id"]} for t in THINGS]
        )


async def _through_sqlalchemy(engine: AsyncEngine, statement: Any, params: Any = None) -> list[Any]:
    async with engine.connect() as conn:
        return [dict(row) for row in (await conn.execute(statement, params)).mappings()]


@pytest.mark.asyncio
async def test_the_read_engine_reads_on_the_driver_what_sqlalchemy_reads(
    engine: AsyncEngine,
) -> None:
    await _stored(engine)
    joined = (
        select(_things.c.id, _parts.c.id, _things.c.at, func.count().over().label("total"))
        .join_from(_things, _parts, _parts.c.thing_id == _things.c.id)
        .where(_things.c.at.is_(None) | (_things.c.at < bindparam("before", type_=UTCDateTime)))
        .order_by(_things.c.name)
    )
    cases: list[tuple[Any, dict[str, Any] | None]] = [
        (_BY_ID, {"id": THINGS[0]["id"]}),
        (_BY_ID, {"id": THINGS[1]["id"]}),
        (select(_things).where(_things.c.count == -3), None),  # a value bound in the statement
        (joined, {"before": _AT + timedelta(seconds=1)}),  # two `id` columns, a processed bind
    ]
    read_engine = create_read_engine(engine)
    for statement, params in cases:
        expected = await _through_sqlalchemy(engine, statement, params)
        async with read_connection(read_engine) as conn:
            on_driver = await driver_reads.fetch(conn, statement, params)
            through_read_path = await mappings(conn, statement, params)
        assert expected, statement  # every case reads rows
        assert [dict(row) for row in through_read_path] == expected
        if _ON_POSTGRESQL:
            assert on_driver == expected
            # The same keys in the same order, and the types SQLAlchemy gives.
            assert [list(row) for row in on_driver] == [list(row) for row in expected]
            assert [{k: type(v) for k, v in row.items()} for row in on_driver] == [
                {k: type(v) for k, v in row.items()} for row in expected
            ]
        else:
            assert on_driver is None  # SQLite: SQLAlchemy runs it
    if _ON_POSTGRESQL:
        first = (await _through_sqlalchemy(engine, _BY_ID, {"id": THINGS[0]["id"]}))[0]
        assert first["at"] == _AT
        assert first["at"].tzinfo is UTC
        assert first["document"]["big"] == 2**70
        assert first["ratio"] == 0.125
        assert isinstance(first["ratio"], float)


@pytest.mark.asyncio
async def test_what_the_driver_does_not_run_goes_to_sqlalchemy(engine: AsyncEngine) -> None:
    await _stored(engine)
    read_engine = create_read_engine(engine)
    params = {"id": THINGS[0]["id"]}

    # A connection in a transaction (a write's), not the read engine's autocommit.
    async with engine.connect() as conn:
        assert await driver_reads.fetch(conn, _BY_ID, params) is None
        assert next(dict(r) for r in await mappings(conn, _BY_ID, params))["id"] == params["id"]

    # Parameters expanded at execution time (an IN list).
    among = select(_things.c.id).where(_things.c.id.in_([t["id"] for t in THINGS]))
    async with read_connection(read_engine) as conn:
        assert await driver_reads.fetch(conn, among, None) is None
        assert {row["id"] for row in await mappings(conn, among)} == {t["id"] for t in THINGS}

    # A listener on the engine's statements sees every read.
    seen: list[str] = []

    def listener(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", listener)
    try:
        async with read_connection(read_engine) as conn:
            assert await driver_reads.fetch(conn, _BY_ID, params) is None
            assert len(await mappings(conn, _BY_ID, params)) == 1
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", listener)
    assert len(seen) == 1
    assert "driver_reads_things" in seen[0]

    if _ON_POSTGRESQL:  # and without the listener, the driver runs it again
        async with read_connection(read_engine) as conn:
            assert await driver_reads.fetch(conn, _BY_ID, params) is not None


@pytest.mark.asyncio
async def test_a_failing_read_is_reported_as_sqlalchemy_reports_it(engine: AsyncEngine) -> None:
    # Text that is no integer: PostgreSQL refuses it; SQLite makes it 0, so divide by it there.
    failing = (
        select(cast(literal("not a number"), Integer))
        if _ON_POSTGRESQL
        else select(func.abs(-(2**63)))  # SQLite: integer overflow
    )
    async with read_connection(create_read_engine(engine)) as conn:
        assert await driver_reads.fetch(conn, failing, None) is None
        with pytest.raises(DBAPIError):
            await mappings(conn, failing)
        # The connection is still good for the next read.
        assert [
            tuple(r.values()) for r in await mappings(conn, select(literal(1).label("one")))
        ] == [(1,)]


@pytest.mark.asyncio
async def test_a_listener_on_the_connection_itself_sees_its_reads(engine: AsyncEngine) -> None:
    await _stored(engine)
    seen: list[str] = []

    def listener(*args: Any) -> None:
        seen.append(args[2])

    async with read_connection(create_read_engine(engine)) as conn:
        event.listen(conn.sync_connection, "before_cursor_execute", listener)
        assert await driver_reads.fetch(conn, _BY_ID, {"id": THINGS[0]["id"]}) is None
        assert len(await mappings(conn, _BY_ID, {"id": THINGS[0]["id"]})) == 1
    assert len(seen) == 1
