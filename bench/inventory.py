"""Inventory benchmarks on PostgreSQL: pagination depth, a 10 000-row import, report latency.

Starts the org and inventory services (uvicorn, one worker each) on a fresh PostgreSQL
database, seeds tools directly with bulk SQL where the API is not what is measured, and
calls the inventory service directly with a signed principal (the gateway hop is measured by
the suite, `python -m bench`). Writes bench/results/inventory.json and prints a Markdown table.

    .venv/bin/python bench/inventory.py [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.measure import results_path  # noqa: E402
from bench.stack import (  # noqa: E402
    DEFAULT_POSTGRES,
    headers_for,
    plain,
    services,
    timed,
    timed_side_by_side,
)
from mops_inventory.imports.parsing import COLUMNS  # noqa: E402
from mops_shared.kit.pagination import encode_cursor  # noqa: E402

CAPABILITIES = [f"Capability {i}" for i in range(40)]
CURRENCIES = ["USD", "EUR"]


async def seed_tools(url: str, tenant_id: uuid.UUID, count: int, prefix: str) -> None:
    """Tools with a capability, a contract and usage each, by COPY (the API is not measured)."""
    conn = await asyncpg.connect(plain(url))
    try:
        now = time.time()
        from datetime import UTC, date, datetime, timedelta

        stamp = datetime.fromtimestamp(now, UTC)
        capability_ids = {}
        for name in CAPABILITIES:
            capability_id = uuid.uuid4()
            capability_ids[name] = capability_id
            await conn.execute(
                "INSERT INTO capabilities (id, tenant_id, name, name_key, created_at) "
                "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                capability_id,
                tenant_id,
                name,
                name.casefold(),
                stamp,
            )
        rows = await conn.fetch(
            "SELECT name_key, id FROM capabilities WHERE tenant_id = $1", tenant_id
        )
        capability_ids = {r["name_key"]: r["id"] for r in rows}
        tools, caps, contracts, usage = [], [], [], []
        for i in range(count):
            tool_id = uuid.uuid4()
            name = f"{prefix} {i:06d}"
            status = "retired" if i % 20 == 0 else "active"
            tools.append(
                (
                    tool_id,
                    tenant_id,
                    name,
                    name.casefold(),
                    f"Vendor {i % 300}",
                    status,
                    stamp,
                    i % 3 != 0,
                    i % 2 == 0,
                    "[]",
                    "[]",
                    "{}",
                    1,
                    stamp + timedelta(microseconds=i),
                    stamp,
                )
            )
            caps.append((tenant_id, tool_id, capability_ids[CAPABILITIES[i % 40].casefold()], 0))
            contracts.append(
                (
                    uuid.uuid4(),
                    tenant_id,
                    tool_id,
                    100_000 + (i % 997) * 1000,
                    CURRENCIES[i % 2],
                    date(2027, 1 + i % 12, 1),
                    30,
                    False,
                    10 + i % 50,
                    1,
                    stamp,
                    stamp,
                )
            )
            usage.append((uuid.uuid4(), tenant_id, tool_id, date.today(), i % 50, stamp))
        await conn.copy_records_to_table(
            "tools",
            records=tools,
            columns=[
                "id",
                "tenant_id",
                "name",
                "name_key",
                "vendor",
                "status",
                "status_changed_at",
                "shares_data_with_core",
                "processes_personal_data",
                "personal_data_categories",
                "tags",
                "custom_fields",
                "version",
                "created_at",
                "updated_at",
            ],
        )
        await conn.copy_records_to_table(
            "tool_capabilities",
            records=caps,
            columns=["tenant_id", "tool_id", "capability_id", "position"],
        )
        await conn.copy_records_to_table(
            "contracts",
            records=contracts,
            columns=[
                "id",
                "tenant_id",
                "tool_id",
                "annual_cost_minor",
                "currency",
                "renewal_date",
                "notice_period_days",
                "auto_renew",
                "seats_purchased",
                "version",
                "created_at",
                "updated_at",
            ],
        )
        await conn.copy_records_to_table(
            "licence_usage",
            records=usage,
            columns=["id", "tenant_id", "tool_id", "as_of", "seats_active", "recorded_at"],
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def seed_links_and_outcomes(url: str, tenant_id: uuid.UUID) -> None:
    """What the stack reports read beyond tools and contracts: a core customer-data platform
    (5 tools), integrations (half the tools feed the one before them, a tenth feed a core tool)
    and three outcomes per tool over the last 200 days (a lead, an opportunity, a revenue)."""
    from datetime import UTC, datetime, timedelta

    conn = await asyncpg.connect(plain(url))
    try:
        stamp = datetime.now(UTC)
        rows = await conn.fetch(
            "SELECT t.id, c.currency FROM tools t JOIN contracts c ON c.tool_id = t.id "
            "WHERE t.tenant_id = $1 ORDER BY t.name_key",
            tenant_id,
        )
        tools = [(r["id"], r["currency"]) for r in rows]
        cdp = uuid.uuid4()
        await conn.execute(
            "INSERT INTO capabilities (id, tenant_id, name, name_key, created_at) "
            "VALUES ($1, $2, 'Customer data platform', 'customer data platform', $3)",
            cdp,
            tenant_id,
            stamp,
        )
        core = [tool_id for tool_id, _ in tools[1:100:20]]
        await conn.copy_records_to_table(
            "tool_capabilities",
            records=[(tenant_id, tool_id, cdp, 1) for tool_id in core],
            columns=["tenant_id", "tool_id", "capability_id", "position"],
        )
        edges = []
        for i, (tool_id, _) in enumerate(tools):
            if i % 2 == 1:
                edges.append((tools[i - 1][0], tool_id))
            if i % 10 == 3:
                edges.append((tool_id, core[i % len(core)]))
        await conn.copy_records_to_table(
            "integrations",
            records=[
                (uuid.uuid4(), tenant_id, source, target, "[]", "batch", "active", 1, stamp, stamp)
                for source, target in edges
            ],
            columns=[
                "id",
                "tenant_id",
                "source_tool_id",
                "target_tool_id",
                "data_carried",
                "sync_mode",
                "status",
                "version",
                "created_at",
                "updated_at",
            ],
        )
        outcomes = []
        for i, (tool_id, currency) in enumerate(tools):
            when = stamp - timedelta(days=i % 200)
            for kind, amount in (("lead", None), ("opportunity", None), ("revenue", 5000 + i)):
                outcomes.append(
                    (
                        uuid.uuid4(),
                        tenant_id,
                        tool_id,
                        kind,
                        1,
                        amount,
                        currency if amount else None,
                        when,
                        "import",
                        f"bench-{kind}-{i}",
                        "{}",
                        stamp,
                    )
                )
        await conn.copy_records_to_table(
            "outcomes",
            records=outcomes,
            columns=[
                "id",
                "tenant_id",
                "tool_id",
                "kind",
                "quantity",
                "amount_minor",
                "currency",
                "occurred_at",
                "source",
                "external_id",
                "attributes",
                "created_at",
            ],
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


def import_file(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for i in range(rows):
        integrations = f"Imported {i - 1:05d}" if i % 10 == 1 else ""
        writer.writerow(
            [
                f"Imported {i:05d}",
                f"Vendor {i % 200}",
                "Data",
                CAPABILITIES[i % 40],
                "",
                "",
                "active",
                str(1000 + i),
                "USD",
                "2027-06-30",
                "10",
                "7",
                "true",
                "false",
                integrations,
                "bench",
            ]
        )
    return out.getvalue().encode()


async def measure(
    base: str,
    database_url: str,
    rounds: int,
    only: set[str],
    *,
    tools: int = 100_000,
    rows: int = 10_000,
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=base, timeout=900) as client:
        if "pagination" in only:
            results["pagination_100k"] = await measure_pagination(
                client, database_url, rounds, tools
            )
        if "reports" in only:
            results["reports_10k_tools"] = await measure_reports(client, database_url, rounds)
        if "import" in only:
            results["import_10k_rows"] = await measure_import(client, rows)
    return results


async def measure_pagination(
    client: httpx.AsyncClient, database_url: str, rounds: int, tools: int
) -> dict[str, Any]:
    """Page 1 against the last page of 100 (page 1 000 at the default 100 000 tools)."""
    big = uuid.uuid4()
    await seed_tools(database_url, big, tools, "Tool")
    for n in range(100):  # 100 tenants of a hundredth of its size beside it
        await seed_tools(database_url, uuid.uuid4(), max(1, tools // 100), f"Other{n}")
    headers = headers_for(big)
    # The cursor of the last page is built from the row before it, as the server would build it.
    conn = await asyncpg.connect(plain(database_url))
    row = await conn.fetchrow(
        "SELECT id, name_key FROM tools WHERE tenant_id = $1 ORDER BY name_key, id "
        "OFFSET $2 LIMIT 1",
        big,
        tools - 101,
    )
    plan = await conn.fetch(
        "EXPLAIN SELECT * FROM tools WHERE tenant_id = $1 AND status = 'active' "
        "AND (name_key, id) > ($2, $3) ORDER BY name_key, id LIMIT 101",
        big,
        row["name_key"],
        row["id"],
    )
    await conn.close()
    from types import SimpleNamespace

    from mops_inventory.tools.repository import TOOL_SORTS

    cursor = encode_cursor(
        TOOL_SORTS["name"], SimpleNamespace(name_key=row["name_key"], id=row["id"])
    )
    first, deep, filtered = await timed_side_by_side(
        client,
        [
            "/v1/inventory/tools?limit=100",
            f"/v1/inventory/tools?limit=100&cursor={cursor}",
            f"/v1/inventory/tools?limit=100&status=active&cursor={cursor}",
        ],
        headers,
        rounds,
    )
    section = {
        "page_1": first,
        "page_1000": deep,
        "page_1000_filtered": filtered,
        "page_1000_over_page_1_p50": round(deep["p50_ms"] / first["p50_ms"], 3),
        "filtered_plan": [r[0] for r in plan],
    }
    print("pagination:", json.dumps(section), flush=True)
    return section


async def measure_reports(
    client: httpx.AsyncClient, database_url: str, rounds: int
) -> dict[str, Any]:
    tenant = uuid.uuid4()
    await seed_tools(database_url, tenant, 10_000, "Report")
    await seed_links_and_outcomes(database_url, tenant)
    report_headers = headers_for(tenant)
    reports = {}
    # Reports that list tools are measured at their default page (100 rows; 20 capabilities
    # with 10 tools each for redundancy) and at the largest page (1 000 rows; 200 x 200).
    for path in (
        "spend?by=category",
        "spend?by=capability",
        "spend?by=vendor",
        "spend?by=owner_unit",
        "spend?by=status",
        "renewals?within_days=90",
        "renewals?within_days=90&limit=1000",
        "redundancy",
        "redundancy?limit=200&tools_per_capability=200",
        "adoption",
        "adoption?limit=1000",
        "integration-coverage",
        "integration-coverage?limit=1000",
        "returns",
        "returns?limit=1000",
    ):
        reports[path] = await timed(
            client, f"/v1/inventory/reports/{path}", report_headers, max(5, rounds // 4)
        )
    conn = await asyncpg.connect(plain(database_url))
    tool_ids = [
        r["id"]
        for r in await conn.fetch(
            "SELECT id FROM tools WHERE tenant_id = $1 AND status = 'active' ORDER BY name_key",
            tenant,
        )
    ]
    await conn.close()
    # The busiest tool: a core platform that a tenth of the stack feeds.
    core = tool_ids[1]
    reports["tools/{core}/removal-impact"] = await timed(
        client, f"/v1/inventory/tools/{core}/removal-impact", report_headers, max(5, rounds // 4)
    )
    changes: list[dict[str, Any]] = [
        {"kind": "retire_tool", "stage": 1 + i % 4, "tool_id": str(tool_ids[10 + i])}
        for i in range(150)
    ] + [
        {
            "kind": "replace_tool",
            "stage": 1 + i % 4,
            "tool_id": str(tool_ids[200 + i]),
            "replacement_tool_id": str(tool_ids[400 + i]),
        }
        for i in range(50)
    ]
    created = await client.post(
        "/v1/inventory/scenarios",
        json={"name": "Bench target", "changes": changes},
        headers=report_headers,
    )
    assert created.status_code == 201, created.text[:500]
    reports["scenarios/{id}/diff (200 changes)"] = await timed(
        client,
        f"/v1/inventory/scenarios/{created.json()['id']}/diff",
        report_headers,
        max(5, rounds // 4),
    )
    print("reports:", json.dumps(reports), flush=True)
    return reports


async def measure_import(client: httpx.AsyncClient, rows: int) -> dict[str, Any]:
    importer = uuid.uuid4()
    body = import_file(rows)
    started = time.perf_counter()
    response = await client.post(
        "/v1/inventory/imports",
        content=body,
        headers={**headers_for(importer), "content-type": "text/csv"},
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text[:500]
    report = response.json()
    # The same file again: every row matches an existing tool and nothing changes.
    started = time.perf_counter()
    again = await client.post(
        "/v1/inventory/imports",
        content=body,
        headers={**headers_for(importer), "content-type": "text/csv"},
    )
    again_elapsed = time.perf_counter() - started
    assert again.status_code == 200, again.text[:500]
    # Every row changed (a new cost and seat count): the update path.
    changed = body.replace(b",USD,2027-06-30,10,", b",USD,2027-06-30,12,")
    started = time.perf_counter()
    updated = await client.post(
        "/v1/inventory/imports",
        content=changed,
        headers={**headers_for(importer), "content-type": "text/csv"},
    )
    updated_elapsed = time.perf_counter() - started
    assert updated.status_code == 200, updated.text[:500]
    figures = {
        "seconds": round(elapsed, 2),
        "created": report["created"],
        "integrations_created": report["integrations_created"],
        "reimport_seconds": round(again_elapsed, 2),
        "reimport_unchanged": again.json()["unchanged"],
        "update_seconds": round(updated_elapsed, 2),
        "update_updated": updated.json()["updated"],
    }
    print("import:", json.dumps(figures), flush=True)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--postgres",
        default=DEFAULT_POSTGRES,
    )
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--tools", type=int, default=100_000, help="tools of the paged tenant")
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the imported CSV")
    parser.add_argument(
        "--only",
        action="append",
        choices=["pagination", "reports", "import"],
        help="Measure only these (repeatable); default all.",
    )
    args = parser.parse_args()
    with services(args.postgres, ("inventory", "org")) as stack:
        results = asyncio.run(
            measure(
                stack.base_urls["inventory"],
                stack.database_urls["inventory"],
                args.rounds,
                set(args.only or ["pagination", "reports", "import"]),
                tools=args.tools,
                rows=args.rows,
            )
        )
    out = results_path("inventory.json")
    previous = json.loads(out.read_text()) if out.exists() else {}
    out.write_text(json.dumps(previous | results, indent=2) + "\n")
    print("| measure | p50 ms | p95 ms |")
    print("|---|---|---|")
    page = results.get("pagination_100k")
    if page:
        for label, key in (
            ("tools page 1 (100k tenant)", "page_1"),
            ("tools page 1 000", "page_1000"),
            ("tools page 1 000, status filter", "page_1000_filtered"),
        ):
            print(f"| {label} | {page[key]['p50_ms']} | {page[key]['p95_ms']} |")
    for path, figures in results.get("reports_10k_tools", {}).items():
        print(f"| report {path} (10k tools) | {figures['p50_ms']} | {figures['p95_ms']} |")
    if page:
        print(f"\npage 1 000 / page 1 (p50): {page['page_1000_over_page_1_p50']}")
        print("filtered page plan:\n  " + "\n  ".join(page["filtered_plan"]))
    if "import_10k_rows" in results:
        figures = results["import_10k_rows"]
        print(f"import of 10 000 rows: {figures['seconds']} s")
        print(f"re-import, nothing changed: {figures['reimport_seconds']} s")
        print(f"re-import, every row changed: {figures['update_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
