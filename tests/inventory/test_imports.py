"""Importing the inventory: the sample file as-is, idempotency, all-or-nothing and partial."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Table, event, func, select

from mops_inventory.db import writes
from mops_inventory.imports.schemas import ImportRefusal
from mops_inventory.integrations.models import Integration
from mops_inventory.tools.models import Tool
from tests.inventory.support import CSV, SAMPLE, sample_rows
from tests.support import (
    ClientFactory,
    new_principal,
    principal_headers,
    tenant_client,
    walk_pages,
)

pytestmark = pytest.mark.asyncio


def to_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def expected_edges(rows: list[dict[str, str]]) -> set[tuple[str, str]]:
    return {
        (row["name"], target.strip())
        for row in rows
        for target in row["integrations"].split(";")
        if target.strip()
    }


async def test_sample_file_imports_as_is(inventory_client: httpx.AsyncClient) -> None:
    rows = sample_rows()
    response = await inventory_client.post(
        "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["rows_read"] == len(rows) == 57
    assert (report["created"], report["updated"], report["failed"]) == (57, 0, 0)
    assert report["integrations_created"] == len(expected_edges(rows))
    assert all(p["severity"] == "warning" for p in report["problems"])

    tools = await walk_pages(inventory_client, "/v1/inventory/tools", limit=200)
    assert sorted(t["name"] for t in tools) == sorted(r["name"] for r in rows)
    by_name = {t["name"]: t for t in tools}
    for row in rows:
        tool = by_name[row["name"]]
        assert tool["status"] == row["status"]
        assert tool["vendor"] == (row["vendor"] or None)
        assert tool["capabilities"] == [row["capability"]]
    integrations = await walk_pages(inventory_client, "/v1/inventory/integrations", limit=200)
    assert {(i["source_tool_name"], i["target_tool_name"]) for i in integrations} == expected_edges(
        rows
    )
    contracts = await walk_pages(inventory_client, "/v1/inventory/contracts", limit=200)
    costs: dict[str, int] = {}
    for row in rows:
        if row["annual_cost"]:
            costs[row["currency"]] = costs.get(row["currency"], 0) + int(row["annual_cost"]) * 100
    totals: dict[str, int] = {}
    for contract in contracts:
        money = contract["annual_cost"]
        totals[money["currency"]] = totals.get(money["currency"], 0) + money["amount_minor"]
    assert totals == costs


async def test_importing_the_same_file_again_changes_nothing(
    inventory_client: httpx.AsyncClient,
) -> None:
    first = await inventory_client.post(
        "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV
    )
    assert first.status_code == 200
    audit_before = await walk_pages(inventory_client, "/v1/inventory/audit", limit=200)
    again = (
        await inventory_client.post(
            "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV
        )
    ).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 57)
    assert again["integrations_created"] == 0
    audit_after = await walk_pages(inventory_client, "/v1/inventory/audit", limit=200)
    assert len(audit_after) == len(audit_before)


async def test_a_changed_row_updates_only_that_tool(inventory_client: httpx.AsyncClient) -> None:
    rows = sample_rows()
    await inventory_client.post("/v1/inventory/imports", content=to_csv(rows), headers=CSV)
    rows[1]["status"] = "sunsetting"
    rows[1]["annual_cost"] = "190000"
    report = (
        await inventory_client.post("/v1/inventory/imports", content=to_csv(rows), headers=CSV)
    ).json()
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 1, 56)
    tools = await walk_pages(inventory_client, "/v1/inventory/tools", limit=200)
    changed = next(t for t in tools if t["name"] == rows[1]["name"])
    assert changed["status"] == "sunsetting"
    assert changed["version"] == 2
    contracts = (
        await inventory_client.get("/v1/inventory/contracts", params={"tool_id": changed["id"]})
    ).json()["items"]
    assert [c["annual_cost"]["amount_minor"] for c in contracts] == [19_000_000]


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


async def test_a_reimport_costs_the_same_queries_for_few_or_many_rows(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    """Updating existing tools is batched: no query per unchanged row, and the changed rows
    are compared, read back, audited and announced together."""
    rows = sample_rows()
    costs: list[int] = []
    for size in (10, len(rows)):
        async with tenant_client(anonymous_client_factory, "inventory") as client:
            file = to_csv([{**row, "integrations": ""} for row in rows[:size]])
            first = await client.post("/v1/inventory/imports", content=file, headers=CSV)
            assert first.status_code == 200, first.text
            assert first.json()["created"] == size
            with counting_statements(service_apps["inventory"]) as seen:
                again = await client.post("/v1/inventory/imports", content=file, headers=CSV)
            assert again.json()["unchanged"] == size
            costs.append(len(seen))
    assert costs[0] == costs[1], costs
    assert costs[0] > 0  # the statements are seen at all


async def test_an_updated_tool_is_audited_and_announced(
    inventory_client: httpx.AsyncClient,
) -> None:
    rows = sample_rows()
    await inventory_client.post("/v1/inventory/imports", content=to_csv(rows), headers=CSV)
    old_vendor = rows[3]["vendor"] or None
    rows[3]["vendor"] = "A New Vendor"
    rows[4]["seats_active"] = str(int(rows[4]["seats_active"] or 0) + 1)
    report = (
        await inventory_client.post("/v1/inventory/imports", content=to_csv(rows), headers=CSV)
    ).json()
    assert (report["updated"], report["unchanged"]) == (2, 55)
    tools = {t["name"]: t for t in await walk_pages(inventory_client, "/v1/inventory/tools")}
    vendor_changed = tools[rows[3]["name"]]
    assert vendor_changed["vendor"] == "A New Vendor"
    assert vendor_changed["version"] == 2
    entries = await walk_pages(
        inventory_client,
        "/v1/inventory/audit",
        object_id=vendor_changed["id"],
        limit=200,
    )
    update = next(e for e in entries if e["action"] == "update")
    assert update["before"]["vendor"] == old_vendor
    assert update["after"]["vendor"] == "A New Vendor"
    assert update["after"]["version"] == 2
    updated_ids = {
        e["object_id"]
        for e in await walk_pages(inventory_client, "/v1/inventory/audit", limit=200)
        if e["action"] == "update"
    }
    assert updated_ids == {vendor_changed["id"], tools[rows[4]["name"]]["id"]}


async def test_owner_units_link_once_the_organisation_has_them(
    anonymous_client_factory: ClientFactory,
) -> None:
    rows = sample_rows()[:3]
    for row in rows:
        row["integrations"] = ""
    async with tenant_client(anonymous_client_factory, "inventory") as inventory:
        first = (
            await inventory.post("/v1/inventory/imports", content=to_csv(rows), headers=CSV)
        ).json()
        assert {p["column"] for p in first["problems"]} >= {"owner_unit"}
        principal_header = {"x-mops-principal": inventory.headers["x-mops-principal"]}
        async with anonymous_client_factory("org") as org:
            unit_ids = {}
            for unit in {r["owner_unit"] for r in rows}:
                created = await org.post(
                    "/v1/org/units", json={"name": unit, "type": "team"}, headers=principal_header
                )
                assert created.status_code == 201
                unit_ids[unit] = created.json()["id"]
        second = (
            await inventory.post("/v1/inventory/imports", content=to_csv(rows), headers=CSV)
        ).json()
        assert "owner_unit" not in {p["column"] for p in second["problems"]}
        assert second["updated"] == 3
        tools = (await inventory.get("/v1/inventory/tools")).json()["items"]
        for tool in tools:
            row = next(r for r in rows if r["name"] == tool["name"])
            assert tool["owners"] == [
                {
                    "role": "business_owner",
                    "person_id": None,
                    "unit_id": unit_ids[row["owner_unit"]],
                }
            ]


async def test_one_bad_row_imports_nothing_by_default(inventory_client: httpx.AsyncClient) -> None:
    rows = sample_rows()
    rows[4]["status"] = "actve"
    response = await inventory_client.post(
        "/v1/inventory/imports", content=to_csv(rows), headers=CSV
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    # rows[4] is the fifth tool: at index 4, on the sixth row of the file (under its header).
    assert (problem["errors"][0]["pointer"], problem["errors"][0]["row"]) == ("/4/status", 6)
    assert "actve" in problem["errors"][0]["detail"]
    assert (await inventory_client.get("/v1/inventory/tools")).json()["items"] == []


async def test_partial_mode_keeps_the_good_rows(inventory_client: httpx.AsyncClient) -> None:
    rows = [r | {"integrations": ""} for r in sample_rows()[:5]]
    rows[2]["currency"] = "ZZZ"
    rows[3]["integrations"] = "A tool nobody has"
    response = await inventory_client.post(
        "/v1/inventory/imports", params={"mode": "partial"}, content=to_csv(rows), headers=CSV
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["created"], report["failed"]) == (3, 2)
    failing = {(p["row"], p["column"]) for p in report["problems"] if p["severity"] == "error"}
    # Rows as the file shows them: rows[2] is on row 4, under the header.
    assert failing == {(4, "currency"), (5, "integrations")}
    names = {t["name"] for t in (await inventory_client.get("/v1/inventory/tools")).json()["items"]}
    assert names == {rows[i]["name"] for i in (0, 1, 4)}


async def test_json_import_and_integrations_to_existing_tools(
    inventory_client: httpx.AsyncClient,
) -> None:
    existing = await inventory_client.post("/v1/inventory/tools", json={"name": "Segment"})
    assert existing.status_code == 201
    body = [
        {"name": "Hightouch", "capability": ["Reverse ETL"], "integrations": ["Segment"]},
        {"name": "Census", "status": "evaluating", "integrations": "Hightouch;Segment"},
    ]
    response = await inventory_client.post(
        "/v1/inventory/imports",
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 2
    assert response.json()["integrations_created"] == 3


async def test_wrong_media_type_and_oversized_files_are_refused(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as client:
        wrong = await client.post(
            "/v1/inventory/imports", content=b"x", headers={"content-type": "text/plain"}
        )
        assert wrong.status_code == 415
        header = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
        huge = (header + "\n" + "\n".join(f"Tool {i}" for i in range(50_001))).encode()
        too_many = await client.post("/v1/inventory/imports", content=huge, headers=CSV)
        assert too_many.status_code == 413
        assert (await client.get("/v1/inventory/tools")).json()["items"] == []


async def test_import_needs_the_write_scope(anonymous_client_factory: ClientFactory) -> None:
    from tests.support import new_principal

    reader = principal_headers(new_principal(scopes=frozenset({"inventory:read"})))
    async with anonymous_client_factory("inventory") as client:
        response = await client.post(
            "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers={**CSV, **reader}
        )
    assert response.status_code == 403


async def test_export_has_the_import_layout_and_round_trips(
    inventory_client: httpx.AsyncClient,
) -> None:
    rows = sample_rows()
    await inventory_client.post("/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV)
    exported = await inventory_client.get("/v1/inventory/exports/tools.csv")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    exported_rows = list(csv.DictReader(io.StringIO(exported.text)))
    # The layout is the sample's, and the one column it lacks (the tools' go-live) last.
    assert list(exported_rows[0]) == [*rows[0], "in_use_since"]
    assert [r["name"] for r in exported_rows] == sorted((r["name"] for r in rows), key=str.casefold)
    by_name = {r["name"]: r for r in exported_rows}
    for row in rows:
        out = by_name[row["name"]]
        for column in (
            "vendor",
            "category",
            "capability",
            "status",
            "currency",
            "renewal_date",
            "seats_purchased",
            "seats_active",
            "shares_data_with_core",
            "processes_personal_data",
            "notes",
        ):
            assert out[column] == row[column], (row["name"], column)
        if row["annual_cost"]:
            assert float(out["annual_cost"]) == float(row["annual_cost"])
        assert set(filter(None, out["integrations"].split(";"))) == set(
            filter(None, (t.strip() for t in row["integrations"].split(";")))
        )
    again = (
        await inventory_client.post("/v1/inventory/imports", content=exported.content, headers=CSV)
    ).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 57)
    assert again["problems"] == []


async def test_the_day_a_tool_came_into_use_imports_exports_and_survives_a_file_without_it(
    inventory_client: httpx.AsyncClient,
) -> None:
    rows = [dict(row, in_use_since="", integrations="") for row in sample_rows()[:3]]
    rows[0]["in_use_since"] = "2021-03-01"
    imported = await inventory_client.post(IMPORTS, content=to_csv(rows), headers=CSV)
    assert imported.status_code == 200, imported.text
    tools = {t["name"]: t for t in await walk_pages(inventory_client, "/v1/inventory/tools")}
    assert tools[rows[0]["name"]]["in_use_since"] == "2021-03-01"
    assert tools[rows[1]["name"]]["in_use_since"] is None

    # Set through the API, kept by a file without the column.
    patched = await inventory_client.patch(
        f"/v1/inventory/tools/{tools[rows[1]['name']]['id']}",
        json={"in_use_since": "2026-06-15"},
    )
    assert patched.status_code == 200, patched.text
    without = [{k: v for k, v in row.items() if k != "in_use_since"} for row in rows]
    again = await inventory_client.post(IMPORTS, content=to_csv(without), headers=CSV)
    assert (again.json()["updated"], again.json()["unchanged"]) == (0, 3)
    exported = await inventory_client.get("/v1/inventory/exports/tools.csv")
    dates = {r["name"]: r["in_use_since"] for r in csv.DictReader(io.StringIO(exported.text))}
    assert dates == {
        rows[0]["name"]: "2021-03-01",
        rows[1]["name"]: "2026-06-15",
        rows[2]["name"]: "",
    }

    # A date that is not one is an error at its row and column, and nothing is written.
    rows[2]["in_use_since"] = "2021-02-30"
    refused = await inventory_client.post(IMPORTS, content=to_csv(rows), headers=CSV)
    assert refused.status_code == 422, refused.text
    errors = refused.json()["errors"]
    assert [(e["row"], e["pointer"]) for e in errors] == [(4, "/2/in_use_since")]
    assert "in_use_since '2021-02-30' is not a real date" in errors[0]["detail"]


async def test_thousands_of_integrations_import_in_bounded_statements(
    anonymous_client_factory: ClientFactory,
) -> None:
    # 100 tools each wired to the 31 after it: 3 100 edges, more than one multi-row INSERT may
    # carry in bind parameters (asyncpg stops at 32 767).
    names = [f"Tool {n:03d}" for n in range(100)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["name", "status", "integrations"])
    writer.writeheader()
    for n, name in enumerate(names):
        targets = [names[(n + k) % len(names)] for k in range(1, 32)]
        writer.writerow({"name": name, "status": "active", "integrations": ";".join(targets)})
    async with tenant_client(anonymous_client_factory, "inventory") as client:
        response = await client.post(
            "/v1/inventory/imports", content=out.getvalue().encode(), headers=CSV
        )
        assert response.status_code == 200, response.text[:500]
        assert response.json()["integrations_created"] == 3100
        edges = await walk_pages(client, "/v1/inventory/integrations", limit=200)
    assert len(edges) == 3100


# --- dry runs, warnings and the one numbering ------------------------------------------------

IMPORTS = "/v1/inventory/imports"
JSON = {"content-type": "application/json"}
COUNTS = ("created", "updated", "unchanged", "failed", "integrations_created")


async def written(app: FastAPI, tenant_id: uuid.UUID) -> dict[str, int]:
    """What the tenant has in the inventory's database, table by table."""
    tables: dict[str, Table] = {
        "tools": Tool.__table__,  # type: ignore[attr-defined]
        "integrations": Integration.__table__,  # type: ignore[attr-defined]
        "audit": writes.audit,
        "outbox": writes.outbox,
    }
    # The renewal sweep runs on a timer of its own in the service app and may announce the
    # sample's due contracts (`contract.renewal_due`) at any moment: not the import's writing.
    swept = writes.outbox.c.type == "contract.renewal_due"
    async with app.state.engine.connect() as conn:
        return {
            name: int(
                await conn.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.tenant_id == tenant_id, *([~swept] if name == "outbox" else []))
                )
                or 0
            )
            for name, table in tables.items()
        }


def actions(report: dict[str, Any]) -> dict[str, str]:
    return {r["name"]: r["action"] for r in report["rows"]}


async def test_a_dry_run_counts_what_the_import_then_does_and_writes_nothing(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    rows = sample_rows()
    async with anonymous_client_factory("inventory") as client:
        client.headers.update(principal_headers(principal))
        empty = await written(app, principal.tenant_id)
        dry = await client.post(
            IMPORTS, params={"dry_run": "true"}, content=SAMPLE.read_bytes(), headers=CSV
        )
        assert dry.status_code == 200, dry.text
        plan = dry.json()
        assert plan["dry_run"] is True
        assert (plan["created"], plan["updated"], plan["unchanged"]) == (len(rows), 0, 0)
        assert plan["integrations_created"] == len(expected_edges(rows))
        assert set(actions(plan).values()) == {"created"}
        assert await written(app, principal.tenant_id) == empty
        assert (await client.get("/v1/inventory/tools")).json()["items"] == []

        real = (await client.post(IMPORTS, content=SAMPLE.read_bytes(), headers=CSV)).json()
        assert real["dry_run"] is False
        assert [real[k] for k in COUNTS] == [plan[k] for k in COUNTS]
        assert (real["rows"], real["problems"]) == (plan["rows"], plan["problems"])
        imported = await written(app, principal.tenant_id)
        assert imported["tools"] == len(rows)

        again = await client.post(
            IMPORTS, params={"dry_run": "true"}, content=SAMPLE.read_bytes(), headers=CSV
        )
        assert [again.json()[k] for k in COUNTS] == [0, 0, len(rows), 0, 0]
        assert set(actions(again.json()).values()) == {"unchanged"}

        rows[1]["status"] = "sunsetting"
        changed = (
            await client.post(
                IMPORTS, params={"dry_run": "true"}, content=to_csv(rows), headers=CSV
            )
        ).json()
        assert [changed[k] for k in COUNTS] == [0, 1, len(rows) - 1, 0, 0]
        assert [r for r in changed["rows"] if r["action"] == "updated"] == [
            {"row": 3, "pointer": "/1", "name": rows[1]["name"], "action": "updated"}
        ]
        assert await written(app, principal.tenant_id) == imported
        tools = await walk_pages(client, "/v1/inventory/tools", limit=200)
        kept = next(t for t in tools if t["name"] == rows[1]["name"])
        assert (kept["status"], kept["version"]) == ("active", 1)


async def test_a_dry_run_keeps_no_idempotency_record_for_the_real_import(
    inventory_client: httpx.AsyncClient,
) -> None:
    key = {"Idempotency-Key": "import-1", **CSV}
    dry = await inventory_client.post(
        IMPORTS, params={"dry_run": "true"}, content=SAMPLE.read_bytes(), headers=key
    )
    assert dry.status_code == 200, dry.text
    real = await inventory_client.post(IMPORTS, content=SAMPLE.read_bytes(), headers=key)
    assert real.status_code == 200, real.text
    assert "idempotent-replayed" not in real.headers
    assert (real.json()["dry_run"], real.json()["created"]) == (False, 57)
    assert len(await walk_pages(inventory_client, "/v1/inventory/tools", limit=200)) == 57


async def test_a_dry_run_refuses_a_malformed_idempotency_key_as_the_import_does(
    inventory_client: httpx.AsyncClient,
) -> None:
    key = {"Idempotency-Key": "   ", **CSV}  # only spaces: not a key
    for params in ({"dry_run": "true"}, {}):
        response = await inventory_client.post(
            IMPORTS, params=params, content=SAMPLE.read_bytes(), headers=key
        )
        assert response.status_code == 400, (params, response.text)
    assert (await inventory_client.get("/v1/inventory/tools")).json()["items"] == []


async def test_an_unknown_query_parameter_is_a_422_in_the_refusal_s_shape(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.post(
        IMPORTS, params={"dryrun": "true"}, content=SAMPLE.read_bytes(), headers=CSV
    )
    assert response.status_code == 422, response.text
    refusal = ImportRefusal.model_validate(response.json())  # what the document declares
    assert refusal.errors is not None
    assert [(e.location, e.pointer, e.row) for e in refusal.errors] == [("query", "/dryrun", None)]
    assert (await inventory_client.get("/v1/inventory/tools")).json()["items"] == []


async def test_a_dry_run_of_a_file_with_errors_answers_the_422_of_the_import(
    inventory_client: httpx.AsyncClient,
) -> None:
    rows = sample_rows()
    rows[4]["status"] = "actve"
    dry = await inventory_client.post(
        IMPORTS, params={"dry_run": "true"}, content=to_csv(rows), headers=CSV
    )
    real = await inventory_client.post(IMPORTS, content=to_csv(rows), headers=CSV)
    assert dry.status_code == real.status_code == 422
    assert dry.json()["errors"] == real.json()["errors"]
    assert dry.json()["warnings"] == real.json()["warnings"]
    partial = await inventory_client.post(
        IMPORTS,
        params={"dry_run": "true", "mode": "partial"},
        content=to_csv(rows),
        headers=CSV,
    )
    assert [partial.json()[k] for k in COUNTS[:4]] == [56, 0, 0, 1]
    assert (await inventory_client.get("/v1/inventory/tools")).json()["items"] == []


async def test_the_422_shows_the_warnings_beside_the_errors(
    inventory_client: httpx.AsyncClient,
) -> None:
    # The sample's owners are unknown to this tenant's (empty) organisation: warnings.
    rows = sample_rows()[:3]
    for row in rows:
        row["integrations"] = ""
    rows[2]["currency"] = "ZZZ"
    response = await inventory_client.post(IMPORTS, content=to_csv(rows), headers=CSV)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert [(e["row"], e["pointer"]) for e in problem["errors"]] == [(4, "/2/currency")]
    owners = {(w["row"], w["pointer"]) for w in problem["warnings"] if "org service" in w["detail"]}
    assert owners == {
        (row, f"/{row - 2}/{column}")
        for row in (2, 3)  # row 4 is not read past its error
        for column in ("business_owner", "owner_unit")
    }
    assert all(w["location"] == "body" for w in problem["warnings"])


@pytest.mark.parametrize("as_json", [False, True])
async def test_rows_and_pointers_are_numbered_one_way(
    inventory_client: httpx.AsyncClient, as_json: bool
) -> None:
    tools: list[dict[str, str]] = [
        {"name": "Asana", "Status": "active", "seats_purchased": "10", "seats_active": "10"},
        {"name": "Slack", "Status": "active", "seats_purchased": "10", "seats_active": "12"},
        {"name": "Gong", "Status": "gone", "seats_purchased": "", "seats_active": ""},
    ]
    body, headers = (json.dumps(tools).encode(), JSON) if as_json else (to_csv(tools), CSV)
    # JSON: the row is the item's position from 1 and the pointer keeps the key as sent;
    # CSV: the row is the file's, its header being row 1; the pointer is the same from 0.
    first = 1 if as_json else 2
    status = "Status" if as_json else "status"
    expected_error = (first + 2, f"/2/{status}")
    expected_warning = (first + 1, "/1/seats_active")

    partial = await inventory_client.post(
        IMPORTS, params={"mode": "partial"}, content=body, headers=headers
    )
    assert partial.status_code == 200, partial.text
    report = partial.json()
    by_severity = {p["severity"]: (p["row"], p["pointer"]) for p in report["problems"]}
    assert by_severity == {"error": expected_error, "warning": expected_warning}
    assert [(r["row"], r["pointer"], r["action"]) for r in report["rows"]] == [
        (first, "/0", "created"),
        (first + 1, "/1", "created"),
        (first + 2, "/2", "failed"),
    ]

    refused = await inventory_client.post(IMPORTS, content=body, headers=headers)
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert [(e["row"], e["pointer"]) for e in problem["errors"]] == [expected_error]
    assert [(w["row"], w["pointer"]) for w in problem["warnings"]] == [expected_warning]


async def test_a_json_body_off_the_schema_is_numbered_the_same_way(
    inventory_client: httpx.AsyncClient,
) -> None:
    body = [{"name": "Asana"}, {"name": "Slack", "seats_active": [3]}]
    response = await inventory_client.post(IMPORTS, content=json.dumps(body).encode(), headers=JSON)
    assert response.status_code == 422, response.text
    assert [(e["row"], e["pointer"]) for e in response.json()["errors"]] == [(2, "/1/seats_active")]


async def test_case_only_matches_and_large_changes_are_warned_also_in_a_dry_run(
    inventory_client: httpx.AsyncClient,
) -> None:
    def tool(name: str, cost: str, currency: str = "USD") -> dict[str, str]:
        return {"name": name, "status": "active", "annual_cost": cost, "currency": currency}

    first = [
        tool("HubSpot Marketing Hub", "420000"),
        tool("Gong", "10000"),
        tool("Asana", "10000"),
        tool("Slack", "10000"),
    ]
    assert (await inventory_client.post(IMPORTS, content=to_csv(first), headers=CSV)).json()[
        "created"
    ] == 4
    second = [
        tool("hubspot marketing hub", "1000"),  # case only, and divided by 420
        tool("Gong", "49999"),  # times 4.9999: under the threshold
        tool("Asana", "50000"),  # times 5: at it
        tool("Slack", "10000", "EUR"),  # another currency
    ]
    expected = {
        (2, "name"): "'hubspot marketing hub' matches the existing tool 'HubSpot Marketing Hub' "
        "only when case (or spacing) is ignored: 'HubSpot Marketing Hub' is updated and keeps "
        "its name",
        (2, "annual_cost"): "annual_cost changes from 420,000.00 USD to 1,000.00 USD, by a "
        "factor of 5 or more: check the amount and its unit",
        (4, "annual_cost"): "annual_cost changes from 10,000.00 USD to 50,000.00 USD, by a "
        "factor of 5 or more: check the amount and its unit",
        (5, "currency"): "the currency changes from USD to EUR (annual_cost 10,000.00 USD to "
        "10,000.00 EUR)",
    }
    for dry_run in (True, False):
        response = await inventory_client.post(
            IMPORTS, params={"dry_run": dry_run}, content=to_csv(second), headers=CSV
        )
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["updated"] == 4
        warnings = {
            (p["row"], p["column"]): p["problem"]
            for p in report["problems"]
            if p["severity"] == "warning"
        }
        assert warnings == expected
    tools = {t["name"] for t in (await inventory_client.get("/v1/inventory/tools")).json()["items"]}
    assert "HubSpot Marketing Hub" in tools
    assert "hubspot marketing hub" not in tools


async def test_an_update_that_changes_the_owners_is_warned(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    async with anonymous_client_factory("org") as org:
        org.headers.update(principal_headers(principal))
        for name in ("Marketing Ops", "Sales Ops"):
            created = await org.post("/v1/org/units", json={"name": name, "type": "team"})
            assert created.status_code == 201, created.text
    async with anonymous_client_factory("inventory") as client:
        client.headers.update(principal_headers(principal))
        rows = [{"name": "Gong", "status": "active", "owner_unit": "Marketing Ops"}]
        first = await client.post(IMPORTS, content=to_csv(rows), headers=CSV)
        assert first.json()["problems"] == []
        rows[0]["owner_unit"] = "Sales Ops"
        second = (await client.post(IMPORTS, content=to_csv(rows), headers=CSV)).json()
    assert second["updated"] == 1
    assert [(p["row"], p["column"], p["severity"], p["problem"]) for p in second["problems"]] == [
        (
            2,
            "owner_unit",
            "warning",
            "the owners change from business_owner (unit 'Marketing Ops') to business_owner "
            "(unit 'Sales Ops')",
        )
    ]
