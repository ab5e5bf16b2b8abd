"""Helpers of the inventory tests: the sample file read as the tests read it, clients signed as
a tenant, and a tenant with the sample imported through the API."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from fastapi import FastAPI

from mops_shared.kit.auth import Principal
from tests.support import SAMPLES, ClientFactory, new_principal, principal_headers, walk_pages

SAMPLE = SAMPLES / "martech_inventory_sample.csv"
CSV = {"content-type": "text/csv"}

Row = dict[str, str]


def sample_rows() -> list[Row]:
    """The sample file's rows, read with the csv module, independently of the service."""
    return list(csv.DictReader(io.StringIO(SAMPLE.read_text(encoding="utf-8-sig"))))


def signed(factory: ClientFactory, service: str, principal: Principal) -> httpx.AsyncClient:
    """A client straight to a service, signed as `principal` (use it with `async with`)."""
    client = factory(service)
    client.headers.update(principal_headers(principal))
    return client


def client_for(app: FastAPI, service: str, headers: dict[str, str]) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=f"http://{service}.test",
        headers=headers,
    )


@dataclass
class Tenant:
    headers: dict[str, str]
    rows: list[Row]
    tool_ids: dict[str, str]
    unit_ids: dict[str, str]
    category_ids: dict[str, str]
    imported_on: set[str]  # the UTC day(s) of the import, the date of its licence usage


async def import_sample(apps: dict[str, FastAPI], *, with_units: bool = False) -> Tenant:
    """A fresh tenant with the sample file imported (and, if asked, the file's owner units
    created in the org service first, so the tools get their business-owner unit)."""
    headers = principal_headers(new_principal())
    rows = sample_rows()
    unit_ids: dict[str, str] = {}
    if with_units:
        async with client_for(apps["org"], "org", headers) as org:
            for unit in sorted({row["owner_unit"] for row in rows}):
                created = await org.post("/v1/org/units", json={"name": unit, "type": "team"})
                assert created.status_code == 201, created.text
                unit_ids[unit] = created.json()["id"]
    before = datetime.now(UTC).date().isoformat()
    async with client_for(apps["inventory"], "inventory", headers) as client:
        imported = await client.post(
            "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV
        )
        assert imported.status_code == 200, imported.text
        assert imported.json()["created"] == len(rows)
        tools = await walk_pages(client, "/v1/inventory/tools", limit=200)
        categories = await walk_pages(client, "/v1/inventory/categories", limit=200)
    return Tenant(
        headers=headers,
        rows=rows,
        tool_ids={t["name"]: t["id"] for t in tools},
        unit_ids=unit_ids,
        category_ids={c["name"]: c["id"] for c in categories},
        imported_on={before, datetime.now(UTC).date().isoformat()},
    )
