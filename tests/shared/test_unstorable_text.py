"""Text PostgreSQL cannot store (a NUL character) in a query parameter: a 422 naming the
parameter on every backend, not a database error."""

from __future__ import annotations

import httpx
import pytest

from tests.support import assert_problem


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("service", "path", "parameter"),
    [
        ("inventory", "/v1/inventory/tools", "name"),
        ("inventory", "/v1/inventory/tools", "vendor"),
        ("org", "/v1/org/people", "email"),
        ("scoring", "/v1/scoring/assessments", "status"),
    ],
)
async def test_a_nul_in_a_query_parameter_is_refused_at_it(
    inventory_client: httpx.AsyncClient,
    org_client: httpx.AsyncClient,
    scoring_client: httpx.AsyncClient,
    service: str,
    path: str,
    parameter: str,
) -> None:
    client = {"inventory": inventory_client, "org": org_client, "scoring": scoring_client}[service]
    response = await client.get(path, params={parameter: "acme\x00"})
    body = assert_problem(response, 422, f"/{parameter}")
    assert body["errors"][0]["location"] == "query"
    assert "NUL" in body["errors"][0]["detail"]  # not refused as an unknown parameter


_NUL_NAME = b'{"name": "Emailing\\u0000", "type": "team"}'
_SURROGATE_NAME = b'{"name": "Emailing \\ud800", "type": "team"}'


@pytest.mark.asyncio
@pytest.mark.parametrize("body", [_NUL_NAME, _SURROGATE_NAME], ids=["nul", "lone-surrogate"])
async def test_text_no_database_stores_in_a_body_is_refused_at_it_and_nothing_is_written(
    org_client: httpx.AsyncClient, body: bytes
) -> None:
    response = await org_client.post(
        "/v1/org/units", content=body, headers={"content-type": "application/json"}
    )
    problem = assert_problem(response, 422, "/name")
    assert problem["errors"][0]["location"] == "body"
    assert (await org_client.get("/v1/org/units")).json()["items"] == []


@pytest.mark.asyncio
async def test_nested_keys_and_values_are_named_and_paired_surrogates_are_text(
    inventory_client: httpx.AsyncClient,
) -> None:
    nested = (
        b'{"name": "Segment", "tags": ["ok", "bad\\u0000"],'
        b' "custom_fields": {"note\\u0000": "x", "fine": "\\ud83d\\ude00"}}'
    )
    response = await inventory_client.post(
        "/v1/inventory/tools", content=nested, headers={"content-type": "application/json"}
    )
    problem = assert_problem(response, 422)
    assert [(e["location"], e["pointer"]) for e in problem["errors"]] == [
        ("body", "/tags/1"),
        ("body", "/custom_fields/note\x00"),
    ]
    # An emoji is a surrogate pair in JSON's escapes: text like any other.
    emoji = b'{"name": "Segment \\ud83d\\ude00", "tags": ["\\u00e9"]}'
    created = await inventory_client.post(
        "/v1/inventory/tools", content=emoji, headers={"content-type": "application/json"}
    )
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "Segment \U0001f600"


@pytest.mark.asyncio
async def test_an_import_row_with_a_nul_is_that_rows_error_and_nothing_is_imported(
    inventory_client: httpx.AsyncClient,
) -> None:
    csv = b"name,vendor\nSegment,Twilio\nBad\x00Tool,Acme\nHubSpot,HubSpot\x00 Inc\n"
    response = await inventory_client.post(
        "/v1/inventory/imports", content=csv, headers={"content-type": "text/csv"}
    )
    problem = assert_problem(response, 422)
    assert [(e["row"], e["pointer"]) for e in problem["errors"]] == [
        (3, "/1/name"),
        (4, "/2/vendor"),
    ]
    assert all("NUL" in e["detail"] for e in problem["errors"])
    assert (await inventory_client.get("/v1/inventory/tools")).json()["items"] == []


@pytest.mark.asyncio
async def test_an_organisation_import_with_a_nul_is_refused_at_it(
    org_client: httpx.AsyncClient,
) -> None:
    document = b'{"units": [{"name": "Team\\u0000A", "type": "team"}]}'
    response = await org_client.post(
        "/v1/org/imports", content=document, headers={"content-type": "application/json"}
    )
    problem = assert_problem(response, 422, "/units/0/name")
    assert problem["errors"][0]["location"] == "body"
    assert (await org_client.get("/v1/org/units")).json()["items"] == []
