from __future__ import annotations

import asyncio
import os
import stat
import uuid
from pathlib import Path

import pytest
from sqlalchemy import (
    JSON,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolRead
from mops_shared.kit.db import create_engine, insert_ignoring_conflicts, rowcount, table_of
from tests.support import (
    backend,
    create_postgres_database,
    drop_postgres_database,
    postgres_admin_url,
)


@pytest.mark.asyncio
async def test_json_columns_read_back_integers_wider_than_64_bits(tmp_path: Path) -> None:
    # Faster parsers (orjson) read such an integer as a float and lose its last digits: a
    # custom field holding one must read back exactly.
    table = Table("docs", MetaData(), Column("id", Integer, primary_key=True), Column("doc", JSON))
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'json.db'}")
    documents = [{"n": 2**70 + 1, "ok": [1.5, "é", None]}, {"plain": {"a": [1, 2]}}]
    try:
        async with engine.begin() as conn:
            await conn.run_sync(table.metadata.create_all)
            await conn.execute(insert(table), [{"doc": doc} for doc in documents])
            read = (await conn.execute(select(table.c.doc).order_by(table.c.id))).scalars().all()
    finally:
        await engine.dispose()
    assert read == documents


def test_table_of_names_a_models_table_and_refuses_a_model_without_one() -> None:
    table = table_of(Tool)
    assert isinstance(table, Table)
    assert table.name == "tools"
    assert {"id", "tenant_id", "name", "version"} <= set(table.c.keys())
    with pytest.raises(TypeError, match="ToolRead is not mapped to a table"):
        table_of(ToolRead)  # a wire model: no table behind it


@pytest.mark.asyncio
async def test_rowcount_counts_the_rows_an_update_matched(tmp_path: Path) -> None:
    table = Table("n", MetaData(), Column("id", Integer, primary_key=True), Column("v", Integer))
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'rows.db'}")
    try:
        async with engine.begin() as conn:
            await conn.run_sync(table.metadata.create_all)
            await conn.execute(insert(table), [{"id": i, "v": i % 2} for i in range(5)])
        async with AsyncSession(engine) as session:
            odd = await session.execute(update(table).where(table.c.v == 1).values(v=2))
            none = await session.execute(update(table).where(table.c.v == 9).values(v=3))
            assert (rowcount(odd), rowcount(none)) == (2, 0)
    finally:
        await engine.dispose()


@pytest.mark.asyncio
async def test_a_new_sqlite_database_and_its_wal_are_readable_by_their_owner_only(
    tmp_path: Path,
) -> None:
    path = tmp_path / "private.db"
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True))
    old_umask = os.umask(0o022)  # the usual default, which would make SQLite's files 0644
    try:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            async with engine.begin() as conn:
                await conn.run_sync(table.metadata.create_all)
                await conn.execute(insert(table), [{"id": 1}])
                modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
        finally:
            await engine.dispose()
    finally:
        os.umask(old_umask)
    assert "private.db-wal" in modes  # written in WAL mode, so the journal is there too
    assert modes == dict.fromkeys(modes, 0o600)


@pytest.mark.asyncio
async def test_a_failing_statement_is_reported_without_its_values(tmp_path: Path) -> None:
    name = f"people_{uuid.uuid4().hex[:8]}"  # PostgreSQL: in the shared admin database
    table = Table(name, MetaData(), Column("email", String, primary_key=True))
    url = (
        postgres_admin_url() if backend() == "postgres" else f"sqlite+aiosqlite:///{tmp_path}/p.db"
    )
    engine = create_engine(url)
    secret = "jeanne.martin@example.com"
    try:
        async with engine.connect() as conn:
            await conn.run_sync(table.metadata.create_all)
            await conn.execute(insert(table), [{"email": secret}])
            with pytest.raises(IntegrityError) as failure:
                await conn.execute(insert(table), [{"email": secret}])
            await conn.rollback()
            await conn.run_sync(table.metadata.drop_all)
            await conn.commit()
    finally:
        await engine.dispose()
    text = str(failure.value)
    assert f"INSERT INTO {name}" in text  # the statement is still named
    assert secret not in text


_DIALECTS: dict[str, Dialect] = {"postgresql": postgresql.dialect(), "sqlite": sqlite.dialect()}


@pytest.mark.parametrize("dialect", ["postgresql", "sqlite"])
def test_rows_inserted_ignoring_conflicts_go_in_the_order_of_their_keys(dialect: str) -> None:
    """Concurrent inserters of the same new keys take the unique index in one order (the
    helper's docstring says why: in two orders they deadlocked)."""
    table = Table(
        "keyed",
        MetaData(),
        Column("tenant", String),
        Column("key", String),
        Column("spelling", String),
    )
    given = [("t", "email", "Email"), ("t", "crm", "CRM"), ("s", "abm", "ABM"), ("t", "abm", "x")]
    rows = [{"tenant": t, "key": k, "spelling": s} for t, k, s in given]

    statement = insert_ignoring_conflicts(dialect, table, rows, conflict_columns=["tenant", "key"])

    compiled = str(
        statement.compile(dialect=_DIALECTS[dialect], compile_kwargs={"literal_binds": True})
    )
    positions = [compiled.index(f"'{spelling}'") for _, _, spelling in given]
    # (s, abm), (t, abm), (t, crm), (t, email): ABM, x, CRM, Email.
    assert sorted(range(4), key=positions.__getitem__) == [2, 3, 1, 0]
    assert [row["spelling"] for row in rows] == ["Email", "CRM", "ABM", "x"]  # the caller's


@pytest.mark.asyncio
@pytest.mark.skipif(
    backend() != "postgres",
    reason="SQLite takes one write lock for the whole database: only PostgreSQL deadlocks here",
)
async def test_two_transactions_inserting_the_same_new_keys_in_opposite_orders_never_deadlock() -> (
    None
):
    """The helper's sort, on PostgreSQL: without it, about a third of such rounds deadlocked
    (measured with 200 keys a side); 12 rounds passed without one only by a chance of ~1 %."""
    name = f"mops_test_{uuid.uuid4().hex[:10]}_keys"
    table = Table("keyed", MetaData(), Column("key", String, primary_key=True))
    url = await create_postgres_database(name)
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(table.metadata.create_all)

        async def insert(keys: list[str]) -> None:
            async with engine.begin() as conn:
                rows = [{"key": key} for key in keys]
                await conn.execute(
                    insert_ignoring_conflicts("postgresql", table, rows, conflict_columns=["key"])
                )

        for _ in range(12):
            keys = [uuid.uuid4().hex for _ in range(200)]
            await asyncio.gather(insert(keys), insert(keys[::-1]))
        async with engine.connect() as conn:
            count = (await conn.execute(select(func.count()).select_from(table))).scalar_one()
        assert count == 12 * 200
    finally:
        await engine.dispose()
        await drop_postgres_database(name)
