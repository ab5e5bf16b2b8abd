"""`mops_shared.kit.reads`: a wire schema's JSON written from plain values is the JSON FastAPI
wrote from the model (validated, then serialised by pydantic), byte for byte."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
    bindparam,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_shared.contracts.inventory import ToolOwner, ToolPage, ToolRead
from mops_shared.kit import reads
from mops_shared.kit.db import create_engine, json_loads
from mops_shared.kit.errors import ValidationFailed
from mops_shared.kit.pagination import SortOption, encode_cursor
from mops_shared.kit.reads import WireJSON, json_array_of
from tests.support import backend, postgres_admin_url

TOOL = WireJSON(ToolRead)
OWNER = WireJSON(ToolOwner)


def _as_the_model_wrote_it(model: type[BaseModel], value: dict[str, Any]) -> bytes:
    return TypeAdapter(model).dump_json(model.model_validate(value), by_alias=True)


def _tool(**changes: Any) -> dict[str, Any]:
    row = {
        "tenant_id": uuid.uuid4(),  # columns the schema does not have are left out
        "name_key": "x",
        "vendor": "Ünïcode \u2028 SA « quoted »",
        "category_id": uuid.uuid4(),
        "description": 'Line one\nline two \x01 \\ " /',
        "usage_notes": None,
        "shares_data_with_core": None,
        "processes_personal_data": True,
        "personal_data_categories": ["contact"],
        "website": "https://example.com/path?q=1",
        "tags": ["b", "a"],
        "custom_fields": {"score": 4.25, "tiny": 5e-324, "huge": 1.7976931348623157e308},
        "in_use_since": date(2021, 3, 1),
        "id": uuid.uuid4(),
        "name": "Émailing 😀",
        "status": "evaluating",
        "status_changed_at": datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC),
        "version": 7,
        "created_at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        "updated_at": datetime(2026, 1, 2, 3, 4, 5, 120000, tzinfo=UTC),
    }
    row.update(changes)
    owners: list[dict[str, Any]] = [
        {"role": "business_owner", "person_id": None, "unit_id": uuid.uuid4()},
        {"role": "data_steward", "person_id": uuid.uuid4(), "unit_id": uuid.uuid4()},
    ]
    return TOOL.item(row, capabilities=["CRM", "Email"], owners=OWNER.items(owners))


@pytest.mark.parametrize(
    "custom_fields",
    [
        {"score": 4.25, "tiny": 5e-324, "huge": 1.7976931348623157e308, "neg": -0.0},
        {
            "beyond_64_bits": 10**30,
            "below": -(10**30),
        },  # orjson refuses these: pydantic writes them
        {},
    ],
)
def test_a_tool_is_written_as_the_model_wrote_it(custom_fields: dict[str, Any]) -> None:
    item = _tool(custom_fields=custom_fields)

    assert list(item) == list(ToolRead.model_fields)
    assert TOOL.dumps(item) == _as_the_model_wrote_it(ToolRead, item)


def test_a_page_is_written_as_the_model_wrote_it() -> None:
    items = [_tool(), _tool(vendor=None, category_id=None, website=None)]

    for cursor in ("abc", None):
        page = {"items": items, "next_cursor": cursor}
        assert TOOL.dumps_page(items, cursor) == _as_the_model_wrote_it(ToolPage, page)


def test_a_column_the_schema_needs_and_the_row_lacks_is_an_error() -> None:
    with pytest.raises(KeyError):
        TOOL.item({"id": uuid.uuid4()})


def test_the_cursor_of_a_row_mapping_is_the_cursor_of_an_entity() -> None:
    class Entity:
        name_key = "acme"
        id = uuid.UUID(int=1)

    # Sort columns are typed: a cursor's values are checked against them when it comes back.
    sort = SortOption("name", (Column("name_key", String), Column("id", Uuid)))

    assert encode_cursor(sort, {"name_key": "acme", "id": uuid.UUID(int=1)}) == encode_cursor(
        sort, Entity()
    )


def test_the_uuids_of_the_postgresql_driver_are_written_by_orjson_as_the_model_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # asyncpg's UUID class subclasses uuid.UUID; orjson does not write it by itself.
    from asyncpg.pgproto.pgproto import UUID as DriverUUID

    driver_id = DriverUUID(str(uuid.uuid4()))
    item = _tool(id=driver_id, category_id=DriverUUID(str(uuid.uuid4())))

    def no_fallback(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("the pydantic fallback wrote a row orjson can write")

    monkeypatch.setattr(reads.pydantic_core, "to_json", no_fallback)
    assert TOOL.dumps(item) == _as_the_model_wrote_it(ToolRead, item)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "b": [1.5, -0.0, "x\\u00e9"], "c": null}',
        '{"beyond_64_bits": 123456789012345678901234567890}',
        '{"edge": 9223372036854775807, "below": -9223372036854775808}',
        '{"nan": NaN, "inf": Infinity}',
        '["\\ud800"]',  # a lone surrogate, which orjson refuses
    ],
)
def test_json_columns_read_as_the_json_module_reads_them(text: str) -> None:
    got, want = json_loads(text), json.loads(text)
    assert repr(got) == repr(want)


# --- json_array_of: a row's lists in the row's own statement -------------------------------------

_metadata = MetaData()
# Temporary tables: the connection's own, on both backends.
_parents = Table(
    "json_array_parents",
    _metadata,
    Column("id", Uuid, primary_key=True),
    prefixes=["TEMPORARY"],
)
_children = Table(
    "json_array_children",
    _metadata,
    Column("parent_id", Uuid, nullable=False),
    Column("position", Integer, nullable=False),
    Column("label", String(40), nullable=False),
    Column("other_id", Uuid, nullable=True),
    Column("count", BigInteger, nullable=True),
    prefixes=["TEMPORARY"],
)

_WITH_CHILDREN = select(
    _parents.c.id,
    json_array_of(
        select(_children.c.label, _children.c.other_id, _children.c.count)
        .where(_children.c.parent_id == _parents.c.id)
        .order_by(_children.c.position),
        outer=_parents,
    ).label("children"),
    json_array_of(
        select(_children.c.label)
        .where(_children.c.parent_id == _parents.c.id)
        .order_by(_children.c.position.desc()),
        outer=_parents,
    ).label("labels_backwards"),
).where(_parents.c.id == bindparam("id"))


@pytest_asyncio.fixture
async def connection(tmp_path: Path) -> AsyncIterator[AsyncConnection]:
    url = (
        postgres_admin_url() if backend() == "postgres" else f"sqlite+aiosqlite:///{tmp_path}/a.db"
    )
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.run_sync(_metadata.create_all)
            yield conn
            await conn.rollback()
    finally:
        await engine.dispose()


@pytest.mark.asyncio
async def test_json_array_of_gives_each_rows_list_in_order_as_the_wire_writes_it(
    connection: AsyncConnection,
) -> None:
    full, empty, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await connection.execute(_parents.insert(), [{"id": full}, {"id": empty}])
    # Stored out of order, with a NULL id, a large integer and text JSON must escape.
    children: list[dict[str, Any]] = [
        {"position": 2, "label": 'b "quoted" \\ é', "other_id": None, "count": 2**53 + 1},
        {"position": 0, "label": "a", "other_id": other, "count": None},
        {"position": 1, "label": "ab", "other_id": full, "count": -3},
    ]
    await connection.execute(_children.insert(), [{"parent_id": full, **c} for c in children])

    rows = {
        parent: (await connection.execute(_WITH_CHILDREN, {"id": parent})).mappings().one()
        for parent in (full, empty)  # the same statement twice: its cached compilation too
    }

    in_order = sorted(children, key=lambda c: c["position"])
    assert rows[full]["children"] == [
        {
            "label": c["label"],
            "other_id": None if c["other_id"] is None else str(c["other_id"]),
            "count": c["count"],
        }
        for c in in_order
    ]
    assert [list(child) for child in rows[full]["children"]] == [["label", "other_id", "count"]] * 3
    assert rows[full]["labels_backwards"] == [c["label"] for c in reversed(in_order)]
    assert rows[empty]["children"] == []
    assert rows[empty]["labels_backwards"] == []


_items = Table(
    "page_statement_items",
    _metadata,
    Column("id", Uuid, primary_key=True),
    Column("tenant_id", Uuid, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("rank", Integer, nullable=False),
    prefixes=["TEMPORARY"],
)
_BY_RANK = SortOption("rank", (_items.c.rank, _items.c.id))
_BY_RANK_DOWN = SortOption("-rank", (_items.c.rank, _items.c.id), descending=True)


async def _pages_both_ways(
    connection: AsyncConnection, sort: SortOption, limit: int, **filters: Any
) -> list[list[Any]]:
    """Every page of `_items` through `PageStatements`, each compared with the page the same
    filters give as a statement built for the request (`page_of_rows`)."""
    statements = reads.PageStatements.of_columns(select(_items), _items.c)
    pages: list[list[Any]] = []
    cursor: str | None = None
    while True:
        rows, next_cursor = await statements.page(connection, sort, limit, cursor, **filters)
        built = select(_items)
        for name, value in filters.items():
            if name == "ids" and value is not None:
                built = built.where(_items.c.id.in_(list(value)))
            elif value is not None:
                built = built.where(_items.c[name] == value)
        expected = await reads.page_of_rows(connection, built, sort, limit, cursor)
        assert (rows, next_cursor) == expected
        pages.append([row["id"] for row in rows])
        if next_cursor is None:
            return pages
        cursor = next_cursor


@pytest.mark.asyncio
async def test_page_statements_give_the_pages_a_statement_built_per_request_gives(
    connection: AsyncConnection,
) -> None:
    tenant, other = uuid.uuid4(), uuid.uuid4()
    items = [
        {"id": uuid.uuid4(), "tenant_id": tenant, "kind": "ab"[i % 2], "rank": i // 3}
        for i in range(11)
    ] + [{"id": uuid.uuid4(), "tenant_id": other, "kind": "a", "rank": 0}]
    await connection.execute(_items.insert(), items)
    mine = [i for i in items if i["tenant_id"] == tenant]
    kind_a = [i["id"] for i in sorted(mine, key=lambda i: (i["rank"], i["id"])) if i["kind"] == "a"]

    by_kind = await _pages_both_ways(connection, _BY_RANK, 2, tenant_id=tenant, kind="a")
    assert [item for page in by_kind for item in page] == kind_a
    assert [len(page) for page in by_kind] == [2, 2, 2]
    down = await _pages_both_ways(connection, _BY_RANK_DOWN, 4, tenant_id=tenant, kind=None)
    assert len([item for page in down for item in page]) == 11
    some = {mine[0]["id"], mine[5]["id"], items[-1]["id"]}  # one of them another tenant's
    chosen = await _pages_both_ways(connection, _BY_RANK, 1, tenant_id=tenant, ids=some)
    assert sorted(item for page in chosen for item in page) == sorted(some - {items[-1]["id"]})


@pytest.mark.asyncio
async def test_a_page_statement_is_built_once_per_shape(connection: AsyncConnection) -> None:
    statements = reads.PageStatements.of_columns(select(_items), _items.c)
    tenant = uuid.uuid4()
    for kind in ("a", "b", None, "a"):
        await statements.page(connection, _BY_RANK, 5, None, tenant_id=tenant, kind=kind)
    cursor = encode_cursor(_BY_RANK, {"rank": 1, "id": uuid.uuid4()})
    await statements.page(connection, _BY_RANK, 5, cursor, tenant_id=tenant, kind="b")
    shapes = sorted((sorted(given), after) for given, _, after, _ in statements._built)
    assert shapes == [
        (["kind", "tenant_id"], False),
        (["kind", "tenant_id"], True),
        (["tenant_id"], False),
    ]
    with pytest.raises(ValidationFailed):  # a cursor of another sort is refused before SQL
        await statements.page(connection, _BY_RANK_DOWN, 5, cursor, tenant_id=tenant)
