"""The evidence report: every inventory figure the scoring service needs, in one call.

The sample files are imported into a fresh tenant (the organisation first, so that the tools'
owner units resolve) and every figure is checked against values computed here, independently,
from the files themselves. What the file cannot say (outcomes, dated history, several
currencies, several capabilities per tool) is checked on a small tenant built through the API.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections import defaultdict
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlmodel import col

from mops_inventory.tools.models import Tool, ToolStatusChange
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.reports_evidence import InventoryEvidence
from mops_shared.kit.auth import Principal
from tests.inventory.factories import add_contract, connect, create_tool, money_of
from tests.inventory.support import CSV, SAMPLE, sample_rows, signed
from tests.support import (
    SAMPLES,
    TEST_SECRET,
    ClientFactory,
    assert_problem,
    new_principal,
    tenant_client,
    walk_pages,
)

pytestmark = pytest.mark.asyncio

ORG_SAMPLE = SAMPLES / "org_sample.json"
TOOLS = "/v1/inventory/tools"
EVIDENCE = "/v1/inventory/reports/evidence"

# The capabilities of the sample file that are citizen development (low-code, no-code, aPaaS,
# CMS, integration platform), chosen by reading the file.
SAMPLE_CITIZEN_CAPABILITIES = {"Headless CMS", "Web CMS", "iPaaS / citizen integration"}


# The files, read independently of the service


def minor(row: dict[str, str]) -> int:
    return int(Decimal(row["annual_cost"]) * 100)  # the file is in USD, 2 decimals


def seats(text: str) -> int:
    return int(text) if text.strip() else 0


def capabilities(row: dict[str, str]) -> list[str]:
    return [c.strip() for c in row["capability"].split(";") if c.strip()]


def expected_from_the_sample() -> dict[str, Any]:
    """Every figure but the per-unit rows, from the CSV (and the org file for owners)."""
    rows = sample_rows()
    org = json.loads(ORG_SAMPLE.read_text())
    units = {unit["name"].casefold() for unit in org["units"]}
    emails = {person["email"].casefold() for person in org["people"]}
    active = [row for row in rows if row["status"] == "active"]
    names = {row["name"] for row in active}
    assert {row["currency"] for row in active if row["annual_cost"]} == {"USD"}
    costed = [row for row in active if row["annual_cost"] and row["currency"]]

    holders: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in active:
        for capability in capabilities(row):
            holders[capability.casefold()].append(row)
    duplicated = {c: tools for c, tools in holders.items() if len(tools) >= 2}
    # One capability per tool in the file: the cost beyond the cheapest, per capability.
    assert all(len(capabilities(row)) == 1 for row in rows)
    redundant = sum(
        sum(minor(t) for t in tools) - min(minor(t) for t in tools) for tools in duplicated.values()
    )
    beyond_main = sum(
        sum(minor(t) for t in tools) - max(minor(t) for t in tools) for tools in duplicated.values()
    )

    around: dict[str, set[str]] = defaultdict(set)
    for row in active:
        for target in filter(None, (t.strip() for t in row["integrations"].split(";"))):
            if target in names and target != row["name"]:
                around[row["name"]].add(target)
                around[target].add(row["name"])
    cdp = {row["name"] for row in active if "customer data platform" in holders_of(row)}
    personal = [row for row in active if row["processes_personal_data"] == "true"]
    citizen = [row for row in active if set(capabilities(row)) & SAMPLE_CITIZEN_CAPABILITIES]
    return {
        "currency": "USD",
        "active_tools": len(active),
        "annual_spend_minor": sum(minor(row) for row in costed),
        "tools_costed_in_other_currencies": 0,
        "tools_without_cost": len(active) - len(costed),
        "unowned_tools": sum(
            1
            for row in active
            if row["owner_unit"].casefold() not in units
            and row["business_owner"].casefold() not in emails
        ),
        "duplicated_capabilities": len(duplicated),
        "capabilities_held": len(holders),
        "redundant_spend_minor": redundant,
        "redundant_spend_beyond_main_minor": beyond_main,
        "has_customer_data_platform": bool(cdp),
        "personal_data_tools": len(personal),
        "personal_data_tools_integrated_with_cdp": sum(
            1 for row in personal if row["name"] in cdp or around[row["name"]] & cdp
        ),
        "integrated_tools": sum(1 for row in active if around[row["name"]]),
        "citizen_tools": len(citizen),
        "citizen_seats_used": sum(seats(row["seats_active"]) for row in citizen),
        "citizen_seats_paid": sum(seats(row["seats_purchased"]) for row in citizen),
        # The file says when no tool came into use, and the import recording the whole stack
        # today is not that day; a tool imported as retired was not seen retiring.
        "added_last_12_months": 0,
        "active_tools_undated": len(active),
        "retired_last_12_months": 0,
        "measured_spend_minor": 0,  # the file records no outcome
    }


def holders_of(row: dict[str, str]) -> set[str]:
    return {c.casefold() for c in capabilities(row)}


def expected_units(unit_ids: dict[str, str]) -> list[dict[str, Any]]:
    """Per owner unit of the file (one per row, so the row's unit is the tool's first)."""
    found: dict[str, dict[str, Any]] = {}
    for row in sample_rows():
        if row["status"] != "active" or not row["owner_unit"]:
            continue
        unit_id = unit_ids[row["owner_unit"]]
        unit = found.setdefault(
            unit_id,
            {
                "unit_id": unit_id,
                "active_tools": 0,
                "annual_spend_minor": 0,
                "tools_sharing_with_core": 0,
            },
        )
        unit["active_tools"] += 1
        unit["annual_spend_minor"] += minor(row) if row["annual_cost"] else 0
        unit["tools_sharing_with_core"] += row["shares_data_with_core"] == "true"
    # Canonical UUID strings sort as the UUIDs do.
    return [found[unit_id] for unit_id in sorted(found)]


# Helpers


async def import_samples(factory: ClientFactory, principal: Principal) -> dict[str, str]:
    """Imports the organisation, then the inventory file, into the principal's tenant; the
    org unit ids by name."""
    async with signed(factory, "org", principal) as org:
        response = await org.post("/v1/org/imports", json=json.loads(ORG_SAMPLE.read_text()))
        assert response.status_code == 200, response.text
        units = {u["name"]: u["id"] for u in await walk_pages(org, "/v1/org/units", limit=200)}
    async with signed(factory, "inventory", principal) as inventory:
        response = await inventory.post(
            "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV
        )
        assert response.status_code == 200, response.text
        assert response.json()["failed"] == 0
    return units


async def record_usage(client: httpx.AsyncClient, tool_id: str, as_of: str, seats: int) -> None:
    response = await client.post(
        f"{TOOLS}/{tool_id}/licence-usage", json={"as_of": as_of, "seats_active": seats}
    )
    assert response.status_code == 201, response.text


async def record_outcome(client: httpx.AsyncClient, tool_id: str, occurred_at: datetime) -> None:
    response = await client.post(
        "/v1/inventory/outcomes",
        json={"tool_id": tool_id, "kind": "lead", "occurred_at": occurred_at.isoformat()},
    )
    assert response.status_code == 201, response.text


async def evidence(client: httpx.AsyncClient, **params: str) -> dict[str, Any]:
    response = await client.get(EVIDENCE, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def figures(body: dict[str, Any]) -> dict[str, Any]:
    """The body without `as_of` (the moment of the call) nor the per-unit rows."""
    return {k: v for k, v in body.items() if k not in ("as_of", "by_owner_unit")}


# The sample file


async def test_every_figure_of_the_sample_matches_the_files(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    units = await import_samples(anonymous_client_factory, principal)
    before = datetime.now(UTC)
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        body = await evidence(client)

    assert figures(body) == expected_from_the_sample()
    assert body["by_owner_unit"] == expected_units(units)
    assert before <= datetime.fromisoformat(body["as_of"]) <= datetime.now(UTC)
    # A few figures the file makes plain, in case the computation above shared a mistake.
    assert body["active_tools"] == 54  # 57 rows: one retired, one sunsetting, one evaluating
    assert body["duplicated_capabilities"] == 12  # not Web analytics: its second tool is sunsetting
    assert body["citizen_tools"] == 4  # Contentful, WordPress VIP, Adobe Experience Manager, Zapier
    assert body["unowned_tools"] == 0
    assert sum(u["active_tools"] for u in body["by_owner_unit"]) == 54


async def test_without_the_organisation_every_sample_tool_is_unowned(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.post(
        "/v1/inventory/imports", content=SAMPLE.read_bytes(), headers=CSV
    )
    assert response.status_code == 200, response.text
    body = await evidence(inventory_client)
    active = sum(1 for row in sample_rows() if row["status"] == "active")
    assert body["unowned_tools"] == active
    assert body["by_owner_unit"] == []
    assert body["active_tools"] == active


# A tenant built for the figures the file cannot show


async def build_stack(factory: ClientFactory, principal: Principal, app: FastAPI) -> dict[str, str]:
    async with signed(factory, "org", principal) as org:
        ops = (await org.post("/v1/org/units", json={"name": "Ops", "type": "team"})).json()["id"]
        emea = (await org.post("/v1/org/units", json={"name": "EMEA", "type": "region"})).json()[
            "id"
        ]
        ada = (
            await org.post("/v1/org/people", json={"name": "Ada", "email": "ada@acme.example"})
        ).json()["id"]
    bo, tech = "business_owner", "technical_owner"
    ids = {"ops": ops, "emea": emea}
    async with signed(factory, "inventory", principal) as client:
        today = datetime.now(UTC).date()
        ids["Segment"] = await create_tool(
            client,
            "Segment",
            in_use_since=(today - timedelta(days=30)).isoformat(),
            capabilities=["Customer DATA platform"],
            processes_personal_data=True,
            shares_data_with_core=True,
            owners=[{"role": bo, "unit_id": ops}],
        )
        ids["CRM"] = await create_tool(
            client,
            "CRM",
            in_use_since=(today - timedelta(days=400)).isoformat(),
            capabilities=["CRM", "Email"],
            processes_personal_data=True,
            shares_data_with_core=True,
            owners=[{"role": bo, "person_id": ada}, {"role": tech, "unit_id": emea}],
        )
        ids["Mailer"] = await create_tool(
            client,
            "Mailer",
            capabilities=["Email"],
            processes_personal_data=True,
            shares_data_with_core=False,
            owners=[{"role": bo, "unit_id": ops}, {"role": tech, "unit_id": emea}],
        )
        ids["Forms"] = await create_tool(
            client,
            "Forms",
            in_use_since=(today + timedelta(days=10)).isoformat(),  # a go-live to come
            capabilities=["Email", "Low-Code apps"],
            processes_personal_data=True,
        )
        ids["Site"] = await create_tool(
            client,
            "Site",
            in_use_since=(today - timedelta(days=364)).isoformat(),  # the first day counted
            capabilities=["Web CMS"],
            shares_data_with_core=True,
            owners=[{"role": bo, "unit_id": emea}],
        )
        ids["Euro only"] = await create_tool(client, "Euro only", capabilities=["CRM"])
        ids["Mailer 2"] = await create_tool(
            client, "Mailer 2", capabilities=["Email"], owners=[{"role": bo, "person_id": ada}]
        )
        ids["Suite"] = await create_tool(
            client,
            "Suite",
            in_use_since=(today - timedelta(days=365)).isoformat(),  # the day before
            capabilities=["Email", "CRM"],
            owners=[{"role": tech, "unit_id": ops}],
        )
        ids["Trial"] = await create_tool(
            client,
            "Trial",
            in_use_since=(today - timedelta(days=5)).isoformat(),
            status="evaluating",
            capabilities=["Email"],
            processes_personal_data=True,
            owners=[{"role": bo, "unit_id": ops}],
        )
        ids["Old"] = await create_tool(client, "Old", capabilities=["Email"])
        response = await client.patch(f"{TOOLS}/{ids['Old']}", json={"status": "retired"})
        assert response.status_code == 200, response.text
        ids["Ancient"] = await create_tool(client, "Ancient", status="retired")
        ids["Sunset"] = await create_tool(
            client,
            "Sunset",
            status="sunsetting",
            capabilities=["Web CMS"],
            owners=[{"role": bo, "unit_id": emea}],
        )

        for name, amount, currency in (
            ("Segment", 1_000, "USD"),
            ("CRM", 5_000, "USD"),
            ("CRM", 200, "EUR"),
            ("Mailer", 3_000, "USD"),
            ("Euro only", 900, "EUR"),
            ("Mailer 2", 3_500, "USD"),
            ("Suite", 6_000, "USD"),
            ("Trial", 99_999, "USD"),
            ("Old", 50_000, "USD"),
            ("Sunset", 777, "USD"),
        ):
            await add_contract(client, ids[name], annual_cost=money_of(amount, currency))
        # Dated by its contracts, the earliest start first; CRM's own date wins over its
        # contract's.
        await add_contract(
            client,
            ids["Mailer"],
            annual_cost=money_of(0, "USD"),
            term_start=(today - timedelta(days=100)).isoformat(),
        )
        await add_contract(
            client,
            ids["Mailer"],
            annual_cost=money_of(0, "USD"),
            term_start=(today - timedelta(days=20)).isoformat(),
        )
        await add_contract(
            client,
            ids["CRM"],
            annual_cost=money_of(0, "USD"),
            term_start=(today - timedelta(days=10)).isoformat(),
        )
        await add_contract(
            client, ids["Forms"], annual_cost=money_of(4_000, "USD"), seats_purchased=10
        )
        await add_contract(
            client, ids["Sunset"], annual_cost=money_of(1, "USD"), seats_purchased=50
        )
        await record_usage(client, ids["Forms"], "2026-01-01", 9)
        await record_usage(client, ids["Forms"], "2026-03-01", 6)  # the latest
        await record_usage(client, ids["Site"], "2026-02-01", 3)
        await record_usage(client, ids["Sunset"], "2026-02-01", 40)

        await connect(client, ids["CRM"], ids["Segment"])
        await connect(client, ids["Mailer"], ids["Segment"], status="planned")
        await connect(client, ids["Mailer"], ids["CRM"])
        await connect(client, ids["Forms"], ids["Old"])  # retired at the other end
        await connect(client, ids["Trial"], ids["Forms"])  # evaluating at the other end
        await connect(client, ids["Segment"], ids["Euro only"])
        await connect(client, ids["Sunset"], ids["Suite"])  # sunsetting at the other end

        since = datetime.combine(today - timedelta(days=364), time(), tzinfo=UTC)
        await record_outcome(client, ids["CRM"], datetime.now(UTC) - timedelta(days=10))
        await record_outcome(client, ids["Forms"], since + timedelta(minutes=30))
        await record_outcome(client, ids["Mailer 2"], since - timedelta(minutes=30))
        await record_outcome(client, ids["Mailer"], datetime.now(UTC) - timedelta(days=400))
        await record_outcome(
            client, ids["Segment"], datetime.combine(today + timedelta(days=2), time(), UTC)
        )
        await record_outcome(client, ids["Sunset"], datetime.now(UTC) - timedelta(days=1))

    # History older than a year: Ancient was added and retired long ago.
    long_ago = datetime.now(UTC) - timedelta(days=400)
    ancient = uuid.UUID(ids["Ancient"])
    async with app.state.sessionmaker() as session:
        await session.execute(
            update(Tool).where(col(Tool.id) == ancient).values(created_at=long_ago)
        )
        await session.execute(
            update(ToolStatusChange)
            .where(col(ToolStatusChange.tool_id) == ancient)
            .values(changed_at=long_ago)
        )
        await session.commit()
    return ids


async def test_every_figure_of_a_built_tenant(
    anonymous_client_factory: ClientFactory, app: FastAPI
) -> None:
    principal = new_principal()
    ids = await build_stack(anonymous_client_factory, principal, app)
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        body = await evidence(client)

    assert figures(body) == {
        "currency": "USD",  # 6 active tools have a USD contract, 2 a EUR one
        "active_tools": 8,
        "annual_spend_minor": 1_000 + 5_000 + 3_000 + 4_000 + 3_500 + 6_000,
        "tools_costed_in_other_currencies": 2,  # CRM (USD too) and Euro only
        "tools_without_cost": 1,  # Site
        "unowned_tools": 2,  # Forms and Euro only; Mailer 2 has a person
        # Email (CRM, Mailer, Forms, Mailer 2, Suite) and CRM (CRM, Euro only, Suite).
        "duplicated_capabilities": 2,
        # Customer data platform, CRM, Email, Low-Code apps, Web CMS (Trial's Email is not
        # active, Sunset's Web CMS neither, but Site's is).
        "capabilities_held": 5,
        # Email ranks Mailer 3 000, Mailer 2 3 500, Forms 4 000, CRM 5 000, Suite 6 000; CRM
        # ranks CRM 5 000, Suite 6 000 (Euro only has no USD). CRM, Forms (Low-Code apps) and
        # Mailer each come first somewhere: Mailer 2 and Suite are redundant, Suite once.
        "redundant_spend_minor": 3_500 + 6_000,
        # Most expensive first, Suite leads Email (6 000) and CRM (6 000 over CRM's 5 000);
        # Forms leads Low-Code apps and Segment its own: Mailer, Mailer 2 and CRM are at stake.
        "redundant_spend_beyond_main_minor": 3_000 + 3_500 + 5_000,
        "has_customer_data_platform": True,
        "personal_data_tools": 4,  # Segment, CRM, Mailer, Forms (Trial is evaluating)
        "personal_data_tools_integrated_with_cdp": 2,  # Segment itself, CRM; Mailer's is planned
        "integrated_tools": 4,  # Segment, CRM, Mailer, Euro only
        "citizen_tools": 2,  # Forms (Low-Code apps) and Site (Web CMS); Sunset is not active
        "citizen_seats_used": 6 + 3,
        "citizen_seats_paid": 10,
        # By in_use_since: Segment, Site (364 days ago), Trial; not CRM (400 days, whatever
        # its contract says), Suite (365 days) nor Forms (to come). By the earliest contract
        # start: Mailer (100 days). Nothing by the day a tool was recorded.
        "added_last_12_months": 4,
        "active_tools_undated": 2,  # Euro only, Mailer 2
        # Old, patched from active; not Ancient, recorded as retired from the start.
        "retired_last_12_months": 1,
        "measured_spend_minor": 5_000 + 4_000,  # CRM, and Forms half an hour into the period
    }
    assert body["by_owner_unit"] == sorted(
        [
            {
                "unit_id": ids["ops"],  # Segment, Mailer (its first unit), Suite
                "active_tools": 3,
                "annual_spend_minor": 1_000 + 3_000 + 6_000,
                "tools_sharing_with_core": 1,
            },
            {
                "unit_id": ids["emea"],  # CRM (after a person-only owner), Site
                "active_tools": 2,
                "annual_spend_minor": 5_000,
                "tools_sharing_with_core": 2,
            },
        ],
        key=lambda unit: unit["unit_id"],
    )


async def test_money_in_the_currency_asked_for(
    anonymous_client_factory: ClientFactory, app: FastAPI
) -> None:
    principal = new_principal()
    ids = await build_stack(anonymous_client_factory, principal, app)
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        body = await evidence(client, currency="EUR")

    assert body["currency"] == "EUR"
    assert body["annual_spend_minor"] == 200 + 900
    assert body["tools_costed_in_other_currencies"] == 6  # every USD-costed active tool
    assert body["tools_without_cost"] == 1
    # CRM ranks CRM 200, Euro only 900; Email has only CRM in EUR.
    assert body["redundant_spend_minor"] == 900
    assert body["measured_spend_minor"] == 200
    spend = {u["unit_id"]: u["annual_spend_minor"] for u in body["by_owner_unit"]}
    assert spend == {ids["ops"]: 0, ids["emea"]: 200}
    # The counts do not depend on the currency.
    assert (body["active_tools"], body["duplicated_capabilities"]) == (8, 2)


async def test_the_default_currency_is_the_most_used_then_alphabetical(
    inventory_client: httpx.AsyncClient,
) -> None:
    client = inventory_client
    empty = await evidence(client)
    assert empty["currency"] is None
    assert empty["has_customer_data_platform"] is False
    assert empty["by_owner_unit"] == []
    counts = {k: v for k, v in figures(empty).items() if isinstance(v, int) and v is not False}
    assert counts == dict.fromkeys(counts, 0)
    assert len(counts) == 19

    uncosted = await create_tool(client, "No contract")
    assert (await evidence(client))["currency"] is None
    usd = await create_tool(client, "Dollars")
    eur = await create_tool(client, "Euros")
    await add_contract(client, usd, annual_cost=money_of(100, "USD"))
    await add_contract(client, eur, annual_cost=money_of(100, "EUR"))
    await add_contract(
        client, eur, annual_cost=money_of(100, "EUR")
    )  # two contracts are still one tool
    body = await evidence(client)
    assert body["currency"] == "EUR"
    assert (body["annual_spend_minor"], body["tools_costed_in_other_currencies"]) == (200, 1)
    both = await create_tool(client, "Both", status="active")
    await add_contract(client, both, annual_cost=money_of(5, "USD"))
    await add_contract(client, uncosted, annual_cost=money_of(7, "USD"))
    retired = await create_tool(client, "Retired euros", status="retired")
    await add_contract(client, retired, annual_cost=money_of(1, "EUR"))
    body = await evidence(client)
    assert body["currency"] == "USD"
    assert (body["annual_spend_minor"], body["tools_costed_in_other_currencies"]) == (112, 1)


# Tenants, input, access, statements


async def test_another_tenant_sees_none_of_it(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    await import_samples(anonymous_client_factory, principal)
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        empty = await evidence(other)
        assert empty["currency"] is None
        assert empty["by_owner_unit"] == []
        assert (empty["active_tools"], empty["added_last_12_months"]) == (0, 0)
        assert empty["has_customer_data_platform"] is False
        await create_tool(other, "Segment", capabilities=["Customer data platform"])
        mine = await evidence(other)
        assert (mine["active_tools"], mine["duplicated_capabilities"]) == (1, 0)
        assert mine["has_customer_data_platform"] is True

    async with signed(anonymous_client_factory, "inventory", principal) as client:
        body = await evidence(client)
    assert figures(body) == expected_from_the_sample()


@pytest.mark.parametrize("currency", ["XYZ", "usd", "US", "EURO"])
async def test_an_unknown_currency_is_a_problem_at_currency(
    inventory_client: httpx.AsyncClient, currency: str
) -> None:
    response = await inventory_client.get(EVIDENCE, params={"currency": currency})
    problem = assert_problem(response, 422, "/currency")
    assert problem["errors"][0]["location"] == "query"


async def test_the_report_needs_the_read_scope(anonymous_client_factory: ClientFactory) -> None:
    async with anonymous_client_factory("inventory") as anonymous:
        assert_problem(await anonymous.get(EVIDENCE), 401)
    async with tenant_client(
        anonymous_client_factory, "inventory", scopes=frozenset({"org:read"})
    ) as wrong_scope:
        assert_problem(await wrong_scope.get(EVIDENCE), 403)
    async with tenant_client(
        anonymous_client_factory, "inventory", scopes=frozenset({"inventory:read"})
    ) as reader:
        assert (await reader.get(EVIDENCE)).status_code == 200


def generated_file(count: int) -> bytes:
    """`count` active tools: costs in two currencies, shared capabilities, a chain of
    integrations, seats, a CDP and a CMS."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "name",
            "capability",
            "status",
            "annual_cost",
            "currency",
            "seats_purchased",
            "seats_active",
            "processes_personal_data",
            "integrations",
        ]
    )
    for i in range(count):
        capability = ["Customer data platform", "Web CMS", "Email", "CRM"][i % 4]
        writer.writerow(
            [
                f"Tool {i}",
                capability,
                "retired" if i % 7 == 6 else "active",
                str(100 + i),
                "EUR" if i % 3 == 0 else "USD",
                "10",
                str(i % 10),
                "true" if i % 2 else "false",
                f"Tool {i - 1}" if i else "",
            ]
        )
    return out.getvalue().encode()


async def test_the_number_of_statements_does_not_grow_with_the_tools(
    anonymous_client_factory: ClientFactory, statements: list[str]
) -> None:
    counts: dict[tuple[int, str], int] = {}
    bodies: dict[int, dict[str, Any]] = {}
    for size in (3, 30):
        async with tenant_client(anonymous_client_factory, "inventory") as client:
            response = await client.post(
                "/v1/inventory/imports", content=generated_file(size), headers=CSV
            )
            assert response.status_code == 200, response.text
            for currency in ("", "EUR"):
                params = {"currency": currency} if currency else {}
                statements.clear()
                bodies[size] = await evidence(client, **params)
                counts[size, currency] = len(statements)
    assert bodies[30]["active_tools"] == 30 - 4  # tools 6, 13, 20, 27 are retired
    assert bodies[30]["citizen_tools"] > bodies[3]["citizen_tools"]
    assert counts[3, ""] == counts[30, ""]
    assert counts[3, "EUR"] == counts[30, "EUR"]
    assert counts[30, ""] <= 5  # with the default currency and the hash-join setting
    assert counts[30, "EUR"] == counts[30, ""] - 1


async def test_the_client_reads_the_report_in_one_call(
    anonymous_client_factory: ClientFactory, app: FastAPI
) -> None:
    principal = new_principal()
    await build_stack(anonymous_client_factory, principal, app)
    calls: list[httpx.Request] = []
    transport = httpx.ASGITransport(app=app)

    async def recording(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return await transport.handle_async_request(request)

    client = InventoryClient(
        "http://inventory.test",
        internal_secret=TEST_SECRET,
        transport=httpx.MockTransport(recording),
    )
    try:
        default = await client.evidence(principal)
        euros = await client.evidence(principal, currency="EUR")
    finally:
        await client.aclose()
    assert isinstance(default, InventoryEvidence)
    assert (default.currency, default.active_tools) == ("USD", 8)
    assert default.annual_spend_minor == 22_500
    assert (euros.currency, euros.annual_spend_minor) == ("EUR", 1_100)
    assert [(c.url.path, dict(c.url.params)) for c in calls] == [
        (EVIDENCE, {}),
        (EVIDENCE, {"currency": "EUR"}),
    ]


async def test_the_report_is_in_the_openapi_document(app: FastAPI) -> None:
    operation = app.openapi()["paths"][EVIDENCE]["get"]
    assert operation["operationId"] == "inventory_get_evidence_report"
    assert operation["tags"] == ["inventory"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/InventoryEvidence"}
    assert {"401", "403", "422"} <= set(operation["responses"])
    schema = app.openapi()["components"]["schemas"]["InventoryEvidence"]
    assert all(field.get("description") for field in schema["properties"].values())
