"""A unit read by id, written from its row (`mops_shared.kit.reads`), is byte for byte what the
ORM path gave for each unit of the sample company: the entity, `UnitRead` validation, then
FastAPI's serialisation of the model (kept here, as the reference); with the same ETag."""

from __future__ import annotations

import json
import uuid

import httpx
import pytest
from fastapi import FastAPI
from pydantic import TypeAdapter

from mops_org.units.repository import get_by_id
from mops_shared.contracts.org import UnitRead
from mops_shared.kit.auth import Principal
from mops_shared.kit.etag import etag_of
from tests.support import SAMPLES, assert_problem, walk_pages

pytestmark = pytest.mark.asyncio

URL = "/v1/org/units"
_UNIT_JSON = TypeAdapter(UnitRead)


async def _orm_unit(app: FastAPI, tenant_id: uuid.UUID, unit_id: str) -> bytes:
    async with app.state.sessionmaker() as session:
        unit = await get_by_id(session, tenant_id, uuid.UUID(unit_id))
        assert unit is not None
        return _UNIT_JSON.dump_json(UnitRead.model_validate(unit), by_alias=True)


async def test_each_unit_by_id_is_the_orm_paths_bytes_with_its_etag(
    app: FastAPI, client: httpx.AsyncClient, other: httpx.AsyncClient, principal: Principal
) -> None:
    sample = json.loads((SAMPLES / "org_sample.json").read_text())
    assert (await client.post("/v1/org/imports", json=sample)).status_code == 200
    units = await walk_pages(client, URL, limit=200)
    assert len(units) == 19

    for unit in units:
        response = await client.get(f"{URL}/{unit['id']}")

        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json"
        assert response.headers["etag"] == etag_of(unit["version"])
        assert response.content == await _orm_unit(app, principal.tenant_id, unit["id"])
    # Another tenant's unit is as absent as one never made.
    assert_problem(await other.get(f"{URL}/{units[0]['id']}"), 404)
