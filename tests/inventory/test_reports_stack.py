"""Stack reports: redundancy, integration coverage and removal impact.

The sample file is imported into a fresh tenant and each report is checked against figures
computed here, independently, from the file itself with the csv module.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.inventory.factories import add_contract, connect, create_tool, money_of
from tests.inventory.support import CSV, SAMPLE, sample_rows
from tests.support import ClientFactory, tenant_client, walk_pages

pytestmark = pytest.mark.asyncio

TOOLS = "/v1/inventory/tools"
REDUNDANCY = "/v1/inventory/reports/redundancy"
COVERAGE = "/v1/inventory/reports/integration-coverage"
PROBLEM = "application/problem+json"


# The file, read independently of the service


def by_name(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in rows}


def directed_edges(rows: list[dict[str, str]]) -> set[tuple[str, str]]:
    """(source, target) of every integration the file names between tools that are not retired
    (the file has no other status of integration than the import's `active`)."""
    status = {row["name"]: row["status"] for row in rows}
    return {
        (row["name"], target.strip())
        for row in rows
        for target in row["integrations"].split(";")
        if target.strip()
        and status[row["name"]] != "retired"
        and status[target.strip()] != "retired"
    }


def neighbours(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    around: dict[str, set[str]] = defaultdict(set)
    for source, target in directed_edges(rows):
        around[source].add(target)
        around[target].add(source)
    return around


def minor(row: dict[str, str]) -> int:
    return int(row["annual_cost"]) * 100  # the file's amounts are whole USD


def optional_int(text: str) -> int | None:
    return int(text) if text.strip() else None


# Helpers


async def import_sample(client: httpx.AsyncClient) -> dict[str, str]:
    """Imports the file into the client's tenant; the tool ids by name."""
    response = await client.post("/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV)
    assert response.status_code == 200, response.text
    return {t["name"]: t["id"] for t in await walk_pages(client, TOOLS, limit=200)}


def names(refs: list[dict[str, Any]]) -> list[str]:
    return [ref["name"] for ref in refs]


def sorted_by_name(items: set[str]) -> list[str]:
    return sorted(items, key=lambda name: (name.casefold(), name))


def money(amounts: dict[str, int]) -> list[dict[str, Any]]:
    return [{"amount_minor": amounts[c], "currency": c} for c in sorted(amounts)]


# Redundancy


async def test_redundancy_of_the_sample_file_matches_the_file(
    inventory_client: httpx.AsyncClient,
) -> None:
    ids = await import_sample(inventory_client)
    rows = sample_rows()
    served: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["status"] == "active":
            served[row["capability"]].append(row)
    redundant = {cap: tools for cap, tools in served.items() if len(tools) >= 2}
    assert len(served["Marketing automation"]) == 3
    # GA4 is active, Adobe Analytics sunsetting: sunsetting tools do not count.
    assert "Web analytics" not in redundant
    assert {r["status"] for r in rows if r["capability"] == "Web analytics"} == {
        "active",
        "sunsetting",
    }

    response = await inventory_client.get(REDUNDANCY)
    assert response.status_code == 200, response.text
    report = response.json()["capabilities"]

    assert {c["capability"] for c in report} == set(redundant)
    for entry in report:
        tools = redundant[entry["capability"]]
        combined = sum(minor(t) for t in tools)
        at_stake = combined - max(minor(t) for t in tools)
        assert entry["tool_count"] == len(tools)
        assert entry["combined_annual_cost"] == money({"USD": combined})
        assert entry["money_at_stake"] == money({"USD": at_stake})
        # The most expensive first, then by name.
        assert names(entry["tools"]) == [
            t["name"] for t in sorted(tools, key=lambda t: (-minor(t), t["name"].casefold()))
        ]
        for tool in entry["tools"]:
            row = by_name(rows)[tool["name"]]
            assert tool["id"] == ids[row["name"]]
            assert tool["annual_cost"] == money({"USD": minor(row)})
            assert tool["seats_active"] == optional_int(row["seats_active"])
            assert tool["seats_purchased"] == optional_int(row["seats_purchased"])
            assert (tool["seats_active_as_of"] is None) == (row["seats_active"] == "")
        for column in ("seats_active", "seats_purchased"):
            known = [v for v in (optional_int(t[column]) for t in tools) if v is not None]
            assert entry[column] == (sum(known) if known else None), column

    # Ranked by money at stake (one currency here), then by name.
    expected_order = sorted(
        redundant,
        key=lambda cap: (
            -(sum(minor(t) for t in redundant[cap]) - max(minor(t) for t in redundant[cap])),
            cap.casefold(),
        ),
    )
    assert [c["capability"] for c in report] == expected_order
    marketing = next(c for c in report if c["capability"] == "Marketing automation")
    assert marketing["money_at_stake"] == [{"amount_minor": 8_400_000, "currency": "USD"}]


async def test_redundancy_keeps_currencies_apart_and_ranks_in_major_units(
    inventory_client: httpx.AsyncClient,
) -> None:
    client = inventory_client
    a = await create_tool(client, "A", capabilities=["Email"])
    b = await create_tool(client, "B", capabilities=["Email"])
    c = await create_tool(client, "C", capabilities=["Webinars"])
    d = await create_tool(client, "D", capabilities=["Webinars"])
    e = await create_tool(client, "E", capabilities=["Webinars"], status="sunsetting")
    await create_tool(client, "Lonely", capabilities=["CRM"])
    await add_contract(client, a, annual_cost=money_of(100_000, "USD"), seats_purchased=10)
    await add_contract(client, b, annual_cost=money_of(60_000, "USD"), seats_purchased=5)
    await add_contract(client, b, annual_cost=money_of(20_000, "USD"))
    await add_contract(client, b, annual_cost=money_of(5_000, "EUR"))
    await add_contract(client, c, annual_cost=money_of(100_000, "JPY"))
    await add_contract(client, d, annual_cost=money_of(50_000, "JPY"))
    await add_contract(client, e, annual_cost=money_of(9_999_999, "JPY"))
    for as_of, seats in (("2026-01-01", 3), ("2026-06-01", 7), ("2025-12-01", 1)):
        response = await client.post(
            f"{TOOLS}/{a}/licence-usage", json={"as_of": as_of, "seats_active": seats}
        )
        assert response.status_code == 201, response.text

    report = (await client.get(REDUNDANCY)).json()["capabilities"]

    # Webinars: ¥50 000 at stake beats Email's $800.00 (compared in major units, not minor).
    assert [c["capability"] for c in report] == ["Webinars", "Email"]
    webinars, email = report
    assert names(webinars["tools"]) == ["C", "D"]  # E is sunsetting
    assert webinars["money_at_stake"] == money({"JPY": 50_000})
    assert email["combined_annual_cost"] == money({"EUR": 5_000, "USD": 180_000})
    assert email["money_at_stake"] == money({"EUR": 0, "USD": 80_000})
    tool_a, tool_b = email["tools"]
    assert tool_b["annual_cost"] == money({"EUR": 5_000, "USD": 80_000})
    assert (tool_a["seats_active"], tool_a["seats_active_as_of"]) == (7, "2026-06-01")
    assert (tool_a["seats_purchased"], tool_b["seats_purchased"]) == (10, 5)
    assert tool_b["seats_active"] is None
    assert (email["seats_active"], email["seats_purchased"]) == (7, 15)
    assert webinars["seats_purchased"] is None


# Integration coverage


async def test_integration_coverage_of_the_sample_file_matches_the_file(
    inventory_client: httpx.AsyncClient,
) -> None:
    ids = await import_sample(inventory_client)
    rows = sample_rows()
    active = {r["name"] for r in rows if r["status"] == "active"}
    around = neighbours(rows)
    core = {
        r["name"]
        for r in rows
        if r["status"] == "active" and r["capability"].casefold() == "customer data platform"
    }
    assert core == {"Segment"}
    integrated = {name for name in active if around[name]}
    connected = {name for name in active - core if around[name] & core}

    response = await inventory_client.get(COVERAGE)
    assert response.status_code == 200, response.text
    report = response.json()

    assert report["core_tools"] == [{"id": ids["Segment"], "name": "Segment"}]
    assert report["core_tools_chosen_by"] == "capability"
    assert report["active_tool_count"] == len(active)
    assert report["integrated_tool_count"] == len(integrated)
    assert report["integrated_share"] == round(len(integrated) / len(active), 4)
    assert report["non_core_active_tool_count"] == len(active - core)
    assert report["connected_to_core_count"] == len(connected)
    assert report["connected_to_core_share"] == round(len(connected) / len(active - core), 4)
    assert names(report["not_integrated"]) == sorted_by_name(active - integrated)
    assert names(report["not_connected_to_core"]) == sorted_by_name(active - core - connected)
    assert names(report["not_sharing_data_with_core"]) == sorted_by_name(
        {
            r["name"]
            for r in rows
            if r["status"] == "active" and r["shares_data_with_core"] == "false"
        }
    )
    assert names(report["core_data_sharing_unknown"]) == sorted_by_name(
        {r["name"] for r in rows if r["status"] == "active" and r["shares_data_with_core"] == ""}
    )
    for ref in report["not_integrated"] + report["not_connected_to_core"]:
        assert ref["id"] == ids[ref["name"]]
    # A few the file makes plain: Mailchimp has no integration; Zendesk talks to the CRM only.
    assert "Mailchimp" in names(report["not_integrated"])
    assert "Zendesk" in names(report["not_connected_to_core"])
    assert "Salesforce Sales Cloud" not in names(report["not_connected_to_core"])


async def test_integration_coverage_against_requested_core_tools(
    inventory_client: httpx.AsyncClient,
) -> None:
    ids = await import_sample(inventory_client)
    rows = sample_rows()
    active = {r["name"] for r in rows if r["status"] == "active"}
    around = neighbours(rows)
    core = {"Salesforce Sales Cloud", "Snowflake"}

    response = await inventory_client.get(
        COVERAGE, params=[("core_tool_id", ids[name]) for name in sorted(core)]
    )
    assert response.status_code == 200, response.text
    report = response.json()

    assert names(report["core_tools"]) == sorted_by_name(core)
    assert report["core_tools_chosen_by"] == "request"
    connected = {name for name in active - core if around[name] & core}
    assert names(report["not_connected_to_core"]) == sorted_by_name(active - core - connected)
    assert report["connected_to_core_count"] == len(connected)


async def test_unknown_or_foreign_core_tools_are_refused(
    inventory_client: httpx.AsyncClient, anonymous_client_factory: ClientFactory
) -> None:
    own = await create_tool(inventory_client, "Own")
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        foreign = await create_tool(other, "Foreign")

    response = await inventory_client.get(
        COVERAGE,
        params=[
            ("core_tool_id", own),
            ("core_tool_id", foreign),
            ("core_tool_id", str(uuid.uuid4())),
        ],
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    assert [e["pointer"] for e in response.json()["errors"]] == [
        "/core_tool_id/1",
        "/core_tool_id/2",
    ]
    assert {e["location"] for e in response.json()["errors"]} == {"query"}

    malformed = await inventory_client.get(COVERAGE, params={"core_tool_id": "nope"})
    assert malformed.status_code == 422
    assert malformed.headers["content-type"].startswith(PROBLEM)


async def test_only_live_integrations_count(inventory_client: httpx.AsyncClient) -> None:
    """Planned, broken and retired edges carry no data, nor do edges to a retired tool."""
    client = inventory_client
    cdp = await create_tool(client, "The CDP", capabilities=["customer DATA platform"])
    crm = await create_tool(client, "CRM", shares_data_with_core=True)
    planned = await create_tool(client, "Planned", shares_data_with_core=False)
    to_retired = await create_tool(client, "Talks to retired")
    retired = await create_tool(client, "Old", status="retired")
    await create_tool(client, "Evaluating", status="evaluating")
    await connect(client, crm, cdp)
    await connect(client, planned, cdp, status="planned")
    await connect(client, cdp, planned, status="broken")
    await connect(client, to_retired, retired)

    report = (await client.get(COVERAGE)).json()

    assert names(report["core_tools"]) == ["The CDP"]
    assert report["active_tool_count"] == 4
    assert names(report["not_integrated"]) == ["Planned", "Talks to retired"]
    assert report["integrated_share"] == 0.5
    assert names(report["not_connected_to_core"]) == ["Planned", "Talks to retired"]
    assert (report["non_core_active_tool_count"], report["connected_to_core_count"]) == (3, 1)
    assert report["connected_to_core_share"] == round(1 / 3, 4)
    assert names(report["not_sharing_data_with_core"]) == ["Planned"]
    assert names(report["core_data_sharing_unknown"]) == ["Talks to retired", "The CDP"]


async def test_coverage_of_an_empty_tenant(inventory_client: httpx.AsyncClient) -> None:
    report = (await inventory_client.get(COVERAGE)).json()
    assert report["core_tools"] == []
    assert report["active_tool_count"] == 0
    assert report["integrated_share"] is None
    assert report["connected_to_core_share"] is None


# Removal impact


@pytest.mark.parametrize("removed", ["Salesforce Sales Cloud", "Segment"])
async def test_removal_impact_of_a_sample_tool_matches_the_file(
    inventory_client: httpx.AsyncClient, removed: str
) -> None:
    ids = await import_sample(inventory_client)
    rows = sample_rows()
    edges = directed_edges(rows)
    touching = {(s, t) for s, t in edges if removed in (s, t)}
    expected = {("outgoing", t) if s == removed else ("incoming", s) for s, t in touching}
    around = neighbours(rows)
    isolated = {
        name
        for name, near in around.items()
        if name != removed and near == {removed} and by_name(rows)[name]["status"] != "retired"
    }

    response = await inventory_client.get(f"{TOOLS}/{ids[removed]}/removal-impact")
    assert response.status_code == 200, response.text
    impact = response.json()

    assert impact["tool"] == {"id": ids[removed], "name": removed}
    assert impact["status"] == "active"
    assert impact["broken_integration_count"] == len(touching)
    broken = {(e["direction"], e["other_tool"]["name"]) for e in impact["broken_integrations"]}
    assert broken == expected
    assert len(impact["broken_integrations"]) == len(touching)
    for edge in impact["broken_integrations"]:
        assert edge["other_tool"]["id"] == ids[edge["other_tool"]["name"]]
        assert edge["other_tool_status"] == by_name(rows)[edge["other_tool"]["name"]]["status"]
    assert names(impact["isolated_tools"]) == sorted_by_name(isolated)
    if removed == "Salesforce Sales Cloud":
        assert {"Outreach", "Gong", "Vidyard"} <= isolated  # they talk to the CRM only
        assert "Zendesk" not in isolated  # Shopify Plus still feeds it


async def test_removal_impact_counts_live_edges_only(inventory_client: httpx.AsyncClient) -> None:
    client = inventory_client
    hub = await create_tool(client, "Hub")
    spoke = await create_tool(client, "Spoke")
    both_ways = await create_tool(client, "Both ways")
    shared = await create_tool(client, "Shared")
    other = await create_tool(client, "Other")
    planned = await create_tool(client, "Planned only")
    retired = await create_tool(client, "Retired", status="retired")
    to_hub = await connect(client, spoke, hub)
    out = await connect(client, hub, both_ways)
    back = await connect(client, both_ways, hub)
    await connect(client, hub, shared)
    await connect(client, shared, other)
    await connect(client, planned, hub, status="planned")
    await connect(client, retired, hub)
    await connect(client, spoke, other, status="broken")

    impact = (await client.get(f"{TOOLS}/{hub}/removal-impact")).json()

    assert [
        (e["other_tool"]["name"], e["direction"], e["integration_id"])
        for e in impact["broken_integrations"]
        if e["other_tool"]["name"] != "Shared"
    ] == [
        ("Both ways", "outgoing", out),
        ("Both ways", "incoming", back),
        ("Spoke", "incoming", to_hub),
    ]
    assert impact["broken_integration_count"] == 4
    assert names(impact["isolated_tools"]) == ["Both ways", "Spoke"]
    assert impact["broken_integrations"][0]["sync_mode"] == "batch"

    retired_impact = (await client.get(f"{TOOLS}/{retired}/removal-impact")).json()
    assert retired_impact["status"] == "retired"
    assert retired_impact["broken_integrations"] == []
    assert retired_impact["isolated_tools"] == []


async def test_removal_impact_of_an_unknown_or_foreign_tool_is_404(
    inventory_client: httpx.AsyncClient, anonymous_client_factory: ClientFactory
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        foreign = await create_tool(other, "Theirs")
    for tool_id in (foreign, str(uuid.uuid4())):
        response = await inventory_client.get(f"{TOOLS}/{tool_id}/removal-impact")
        assert response.status_code == 404
        assert response.headers["content-type"].startswith(PROBLEM)
        assert response.json()["status"] == 404
    malformed = await inventory_client.get(f"{TOOLS}/not-a-uuid/removal-impact")
    assert malformed.status_code == 422


# Tenants, access, query counts


async def test_reports_see_only_the_callers_tenant(
    inventory_client: httpx.AsyncClient, anonymous_client_factory: ClientFactory
) -> None:
    ids = await import_sample(inventory_client)
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        assert (await other.get(REDUNDANCY)).json() == {"capabilities": [], "next_cursor": None}
        coverage = (await other.get(COVERAGE)).json()
        assert (coverage["active_tool_count"], coverage["core_tools"]) == (0, [])
        mine = await create_tool(other, "Marketo Engage", capabilities=["Marketing automation"])
        await create_tool(other, "Mine too", capabilities=["Marketing automation"])
        segment = await create_tool(other, "Segment", capabilities=["Customer data platform"])
        await connect(other, mine, segment)

        redundancy = (await other.get(REDUNDANCY)).json()["capabilities"]
        assert [(c["capability"], names(c["tools"])) for c in redundancy] == [
            ("Marketing automation", ["Marketo Engage", "Mine too"])
        ]
        assert redundancy[0]["combined_annual_cost"] == []
        coverage = (await other.get(COVERAGE)).json()
        assert coverage["core_tools"] == [{"id": segment, "name": "Segment"}]
        assert coverage["active_tool_count"] == 3
        assert names(coverage["not_integrated"]) == ["Mine too"]
        impact = (await other.get(f"{TOOLS}/{segment}/removal-impact")).json()
        assert names(impact["isolated_tools"]) == ["Marketo Engage"]
        assert impact["broken_integration_count"] == 1
        refused = await other.get(f"{TOOLS}/{ids['Segment']}/removal-impact")
        assert refused.status_code == 404

    # And the first tenant's reports are untouched by the second's tools.
    coverage = (await inventory_client.get(COVERAGE)).json()
    assert coverage["core_tools"] == [{"id": ids["Segment"], "name": "Segment"}]
    assert coverage["active_tool_count"] == sum(r["status"] == "active" for r in sample_rows())


async def test_reports_need_a_principal_with_the_read_scope(
    anonymous_client_factory: ClientFactory,
) -> None:
    urls = [REDUNDANCY, COVERAGE, f"{TOOLS}/{uuid.uuid4()}/removal-impact"]
    async with anonymous_client_factory("inventory") as anonymous:
        for url in urls:
            response = await anonymous.get(url)
            assert response.status_code == 401
            assert response.headers["content-type"].startswith(PROBLEM)
    async with tenant_client(
        anonymous_client_factory, "inventory", scopes=frozenset({"org:read"})
    ) as wrong_scope:
        for url in urls:
            assert (await wrong_scope.get(url)).status_code == 403


async def test_reports_cost_the_same_number_of_queries_whatever_the_tenant_size(
    inventory_client: httpx.AsyncClient,
    anonymous_client_factory: ClientFactory,
    statements: list[str],
) -> None:
    ids = await import_sample(inventory_client)
    async with tenant_client(anonymous_client_factory, "inventory") as small:
        cdp = await create_tool(small, "CDP", capabilities=["Customer data platform"])
        one = await create_tool(small, "One", capabilities=["Email"])
        two = await create_tool(small, "Two", capabilities=["Email"])
        await add_contract(small, one, annual_cost=money_of(100, "USD"))
        await connect(small, one, cdp)
        await connect(small, two, one)

        async def count(client: httpx.AsyncClient, url: str) -> int:
            statements.clear()
            response = await client.get(url)
            assert response.status_code == 200, response.text
            return len(statements)

        for url in (REDUNDANCY, COVERAGE):
            assert await count(small, url) == await count(inventory_client, url), url
        small_impact = await count(small, f"{TOOLS}/{cdp}/removal-impact")
        big_impact = await count(
            inventory_client, f"{TOOLS}/{ids['Salesforce Sales Cloud']}/removal-impact"
        )
        assert small_impact == big_impact
    assert await count(inventory_client, REDUNDANCY) <= 5  # with SET LOCAL on PostgreSQL
    assert await count(inventory_client, COVERAGE) <= 3
    assert big_impact <= 3


async def test_reports_are_in_the_openapi_document(app: FastAPI) -> None:
    operations = {
        op["operationId"]: op
        for path in app.openapi()["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    expected = {
        "inventory_get_redundancy_report": "RedundancyReport",
        "inventory_get_integration_coverage_report": "IntegrationCoverageReport",
        "inventory_get_tool_removal_impact": "ToolRemovalImpact",
    }
    for operation_id, schema in expected.items():
        op = operations[operation_id]
        assert op["tags"] == ["inventory"]
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{schema}"}
        assert {"401", "403", "422"} <= set(op["responses"])
        assert op["description"]
    assert "404" in operations["inventory_get_tool_removal_impact"]["responses"]
