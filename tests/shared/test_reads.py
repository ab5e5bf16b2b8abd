"""`mops_shared.kit.reads`: a wire schema's JSON written from plain values is the JSON FastAPI
wrote from the model (validated, then serialised by pydantic), byte for byte."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from mops_shared.contracts.inventory import ToolOwner, ToolPage, ToolRead
from mops_shared.kit import reads
from mops_shared.kit.db import json_loads
from mops_shared.kit.pagination import SortOption, encode_cursor
from mops_shared.kit.reads import WireJSON

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
    class Column:
        def __init__(self, key: str) -> None:
            self.key = key

    class Entity:
        name_key = "acme"
        id = uuid.UUID(int=1)

    sort = SortOption("name", (Column("name_key"), Column("id")))

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
