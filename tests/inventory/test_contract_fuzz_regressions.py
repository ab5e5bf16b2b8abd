"""Regressions found by Schemathesis (`python -m contract.fuzz --include-tag inventory`): each
answer below was a 500, a 412 or a 200 where the document says otherwise."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from tests.support import new_principal, principal_headers

pytestmark = pytest.mark.asyncio

MAX_MINOR = 10**15  # Money's largest amount_minor
BIG = {"amount_minor": MAX_MINOR, "currency": "USD"}
PROBLEM = "application/problem+json"


def pointers(response: httpx.Response) -> list[str]:
    return [error["pointer"] for error in response.json().get("errors") or []]


async def _tool(client: httpx.AsyncClient, name: str, **fields: Any) -> dict[str, Any]:
    created = await client.post("/v1/inventory/tools", json={"name": name, **fields})
    assert created.status_code == 201, created.text
    tool: dict[str, Any] = created.json()
    return tool


async def _contract(client: httpx.AsyncClient, tool_id: str, **fields: Any) -> dict[str, Any]:
    created = await client.post(
        f"/v1/inventory/tools/{tool_id}/contracts", json={"annual_cost": BIG, **fields}
    )
    assert created.status_code == 201, created.text
    contract: dict[str, Any] = created.json()
    return contract


# Sums of amounts are MoneySum, not Money: two amounts at Money's limit add up beyond it (500s).


async def test_scenario_diff_with_costs_beyond_one_money_amount(
    inventory_client: httpx.AsyncClient,
) -> None:
    scenario = await inventory_client.post(
        "/v1/inventory/scenarios",
        json={
            "name": "Two big buys",
            "changes": [
                {"kind": "add_tool", "new_tool": {"name": "A", "annual_cost": BIG}},
                {"kind": "add_tool", "new_tool": {"name": "B", "annual_cost": BIG}},
            ],
        },
    )
    assert scenario.status_code == 201, scenario.text
    diff = await inventory_client.get(f"/v1/inventory/scenarios/{scenario.json()['id']}/diff")
    assert diff.status_code == 200, diff.text
    assert diff.json()["stages"][0]["cost_after"] == [
        {"amount_minor": 2 * MAX_MINOR, "currency": "USD"}
    ]


async def test_reports_add_up_amounts_beyond_one_money_amount(
    inventory_client: httpx.AsyncClient,
) -> None:
    for name in ("A", "B"):
        tool = await _tool(inventory_client, name, capabilities=["CRM"])
        await _contract(inventory_client, tool["id"], seats_purchased=10)
        await _contract(inventory_client, tool["id"], seats_purchased=10)
    twice = {"amount_minor": 2 * MAX_MINOR, "currency": "USD"}

    spend = await inventory_client.get("/v1/inventory/reports/spend", params={"by": "status"})
    assert spend.status_code == 200, spend.text
    assert spend.json()["totals"][0]["annual_cost"]["amount_minor"] == 4 * MAX_MINOR
    adoption = await inventory_client.get("/v1/inventory/reports/adoption")
    assert adoption.status_code == 200, adoption.text
    assert adoption.json()["rows"][0]["annual_cost"] == [twice]
    returns = await inventory_client.get("/v1/inventory/reports/returns")
    assert returns.status_code == 200, returns.text
    redundancy = await inventory_client.get("/v1/inventory/reports/redundancy")
    assert redundancy.status_code == 200, redundancy.text
    assert redundancy.json()["capabilities"][0]["money_at_stake"] == [twice]


# A body the schema refuses is a 422 before the stored version is compared (not a 412).


@pytest.mark.parametrize(
    "body",
    [
        {"processes_personal_data": 0},
        {"name": None},
        {"custom_fields": {"": ""}},
        {"capabilities": [" "]},
    ],
)
async def test_a_bad_tool_patch_with_a_stale_if_match_is_422(
    inventory_client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    tool = await _tool(inventory_client, "Marketo")
    response = await inventory_client.patch(
        f"/v1/inventory/tools/{tool['id']}", json=body, headers={"If-Match": '"999"'}
    )
    assert response.status_code == 422, response.text


@pytest.mark.parametrize(
    "body",
    [
        {"seats_purchased": False},
        {"auto_renew": None},
        {"annual_cost": {"amount_minor": False, "currency": "USD"}},
        {"term_end": 20270115},
    ],
)
async def test_a_bad_contract_patch_with_a_stale_if_match_is_422(
    inventory_client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    tool = await _tool(inventory_client, "Marketo")
    contract = await _contract(inventory_client, tool["id"])
    response = await inventory_client.patch(
        f"/v1/inventory/contracts/{contract['id']}", json=body, headers={"If-Match": '"999"'}
    )
    assert response.status_code == 422, response.text


async def test_a_null_name_on_a_scenario_with_a_stale_if_match_is_422(
    inventory_client: httpx.AsyncClient,
) -> None:
    scenario = await inventory_client.post("/v1/inventory/scenarios", json={"name": "2027"})
    assert scenario.status_code == 201, scenario.text
    response = await inventory_client.patch(
        f"/v1/inventory/scenarios/{scenario.json()['id']}",
        json={"name": None},
        headers={"If-Match": '"999"'},
    )
    assert response.status_code == 422, response.text
    assert pointers(response) == ["/name"]


# Pydantic's lax mode took false for 0, 0 for false and a number for a date.


async def test_lax_values_are_refused(inventory_client: httpx.AsyncClient) -> None:
    tool = await _tool(inventory_client, "Marketo")
    usage = await inventory_client.post(
        f"/v1/inventory/tools/{tool['id']}/licence-usage",
        json={"as_of": "2026-11-01", "seats_active": False},
    )
    assert usage.status_code == 422
    assert pointers(usage) == ["/seats_active"]
    contract = await inventory_client.post(
        f"/v1/inventory/tools/{tool['id']}/contracts",
        json={"annual_cost": {"amount_minor": False, "currency": "USD"}},
    )
    assert contract.status_code == 422
    for url, params in [
        (f"/v1/inventory/tools/{tool['id']}/licence-usage", {"until": "0"}),
        ("/v1/inventory/outcomes", {"until": "0.5"}),
        ("/v1/inventory/reports/renewals", {"as_of": "0"}),
        ("/v1/inventory/reports/returns", {"until": "0"}),
    ]:
        response = await inventory_client.get(url, params=params)
        assert response.status_code == 422, (url, response.text)
    # An integer written 3.0 is still an integer.
    whole = await inventory_client.post(
        f"/v1/inventory/tools/{tool['id']}/licence-usage",
        json={"as_of": "2026-11-01", "seats_active": 3.0},
    )
    assert whole.status_code == 201, whole.text
    assert whole.json()["seats_active"] == 3


async def test_an_unknown_sort_is_422_at_sort(inventory_client: httpx.AsyncClient) -> None:
    for url in (
        "/v1/inventory/tools",
        "/v1/inventory/categories",
        "/v1/inventory/contracts",
        "/v1/inventory/integrations",
        "/v1/inventory/scenarios",
    ):
        response = await inventory_client.get(url, params={"sort": "vendor"})
        assert response.status_code == 422, url
        assert pointers(response) == ["/sort"]
        assert (await inventory_client.get(url, params={"sort": "-created_at"})).status_code == 200


# Imports: a body the document refuses is refused in `partial` mode too.


async def test_an_import_that_is_not_utf8_is_400_in_either_mode(
    inventory_client: httpx.AsyncClient,
) -> None:
    for mode in ("partial", "all_or_nothing"):
        for content_type in ("text/csv", "application/json"):
            response = await inventory_client.post(
                "/v1/inventory/imports",
                params={"mode": mode},
                content=b"\xe3",
                headers={"content-type": content_type},
            )
            assert response.status_code == 400, response.text
            assert response.headers["content-type"] == PROBLEM
    not_json = await inventory_client.post(
        "/v1/inventory/imports",
        params={"mode": "partial"},
        content=b"[{",
        headers={"content-type": "application/json"},
    )
    assert not_json.status_code == 400


async def test_a_json_import_of_the_wrong_types_is_422_in_partial_mode(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.post(
        "/v1/inventory/imports",
        params={"mode": "partial"},
        json=[{"name": "A"}, {"name": "B", "processes_personal_data": 2, "seats_active": True}],
    )
    assert response.status_code == 422, response.text
    assert sorted(pointers(response)) == ["/1/processes_personal_data", "/1/seats_active"]
    bodies: list[Any] = [[[]], [{"vendor": "Adobe"}], {"name": "A"}]
    for body in bodies:
        refused = await inventory_client.post(
            "/v1/inventory/imports", params={"mode": "partial"}, json=body
        )
        assert refused.status_code == 422, (body, refused.text)
    listed = await inventory_client.get("/v1/inventory/tools")
    assert listed.json()["items"] == []


async def test_a_json_import_takes_1_0_for_a_flag(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.post(
        "/v1/inventory/imports", json=[{"name": "A", "processes_personal_data": 1.0}]
    )
    assert response.status_code == 200, response.text
    tool = (await inventory_client.get("/v1/inventory/tools")).json()["items"][0]
    assert tool["processes_personal_data"] is True


async def test_a_csv_without_a_name_column_is_422_in_partial_mode(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.post(
        "/v1/inventory/imports",
        params={"mode": "partial"},
        content=b'[[[], {"x": ""}], null]',
        headers={"content-type": "text/csv"},
    )
    assert response.status_code == 422, response.text
    assert "required column 'name' is missing" in response.text


async def test_a_json_import_reads_keys_as_columns_for_their_types(
    inventory_client: httpx.AsyncClient,
) -> None:
    """Keys match columns without case, spaces or dashes, in the type check as in the import."""
    good = await inventory_client.post(
        "/v1/inventory/imports",
        params={"mode": "partial"},
        json=[{"Name": "A", "Seats-Purchased": "12", "Annual Cost": 100, "Currency": "USD"}],
    )
    assert good.status_code == 200, good.text
    assert good.json()["created"] == 1
    bad = await inventory_client.post(
        "/v1/inventory/imports",
        params={"mode": "partial"},
        json=[{"name": "B", "Annual Cost": True}],
    )
    assert bad.status_code == 422, bad.text
    assert pointers(bad) == ["/0/Annual Cost"]


# A URL past what the HTTP server reads is refused by the server, in plain text, as documented.


async def test_an_ownership_url_too_long_for_the_server_is_a_plain_400(
    service_apps: dict[str, FastAPI],
) -> None:
    app = service_apps["inventory"]
    operation = app.openapi()["paths"]["/v1/inventory/reports/ownership"]["get"]
    plain = {"text/plain": {"schema": {"type": "string"}}}
    assert operation["responses"]["400"]["content"] == plain
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="critical")
    )
    serving = asyncio.create_task(server.serve())
    try:
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        headers = principal_headers(new_principal())
        ids = [str(uuid.uuid4()) for _ in range(200)]
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", headers=headers) as c:
            # The most the report takes (200 units and 200 people) fits.
            most = await c.get(
                "/v1/inventory/reports/ownership", params={"unit_id": ids, "person_id": ids}
            )
            assert most.status_code == 200, most.text
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        query = "&".join(f"unit_id={uuid.uuid4()}" for _ in range(1500))
        writer.write(
            f"GET /v1/inventory/reports/ownership?{query} HTTP/1.1\r\n"
            "Host: inventory\r\nConnection: close\r\n\r\n".encode()
        )
        answer = await reader.read()
        writer.close()
        assert answer.startswith(b"HTTP/1.1 400 ")
        assert b"content-type: text/plain" in answer.lower()
    finally:
        server.should_exit = True
        await serving
