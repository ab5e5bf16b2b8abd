"""Tool owners that are people of the org service: checked on writes, linked by the import from
the `business_owner` email, written back as that email by the export.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import csv
import io
import socket
import uuid
from collections import Counter
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from mops_inventory.db import writes
from tests.inventory.factories import create_person, create_unit
from tests.inventory.support import signed
from tests.support import (
    ClientFactory,
    build_service_app,
    new_principal,
    principal_headers,
    running,
    walk_pages,
)

pytestmark = pytest.mark.asyncio

TOOLS = "/v1/inventory/tools"
IMPORTS = "/v1/inventory/imports"
EXPORT = "/v1/inventory/exports/tools.csv"
PROBLEM = "application/problem+json"
CSV = {"content-type": "text/csv"}
HEADER = (
    "name,vendor,category,capability,owner_unit,business_owner,status,annual_cost,currency,"
    "renewal_date,seats_purchased,seats_active,shares_data_with_core,processes_personal_data,"
    "integrations,notes"
)

Json = dict[str, Any]


async def written(app: FastAPI, tenant_id: uuid.UUID) -> tuple[Counter[str], int]:
    """(outbox event types, audit entries) of the tenant in the inventory's database."""
    async with app.state.engine.connect() as conn:
        events = Counter(
            row[0]
            for row in await conn.execute(
                select(writes.outbox.c.type).where(writes.outbox.c.tenant_id == tenant_id)
            )
        )
        audits = await conn.scalar(
            select(func.count())
            .select_from(writes.audit)
            .where(writes.audit.c.tenant_id == tenant_id)
        )
    return events, int(audits or 0)


def problem_pointers(response: httpx.Response, status: int) -> list[str]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    return [error["pointer"] for error in response.json()["errors"]]


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def file_of(*rows: dict[str, str]) -> bytes:
    columns = HEADER.split(",")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return out.getvalue().encode()


# --- tool writes -----------------------------------------------------------------------------


async def test_a_person_of_the_tenant_is_accepted_and_returned(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    ada = await create_person(anonymous_client_factory, principal, "Ada", "ada@acme.example")
    bob = await create_person(
        anonymous_client_factory, principal, "Bob", "bob@acme.example", active=False
    )
    owners = [
        {"role": "business_owner", "person_id": ada, "unit_id": unit},
        {"role": "technical_owner", "person_id": bob, "unit_id": None},
        {"role": "data_steward", "person_id": ada, "unit_id": None},
    ]
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        created = await client.post(TOOLS, json={"name": "Marketo", "owners": owners})
        assert created.status_code == 201, created.text
        read = (await client.get(f"{TOOLS}/{created.json()['id']}")).json()
    assert created.json()["owners"] == owners
    assert read["owners"] == owners


async def test_an_unknown_person_is_422_at_its_pointer_and_nothing_is_written(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    ada = await create_person(anonymous_client_factory, principal, "Ada", "ada@acme.example")
    owners = [
        {"role": "business_owner", "person_id": ada},
        {"role": "technical_owner", "person_id": str(uuid.uuid4())},
        {"role": "data_steward", "unit_id": str(uuid.uuid4())},
    ]
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        response = await client.post(TOOLS, json={"name": "Marketo", "owners": owners})
        listed = await walk_pages(client, TOOLS)
    # Unknown units and unknown people are reported together, each at its owner.
    assert sorted(problem_pointers(response, 422)) == [
        "/owners/1/person_id",
        "/owners/2/unit_id",
    ]
    assert "no person with this id" in response.json()["detail"]
    assert listed == []
    assert await written(service_apps["inventory"], principal.tenant_id) == (Counter(), 0)


async def test_a_person_of_another_tenant_is_422(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    theirs = await create_person(
        anonymous_client_factory, new_principal(), "Foreign", "foreign@acme.example"
    )
    principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        response = await client.post(
            TOOLS,
            json={"name": "Marketo", "owners": [{"role": "data_steward", "person_id": theirs}]},
        )
        listed = await walk_pages(client, TOOLS)
    assert problem_pointers(response, 422) == ["/owners/0/person_id"]
    assert listed == []
    assert await written(service_apps["inventory"], principal.tenant_id) == (Counter(), 0)


async def test_patch_with_an_unknown_person_is_422_and_changes_nothing(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    ada = await create_person(anonymous_client_factory, principal, "Ada", "ada@acme.example")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        created = await client.post(
            TOOLS,
            json={"name": "Marketo", "owners": [{"role": "technical_owner", "person_id": ada}]},
        )
        assert created.status_code == 201, created.text
        tool = created.json()
        refused = await client.patch(
            f"{TOOLS}/{tool['id']}",
            json={
                "vendor": "Adobe",
                "owners": [
                    {"role": "technical_owner", "person_id": ada},
                    {"role": "business_owner", "person_id": str(uuid.uuid4())},
                ],
            },
        )
        assert problem_pointers(refused, 422) == ["/owners/1/person_id"]
        assert (await client.get(f"{TOOLS}/{tool['id']}")).json() == tool


async def test_org_unreachable_with_a_person_owner_is_503_and_nothing_is_stored(
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
    database_urls: dict[str, str],
) -> None:
    principal = new_principal()
    ada = await create_person(anonymous_client_factory, principal, "Ada", "ada@acme.example")
    cut_off = build_service_app(
        "inventory", database_urls["inventory"], org_url=f"http://127.0.0.1:{closed_port()}"
    )
    async with (
        running(cut_off),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=cut_off),
            base_url="http://inventory.test",
            headers=principal_headers(principal),
        ) as client,
    ):
        response = await client.post(
            TOOLS,
            json={"name": "Marketo", "owners": [{"role": "technical_owner", "person_id": ada}]},
        )
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    async with signed(anonymous_client_factory, "inventory", principal) as normal:
        assert await walk_pages(normal, TOOLS) == []
    assert await written(service_apps["inventory"], principal.tenant_id) == (Counter(), 0)


# --- import and export ---------------------------------------------------------------------


async def test_import_links_business_owner_emails_to_people(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Operations CoE")
    ops = await create_person(
        anonymous_client_factory, principal, "Ops Lead", "Ops.Lead@acme.example", unit_id=unit
    )
    data = await create_person(anonymous_client_factory, principal, "Data", "data@acme.example")
    content = file_of(
        {
            "name": "Marketo Engage",
            "owner_unit": "Marketing Operations CoE",
            "business_owner": "OPS.LEAD@ACME.EXAMPLE",
            "status": "active",
        },
        {"name": "Segment", "business_owner": "data@acme.example", "status": "active"},
        {"name": "Notion", "status": "active"},
    )
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        response = await client.post(IMPORTS, content=content, headers=CSV)
        assert response.status_code == 200, response.text
        report = response.json()
        assert (report["created"], report["failed"]) == (3, 0)
        assert report["problems"] == []
        tools = {t["name"]: t for t in await walk_pages(client, TOOLS)}

        assert tools["Marketo Engage"]["owners"] == [
            {"role": "business_owner", "person_id": ops, "unit_id": unit}
        ]
        assert tools["Segment"]["owners"] == [
            {"role": "business_owner", "person_id": data, "unit_id": None}
        ]
        assert tools["Notion"]["owners"] == []

        # The same file again changes nothing; the export names the people by email.
        again = (await client.post(IMPORTS, content=content, headers=CSV)).json()
        assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
        exported = await client.get(EXPORT)
        assert exported.status_code == 200, exported.text
        rows = {r["name"]: r for r in csv.DictReader(io.StringIO(exported.text))}
        assert rows["Marketo Engage"]["business_owner"] == "Ops.Lead@acme.example"
        assert rows["Marketo Engage"]["owner_unit"] == "Marketing Operations CoE"
        assert rows["Segment"]["business_owner"] == "data@acme.example"
        assert rows["Notion"]["business_owner"] == ""
        round_trip = (await client.post(IMPORTS, content=exported.content, headers=CSV)).json()
        assert (round_trip["created"], round_trip["updated"], round_trip["unchanged"]) == (0, 0, 3)
        assert round_trip["problems"] == []


async def test_import_with_an_unknown_email_warns_and_imports_the_tool(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    # A person with that email in another tenant does not count.
    await create_person(anonymous_client_factory, new_principal(), "Ghost", "ghost@acme.example")
    content = file_of(
        {"name": "HubSpot", "business_owner": "ghost@acme.example", "status": "active"}
    )
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        response = await client.post(IMPORTS, content=content, headers=CSV)
        assert response.status_code == 200, response.text
        report = response.json()
        assert (report["created"], report["failed"]) == (1, 0)
        (problem,) = report["problems"]
        # The file's first tool is its row 2: the header is row 1.
        assert (problem["row"], problem["column"], problem["severity"]) == (
            2,
            "business_owner",
            "warning",
        )
        assert "ghost@acme.example" in problem["problem"]
        (tool,) = await walk_pages(client, TOOLS)
        assert (tool["name"], tool["owners"]) == ("HubSpot", [])

        # Once the person exists in this tenant, importing the file again links them.
        ghost = await create_person(anonymous_client_factory, principal, "G", "ghost@acme.example")
        again = (await client.post(IMPORTS, content=content, headers=CSV)).json()
        assert (again["updated"], again["problems"]) == (1, [])
        (tool,) = await walk_pages(client, TOOLS)
        assert tool["owners"] == [{"role": "business_owner", "person_id": ghost, "unit_id": None}]


async def test_import_looks_up_every_email_in_one_call(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    people = {
        f"owner{i}@acme.example": await create_person(
            anonymous_client_factory, principal, f"Owner {i}", f"owner{i}@acme.example"
        )
        for i in range(3)
    }
    content = file_of(
        *({"name": f"Tool {i}", "business_owner": f"owner{i % 3}@acme.example"} for i in range(9))
    )
    org_client = service_apps["inventory"].state.org_client
    paths: list[str] = []

    async def record(request: httpx.Request) -> None:
        paths.append(request.url.path)

    hooks = org_client._http.event_hooks["request"]
    hooks.append(record)
    try:
        async with signed(anonymous_client_factory, "inventory", principal) as client:
            report = (await client.post(IMPORTS, content=content, headers=CSV)).json()
            tools = await walk_pages(client, TOOLS)
    finally:
        hooks.remove(record)
    assert report["created"] == 9
    assert paths.count("/v1/org/people") == 1
    for tool in tools:
        index = int(tool["name"].split()[1]) % 3
        assert tool["owners"][0]["person_id"] == people[f"owner{index}@acme.example"]
