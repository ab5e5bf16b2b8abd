"""The reports and the export read through the GET read path (`mops_shared.kit.reads`): Core
rows written straight to JSON. Each answer must be exactly what FastAPI would have written of
its response model: the same keys in the schema's order, dates, floats and nulls as pydantic
writes them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import pytest
from fastapi import FastAPI
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_inventory.reports.repository import preferring_hash_joins
from mops_inventory.reports.schemas import (
    AdoptionReport,
    IntegrationCoverageReport,
    RedundancyReport,
    RenewalsReport,
    ReturnsReport,
    SpendReport,
    ToolRemovalImpact,
)
from mops_shared.contracts.reports import ToolOwnershipPage
from mops_shared.contracts.reports_evidence import InventoryEvidence
from tests.inventory.support import Tenant, client_for
from tests.support import new_principal, principal_headers

pytestmark = pytest.mark.asyncio

REPORTS = "/v1/inventory/reports"


def _model_json(schema: type[BaseModel], body: bytes) -> bytes:
    """How FastAPI writes the model of these values (`serialize_response`'s `dump_json`)."""
    adapter: TypeAdapter[Any] = TypeAdapter(schema)
    return adapter.dump_json(adapter.validate_json(body), by_alias=True)


async def test_each_report_is_its_response_models_own_json(app: FastAPI, sample: Tenant) -> None:
    salesforce = sample.tool_ids["Salesforce Sales Cloud"]
    some_unit = sorted(sample.unit_ids.values())[0]
    calls: list[tuple[str, Any, type[BaseModel]]] = [
        *[
            (f"{REPORTS}/spend", {"by": by}, SpendReport)
            for by in ("category", "capability", "owner_unit", "vendor", "status")
        ],
        (f"{REPORTS}/spend", {"by": "vendor", "status": "active"}, SpendReport),
        (f"{REPORTS}/redundancy", {"limit": 3, "tools_per_capability": 2}, RedundancyReport),
        (f"{REPORTS}/integration-coverage", {"limit": 10}, IntegrationCoverageReport),
        (
            f"{REPORTS}/integration-coverage",
            {"core_tool_id": salesforce},
            IntegrationCoverageReport,
        ),
        (f"/v1/inventory/tools/{salesforce}/removal-impact", None, ToolRemovalImpact),
        (f"{REPORTS}/renewals", {"as_of": "2026-06-01", "within_days": 3650}, RenewalsReport),
        (f"{REPORTS}/adoption", {"limit": 10}, AdoptionReport),
        (f"{REPORTS}/returns", {"since": "2000-01-01", "until": "2100-01-01"}, ReturnsReport),
        (f"{REPORTS}/ownership", {"limit": 10}, ToolOwnershipPage),
        (f"{REPORTS}/ownership", {"unit_id": some_unit}, ToolOwnershipPage),
        (f"{REPORTS}/evidence", None, InventoryEvidence),
        (f"{REPORTS}/evidence", {"currency": "EUR"}, InventoryEvidence),
    ]
    async with client_for(app, "inventory", sample.headers) as client:
        for url, params, schema in calls:
            response = await client.get(url, params=params)
            assert response.status_code == 200, (url, response.text)
            assert response.headers["content-type"] == "application/json"
            assert response.content == _model_json(schema, response.content), (url, params)
            body = response.json()
            # Not an empty report: the sample company fills each of them.
            assert any(value not in (None, [], 0) for value in body.values()), url


_counted_here: ContextVar[bool] = ContextVar("counted_here", default=False)


@contextmanager
def counting_statements(app: FastAPI) -> Iterator[list[str]]:
    """The statements run by this task (the in-process client runs the app in it), not those
    of the app's background tasks (the outbox relay, the renewal sweep) that may run meanwhile."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        if _counted_here.get():
            seen.append(args[2])

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    token = _counted_here.set(True)
    try:
        yield seen
    finally:
        _counted_here.reset(token)
        event.remove(engine, "before_cursor_execute", record)


async def test_the_spend_report_is_one_statement_when_its_groups_split_the_contracts(
    app: FastAPI, sample: Tenant
) -> None:
    """By category, vendor or status each tool is in one group, so the totals are the rows
    added up, and the count of tools without contract rides along with the rows."""
    async with client_for(app, "inventory", sample.headers) as client:
        counts: dict[str, int] = {}
        bodies: dict[str, Any] = {}
        for by in ("category", "vendor", "status", "capability", "owner_unit"):
            with counting_statements(app) as statements:
                response = await client.get(f"{REPORTS}/spend", params={"by": by})
            assert response.status_code == 200, response.text
            counts[by] = len(statements)
            bodies[by] = response.json()
    assert counts == {"category": 1, "vendor": 1, "status": 1, "capability": 2, "owner_unit": 2}
    # The totals added up in Python are the ones the database adds up for the other groupings.
    totals = bodies["capability"]["totals"]
    assert len(totals) >= 1
    assert all(body["totals"] == totals for body in bodies.values())


async def test_spend_counts_the_tools_without_contract_when_no_tool_has_one(
    app: FastAPI,
) -> None:
    async with client_for(app, "inventory", principal_headers(new_principal())) as client:
        for name, status in (("One", "active"), ("Two", "active"), ("Three", "retired")):
            created = await client.post(
                "/v1/inventory/tools", json={"name": name, "status": status}
            )
            assert created.status_code == 201, created.text
        for by in ("category", "capability", "owner_unit", "vendor", "status"):
            body = (await client.get(f"{REPORTS}/spend", params={"by": by})).json()
            assert body == {
                "by": by,
                "status": None,
                "rows": [],
                "totals": [],
                "tools_without_contract": 3,
            }
            active = (
                await client.get(f"{REPORTS}/spend", params={"by": by, "status": "active"})
            ).json()
            assert active["tools_without_contract"] == 2


async def test_the_hash_join_setting_stays_within_its_block(app: FastAPI) -> None:
    """The read connection is in autocommit, where a SET LOCAL would be lost at once: the
    block runs in a transaction of its own, and the setting does not outlive it."""
    engine = app.state.read_engine
    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL setting")
    show = text("SHOW enable_nestloop")

    async def in_transaction(conn: AsyncConnection) -> bool:
        """Whether the server holds a transaction open on this connection (asyncpg's view)."""
        raw = await conn.get_raw_connection()
        return bool(raw.driver_connection.is_in_transaction())  # type: ignore[union-attr]

    async with engine.connect() as conn:
        assert (await conn.execute(show)).scalar_one() == "on"
        assert not await in_transaction(conn)
        async with preferring_hash_joins(conn):
            assert (await conn.execute(show)).scalar_one() == "off"
            assert await in_transaction(conn)
        assert (await conn.execute(show)).scalar_one() == "on"
        assert not await in_transaction(conn)  # back in autocommit


async def test_the_export_streams_the_tools_page_by_page(
    app: FastAPI, sample: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of 7 tools give the same file as pages of 500: the cursor walks every tool once,
    in name order."""
    from mops_inventory.imports import export

    async with client_for(app, "inventory", sample.headers) as client:
        whole = await client.get("/v1/inventory/exports/tools.csv")
        monkeypatch.setattr(export, "PAGE", 7)
        paged = await client.get("/v1/inventory/exports/tools.csv")
    assert whole.status_code == paged.status_code == 200
    assert whole.headers["content-type"].startswith("text/csv")
    assert whole.headers["content-disposition"] == 'attachment; filename="tools.csv"'
    assert paged.content == whole.content
    lines = whole.text.splitlines()
    assert len(lines) == 1 + len(sample.rows)
