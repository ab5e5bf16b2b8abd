from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import JSON, Column, Integer, MetaData, Table, insert, select

from mops_shared.kit.db import create_engine

pytestmark = pytest.mark.asyncio


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
