"""The money reports (spend, renewals, adoption, returns) against figures computed here.

The sample file is imported through the API; every expected figure is computed independently
from the same file with the csv module, never read back from the service.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from sqlalchemy import event

from tests.inventory.factories import add_contract, create_tool
from tests.inventory.support import Row, Tenant, client_for, import_sample
from tests.support import new_principal, principal_headers

pytestmark = pytest.mark.asyncio

PROBLEM = "application/problem+json"
REPORTS = "/v1/inventory/reports"


def cost_minor(row: Row) -> int:
    return int(row["annual_cost"]) * 100  # the file is all in USD, 2 decimals


def seats(text: str) -> int | None:
    return int(text) if text.strip() else None


def half_up(amount: int, count: int) -> int:
    return (2 * amount + count) // (2 * count)


@pytest_asyncio.fixture
async def client(
    service_apps: dict[str, FastAPI], sample: Tenant
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the sample tenant: never write through it."""
    async with client_for(service_apps["inventory"], "inventory", sample.headers) as c:
        yield c


@pytest_asyncio.fixture
async def fresh(
    service_apps: dict[str, FastAPI],
) -> AsyncIterator[tuple[Tenant, httpx.AsyncClient]]:
    """A tenant of the test's own with the sample imported, free to be changed."""
    tenant = await import_sample(service_apps)
    async with client_for(service_apps["inventory"], "inventory", tenant.headers) as c:
        yield tenant, c


async def report(client: httpx.AsyncClient, name: str, **params: Any) -> dict[str, Any]:
    response = await client.get(f"{REPORTS}/{name}", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def usd(amount_minor: int) -> dict[str, Any]:
    return {"amount_minor": amount_minor, "currency": "USD"}


# Spend

GROUP_COLUMN = {
    "category": "category",
    "capability": "capability",
    "owner_unit": "owner_unit",
    "vendor": "vendor",
    "status": "status",
}


def expected_spend(rows: list[Row], column: str) -> dict[tuple[str | None, str], tuple[int, int]]:
    """(group as written in the file, currency) → (amount_minor, tool count)."""
    amounts: dict[tuple[str | None, str], int] = defaultdict(int)
    tools: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for row in rows:
        group = (row[column] or None, row["currency"])
        amounts[group] += cost_minor(row)
        tools[group].add(row["name"])
    return {group: (amounts[group], len(tools[group])) for group in amounts}


def spend_by_file_group(
    body: dict[str, Any], by: str, tenant: Tenant
) -> dict[tuple[str | None, str], tuple[int, int]]:
    """The report's rows keyed like expected_spend: names, not ids."""
    unit_names = {unit_id: name for name, unit_id in tenant.unit_ids.items()}
    found: dict[tuple[str | None, str], tuple[int, int]] = {}
    for row in body["rows"]:
        if by == "owner_unit":
            assert row["label"] is None
            group = unit_names[row["key"]] if row["key"] else None
        else:
            group = row["label"]
        if by == "category" and row["key"] is not None:
            assert row["key"] == tenant.category_ids[row["label"]]
        if by in ("vendor", "status"):
            assert row["key"] == row["label"]
        currency = row["annual_cost"]["currency"]
        assert (group, currency) not in found, "one row per group and currency"
        found[(group, currency)] = (row["annual_cost"]["amount_minor"], row["tool_count"])
    return found


def expected_totals(rows: list[Row]) -> list[dict[str, Any]]:
    amounts: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        amounts[row["currency"]] += cost_minor(row)
        counts[row["currency"]] += 1
    return [
        {
            "annual_cost": {"amount_minor": amounts[c], "currency": c},
            "tool_count": counts[c],
            "contract_count": counts[c],
        }
        for c in sorted(amounts, key=lambda c: (-amounts[c], c))
    ]


@pytest.mark.parametrize("by", list(GROUP_COLUMN))
async def test_spend_per_group_matches_the_file(
    client: httpx.AsyncClient, sample: Tenant, by: str
) -> None:
    body = await report(client, "spend", by=by)
    assert body["by"] == by
    assert body["status"] is None
    assert spend_by_file_group(body, by, sample) == expected_spend(sample.rows, GROUP_COLUMN[by])
    amounts = [row["annual_cost"]["amount_minor"] for row in body["rows"]]
    assert amounts == sorted(amounts, reverse=True)
    assert body["totals"] == expected_totals(sample.rows)
    assert body["tools_without_contract"] == 0


async def test_spend_groups_by_category_by_default(client: httpx.AsyncClient) -> None:
    assert (await report(client, "spend")) == (await report(client, "spend", by="category"))


@pytest.mark.parametrize("status", ["active", "sunsetting", "retired", "evaluating"])
@pytest.mark.parametrize("by", ["category", "vendor"])
async def test_spend_status_filter(
    client: httpx.AsyncClient, sample: Tenant, status: str, by: str
) -> None:
    kept = [row for row in sample.rows if row["status"] == status]
    assert kept
    body = await report(client, "spend", by=by, status=status)
    assert body["status"] == status
    assert spend_by_file_group(body, by, sample) == expected_spend(kept, by)
    assert body["totals"] == expected_totals(kept)


async def test_spend_never_adds_currencies_and_counts_tools_without_contract(
    fresh: tuple[Tenant, httpx.AsyncClient],
) -> None:
    tenant, client = fresh
    rows = tenant.rows
    marketo = tenant.tool_ids["Marketo Engage"]
    await add_contract(client, marketo, annual_cost={"amount_minor": 1_250_000, "currency": "EUR"})
    await add_contract(client, marketo, annual_cost=usd(500_000))  # a second USD contract
    await create_tool(client, "Homegrown scripts")  # no contract
    await create_tool(client, "Spreadsheet CRM", status="retired")  # no contract either
    both = await create_tool(client, "Suite", capabilities=["CRM", "Marketing automation"])
    await add_contract(client, both, annual_cost={"amount_minor": 700_000, "currency": "GBP"})

    body = await report(client, "spend", by="category")
    found = spend_by_file_group(body, "category", tenant)
    expected = expected_spend(rows, "category")
    social = ("Social & Relationships", "USD")
    expected[social] = (expected[social][0] + 500_000, expected[social][1])
    expected[("Social & Relationships", "EUR")] = (1_250_000, 1)
    expected[(None, "GBP")] = (700_000, 1)
    assert found == expected
    file_total = sum(cost_minor(row) for row in rows)
    assert body["totals"] == [
        {"annual_cost": usd(file_total + 500_000), "tool_count": 57, "contract_count": 58},
        {
            "annual_cost": {"amount_minor": 1_250_000, "currency": "EUR"},
            "tool_count": 1,
            "contract_count": 1,
        },
        {
            "annual_cost": {"amount_minor": 700_000, "currency": "GBP"},
            "tool_count": 1,
            "contract_count": 1,
        },
    ]
    assert body["tools_without_contract"] == 2
    retired = await report(client, "spend", status="retired")
    assert retired["tools_without_contract"] == 1

    # By capability a tool's cost counts under each of its capabilities; the totals once.
    by_capability = await report(client, "spend", by="capability")
    found = spend_by_file_group(by_capability, "capability", tenant)
    assert found[("CRM", "GBP")] == (700_000, 1)
    assert found[("Marketing automation", "GBP")] == (700_000, 1)
    assert found[("CRM", "USD")] == expected_spend(rows, "capability")[("CRM", "USD")]
    assert by_capability["totals"] == body["totals"]


# Renewals


def expected_renewals(rows: list[Row], as_of: date, within_days: int) -> list[tuple[str, str]]:
    end = as_of + timedelta(days=within_days)
    due = [
        (row["renewal_date"], row["name"])
        for row in rows
        if row["renewal_date"] and as_of <= date.fromisoformat(row["renewal_date"]) <= end
    ]
    return [(name, day) for day, name in sorted(due, key=lambda d: (d[0], d[1].casefold()))]


@pytest.mark.parametrize(
    ("as_of", "within_days"),
    [("2026-12-01", 90), ("2027-01-31", 1), ("2027-01-15", 16), ("2026-06-01", 3650)],
)
async def test_renewals_within_the_window_match_the_file(
    client: httpx.AsyncClient, sample: Tenant, as_of: str, within_days: int
) -> None:
    day = date.fromisoformat(as_of)
    body = await report(client, "renewals", as_of=as_of, within_days=within_days)
    assert body["as_of"] == as_of
    assert body["within_days"] == within_days
    assert body["window_end"] == (day + timedelta(days=within_days)).isoformat()
    expected = expected_renewals(sample.rows, day, within_days)
    assert expected, "the window should catch some renewals of the file"
    assert [(r["tool_name"], r["renewal_date"]) for r in body["rows"]] == expected
    by_name = {row["name"]: row for row in sample.rows}
    for row in body["rows"]:
        assert row["tool_id"] == sample.tool_ids[row["tool_name"]]
        assert row["days_to_renewal"] == (date.fromisoformat(row["renewal_date"]) - day).days
        assert row["annual_cost"] == usd(cost_minor(by_name[row["tool_name"]]))
        assert row["notice_deadline"] is None  # the file has no notice periods
        assert row["notice_passed"] is False
        assert row["auto_renew"] is False


async def test_renewals_default_to_90_days_from_today(
    client: httpx.AsyncClient, sample: Tenant
) -> None:
    today = datetime.now(UTC).date()
    body = await report(client, "renewals")
    assert body["as_of"] == today.isoformat()
    assert body["within_days"] == 90
    names = [r["tool_name"] for r in body["rows"]]
    assert names == [name for name, _ in expected_renewals(sample.rows, today, 90)]


async def test_renewals_with_a_notice_period(fresh: tuple[Tenant, httpx.AsyncClient]) -> None:
    tenant, client = fresh
    ids = tenant.tool_ids
    cost = usd(1_000_000)
    passed = await add_contract(  # deadline 2026-11-02: passed, renewal still ahead → listed
        client,
        ids["Drift"],
        annual_cost=cost,
        renewal_date="2027-06-30",
        notice_period_days=240,
        auto_renew=True,
    )
    in_window = await add_contract(  # deadline 2026-12-21, in the window → listed
        client, ids["Gong"], annual_cost=cost, renewal_date="2027-03-31", notice_period_days=100
    )
    today = await add_contract(  # renews on as_of, notice due that day: not passed yet
        client, ids["Asana"], annual_cost=cost, renewal_date="2026-12-01", notice_period_days=0
    )
    await add_contract(  # deadline 2027-12-01, after the window → not listed
        client, ids["Zendesk"], annual_cost=cost, renewal_date="2027-12-31", notice_period_days=30
    )
    await add_contract(  # renewed already (before as_of) → not listed, even if notice passed
        client, ids["Hotjar"], annual_cost=cost, renewal_date="2026-11-30", notice_period_days=10
    )
    body = await report(client, "renewals", as_of="2026-12-01", within_days=30)
    assert body["window_end"] == "2026-12-31"
    rows = body["rows"]
    from_file = expected_renewals(tenant.rows, date(2026, 12, 1), 30)
    assert [(r["tool_name"], r["renewal_date"]) for r in rows] == [
        ("Drift", "2027-06-30"),
        ("Asana", "2026-12-01"),
        ("Gong", "2027-03-31"),
        *from_file,
    ]
    assert [r["contract_id"] for r in rows[:3]] == [passed["id"], today["id"], in_window["id"]]
    drift, asana, gong = rows[:3]
    assert drift | {"contract_id": None} == {
        "contract_id": None,
        "tool_id": ids["Drift"],
        "tool_name": "Drift",
        "tool_status": "active",
        "renewal_date": "2027-06-30",
        "notice_period_days": 240,
        "notice_deadline": "2026-11-02",
        "notice_passed": True,
        "days_to_notice_deadline": -29,
        "days_to_renewal": 211,
        "auto_renew": True,
        "annual_cost": cost,
    }
    assert (asana["notice_deadline"], asana["notice_passed"], asana["days_to_renewal"]) == (
        "2026-12-01",
        False,
        0,
    )
    assert (gong["notice_deadline"], gong["notice_passed"], gong["days_to_notice_deadline"]) == (
        "2026-12-21",
        False,
        20,
    )
    # The same contracts a month later: Gong's notice has passed too, Asana renewed.
    later = await report(client, "renewals", as_of="2027-01-01", within_days=1)
    assert [(r["tool_name"], r["notice_passed"]) for r in later["rows"][:2]] == [
        ("Drift", True),
        ("Gong", True),
    ]
    assert "Asana" not in {r["tool_name"] for r in later["rows"]}


# Adoption


def expected_adoption(rows: list[Row]) -> list[dict[str, Any]]:
    expected = []
    for row in rows:
        purchased, active = seats(row["seats_purchased"]), seats(row["seats_active"])
        if purchased is None and active is None:
            continue
        cost = cost_minor(row)
        expected.append(
            {
                "tool_name": row["name"],
                "tool_status": row["status"],
                "seats_purchased": purchased,
                "seats_active": active,
                "utilisation": (
                    round(active / purchased, 4) if active is not None and purchased else None
                ),
                "annual_cost": [usd(cost)],
                "cost_per_active_seat": [usd(half_up(cost, active))] if active else None,
            }
        )
    # Exact fractions, not the rounded figures, decide the order.
    exact = {
        row["name"]: Fraction(int(row["seats_active"]), int(row["seats_purchased"]))
        for row in rows
        if seats(row["seats_active"]) is not None and seats(row["seats_purchased"])
    }
    expected.sort(
        key=lambda r: (
            r["tool_name"] not in exact,
            exact.get(r["tool_name"], Fraction(0)),
            r["tool_name"].casefold(),
        )
    )
    return expected


async def test_adoption_matches_the_file(client: httpx.AsyncClient, sample: Tenant) -> None:
    body = await report(client, "adoption")
    expected = expected_adoption(sample.rows)
    assert len(expected) > 30
    found = []
    for row in body["rows"]:
        assert row["tool_id"] == sample.tool_ids[row["tool_name"]]
        as_of = row.pop("seats_active_as_of")
        assert as_of in sample.imported_on if row["seats_active"] is not None else as_of is None
        row.pop("tool_id")
        found.append(row)
    assert found == expected
    utilisations = [r["utilisation"] for r in body["rows"] if r["utilisation"] is not None]
    assert utilisations == sorted(utilisations)
    assert (body["rows"][0]["tool_name"], utilisations[0]) == ("Wrike", 0.225)  # 9 of 40


async def test_adoption_reads_the_latest_licence_usage(
    fresh: tuple[Tenant, httpx.AsyncClient],
) -> None:
    tenant, client = fresh
    tool_id = tenant.tool_ids["Marketo Engage"]  # 40 purchased, 31 active today
    usage = f"/v1/inventory/tools/{tool_id}/licence-usage"
    older = await client.post(usage, json={"as_of": "2025-01-01", "seats_active": 2})
    assert older.status_code == 201, older.text

    def marketo(body: dict[str, Any]) -> dict[str, Any]:
        return next(r for r in body["rows"] if r["tool_id"] == tool_id)

    row = marketo(await report(client, "adoption"))
    assert row["seats_active"] == 31
    assert row["seats_active_as_of"] in tenant.imported_on
    newer = (date.fromisoformat(max(tenant.imported_on)) + timedelta(days=1)).isoformat()
    assert (await client.post(usage, json={"as_of": newer, "seats_active": 36})).status_code == 201
    await add_contract(
        client, tool_id, annual_cost={"amount_minor": 900_000, "currency": "EUR"}, seats_purchased=8
    )
    row = marketo(await report(client, "adoption"))
    assert row["seats_active"] == 36
    assert row["seats_active_as_of"] == newer
    assert row["seats_purchased"] == 48
    assert row["utilisation"] == 0.75
    assert row["annual_cost"] == [
        {"amount_minor": 900_000, "currency": "EUR"},
        usd(18_500_000),
    ]
    assert row["cost_per_active_seat"] == [
        {"amount_minor": 25_000, "currency": "EUR"},
        usd(half_up(18_500_000, 36)),
    ]
    # A tool with seats used but none purchased has no utilisation, and comes last.
    extra = await create_tool(client, "Free tier")
    await client.post(
        f"/v1/inventory/tools/{extra}/licence-usage", json={"as_of": newer, "seats_active": 0}
    )
    body = await report(client, "adoption")
    free = next(r for r in body["rows"] if r["tool_id"] == extra)
    assert free["utilisation"] is None
    assert free["cost_per_active_seat"] is None
    assert free["annual_cost"] == []
    assert body["rows"].index(free) > max(
        i for i, r in enumerate(body["rows"]) if r["utilisation"] is not None
    )


# Returns


async def record_outcome(client: httpx.AsyncClient, **body: Any) -> None:
    response = await client.post("/v1/inventory/outcomes", json=body)
    assert response.status_code == 201, response.text


async def test_returns_per_tool(fresh: tuple[Tenant, httpx.AsyncClient]) -> None:
    tenant, client = fresh
    ids = tenant.tool_ids
    by_name = {row["name"]: row for row in tenant.rows}
    when = "2026-06-15T10:00:00Z"
    marketo, salesforce, drift = ids["Marketo Engage"], ids["Salesforce Sales Cloud"], ids["Drift"]
    await record_outcome(client, tool_id=marketo, kind="lead", quantity=30, occurred_at=when)
    await record_outcome(client, tool_id=marketo, kind="lead", occurred_at=when)
    await record_outcome(client, tool_id=marketo, kind="opportunity", quantity=4, occurred_at=when)
    await record_outcome(
        client, tool_id=marketo, kind="revenue", amount=usd(12_000_000), occurred_at=when
    )
    await record_outcome(
        client,
        tool_id=marketo,
        kind="revenue",
        amount=usd(3_000_000),
        occurred_at="2026-12-31T23:59:59Z",  # the last second of the period
    )
    await record_outcome(  # the day before the period: not counted
        client,
        tool_id=marketo,
        kind="revenue",
        amount=usd(99_000_000),
        occurred_at="2025-12-31T23:59:59Z",
    )
    await record_outcome(  # the day after
        client, tool_id=marketo, kind="lead", quantity=1000, occurred_at="2027-01-01T00:00:00Z"
    )
    await record_outcome(
        client, tool_id=salesforce, kind="revenue", amount=usd(50_000_000), occurred_at=when
    )
    await record_outcome(
        client,
        tool_id=salesforce,
        kind="revenue",
        amount={"amount_minor": 7_000_000, "currency": "EUR"},
        occurred_at=when,
    )
    await record_outcome(client, tool_id=salesforce, kind="retention", occurred_at=when)
    no_contract = await create_tool(client, "Referral programme")
    await record_outcome(
        client, tool_id=no_contract, kind="revenue", amount=usd(100_000), occurred_at=when
    )

    body = await report(client, "returns", since="2026-01-01", until="2026-12-31")
    assert (body["since"], body["until"]) == ("2026-01-01", "2026-12-31")
    rows = {r["tool_name"]: r for r in body["rows"]}
    # Every tool of the file has a contract, so every one is listed; plus the one with outcomes.
    assert set(rows) == {row["name"] for row in tenant.rows} | {"Referral programme"}
    zero = {"lead": 0, "opportunity": 0, "revenue": 0, "retention": 0, "cost_saving": 0}
    marketo_cost = cost_minor(by_name["Marketo Engage"])
    assert rows["Marketo Engage"] == {
        "tool_id": marketo,
        "tool_name": "Marketo Engage",
        "tool_status": "active",
        "outcomes": zero | {"lead": 31, "opportunity": 4, "revenue": 2},
        "revenue": [usd(15_000_000)],
        "annual_cost": [usd(marketo_cost)],
        "return_ratio": round(15_000_000 / marketo_cost, 4),
    }
    sf = rows["Salesforce Sales Cloud"]
    assert sf["outcomes"] == zero | {"revenue": 2, "retention": 1}
    assert sf["revenue"] == [{"amount_minor": 7_000_000, "currency": "EUR"}, usd(50_000_000)]
    assert sf["return_ratio"] is None  # revenue in two currencies: no ratio
    assert rows["Drift"] == {
        "tool_id": drift,
        "tool_name": "Drift",
        "tool_status": "active",
        "outcomes": zero,
        "revenue": [],
        "annual_cost": [usd(cost_minor(by_name["Drift"]))],
        "return_ratio": 0.0,
    }
    free = rows["Google Ads"]  # a contract of 0: no ratio
    assert (free["annual_cost"], free["return_ratio"]) == ([usd(0)], None)
    referral = rows["Referral programme"]
    assert (referral["annual_cost"], referral["revenue"]) == ([], [usd(100_000)])
    assert referral["return_ratio"] is None
    # Lowest return first, the tools without a ratio last.
    ratios = [r["return_ratio"] for r in body["rows"]]
    known = [r for r in ratios if r is not None]
    assert ratios == known + [None] * (len(ratios) - len(known))
    assert known == sorted(known)
    zero_names = [r["tool_name"] for r in body["rows"] if r["return_ratio"] == 0]
    assert zero_names == sorted(zero_names, key=str.casefold)
    assert "Drift" in zero_names

    # The same period, one currency of revenue: Salesforce in EUR and cost in USD → no ratio.
    only_later = await report(client, "returns", since="2026-12-31", until="2026-12-31")
    later = {r["tool_name"]: r for r in only_later["rows"]}
    assert later["Marketo Engage"]["revenue"] == [usd(3_000_000)]
    assert later["Marketo Engage"]["outcomes"] == zero | {"revenue": 1}
    assert "Referral programme" not in later  # no contract and no outcome in that period


async def test_returns_default_to_the_last_365_days(client: httpx.AsyncClient) -> None:
    today = datetime.now(UTC).date()
    body = await report(client, "returns")
    assert body["until"] == today.isoformat()
    assert body["since"] == (today - timedelta(days=364)).isoformat()
    assert len(body["rows"]) == 57
    assert all(r["return_ratio"] in (0.0, None) for r in body["rows"])


# Isolation, bad input, query count, documentation


async def test_another_tenants_reports_are_empty(
    service_apps: dict[str, FastAPI], sample: Tenant
) -> None:
    async with client_for(
        service_apps["inventory"], "inventory", principal_headers(new_principal())
    ) as other:
        for by in GROUP_COLUMN:
            assert await report(other, "spend", by=by) == {
                "by": by,
                "status": None,
                "rows": [],
                "totals": [],
                "tools_without_contract": 0,
            }
        assert (await report(other, "renewals", as_of="2026-06-01", within_days=3650))["rows"] == []
        assert (await report(other, "adoption"))["rows"] == []
        assert (await report(other, "returns", since="2000-01-01", until="2100-01-01"))[
            "rows"
        ] == []


@pytest.mark.parametrize(
    ("path", "params", "pointer"),
    [
        ("spend", {"by": "colour"}, "/by"),
        ("spend", {"status": "dormant"}, "/status"),
        ("renewals", {"within_days": 0}, "/within_days"),
        ("renewals", {"within_days": 3651}, "/within_days"),
        ("renewals", {"within_days": "soon"}, "/within_days"),
        ("renewals", {"as_of": "01/12/2026"}, "/as_of"),
        ("returns", {"since": "2026-02-30"}, "/since"),
        ("returns", {"since": "2026-06-02", "until": "2026-06-01"}, "/since"),
    ],
)
async def test_bad_parameters_get_a_problem_with_a_pointer(
    client: httpx.AsyncClient, path: str, params: dict[str, Any], pointer: str
) -> None:
    response = await client.get(f"{REPORTS}/{path}", params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert [(e["location"], e["pointer"]) for e in problem["errors"]] == [("query", pointer)]


async def test_reports_need_a_principal(anonymous_client_factory: Any) -> None:
    async with anonymous_client_factory("inventory") as anonymous:
        for name in ("spend", "renewals", "adoption", "returns"):
            response = await anonymous.get(f"{REPORTS}/{name}")
            assert response.status_code == 401
            assert response.headers["content-type"] == PROBLEM


@contextmanager
def counted_statements(app: FastAPI) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


REPORT_CALLS: list[tuple[str, dict[str, Any]]] = [
    *[("spend", {"by": by}) for by in GROUP_COLUMN],
    ("renewals", {"as_of": "2026-06-01", "within_days": 3650}),
    ("adoption", {}),
    ("returns", {"since": "2000-01-01", "until": "2100-01-01"}),
]


async def test_queries_do_not_grow_with_the_tenant(
    service_apps: dict[str, FastAPI], client: httpx.AsyncClient
) -> None:
    app = service_apps["inventory"]
    async with client_for(
        app, "inventory", principal_headers(new_principal())
    ) as small:  # one tool with a contract and usage, against the 57 of the file
        tool_id = await create_tool(small, "Only one")
        await add_contract(
            small, tool_id, annual_cost=usd(100), seats_purchased=2, renewal_date="2027-01-01"
        )
        await small.post(
            f"/v1/inventory/tools/{tool_id}/licence-usage",
            json={"as_of": "2026-01-01", "seats_active": 1},
        )
        for name, params in REPORT_CALLS:
            with counted_statements(app) as few:
                assert len((await report(small, name, **params)).get("rows", [])) <= 1
            with counted_statements(app) as many:
                assert len((await report(client, name, **params))["rows"]) > 1
            assert len(many) == len(few), (name, params)
            assert len(many) <= 4, (name, many)


async def test_reports_are_documented(service_apps: dict[str, FastAPI]) -> None:
    schema = service_apps["inventory"].openapi()
    expected = {
        "spend": ("inventory_get_spend_report", "SpendReport"),
        "renewals": ("inventory_get_renewals_report", "RenewalsReport"),
        "adoption": ("inventory_get_adoption_report", "AdoptionReport"),
        "returns": ("inventory_get_returns_report", "ReturnsReport"),
    }
    for name, (operation_id, model) in expected.items():
        operation = schema["paths"][f"{REPORTS}/{name}"]["get"]
        assert operation["operationId"] == operation_id
        assert operation["tags"] == ["inventory"]
        assert len(operation["description"]) > 300
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{model}"}
        assert {"401", "403", "422"} <= set(operation["responses"])
    counts = schema["components"]["schemas"]["OutcomeCounts"]["properties"]
    from mops_shared.contracts.outcomes import OutcomeKind

    assert set(counts) == {kind.value for kind in OutcomeKind}
