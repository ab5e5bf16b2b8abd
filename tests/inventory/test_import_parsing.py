"""Parsing and validation of inventory imports (pure: no database, no HTTP).

Figures about the sample file are computed here from the file with the csv module, not copied
from the parser's output.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from email_validator import EmailNotValidError, validate_email

from mops_inventory.categories.schemas import LANDSCAPE_CATEGORIES
from mops_inventory.imports.parsing import (
    COLUMNS,
    ImportParse,
    ImportProblem,
    ImportTooLarge,
    ParsedTool,
    _plain_email,
    parse_csv,
    parse_json,
)
from mops_shared.contracts.inventory import ToolStatus
from mops_shared.contracts.money import parse_amount
from tests.support import SAMPLES

SAMPLE = SAMPLES / "martech_inventory_sample.csv"

LIMITS: dict[str, int] = {"max_rows": 50_000, "max_bytes": 20 * 1024 * 1024}


def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def csv_bytes(*rows: dict[str, str], columns: tuple[str, ...] = COLUMNS) -> bytes:
    """A CSV file of `rows` (missing cells empty) under the header `columns`."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue().encode()


def parse_rows(*rows: dict[str, str]) -> ImportParse:
    """Rows as CSV; `status` is `active` unless a row says otherwise (empty is a warning)."""
    return parse_csv(csv_bytes(*({"status": "active", **row} for row in rows)), **LIMITS)


def one(result: ImportParse) -> ParsedTool:
    assert len(result.tools) == 1, result.problems
    return result.tools[0]


def where(result: ImportParse) -> list[tuple[int, str | None, str]]:
    return [(p.row, p.column, p.severity) for p in result.problems]


def only_problem(result: ImportParse) -> ImportProblem:
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


# --- the sample file --------------------------------------------------------------------------


def test_sample_parses_as_is_without_a_problem() -> None:
    rows = sample_rows()
    result = parse_csv(sample_bytes(), **LIMITS)

    assert len(rows) == 57
    assert result.rows_read == 57
    assert len(result.tools) == 57
    # Read cell by cell and recomputed below: the sample breaks none of the import rules
    # (every status, category, currency, date, seat count, flag and email is valid; no active
    # seats exceed the purchased ones; no cost lacks a currency; names are unique; no tool
    # integrates with itself; every integration names a tool of the file).
    assert result.problems == []
    assert result.unresolved_integrations == {}
    assert [t.row for t in result.tools] == list(range(1, 58))
    assert [t.name for t in result.tools] == [r["name"] for r in rows]


def test_sample_has_nothing_the_rules_would_flag_computed_independently() -> None:
    rows = sample_rows()
    names = [r["name"].strip().casefold() for r in rows]
    assert len(set(names)) == len(names)
    for r in rows:
        assert all(v == v.strip() for v in r.values())
        assert r["status"] in {"evaluating", "active", "sunsetting", "retired"}
        assert r["category"] in LANDSCAPE_CATEGORIES
        assert (r["annual_cost"] == "") == (r["currency"] == "")
        if r["seats_purchased"] and r["seats_active"]:
            assert int(r["seats_active"]) <= int(r["seats_purchased"])
        targets = [n.strip().casefold() for n in r["integrations"].split(";") if n.strip()]
        assert r["name"].casefold() not in targets
        assert set(targets) <= set(names)


def test_sample_cost_per_currency_in_minor_units() -> None:
    exponents = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0}
    expected: Counter[str] = Counter()
    costed = 0
    for r in sample_rows():
        if r["annual_cost"]:
            costed += 1
            exponent = exponents[r["currency"]]
            expected[r["currency"]] += int(Decimal(r["annual_cost"]).scaleb(exponent))

    result = parse_csv(sample_bytes(), **LIMITS)
    got: Counter[str] = Counter()
    for tool in result.tools:
        if tool.annual_cost_minor is not None:
            assert tool.currency is not None
            got[tool.currency] += tool.annual_cost_minor

    assert got == expected
    assert sum(t.annual_cost_minor is not None for t in result.tools) == costed == 57
    # The free tools (cost 0, no renewal date) are zero, not unknown.
    free = [i for i, r in enumerate(sample_rows(), 1) if r["annual_cost"] == "0"]
    assert free == [13, 30, 31, 32, 51, 52, 56, 57]
    assert [t.row for t in result.tools if t.annual_cost_minor == 0] == free


def test_sample_statuses_categories_and_flags() -> None:
    rows = sample_rows()
    result = parse_csv(sample_bytes(), **LIMITS)

    assert Counter(t.status.value for t in result.tools) == Counter(r["status"] for r in rows)
    assert Counter(t.status for t in result.tools) == {
        ToolStatus.active: 54,
        ToolStatus.sunsetting: 1,
        ToolStatus.retired: 1,
        ToolStatus.evaluating: 1,
    }
    by_row = {t.row: t for t in result.tools}
    assert (by_row[14].name, by_row[14].status) == ("Adobe Analytics", ToolStatus.sunsetting)
    assert (by_row[56].name, by_row[56].status) == ("Seismic", ToolStatus.retired)
    assert (by_row[57].name, by_row[57].status) == ("Pendo", ToolStatus.evaluating)

    assert Counter(t.category for t in result.tools) == Counter(r["category"] for r in rows)
    assert Counter(t.capabilities for t in result.tools) == Counter(
        (r["capability"],) for r in rows
    )
    for column in ("shares_data_with_core", "processes_personal_data"):
        expected = Counter({"true": True, "false": False}[r[column]] for r in rows)
        assert Counter(getattr(t, column) for t in result.tools) == expected


def test_sample_seats_dates_and_owners() -> None:
    rows = sample_rows()
    result = parse_csv(sample_bytes(), **LIMITS)

    for column in ("seats_purchased", "seats_active"):
        assert sum(getattr(t, column) or 0 for t in result.tools) == sum(
            int(r[column]) for r in rows if r[column]
        )
        assert [t.row for t in result.tools if getattr(t, column) is None] == [
            i for i, r in enumerate(rows, 1) if not r[column]
        ]
    dated = [date.fromisoformat(r["renewal_date"]) for r in rows if r["renewal_date"]]
    parsed = [t.renewal_date for t in result.tools if t.renewal_date is not None]
    assert parsed == dated
    assert len(parsed) == 49
    undated = [i for i, r in enumerate(rows, 1) if not r["renewal_date"]]
    assert [t.row for t in result.tools if t.renewal_date is None] == undated

    assert [t.business_owner_email for t in result.tools] == [r["business_owner"] for r in rows]
    assert [t.owner_unit for t in result.tools] == [r["owner_unit"] for r in rows]
    assert [t.notes for t in result.tools] == [r["notes"] or None for r in rows]
    assert [t.vendor for t in result.tools] == [r["vendor"] for r in rows]


def test_sample_owners_exist_in_the_org_sample() -> None:
    org = json.loads((SAMPLES / "org_sample.json").read_text(encoding="utf-8"))
    units = {u["name"] for u in org["units"]}
    emails = {p["email"] for p in org["people"]}
    result = parse_csv(sample_bytes(), **LIMITS)
    assert {t.owner_unit for t in result.tools} <= units
    assert {t.business_owner_email for t in result.tools} <= emails


def test_sample_integration_edges() -> None:
    rows = sample_rows()
    expected = {
        (r["name"], target) for r in rows for target in r["integrations"].split(";") if target
    }
    result = parse_csv(sample_bytes(), **LIMITS)
    got = {(t.name, target) for t in result.tools for target in t.integrations}

    assert got == expected
    assert sum(len(t.integrations) for t in result.tools) == len(expected) == 98
    # Directed edges: 64 distinct pairs, of which 34 are declared from both ends.
    pairs = {frozenset(edge) for edge in expected}
    assert len(pairs) == 64
    assert sum((b, a) in expected for a, b in expected) == 2 * 34
    isolated = [r["name"] for r in rows if not r["integrations"]]
    assert [t.name for t in result.tools if not t.integrations] == isolated


def test_sample_as_json_gives_the_same_tools() -> None:
    def typed(r: dict[str, str]) -> dict[str, Any]:
        item: dict[str, Any] = {k: (v or None) for k, v in r.items()}
        item["capability"] = [r["capability"]]
        item["integrations"] = [n for n in r["integrations"].split(";") if n]
        item["annual_cost"] = int(r["annual_cost"]) if r["annual_cost"] else None
        for column in ("seats_purchased", "seats_active"):
            item[column] = int(r[column]) if r[column] else None
        for column in ("shares_data_with_core", "processes_personal_data"):
            item[column] = r[column] == "true"
        return item

    from_csv = parse_csv(sample_bytes(), **LIMITS)
    from_json = parse_json(json.dumps([typed(r) for r in sample_rows()]).encode(), **LIMITS)
    assert from_json.problems == []
    assert from_json.tools == from_csv.tools


# --- encoding, header, shape ------------------------------------------------------------------


def test_a_bom_and_crlf_line_ends_are_accepted() -> None:
    plain = sample_bytes()
    with_bom = b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n")
    assert parse_csv(with_bom, **LIMITS).tools == parse_csv(plain, **LIMITS).tools
    assert parse_csv(with_bom, **LIMITS).problems == []


def test_json_with_a_bom_is_accepted() -> None:
    result = parse_json(b"\xef\xbb\xbf" + json.dumps([{"name": "Figma"}]).encode(), **LIMITS)
    assert one(result).name == "Figma"


def test_text_that_is_not_utf8_is_one_error_at_row_0() -> None:
    latin1 = "name,vendor\nCaf\xe9 CRM,Acme\n".encode("latin-1")
    for result in (parse_csv(latin1, **LIMITS), parse_json(latin1, **LIMITS)):
        problem = only_problem(result)
        assert (problem.row, problem.column, problem.severity) == (0, None, "error")
        assert "not UTF-8" in problem.problem
        assert "0xe9" in problem.problem
        assert result.tools == []


def test_a_missing_name_column_is_fatal() -> None:
    result = parse_csv(b"vendor,status\nAdobe,active\n", **LIMITS)
    assert where(result) == [(0, "name", "error")]
    assert result.problems[0].problem == "required column 'name' is missing"
    assert result.tools == []


def test_a_semicolon_separated_file_gets_a_hint() -> None:
    result = parse_csv(b"name;vendor\nFigma;Figma\n", **LIMITS)
    assert where(result) == [(0, "name;vendor", "warning"), (0, "name", "error")]
    assert result.problems[1].problem == (
        "required column 'name' is missing; the file seems separated by semicolons, use commas"
    )


def test_unknown_columns_are_a_warning_and_ignored() -> None:
    result = parse_csv(b"name,Cost centre,status\nFigma,CC-12,active\n", **LIMITS)
    assert where(result) == [(0, "Cost centre", "warning")]
    assert result.problems[0].problem == "unknown column 'Cost centre' is ignored"
    assert one(result).name == "Figma"


def test_a_duplicate_header_is_fatal() -> None:
    result = parse_csv(b"name,status,Status\nFigma,active,retired\n", **LIMITS)
    assert where(result) == [(0, "status", "error")]
    assert result.problems[0].problem == (
        "column 'status' appears twice in the header (columns 2 and 3)"
    )
    assert result.tools == []


def test_headers_compare_without_case_and_spaces() -> None:
    data = b" Name ,Annual Cost,CURRENCY,seats-active\nFigma,18000,usd,21\n"
    tool = one(parse_csv(data, **LIMITS))
    assert (tool.annual_cost_minor, tool.currency, tool.seats_active) == (1_800_000, "USD", 21)


def test_an_empty_file_and_a_header_only_file() -> None:
    assert where(parse_csv(b"", **LIMITS)) == [(0, None, "error")]
    header_only = parse_csv(",".join(COLUMNS).encode() + b"\n", **LIMITS)
    assert header_only.tools == []
    assert header_only.rows_read == 0
    assert where(header_only) == [(0, None, "warning")]


def test_blank_lines_are_skipped_but_keep_their_row_number() -> None:
    data = b"name,status\nFigma,active\n\n,\nCanva,actve\n"
    result = parse_csv(data, **LIMITS)
    assert [t.name for t in result.tools] == ["Figma"]
    assert where(result) == [(4, "status", "error")]
    assert result.rows_read == 2


def test_short_rows_are_padded_and_long_rows_are_an_error() -> None:
    data = b"name,vendor,status\nFigma\nCanva,Canva,active,,\nMiro,Miro,active,oops\n"
    result = parse_csv(data, **LIMITS)
    assert [t.name for t in result.tools] == ["Figma", "Canva"]
    assert where(result) == [(1, "status", "warning"), (3, None, "error")]
    assert result.problems[1].problem == "the row has 4 cells but the header has 3 columns"


def test_columns_in_any_order_and_short_rows() -> None:
    data = b"status,Legacy id,annual_cost,name,currency\nretired,7,100,Figma,EUR\nactive,8\n"
    result = parse_csv(data, **LIMITS)
    assert [(t.row, t.name, t.status, t.annual_cost_minor) for t in result.tools] == [
        (1, "Figma", ToolStatus.retired, 10_000)
    ]
    assert where(result) == [(0, "Legacy id", "warning"), (2, "name", "error")]


def test_a_quote_left_open_is_an_error_and_nothing_is_kept() -> None:
    data = b'name,notes,status\nFigma,fine,active\nCanva,"never closed,active\nMiro,x,active\n'
    result = parse_csv(data, **LIMITS)
    assert result.tools == []
    assert where(result) == [(2, None, "error")]


def test_quoted_cells_may_hold_commas_and_newlines() -> None:
    data = b'name,notes,status\n"Acme, Inc. CRM","line one\nline two",active\nFigma,,active\n'
    result = parse_csv(data, **LIMITS)
    assert [(t.row, t.name, t.notes) for t in result.tools] == [
        (1, "Acme, Inc. CRM", "line one\nline two"),
        (2, "Figma", None),
    ]


# --- size limits ------------------------------------------------------------------------------


def test_too_many_bytes_raises() -> None:
    data = sample_bytes()
    with pytest.raises(ImportTooLarge, match=f"{len(data)} bytes; the limit is 1000"):
        parse_csv(data, max_rows=50_000, max_bytes=1000)
    with pytest.raises(ImportTooLarge):
        parse_json(b"[" + b" " * 2000 + b"]", max_rows=50_000, max_bytes=1000)
    assert parse_csv(data, max_rows=57, max_bytes=len(data)).problems == []


def test_too_many_rows_raises() -> None:
    data = sample_bytes()
    with pytest.raises(ImportTooLarge, match="more than 56 data rows"):
        parse_csv(data, max_rows=56, max_bytes=10**9)
    assert len(parse_csv(data, max_rows=57, max_bytes=10**9).tools) == 57
    items = json.dumps([{"name": f"Tool {i}"} for i in range(11)]).encode()
    with pytest.raises(ImportTooLarge, match="11 data rows; the limit is 10"):
        parse_json(items, max_rows=10, max_bytes=10**9)
    assert len(parse_json(items, max_rows=11, max_bytes=10**9).tools) == 11


def test_blank_lines_do_not_count_towards_the_row_limit() -> None:
    data = b"name\nFigma\n\n\n\nCanva\n"
    assert len(parse_csv(data, max_rows=2, max_bytes=10**6).tools) == 2


# --- names ------------------------------------------------------------------------------------


def test_a_name_is_required_and_at_most_200_characters() -> None:
    result = parse_rows(
        {"name": "   "},
        {"name": "x" * 200},
        {"name": "y" * 201},
        {"name": "  Figma  "},
    )
    assert [t.name for t in result.tools] == ["x" * 200, "Figma"]
    assert where(result) == [(1, "name", "error"), (3, "name", "error")]
    assert result.problems[0].problem == "name is required"
    assert result.problems[1].problem == "name has 201 characters; at most 200 are allowed"


def test_a_missing_name_is_reported_beside_other_problems() -> None:
    result = parse_csv(b"name,status\n,active,extra\n", **LIMITS)
    assert where(result) == [(1, None, "error"), (1, "name", "error")]
    missing = parse_json(b'[{"status": "active"}, {"name": null, "status": "active"}]', **LIMITS)
    assert where(missing) == [(1, "name", "error"), (2, "name", "error")]


def test_every_repeat_of_a_name_is_an_error_naming_the_first_row() -> None:
    result = parse_rows(
        {"name": "Slack"},
        {"name": "Asana"},
        {"name": " slack "},
        {"name": "SLACK"},
        {"name": "Asana"},
    )
    assert [t.row for t in result.tools] == [1, 2]
    assert where(result) == [(3, "name", "error"), (4, "name", "error"), (5, "name", "error")]
    # The message names the earlier row as the file shows it: under the CSV header, row 2.
    assert [p.problem for p in result.problems] == [
        "name 'slack' is a duplicate of row 2 ('Slack')",
        "name 'SLACK' is a duplicate of row 2 ('Slack')",
        "name 'Asana' is a duplicate of row 3",
    ]
    in_json = parse_json(b'[{"name": "Slack"}, {"name": "slack"}]', **LIMITS)
    assert [p.problem for p in in_json.errors] == ["name 'slack' is a duplicate of row 1 ('Slack')"]


def test_a_duplicate_of_a_row_with_other_errors_is_still_a_duplicate() -> None:
    result = parse_rows({"name": "Slack", "status": "gone"}, {"name": "slack"})
    assert result.tools == []
    assert where(result) == [(1, "status", "error"), (2, "name", "error")]


# --- columns ----------------------------------------------------------------------------------


def test_status_empty_is_active_with_a_warning() -> None:
    result = parse_rows({"name": "Figma", "status": ""})
    assert one(result).status is ToolStatus.active
    problem = only_problem(result)
    assert (problem.row, problem.column, problem.severity) == (1, "status", "warning")


def test_status_variants_and_unknown_values() -> None:
    result = parse_rows(
        {"name": "A", "status": "Active"},
        {"name": "B", "status": " retired "},
        {"name": "C", "status": "SUNSETTING"},
        {"name": "D", "status": "actve"},
    )
    assert [t.status for t in result.tools] == [
        ToolStatus.active,
        ToolStatus.retired,
        ToolStatus.sunsetting,
    ]
    problem = only_problem(result)
    assert (problem.row, problem.column, problem.severity) == (4, "status", "error")
    assert problem.problem == "status 'actve' is not one of evaluating, active, sunsetting, retired"


def test_categories_match_the_landscape_loosely() -> None:
    result = parse_rows(
        {"name": "A", "category": "commerce and sales"},
        {"name": "B", "category": "COMMERCE&SALES"},
        {"name": "C", "category": " data "},
        {"name": "D", "category": "Advertising  &  Promotion"},
        {"name": "E", "category": ""},
        {"name": "F", "category": "Analytics"},
    )
    assert [t.category for t in result.tools] == [
        "Commerce & Sales",
        "Commerce & Sales",
        "Data",
        "Advertising & Promotion",
        None,
    ]
    problem = [p for p in result.problems if p.severity == "error"]
    assert [(p.row, p.column) for p in problem] == [(6, "category")]
    assert problem[0].problem.startswith("category 'Analytics' is not one of Advertising & ")


def test_capabilities_split_trimmed_and_deduplicated() -> None:
    tool = one(parse_rows({"name": "A", "capability": " CRM ; crm | Lead  scoring;;lead scoring|"}))
    assert tool.capabilities == ("CRM", "Lead  scoring")
    assert one(parse_rows({"name": "B"})).capabilities == ()


def test_business_owner_is_lower_cased_and_validated() -> None:
    result = parse_rows(
        {"name": "A", "business_owner": " Ops.Lead@ACME.example "},
        {"name": "B", "business_owner": "ops.lead"},
        {"name": "C", "business_owner": "ops lead@acme.example"},
    )
    assert one_tool_named(result, "A").business_owner_email == "ops.lead@acme.example"
    errors = [(p.row, p.column) for p in result.problems if p.severity == "error"]
    assert errors == [(2, "business_owner"), (3, "business_owner")]
    assert result.problems[-2].problem.startswith("business_owner 'ops.lead' is not a valid email")


def test_special_use_and_odd_domains_are_still_judged_by_email_validator() -> None:
    result = parse_rows(
        {"name": "A", "business_owner": "ops@acme.test"},
        {"name": "B", "business_owner": "ops@localhost"},
        {"name": "C", "business_owner": "ops@ab--cd.example"},
        {"name": "D", "business_owner": "ops@acme.123"},
        {"name": "E", "business_owner": "ops..lead@acme.example"},
        {"name": "F", "business_owner": "o'brien@xn--bcher-kva.example"},
        {"name": "G", "business_owner": "Zoë@Bücher.example"},
    )
    assert [(p.row, p.column) for p in result.problems] == [
        (i, "business_owner") for i in range(1, 6)
    ]
    assert [t.business_owner_email for t in result.tools] == [
        "o'brien@bücher.example",  # email-validator gives IDNA domains in Unicode
        "zoë@bücher.example",
    ]


def test_the_fast_email_check_agrees_with_email_validator() -> None:
    rng = random.Random(20261123)
    plain = ["a", "Z", "0", "_", "+", "-", "ops", "Lead", "x9"]
    odd = [*plain, ".", "--", "xn--", "é", " ", "@", "\u212a", "\u017f"]  # Kelvin sign, long s
    tlds = ["example", "com", "test", "local", "io", "c0m", "x", "onion", "arpa", "Org"]
    checked = 0
    for i in range(3000):
        pieces = plain if i % 2 else odd
        local = ".".join(
            "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 2))
        )
        labels = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(0, 2))
        ]
        text = f"{local}@{'.'.join([*labels, rng.choice(tlds)])}"
        try:
            expected: str | None = validate_email(text, check_deliverability=False).normalized
        except EmailNotValidError:
            expected = None
        if _plain_email(text):
            checked += 1
            assert expected is not None, text
            assert expected.lower() == text.lower()
    assert checked > 100


def one_tool_named(result: ImportParse, name: str) -> ParsedTool:
    (tool,) = (t for t in result.tools if t.name == name)
    return tool


def test_money_in_minor_units_of_the_currency() -> None:
    result = parse_rows(
        {"name": "A", "annual_cost": "1,250.50", "currency": "usd"},
        {"name": "B", "annual_cost": "1000", "currency": "JPY"},
        {"name": "C", "annual_cost": "1.234", "currency": "BHD"},
        {"name": "D", "annual_cost": "0", "currency": "EUR"},
    )
    assert [(t.annual_cost_minor, t.currency) for t in result.tools] == [
        (125_050, "USD"),
        (1000, "JPY"),
        (1234, "BHD"),
        (0, "EUR"),
    ]
    assert result.problems == []


@pytest.mark.parametrize("currency", ["USD", "JPY", "BHD", "EUR", "CLF"])
@pytest.mark.parametrize("amount", ["0", "7", "000120", "42000", "999999999999", "12.5", "1,000"])
def test_amounts_agree_with_parse_amount(amount: str, currency: str) -> None:
    try:
        expected: int | None = parse_amount(amount, currency)
    except ValueError:
        expected = None
    if expected is not None and expected > 10**15:  # the limit of Money.amount_minor
        expected = None
    result = parse_rows({"name": "A", "annual_cost": amount, "currency": currency})
    got = result.tools[0].annual_cost_minor if result.tools else None
    assert got == expected


def test_an_amount_too_large_is_an_error() -> None:
    result = parse_rows({"name": "A", "annual_cost": "10000000000001", "currency": "USD"})
    problem = only_problem(result)
    assert (problem.row, problem.column) == (1, "annual_cost")
    assert problem.problem == "annual_cost 10000000000001 USD is too large"
    assert one(parse_rows({"name": "A", "annual_cost": "10000000000000", "currency": "USD"}))


def test_money_errors() -> None:
    result = parse_rows(
        {"name": "A", "annual_cost": "42000", "status": "active"},
        {"name": "B", "annual_cost": "42000", "currency": "EURO", "status": "active"},
        {"name": "C", "annual_cost": "-500", "currency": "USD", "status": "active"},
        {"name": "D", "annual_cost": "1000.5", "currency": "JPY", "status": "active"},
        {"name": "E", "annual_cost": "$42", "currency": "USD", "status": "active"},
        {"name": "F", "annual_cost": "1", "currency": "ABC", "status": "active"},
        {"name": "G", "currency": "gbp", "status": "active"},
    )
    assert [(t.name, t.annual_cost_minor, t.currency) for t in result.tools] == [("G", None, "GBP")]
    assert [(p.row, p.column, p.severity, p.problem) for p in result.problems] == [
        (1, "currency", "error", "annual_cost 42000 has no currency"),
        (2, "currency", "error", "currency 'EURO' is not an ISO 4217 currency code"),
        (3, "annual_cost", "error", "annual_cost '-500': an amount cannot be negative"),
        (4, "annual_cost", "error", "annual_cost '1000.5': JPY has 0 decimals; '1000.5' has more"),
        (5, "annual_cost", "error", "annual_cost '$42' is not a number"),
        (6, "currency", "error", "currency 'ABC' is not an ISO 4217 currency code"),
        (7, "currency", "warning", "currency GBP is given without an annual_cost"),
    ]


def test_renewal_date_is_iso_only() -> None:
    result = parse_rows(
        {"name": "A", "renewal_date": " 2027-03-31 ", "status": "active"},
        {"name": "B", "renewal_date": "31/03/2027", "status": "active"},
        {"name": "C", "renewal_date": "2027-02-30", "status": "active"},
        {"name": "D", "renewal_date": "20270331", "status": "active"},
        {"name": "E", "renewal_date": "2027-3-31", "status": "active"},
    )
    assert [t.renewal_date for t in result.tools] == [date(2027, 3, 31)]
    assert where(result) == [(i, "renewal_date", "error") for i in (2, 3, 4, 5)]
    assert (
        result.problems[0].problem == "renewal_date '31/03/2027' is not a date written YYYY-MM-DD"
    )
    assert result.problems[1].problem.startswith("renewal_date '2027-02-30' is not a real date")


def test_seats_are_non_negative_whole_numbers() -> None:
    result = parse_rows(
        {"name": "A", "seats_purchased": "1,200", "seats_active": "900", "status": "active"},
        {"name": "B", "seats_purchased": "-5", "status": "active"},
        {"name": "C", "seats_purchased": "12.5", "status": "active"},
        {"name": "D", "seats_active": "1,20", "status": "active"},
        {"name": "E", "seats_active": "ten", "status": "active"},
        {"name": "F", "seats_purchased": "0", "seats_active": "0", "status": "active"},
    )
    assert [(t.name, t.seats_purchased, t.seats_active) for t in result.tools] == [
        ("A", 1200, 900),
        ("F", 0, 0),
    ]
    assert where(result) == [
        (2, "seats_purchased", "error"),
        (3, "seats_purchased", "error"),
        (4, "seats_active", "error"),
        (5, "seats_active", "error"),
    ]
    assert result.problems[0].problem == "seats_purchased -5 is negative; it must be 0 or more"
    assert result.problems[1].problem == "seats_purchased '12.5' is not a whole number"


def test_more_active_than_purchased_seats_is_a_warning() -> None:
    result = parse_rows(
        {"name": "A", "seats_purchased": "10", "seats_active": "12", "status": "active"}
    )
    assert one(result).seats_active == 12
    problem = only_problem(result)
    assert (problem.row, problem.column, problem.severity) == (1, "seats_active", "warning")
    assert problem.problem == "seats_active 12 is more than seats_purchased 10"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("TRUE", True),
        (" yes ", True),
        ("Y", True),
        ("1", True),
        ("false", False),
        ("No", False),
        ("n", False),
        ("0", False),
        ("", None),
    ],
)
def test_flags(text: str, value: bool | None) -> None:
    tool = one(parse_rows({"name": "A", "status": "active", "shares_data_with_core": text}))
    assert tool.shares_data_with_core is value


def test_a_flag_that_is_not_one_is_an_error() -> None:
    result = parse_rows({"name": "A", "status": "active", "processes_personal_data": "maybe"})
    assert result.tools == []
    problem = only_problem(result)
    assert (problem.row, problem.column) == (1, "processes_personal_data")
    assert problem.problem == (
        "processes_personal_data 'maybe' is not one of true, false, yes, no, y, n, 1, 0"
    )


def test_integrations_split_trimmed_deduplicated() -> None:
    result = parse_rows(
        {"name": "A", "status": "active", "integrations": " B ;;b; C;"},
        {"name": "B", "status": "active"},
        {"name": "C", "status": "active"},
    )
    assert result.tools[0].integrations == ("B", "C")
    assert result.problems == []
    assert result.unresolved_integrations == {}


def test_an_integration_with_the_tool_itself_is_an_error() -> None:
    result = parse_rows({"name": "Zapier", "status": "active", "integrations": "Slack; zapier "})
    assert result.tools == []
    problem = only_problem(result)
    assert (problem.row, problem.column, problem.severity) == (1, "integrations", "error")
    assert problem.problem == "integrations names the tool itself ('zapier')"


def test_integrations_outside_the_file_are_kept_and_listed() -> None:
    result = parse_rows(
        {"name": "A", "status": "active", "integrations": "B;Salesforce;Slack"},
        {"name": "B", "status": "active", "integrations": "slack"},
        {"name": "C", "status": "nope"},
        {"name": "D", "status": "active", "integrations": "C"},
    )
    assert [t.integrations for t in result.tools] == [
        ("B", "Salesforce", "Slack"),
        ("slack",),
        ("C",),
    ]
    # C has an error, so it is not imported from this file: the importer looks it up.
    assert result.unresolved_integrations == {1: ["Salesforce", "Slack"], 2: ["slack"], 4: ["C"]}
    assert where(result) == [(3, "status", "error")]


def test_text_columns_are_trimmed_and_empty_means_unknown() -> None:
    tool = one(
        parse_rows(
            {
                "name": " Figma ",
                "vendor": "  ",
                "owner_unit": " Digital Experience CoE ",
                "notes": "  Design  ",
                "status": "active",
            }
        )
    )
    assert (tool.name, tool.name_key, tool.vendor) == ("Figma", "figma", None)
    assert (tool.owner_unit, tool.notes) == ("Digital Experience CoE", "Design")
    assert (tool.annual_cost_minor, tool.currency, tool.renewal_date) == (None, None, None)
    assert (tool.seats_purchased, tool.shares_data_with_core) == (None, None)


def test_a_row_with_several_problems_reports_each() -> None:
    result = parse_rows(
        {
            "name": "A",
            "status": "on",
            "annual_cost": "-1",
            "currency": "USD",
            "renewal_date": "tomorrow",
            "seats_active": "-2",
            "shares_data_with_core": "perhaps",
        }
    )
    assert where(result) == [
        (1, "status", "error"),
        (1, "annual_cost", "error"),
        (1, "renewal_date", "error"),
        (1, "seats_active", "error"),
        (1, "shares_data_with_core", "error"),
    ]


def test_problems_are_in_row_order() -> None:
    result = parse_rows(
        {"name": "A", "status": "x"},
        {"name": "a", "status": "active"},
        {"name": "B", "status": "y"},
    )
    assert [p.row for p in result.problems] == [1, 2, 3]


# --- JSON -------------------------------------------------------------------------------------


def test_json_values_may_be_json_types() -> None:
    items = [
        {
            "name": "Marketo Engage",
            "vendor": "Adobe",
            "category": "social and relationships",
            "capability": ["Marketing automation", " Email ", "email"],
            "business_owner": "Ops.Lead@acme.example",
            "status": "Active",
            "annual_cost": 185000.5,
            "currency": "usd",
            "renewal_date": "2027-01-15",
            "seats_purchased": 40,
            "seats_active": 31.0,
            "shares_data_with_core": True,
            "processes_personal_data": 0,
            "integrations": ["Segment", "segment"],
            "notes": None,
            "in_use_since": "2021-03-01",
        },
        {"name": "Segment", "capability": "CDP|Identity", "integrations": "Marketo Engage"},
    ]
    result = parse_json(json.dumps(items).encode(), **LIMITS)
    marketo, segment = result.tools
    assert marketo == ParsedTool(
        name="Marketo Engage",
        name_key="marketo engage",
        vendor="Adobe",
        category="Social & Relationships",
        capabilities=("Marketing automation", "Email"),
        owner_unit=None,
        business_owner_email="ops.lead@acme.example",
        status=ToolStatus.active,
        annual_cost_minor=18_500_050,
        currency="USD",
        renewal_date=date(2027, 1, 15),
        seats_purchased=40,
        seats_active=31,
        shares_data_with_core=True,
        processes_personal_data=False,
        integrations=("Segment",),
        notes=None,
        in_use_since=date(2021, 3, 1),
        row=1,
    )
    assert (segment.capabilities, segment.integrations) == (
        ("CDP", "Identity"),
        ("Marketo Engage",),
    )
    assert where(result) == [(2, "status", "warning")]


def test_json_wrong_types_are_errors() -> None:
    items: list[Any] = [
        {"name": 42, "status": "active"},
        {"name": "B", "status": "active", "annual_cost": True, "currency": "USD"},
        {"name": "C", "status": "active", "seats_active": 2.5},
        {"name": "D", "status": "active", "integrations": ["A", 3]},
        {"name": "E", "status": "active", "shares_data_with_core": 2},
        {"name": "F", "status": 1},
        "G",
        None,
    ]
    result = parse_json(json.dumps(items).encode(), **LIMITS)
    assert result.tools == []
    assert [(p.row, p.column, p.problem) for p in result.problems] == [
        (1, "name", "name must be text, not a number"),
        (2, "annual_cost", "annual_cost must be a number, not a boolean"),
        (3, "seats_active", "seats_active 2.5 is not a whole number"),
        (4, "integrations", "integrations item 2 must be text, not a number"),
        (5, "shares_data_with_core", "shares_data_with_core must be true or false, not a number"),
        (6, "status", "status must be text, not a number"),
        (7, None, "the item is a string, not an object"),
        (8, None, "the item is null, not an object"),
    ]
    assert result.rows_read == 8


def test_json_that_is_not_a_list_of_objects() -> None:
    for data, expected in [
        (b'{"name": "A"}', "the JSON must be a list of objects, not an object"),
        (b"[{]", "the file is not valid JSON"),
        (b"", "the file is not valid JSON"),
    ]:
        result = parse_json(data, **LIMITS)
        problem = only_problem(result)
        assert (problem.row, problem.column, problem.severity) == (0, None, "error")
        assert problem.problem.startswith(expected)


def test_json_duplicate_and_unknown_keys() -> None:
    data = b'[{"name": "A", "status": "active", "Status": "retired", "colour": "red"},' + (
        b'{"name": "B", "name": "C", "colour": "blue", "status": "active"}]'
    )
    result = parse_json(data, **LIMITS)
    assert result.tools == []
    assert [(p.row, p.column, p.severity, p.problem) for p in result.problems] == [
        (0, "colour", "warning", "unknown column 'colour' is ignored"),
        (1, "status", "error", "the column 'status' is given twice (as 'Status')"),
        (2, "name", "error", "the key 'name' appears twice"),
    ]


def test_json_duplicate_names_across_items() -> None:
    data = json.dumps([{"name": "Slack"}, {"name": "slack"}]).encode()
    result = parse_json(data, **LIMITS)
    assert [t.row for t in result.tools] == [1]
    assert [(p.row, p.column, p.severity) for p in result.problems if p.severity == "error"] == [
        (2, "name", "error")
    ]


# --- scale ------------------------------------------------------------------------------------


def test_ten_thousand_rows() -> None:
    header = ",".join(COLUMNS)
    lines = [header]
    for i in range(10_000):
        lines.append(
            f"Tool {i},Vendor {i % 300},Data,Analytics,Unit,owner{i % 25}@acme.example,active,"
            f'{1000 + i}.50,USD,2027-03-31,"1,200",900,true,no,Tool {(i + 1) % 10_000};Other,'
        )
    result = parse_csv(("\n".join(lines) + "\n").encode(), **LIMITS)
    assert len(result.tools) == 10_000
    assert result.problems == []
    assert sum(t.annual_cost_minor or 0 for t in result.tools) == sum(
        (1000 + i) * 100 + 50 for i in range(10_000)
    )
    assert len(result.unresolved_integrations) == 10_000
    assert all(names == ["Other"] for names in result.unresolved_integrations.values())
