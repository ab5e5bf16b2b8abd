from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import JSON, Column, Integer, MetaData, Table, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from mops_inventory.tools.models import Tool
from mops_shared.contracts.inventory import ToolRead
from mops_shared.kit.db import create_engine, rowcount, table_of


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
