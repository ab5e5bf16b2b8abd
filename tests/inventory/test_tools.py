"""`/v1/inventory/tools`: create, read, change, delete, list; owners checked with org; writes.

Every test works in tenants of its own (fresh principals), so none sees another's rows.
"""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from mops_inventory.db import writes
from mops_inventory.tools.models import ToolStatusChange
from mops_shared.contracts.common import name_key
from mops_shared.kit.auth import Principal
from tests.inventory.factories import create_person, create_unit
from tests.inventory.support import signed
from tests.support import (
    ClientFactory,
    build_service_app,
    new_principal,
    principal_headers,
    running,
    tenant_client,
    walk_pages,
)

pytestmark = pytest.mark.asyncio

URL = "/v1/inventory/tools"
AUDIT_URL = "/v1/inventory/audit"
PROBLEM = "application/problem+json"

Json = dict[str, Any]


# --- helpers -------------------------------------------------------------------------------


def client_of(app: FastAPI, principal: Principal) -> httpx.AsyncClient:
    """A client to an app built by the test itself (not one of the session's apps)."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://inventory.test",
        headers=principal_headers(principal),
    )


async def create(client: httpx.AsyncClient, name: str, **fields: Any) -> Json:
    response = await client.post(URL, json={"name": name, **fields})
    assert response.status_code == 201, response.text
    body: Json = response.json()
    return body


async def categories(client: httpx.AsyncClient) -> dict[str, str]:
    """The tenant's categories (seeded by the first list), id by name."""
    response = await client.get("/v1/inventory/categories")
    assert response.status_code == 200, response.text
    return {c["name"]: c["id"] for c in response.json()["items"]}


async def names_listed(client: httpx.AsyncClient, **params: Any) -> list[str]:
    return [tool["name"] for tool in await walk_pages(client, URL, **params)]


async def event_types(app: FastAPI, tenant_id: uuid.UUID) -> Counter[str]:
    outbox = writes.outbox
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(select(outbox.c.type).where(outbox.c.tenant_id == tenant_id))
        return Counter(row[0] for row in rows)


async def audit_count(app: FastAPI, tenant_id: uuid.UUID) -> int:
    audit = writes.audit
    async with app.state.engine.connect() as conn:
        count = await conn.scalar(
            select(func.count()).select_from(audit).where(audit.c.tenant_id == tenant_id)
        )
        return int(count or 0)


async def status_history(app: FastAPI, tool_id: str) -> list[tuple[str | None, str]]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            select(ToolStatusChange.from_status, ToolStatusChange.to_status)  # type: ignore[call-overload]
            .where(ToolStatusChange.tool_id == uuid.UUID(tool_id))
            .order_by(ToolStatusChange.changed_at)
        )
        return [(row[0], row[1]) for row in rows]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def assert_problem(response: httpx.Response, status: int) -> Json:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: Json = response.json()
    assert problem["status"] == status
    return problem


def pointers(response: httpx.Response) -> list[str]:
    return [error["pointer"] for error in response.json()["errors"]]


# --- create and read -----------------------------------------------------------------------

FULL_TOOL: Json = {
    "name": "  Marketo Engage ",
    "vendor": "Adobe",
    "capabilities": ["Marketing automation", "Email", "marketing AUTOMATION", " Lead scoring "],
    "description": "Nurture and scoring.",
    "usage_notes": "Owned by the CoE.",
    "shares_data_with_core": True,
    "processes_personal_data": True,
    "personal_data_categories": ["contact", "behaviour"],
    "website": "https://business.adobe.com/products/marketo",
    "tags": ["core", "emea"],
}


async def test_create_returns_201_with_location_etag_and_the_fields(
    inventory_client: httpx.AsyncClient,
) -> None:
    before = datetime.now(UTC)
    response = await inventory_client.post(URL, json=FULL_TOOL)

    assert response.status_code == 201, response.text
    tool = response.json()
    assert response.headers["location"] == f"/v1/inventory/tools/{tool['id']}"
    assert response.headers["etag"] == '"1"'
    assert uuid.UUID(tool["id"])
    assert tool["name"] == "Marketo Engage"
    assert tool["vendor"] == "Adobe"
    assert tool["capabilities"] == ["Marketing automation", "Email", "Lead scoring"]
    assert tool["description"] == "Nurture and scoring."
    assert tool["usage_notes"] == "Owned by the CoE."
    assert tool["shares_data_with_core"] is True
    assert tool["processes_personal_data"] is True
    assert tool["personal_data_categories"] == ["contact", "behaviour"]
    assert tool["website"] == "https://business.adobe.com/products/marketo"
    assert tool["tags"] == ["core", "emea"]
    assert tool["owners"] == []
    assert tool["category_id"] is None
    assert tool["status"] == "active"
    assert tool["version"] == 1
    changed_at = datetime.fromisoformat(tool["status_changed_at"])
    assert before - timedelta(seconds=1) <= changed_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert tool["status_changed_at"] == tool["created_at"]


async def test_minimal_create_takes_the_defaults(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "Spreadsheet")

    assert tool["status"] == "active"
    assert tool["capabilities"] == []
    assert tool["owners"] == []
    assert tool["tags"] == []
    assert tool["processes_personal_data"] is False
    assert tool["shares_data_with_core"] is None
    assert tool["vendor"] is None
    assert tool["website"] is None


async def test_the_day_a_tool_came_into_use_is_set_changed_and_cleared(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Braze", in_use_since="2022-09-01")
    assert tool["in_use_since"] == "2022-09-01"
    url = f"{URL}/{tool['id']}"
    assert (await inventory_client.get(url)).json()["in_use_since"] == "2022-09-01"
    changed = await inventory_client.patch(url, json={"in_use_since": "2023-01-31"})
    assert (changed.status_code, changed.json()["in_use_since"]) == (200, "2023-01-31")
    cleared = await inventory_client.patch(url, json={"in_use_since": None})
    assert cleared.json()["in_use_since"] is None
    # A timestamp or an impossible day is no date: 422 at the field, nothing changed.
    for wrong in (20230131, "2023-01-31T10:00:00Z", "2023-02-30"):
        refused = await inventory_client.patch(url, json={"in_use_since": wrong})
        assert assert_problem(refused, 422)["errors"][0]["pointer"] == "/in_use_since"
    assert (await inventory_client.get(url)).json()["version"] == cleared.json()["version"]


async def test_create_with_a_given_status_keeps_it(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "Braze", status="evaluating")

    assert tool["status"] == "evaluating"
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json()["status"] == "evaluating"


async def test_get_returns_the_created_body_and_etag(inventory_client: httpx.AsyncClient) -> None:
    created = await inventory_client.post(URL, json=FULL_TOOL)

    response = await inventory_client.get(created.headers["location"])

    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'
    assert response.json() == created.json()


async def test_get_of_an_unknown_tool_is_404(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.get(f"{URL}/{uuid.uuid4()}")

    assert assert_problem(response, 404)["type"] == "/problems/not-found"


async def test_get_of_a_malformed_id_is_422_at_the_path(
    inventory_client: httpx.AsyncClient,
) -> None:
    response = await inventory_client.get(f"{URL}/not-a-uuid")

    assert_problem(response, 422)
    error = response.json()["errors"][0]
    assert (error["location"], error["pointer"]) == ("path", "/tool_id")


async def test_capabilities_are_shared_by_name_without_case(
    inventory_client: httpx.AsyncClient,
) -> None:
    await create(inventory_client, "Salesforce", capabilities=["CRM"])

    second = await create(inventory_client, "HubSpot", capabilities=["crm", "Marketing automation"])

    # The tenant's capability keeps its first spelling, so redundancy counts one capability.
    assert second["capabilities"] == ["CRM", "Marketing automation"]


async def test_concurrent_creates_sharing_new_capabilities_all_succeed(
    inventory_client: httpx.AsyncClient,
) -> None:
    orders = [["Email", "CRM", "ABM", "CMS"], ["CMS", "ABM", "CRM", "Email"]] * 4

    responses = await asyncio.gather(
        *(
            inventory_client.post(URL, json={"name": f"Tool {i}", "capabilities": order})
            for i, order in enumerate(orders)
        )
    )

    assert [r.status_code for r in responses] == [201] * len(orders), [r.text for r in responses]
    assert [r.json()["capabilities"] for r in responses] == orders
    for capability in ("email", "crm"):
        assert len(await names_listed(inventory_client, capability=capability)) == len(orders)


# --- names ---------------------------------------------------------------------------------


async def test_names_are_unique_without_case_or_surrounding_spaces(
    inventory_client: httpx.AsyncClient,
) -> None:
    await create(inventory_client, "Marketo Engage")

    response = await inventory_client.post(URL, json={"name": "  marketo ENGAGE "})

    assert assert_problem(response, 409)["type"] == "/problems/conflict"
    assert await names_listed(inventory_client) == ["Marketo Engage"]


async def test_concurrent_creates_of_one_name_store_one_tool(
    inventory_client: httpx.AsyncClient,
) -> None:
    responses = await asyncio.gather(
        *(inventory_client.post(URL, json={"name": f"Race{' ' * i}"}) for i in range(5))
    )

    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409]
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409)
    assert await names_listed(inventory_client) == ["Race"]


async def test_concurrent_renames_to_one_name_rename_one_tool(
    inventory_client: httpx.AsyncClient,
) -> None:
    tools = [await create(inventory_client, f"Tool {i}") for i in range(4)]

    responses = await asyncio.gather(
        *(inventory_client.patch(f"{URL}/{t['id']}", json={"name": "Winner"}) for t in tools)
    )

    assert sorted(r.status_code for r in responses) == [200, 409, 409, 409]
    assert sorted(await names_listed(inventory_client)) == sorted(
        [
            "Winner",
            *(t["name"] for t, r in zip(tools, responses, strict=True) if r.status_code == 409),
        ]
    )


async def test_the_same_name_in_another_tenant_is_fine(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with signed(anonymous_client_factory, "inventory", new_principal()) as a:
        await create(a, "Marketo Engage")
    async with signed(anonymous_client_factory, "inventory", new_principal()) as b:
        response = await b.post(URL, json={"name": "Marketo Engage"})

    assert response.status_code == 201, response.text


async def test_a_name_of_200_characters_is_accepted(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "n" * 200)

    assert len(tool["name"]) == 200


# --- category ------------------------------------------------------------------------------


async def test_a_category_of_the_tenant_is_accepted(inventory_client: httpx.AsyncClient) -> None:
    data = (await categories(inventory_client))["Data"]

    tool = await create(inventory_client, "Segment", category_id=data)

    assert tool["category_id"] == data


async def test_an_unknown_category_is_422_at_category_id(
    inventory_client: httpx.AsyncClient,
) -> None:
    await categories(inventory_client)

    response = await inventory_client.post(
        URL, json={"name": "Segment", "category_id": str(uuid.uuid4())}
    )

    assert_problem(response, 422)
    assert response.json()["errors"][0]["pointer"] == "/category_id"
    assert await names_listed(inventory_client) == []


async def test_a_category_of_another_tenant_is_422_at_category_id(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with signed(anonymous_client_factory, "inventory", new_principal()) as other:
        foreign = (await categories(other))["Data"]
    async with signed(anonymous_client_factory, "inventory", new_principal()) as client:
        await categories(client)
        response = await client.post(URL, json={"name": "Segment", "category_id": foreign})
        listed = await names_listed(client)

    assert_problem(response, 422)
    assert response.json()["errors"][0]["pointer"] == "/category_id"
    assert listed == []


# --- owners --------------------------------------------------------------------------------


async def test_an_owner_unit_of_the_tenant_is_accepted_and_returned(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    person = await create_person(anonymous_client_factory, principal, "ada@acme.example")
    owners = [
        {"role": "business_owner", "person_id": None, "unit_id": unit},
        {"role": "data_steward", "person_id": person, "unit_id": None},
        {"role": "technical_owner", "person_id": person, "unit_id": unit},
    ]
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo", owners=owners)
        read = (await client.get(f"{URL}/{tool['id']}")).json()

    assert tool["owners"] == owners
    assert read["owners"] == owners


async def test_an_unknown_owner_unit_is_422_and_nothing_is_stored(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    owners = [
        {"role": "business_owner", "unit_id": unit},
        {"role": "technical_owner", "unit_id": str(uuid.uuid4())},
    ]
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        response = await client.post(URL, json={"name": "Marketo", "owners": owners})
        listed = await names_listed(client)

    assert_problem(response, 422)
    assert pointers(response) == ["/owners/1/unit_id"]
    assert listed == []
    assert await event_types(service_apps["inventory"], principal.tenant_id) == Counter()


async def test_a_unit_of_another_tenant_is_422_at_its_pointer(
    anonymous_client_factory: ClientFactory,
) -> None:
    foreign = await create_unit(anonymous_client_factory, new_principal(), "Their team")
    async with signed(anonymous_client_factory, "inventory", new_principal()) as client:
        response = await client.post(
            URL, json={"name": "Marketo", "owners": [{"role": "data_steward", "unit_id": foreign}]}
        )
        listed = await names_listed(client)

    assert_problem(response, 422)
    assert pointers(response) == ["/owners/0/unit_id"]
    assert listed == []


async def test_two_business_owners_are_422(inventory_client: httpx.AsyncClient) -> None:
    owners = [
        {"role": "business_owner", "person_id": str(uuid.uuid4())},
        {"role": "business_owner", "person_id": str(uuid.uuid4())},
    ]

    response = await inventory_client.post(URL, json={"name": "Marketo", "owners": owners})

    assert_problem(response, 422)
    assert "business owner" in response.json()["detail"]
    assert await names_listed(inventory_client) == []


async def test_an_owner_without_person_or_unit_is_422(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.post(
        URL, json={"name": "Marketo", "owners": [{"role": "data_steward"}]}
    )

    assert_problem(response, 422)
    assert pointers(response) == ["/owners/0"]
    assert await names_listed(inventory_client) == []


async def test_an_owner_with_an_unknown_role_is_422(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.post(
        URL,
        json={"name": "Marketo", "owners": [{"role": "sponsor", "person_id": str(uuid.uuid4())}]},
    )

    assert_problem(response, 422)
    assert pointers(response) == ["/owners/0/role"]


# --- org service unreachable ---------------------------------------------------------------


async def test_org_unreachable_is_503_and_nothing_is_stored(
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
    database_urls: dict[str, str],
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    cut_off = build_service_app(
        "inventory", database_urls["inventory"], org_url=f"http://127.0.0.1:{closed_port()}"
    )
    async with running(cut_off), client_of(cut_off, principal) as client:
        response = await client.post(
            URL, json={"name": "Marketo", "owners": [{"role": "business_owner", "unit_id": unit}]}
        )

    problem = assert_problem(response, 503)
    assert problem["type"] == "/problems/service-unavailable"
    async with signed(anonymous_client_factory, "inventory", principal) as normal:
        assert (await normal.get(URL)).json()["items"] == []
    app = service_apps["inventory"]
    assert await event_types(app, principal.tenant_id) == Counter()
    assert await audit_count(app, principal.tenant_id) == 0


async def test_without_owners_the_org_service_is_not_asked(
    anonymous_client_factory: ClientFactory, database_urls: dict[str, str]
) -> None:
    principal = new_principal()
    cut_off = build_service_app(
        "inventory", database_urls["inventory"], org_url=f"http://127.0.0.1:{closed_port()}"
    )
    person_owner = [{"role": "business_owner", "person_id": str(uuid.uuid4())}]
    async with running(cut_off), client_of(cut_off, principal) as client:
        bare = await client.post(URL, json={"name": "Spreadsheet"})
        # Owner people are checked with org too, so a person owner needs it.
        with_person = await client.post(URL, json={"name": "Notion", "owners": person_owner})

    assert bare.status_code == 201, bare.text
    assert_problem(with_person, 503)
    async with signed(anonymous_client_factory, "inventory", principal) as normal:
        assert await names_listed(normal) == ["Spreadsheet"]


async def test_org_unreachable_on_patch_is_503_and_nothing_changes(
    anonymous_client_factory: ClientFactory, database_urls: dict[str, str]
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    async with signed(anonymous_client_factory, "inventory", principal) as normal:
        tool = await create(normal, "Marketo")
    cut_off = build_service_app(
        "inventory", database_urls["inventory"], org_url=f"http://127.0.0.1:{closed_port()}"
    )
    async with running(cut_off), client_of(cut_off, principal) as client:
        response = await client.patch(
            f"{URL}/{tool['id']}",
            json={"vendor": "Adobe", "owners": [{"role": "business_owner", "unit_id": unit}]},
        )

    assert_problem(response, 503)
    async with signed(anonymous_client_factory, "inventory", principal) as normal:
        assert (await normal.get(f"{URL}/{tool['id']}")).json() == tool


# --- PATCH ---------------------------------------------------------------------------------


async def test_patch_without_if_match_applies(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"vendor": "Adobe"})

    assert response.status_code == 200, response.text
    assert response.json()["vendor"] == "Adobe"
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json()["vendor"] == "Adobe"


async def test_patch_with_a_stale_if_match_is_412_and_changes_nothing(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo")
    await inventory_client.patch(f"{URL}/{tool['id']}", json={"vendor": "Adobe"})  # now "2"

    response = await inventory_client.patch(
        f"{URL}/{tool['id']}", json={"vendor": "Oracle"}, headers={"If-Match": '"1"'}
    )

    assert assert_problem(response, 412)["type"] == "/problems/precondition-failed"
    read = await inventory_client.get(f"{URL}/{tool['id']}")
    assert read.json()["vendor"] == "Adobe"
    assert read.headers["etag"] == '"2"'


async def test_patch_with_the_current_etag_applies_and_bumps_the_version(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = await inventory_client.post(URL, json={"name": "Marketo"})

    response = await inventory_client.patch(
        created.headers["location"],
        json={"description": "Nurture"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'
    assert response.json()["version"] == 2
    assert response.json()["description"] == "Nurture"
    assert response.json()["updated_at"] > created.json()["updated_at"]
    read = await inventory_client.get(created.headers["location"])
    assert read.headers["etag"] == '"2"'
    assert read.json() == response.json()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": "Marketo", "vendor": "Adobe"},
        {"capabilities": ["marketing AUTOMATION"], "tags": None},
    ],
)
async def test_a_patch_that_changes_nothing_keeps_the_version_and_leaves_no_trace(
    inventory_client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    created = await inventory_client.post(
        URL,
        json={"name": "Marketo", "vendor": "Adobe", "capabilities": ["Marketing automation"]},
    )
    assert created.status_code == 201, created.text
    tool_id = created.json()["id"]
    trail = {"object_id": tool_id, "limit": 200}
    audit_before = (await inventory_client.get("/v1/inventory/audit", params=trail)).json()

    response = await inventory_client.patch(
        f"{URL}/{tool_id}", json=body, headers={"If-Match": created.headers["etag"]}
    )

    assert response.status_code == 200, response.text
    assert response.headers["etag"] == created.headers["etag"] == '"1"'
    assert response.json() == created.json()
    audit_after = (await inventory_client.get("/v1/inventory/audit", params=trail)).json()
    assert audit_after["items"] == audit_before["items"]
    # A real change right after still applies.
    changed = await inventory_client.patch(f"{URL}/{tool_id}", json={"vendor": "Oracle"})
    assert changed.json()["version"] == 2


async def test_concurrent_patches_with_one_etag_apply_only_one(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo")

    responses = await asyncio.gather(
        *(
            inventory_client.patch(
                f"{URL}/{tool['id']}", json={"vendor": f"Vendor {i}"}, headers={"If-Match": '"1"'}
            )
            for i in range(4)
        )
    )

    assert sorted(r.status_code for r in responses) == [200, 412, 412, 412]
    (winner,) = [r.json() for r in responses if r.status_code == 200]
    read = await inventory_client.get(f"{URL}/{tool['id']}")
    assert read.headers["etag"] == '"2"'
    assert read.json() == winner


async def test_concurrent_patches_without_if_match_lose_no_version(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo")

    responses = await asyncio.gather(
        *(inventory_client.patch(f"{URL}/{tool['id']}", json={"tags": [f"t{i}"]}) for i in range(4))
    )

    applied = [r for r in responses if r.status_code == 200]
    assert applied, [r.text for r in responses]
    for refused in (r for r in responses if r.status_code != 200):
        assert_problem(refused, 409)  # changed meanwhile: retry, nothing half-applied
    read = (await inventory_client.get(f"{URL}/{tool['id']}")).json()
    assert read["version"] == 1 + len(applied)
    assert sorted(r.json()["version"] for r in applied) == list(range(2, 2 + len(applied)))


@pytest.mark.parametrize("if_match", ['W/"1"', '"7", "1"', "*"])
async def test_patch_accepts_weak_listed_and_wildcard_if_match(
    inventory_client: httpx.AsyncClient, if_match: str
) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(
        f"{URL}/{tool['id']}", json={"vendor": "Adobe"}, headers={"If-Match": if_match}
    )

    assert response.status_code == 200, response.text
    assert response.headers["etag"] == '"2"'


@pytest.mark.parametrize("field", ["name", "status", "processes_personal_data"])
async def test_patch_setting_a_required_field_to_null_is_422(
    inventory_client: httpx.AsyncClient, field: str
) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={field: None})

    assert_problem(response, 422)
    assert pointers(response) == [f"/{field}"]
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json() == tool


async def test_patch_renaming_to_another_tools_name_is_409(
    inventory_client: httpx.AsyncClient,
) -> None:
    await create(inventory_client, "Salesforce")
    tool = await create(inventory_client, "HubSpot")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"name": " SALESFORCE"})

    assert_problem(response, 409)
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json() == tool


async def test_patch_renaming_a_tool_to_its_own_name_in_other_case_is_allowed(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Hubspot")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"name": "HubSpot"})

    assert response.status_code == 200, response.text
    assert response.json()["name"] == "HubSpot"


async def test_patch_status_records_the_change_and_its_time(
    inventory_client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"status": "sunsetting"})

    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["status"] == "sunsetting"
    assert patched["status_changed_at"] > tool["status_changed_at"]
    assert await status_history(service_apps["inventory"], tool["id"]) == [
        (None, "active"),
        ("active", "sunsetting"),
    ]


async def test_patch_to_the_same_status_is_not_a_status_change(
    inventory_client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"status": "active"})

    assert response.status_code == 200, response.text
    assert response.json()["status_changed_at"] == tool["status_changed_at"]
    assert await status_history(service_apps["inventory"], tool["id"]) == [(None, "active")]


async def test_patch_with_empty_capabilities_clears_them(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo", capabilities=["Email", "Lead scoring"])

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"capabilities": []})

    assert response.status_code == 200, response.text
    assert response.json()["capabilities"] == []
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json()["capabilities"] == []


async def test_patch_replaces_capabilities_in_the_given_order(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo", capabilities=["Email", "Lead scoring"])

    response = await inventory_client.patch(
        f"{URL}/{tool['id']}", json={"capabilities": ["Lead scoring", "ABM", "email"]}
    )

    assert response.json()["capabilities"] == ["Lead scoring", "ABM", "Email"]
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json()["capabilities"] == [
        "Lead scoring",
        "ABM",
        "Email",
    ]


@pytest.mark.parametrize("field", ["tags", "personal_data_categories", "capabilities", "owners"])
async def test_patch_setting_a_list_to_null_clears_it(
    anonymous_client_factory: ClientFactory, field: str
) -> None:
    principal = new_principal()
    person = await create_person(anonymous_client_factory, principal, "ada@acme.example")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(
            client,
            "Marketo",
            tags=["core"],
            personal_data_categories=["contact"],
            capabilities=["Email"],
            owners=[{"role": "data_steward", "person_id": person}],
        )
        assert tool[field] != []

        response = await client.patch(f"{URL}/{tool['id']}", json={field: None})
        read = (await client.get(f"{URL}/{tool['id']}")).json()

    assert response.status_code == 200, response.text
    assert response.json()[field] == []
    assert read[field] == []
    assert read == response.json()


async def test_patch_leaves_the_fields_not_sent_unchanged(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        data = (await categories(client))["Data"]
        tool = await create(
            client,
            **FULL_TOOL,
            category_id=data,
            status="evaluating",
            owners=[{"role": "business_owner", "person_id": None, "unit_id": unit}],
        )
        response = await client.patch(f"{URL}/{tool['id']}", json={"usage_notes": "Weekly"})

    assert response.status_code == 200, response.text
    patched = response.json()
    changed = {"usage_notes", "version", "updated_at"}
    assert {k: v for k, v in patched.items() if k not in changed} == {
        k: v for k, v in tool.items() if k not in changed
    }
    assert patched["usage_notes"] == "Weekly"


async def test_patch_can_clear_optional_fields_with_null(
    inventory_client: httpx.AsyncClient,
) -> None:
    data = (await categories(inventory_client))["Data"]
    tool = await create(inventory_client, **FULL_TOOL, category_id=data)

    response = await inventory_client.patch(
        f"{URL}/{tool['id']}",
        json={"vendor": None, "website": None, "category_id": None, "shares_data_with_core": None},
    )

    assert response.status_code == 200, response.text
    patched = response.json()
    assert [patched[f] for f in ("vendor", "website", "category_id", "shares_data_with_core")] == [
        None
    ] * 4


async def test_patch_owners_replaces_them_and_the_unit_filter_follows(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    ops = await create_unit(anonymous_client_factory, principal, "Ops")
    sales = await create_unit(anonymous_client_factory, principal, "Sales")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo", owners=[{"role": "business_owner", "unit_id": ops}])
        response = await client.patch(
            f"{URL}/{tool['id']}",
            json={"owners": [{"role": "technical_owner", "unit_id": sales}]},
        )
        by_ops = await names_listed(client, owner_unit_id=ops)
        by_sales = await names_listed(client, owner_unit_id=sales)

    assert response.status_code == 200, response.text
    assert response.json()["owners"] == [
        {"role": "technical_owner", "person_id": None, "unit_id": sales}
    ]
    assert (by_ops, by_sales) == ([], ["Marketo"])


async def test_patch_with_two_business_owners_is_422(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "Marketo")
    owners = [
        {"role": "business_owner", "person_id": str(uuid.uuid4())},
        {"role": "business_owner", "person_id": str(uuid.uuid4())},
    ]

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json={"owners": owners})

    assert_problem(response, 422)
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json() == tool


async def test_patch_with_an_unknown_owner_unit_is_422_and_changes_nothing(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(
        f"{URL}/{tool['id']}",
        json={
            "name": "Renamed",
            "owners": [{"role": "data_steward", "unit_id": str(uuid.uuid4())}],
        },
    )

    assert_problem(response, 422)
    assert pointers(response) == ["/owners/0/unit_id"]
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json() == tool


async def test_patch_with_an_unknown_category_is_422(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(
        f"{URL}/{tool['id']}", json={"category_id": str(uuid.uuid4())}
    )

    assert_problem(response, 422)
    assert pointers(response) == ["/category_id"]


async def test_patch_of_an_unknown_tool_is_404(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.patch(f"{URL}/{uuid.uuid4()}", json={"vendor": "X"})

    assert_problem(response, 404)


# --- DELETE --------------------------------------------------------------------------------


async def test_delete_with_a_stale_if_match_is_412_and_keeps_the_tool(
    inventory_client: httpx.AsyncClient,
) -> None:
    tool = await create(inventory_client, "Marketo")
    await inventory_client.patch(f"{URL}/{tool['id']}", json={"vendor": "Adobe"})

    response = await inventory_client.delete(f"{URL}/{tool['id']}", headers={"If-Match": '"1"'})

    assert_problem(response, 412)
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).status_code == 200


async def test_concurrent_deletes_with_one_etag_delete_once(
    inventory_client: httpx.AsyncClient, service_apps: dict[str, FastAPI]
) -> None:
    tool = await create(inventory_client, "Marketo")

    responses = await asyncio.gather(
        *(
            inventory_client.delete(f"{URL}/{tool['id']}", headers={"If-Match": '"1"'})
            for _ in range(3)
        )
    )

    codes = sorted(r.status_code for r in responses)
    assert codes[0] == 204, codes
    assert all(code in (404, 412) for code in codes[1:]), codes
    entries = (await inventory_client.get(AUDIT_URL, params={"object_id": tool["id"]})).json()
    assert [e["action"] for e in entries["items"]] == ["delete", "create"]


async def test_delete_removes_the_tool_once(anonymous_client_factory: ClientFactory) -> None:
    principal = new_principal()
    unit = await create_unit(anonymous_client_factory, principal, "Marketing Ops")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(
            client,
            "Marketo",
            capabilities=["Email"],
            owners=[{"role": "business_owner", "unit_id": unit}],
        )
        await client.patch(f"{URL}/{tool['id']}", json={"status": "retired"})

        deleted = await client.delete(f"{URL}/{tool['id']}", headers={"If-Match": '"2"'})
        got = await client.get(f"{URL}/{tool['id']}")
        again = await client.delete(f"{URL}/{tool['id']}")
        by_unit = await names_listed(client, owner_unit_id=unit)
        by_capability = await names_listed(client, capability="email")

    assert deleted.status_code == 204
    assert deleted.content == b""
    assert_problem(got, 404)
    assert_problem(again, 404)
    assert by_unit == []
    assert by_capability == []


async def test_a_deleted_tools_name_can_be_used_again(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, "Marketo")
    await inventory_client.delete(f"{URL}/{tool['id']}")

    again = await create(inventory_client, "marketo")

    assert again["id"] != tool["id"]


# --- audit ---------------------------------------------------------------------------------


async def test_audit_lists_create_update_delete_newest_first(
    anonymous_client_factory: ClientFactory,
) -> None:
    principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        created = await create(client, "Marketo", capabilities=["Email"])
        patched = (
            await client.patch(f"{URL}/{created['id']}", json={"status": "sunsetting"})
        ).json()
        await create(client, "Unrelated")
        assert (await client.delete(f"{URL}/{created['id']}")).status_code == 204
        response = await client.get(AUDIT_URL, params={"object_id": created["id"]})

    assert response.status_code == 200, response.text
    entries = response.json()["items"]
    assert [e["action"] for e in entries] == ["delete", "update", "create"]
    delete, update, create_ = entries
    assert (create_["before"], create_["after"]) == (None, created)
    assert (update["before"], update["after"]) == (created, patched)
    assert (delete["before"], delete["after"]) == (patched, None)
    assert {e["actor_key_id"] for e in entries} == {str(principal.key_id)}
    assert {e["object_type"] for e in entries} == {"tool"}
    assert {e["object_id"] for e in entries} == {created["id"]}


async def test_audit_of_a_tool_is_invisible_to_another_tenant(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with signed(anonymous_client_factory, "inventory", new_principal()) as owner:
        tool = await create(owner, "Marketo")
        own = (await owner.get(AUDIT_URL, params={"object_id": tool["id"]})).json()["items"]
    async with signed(anonymous_client_factory, "inventory", new_principal()) as other:
        by_id = await other.get(AUDIT_URL, params={"object_id": tool["id"]})
        everything = await other.get(AUDIT_URL)

    assert len(own) == 1
    assert by_id.status_code == 200
    assert by_id.json()["items"] == []
    assert everything.json()["items"] == []


# --- outbox --------------------------------------------------------------------------------


async def test_create_records_one_tool_created_event(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo")

    app = service_apps["inventory"]
    assert await event_types(app, principal.tenant_id) == Counter({"tool.created": 1})
    outbox = writes.outbox
    async with app.state.engine.connect() as conn:
        data = await conn.scalar(
            select(outbox.c.data).where(outbox.c.tenant_id == principal.tenant_id)
        )
    assert data == tool


async def test_status_change_records_updated_and_status_changed(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo")
        await client.patch(f"{URL}/{tool['id']}", json={"status": "sunsetting"})
        retired = await client.patch(f"{URL}/{tool['id']}", json={"status": "retired"})

    app = service_apps["inventory"]
    assert await event_types(app, principal.tenant_id) == Counter(
        {"tool.created": 1, "tool.updated": 2, "tool.status_changed": 2, "tool.retired": 1}
    )
    outbox = writes.outbox
    async with app.state.engine.connect() as conn:
        retired_data = await conn.scalar(
            select(outbox.c.data).where(
                outbox.c.tenant_id == principal.tenant_id, outbox.c.type == "tool.retired"
            )
        )
    assert retired_data == retired.json()
    outbox = writes.outbox
    async with app.state.engine.connect() as conn:
        data = await conn.scalar(
            select(outbox.c.data)
            .where(
                outbox.c.tenant_id == principal.tenant_id, outbox.c.type == "tool.status_changed"
            )
            .order_by(outbox.c.occurred_at)
        )
    assert data == {"id": tool["id"], "from": "active", "to": "sunsetting"}


async def test_a_change_without_status_records_only_tool_updated(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo")
        await client.patch(f"{URL}/{tool['id']}", json={"vendor": "Adobe", "status": "active"})

    assert await event_types(service_apps["inventory"], principal.tenant_id) == Counter(
        {"tool.created": 1, "tool.updated": 1}
    )


async def test_delete_records_tool_deleted(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo")
        await client.delete(f"{URL}/{tool['id']}")

    assert await event_types(service_apps["inventory"], principal.tenant_id) == Counter(
        {"tool.created": 1, "tool.deleted": 1}
    )


NO_SUCH_ID = str(uuid.UUID(int=1))
REFUSED_WRITES = [
    pytest.param("POST", "", {"name": " MARKETO "}, {}, 409, id="duplicate-name"),
    pytest.param("POST", "", {"name": "X", "category_id": NO_SUCH_ID}, {}, 422, id="bad-category"),
    pytest.param("POST", "", {"name": "X", "colour": "red"}, {}, 422, id="unknown-field"),
    pytest.param("PATCH", "/{id}", {"vendor": "Adobe"}, {"If-Match": '"7"'}, 412, id="stale-patch"),
    pytest.param("PATCH", "/{id}", {"name": None}, {}, 422, id="null-name"),
    pytest.param("PATCH", "/{id}", {"name": "Other"}, {}, 409, id="rename-taken"),
    pytest.param("DELETE", "/{id}", None, {"If-Match": '"7"'}, 412, id="stale-delete"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), REFUSED_WRITES)
async def test_a_refused_write_records_no_event_and_no_audit(
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
    method: str,
    path: str,
    body: Json | None,
    headers: dict[str, str],
    status: int,
) -> None:
    principal = new_principal()
    app = service_apps["inventory"]
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        tool = await create(client, "Marketo")
        await create(client, "Other")
        events_before = await event_types(app, principal.tenant_id)

        response = await client.request(
            method, URL + path.format(id=tool["id"]), json=body, headers=headers
        )
        listed = await walk_pages(client, URL)

    assert_problem(response, status)
    assert await event_types(app, principal.tenant_id) == events_before
    assert await audit_count(app, principal.tenant_id) == 2
    assert tool in listed
    assert len(listed) == 2


# --- Idempotency-Key -----------------------------------------------------------------------


async def test_the_same_key_and_body_replay_the_first_response(
    inventory_client: httpx.AsyncClient,
) -> None:
    headers = {"Idempotency-Key": f"create-{uuid.uuid4()}"}
    body = {"name": "Marketo", "capabilities": ["Email"]}

    first = await inventory_client.post(URL, json=body, headers=headers)
    second = await inventory_client.post(URL, json=body, headers=headers)

    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    assert second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    assert second.headers["location"] == first.headers["location"]
    assert second.headers["etag"] == first.headers["etag"]
    assert [t["id"] for t in await walk_pages(inventory_client, URL)] == [first.json()["id"]]


async def test_concurrent_requests_with_one_key_create_one_tool(
    inventory_client: httpx.AsyncClient,
) -> None:
    headers = {"Idempotency-Key": f"create-{uuid.uuid4()}"}

    responses = await asyncio.gather(
        *(inventory_client.post(URL, json={"name": "Marketo"}, headers=headers) for _ in range(3))
    )

    assert {r.status_code for r in responses} <= {201, 409}
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1
    assert [t["id"] for t in await walk_pages(inventory_client, URL)] == list(created)


async def test_the_same_key_with_another_body_is_422(inventory_client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": f"create-{uuid.uuid4()}"}
    first = await inventory_client.post(URL, json={"name": "Marketo"}, headers=headers)

    response = await inventory_client.post(URL, json={"name": "HubSpot"}, headers=headers)

    assert first.status_code == 201
    assert_problem(response, 422)
    assert await names_listed(inventory_client) == ["Marketo"]


async def test_a_refused_create_is_replayed_not_retried(
    inventory_client: httpx.AsyncClient,
) -> None:
    await create(inventory_client, "Marketo")
    headers = {"Idempotency-Key": f"create-{uuid.uuid4()}"}

    first = await inventory_client.post(URL, json={"name": "marketo"}, headers=headers)
    second = await inventory_client.post(URL, json={"name": "marketo"}, headers=headers)

    assert_problem(first, 409)
    assert second.status_code == 409
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()


# --- list ----------------------------------------------------------------------------------

NAMES = ["delta", "Alpha", "charlie", "Bravo", "echo"]


async def test_pages_walk_every_tool_once_in_name_order(
    inventory_client: httpx.AsyncClient,
) -> None:
    for name in NAMES:
        await create(inventory_client, name)
    first = (await inventory_client.get(URL, params={"limit": 2})).json()

    items = await walk_pages(inventory_client, URL, limit=2)

    assert len(first["items"]) == 2
    assert first["next_cursor"] is not None
    assert [t["name"] for t in items] == sorted(NAMES, key=name_key)
    assert len({t["id"] for t in items}) == len(NAMES)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", sorted(NAMES, key=name_key)),
        ("-name", sorted(NAMES, key=name_key, reverse=True)),
        ("created_at", NAMES),
        ("-created_at", NAMES[::-1]),
    ],
)
async def test_sorts_hold_across_pages(
    inventory_client: httpx.AsyncClient, sort: str, expected: list[str]
) -> None:
    for name in NAMES:
        await create(inventory_client, name)

    assert await names_listed(inventory_client, limit=2, sort=sort) == expected


async def test_listed_items_are_the_full_tools(inventory_client: httpx.AsyncClient) -> None:
    tool = await create(inventory_client, **FULL_TOOL)

    assert (await inventory_client.get(URL)).json()["items"] == [tool]


FILTERS = [
    ("status", "active", ["HubSpot", "Marketo"]),
    ("status", "sunsetting", ["Salesforce"]),
    ("status", "retired", []),
    ("vendor", "Adobe", ["AEM", "Marketo"]),
    ("vendor", "HubSpot", ["HubSpot"]),
    ("capability", "EMAIL", ["AEM", "Marketo"]),
    ("capability", "crm", ["HubSpot", "Salesforce"]),
    ("capability", "Nothing", []),
    ("owner_unit_id", "unit:Ops", ["HubSpot", "Marketo"]),
    ("owner_unit_id", "unit:Sales", ["Salesforce"]),
    ("category_id", "category:Data", ["Marketo"]),
    ("category_id", "category:Commerce & Sales", ["HubSpot", "Salesforce"]),
    ("category_id", "category:Management", []),
    ("name", "  hubspot ", ["HubSpot"]),
    ("name", "Hub", []),
]


@pytest.mark.parametrize(("param", "value", "expected"), FILTERS)
async def test_filters_return_exactly_the_matching_tools(
    anonymous_client_factory: ClientFactory, param: str, value: str, expected: list[str]
) -> None:
    principal = new_principal()
    units = {
        name: await create_unit(anonymous_client_factory, principal, name)
        for name in ("Ops", "Sales")
    }
    person = await create_person(anonymous_client_factory, principal, "tech@acme.example")
    async with signed(anonymous_client_factory, "inventory", principal) as client:
        cats = await categories(client)
        await create(
            client,
            "Marketo",
            vendor="Adobe",
            category_id=cats["Data"],
            capabilities=["Marketing automation", "Email"],
            owners=[{"role": "business_owner", "unit_id": units["Ops"]}],
        )
        await create(
            client,
            "Salesforce",
            vendor="Salesforce",
            status="sunsetting",
            category_id=cats["Commerce & Sales"],
            capabilities=["CRM"],
            owners=[
                {"role": "business_owner", "unit_id": units["Sales"]},
                {"role": "technical_owner", "person_id": person},
            ],
        )
        await create(
            client,
            "AEM",
            vendor="Adobe",
            status="evaluating",
            category_id=cats["Content & Experience"],
            capabilities=["CMS", "email"],
        )
        await create(
            client,
            "HubSpot",
            vendor="HubSpot",
            category_id=cats["Commerce & Sales"],
            capabilities=["crm", "Marketing automation"],
            owners=[
                {"role": "technical_owner", "unit_id": units["Ops"]},
                {"role": "data_steward", "unit_id": units["Ops"]},
            ],
        )
        kind, _, name = value.partition(":")
        resolved = {"unit": units, "category": cats}.get(kind, {}).get(name, value)

        listed = await names_listed(client, limit=1, **{param: resolved})

    assert listed == expected


async def test_an_unknown_status_filter_is_422(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.get(URL, params={"status": "archived"})

    assert_problem(response, 422)
    error = response.json()["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", "/status")


@pytest.mark.parametrize(
    ("params", "pointer"),
    [
        ({"sort": "vendor"}, "/sort"),
        ({"limit": 0}, "/limit"),
        ({"cursor": "bogus"}, "/cursor"),
        ({"owner_unit_id": "not-a-uuid"}, "/owner_unit_id"),
        ({"category_id": "not-a-uuid"}, "/category_id"),
    ],
)
async def test_bad_list_parameters_are_422_with_pointer(
    inventory_client: httpx.AsyncClient, params: Json, pointer: str
) -> None:
    response = await inventory_client.get(URL, params=params)

    assert_problem(response, 422)
    error = response.json()["errors"][0]
    assert (error["location"], error["pointer"]) == ("query", pointer)


# --- tenant isolation ----------------------------------------------------------------------


async def test_another_tenant_can_neither_read_change_nor_delete_a_tool(
    anonymous_client_factory: ClientFactory,
) -> None:
    owner_principal = new_principal()
    async with signed(anonymous_client_factory, "inventory", owner_principal) as owner:
        tool = await create(owner, "Marketo", capabilities=["Email"])
    async with signed(anonymous_client_factory, "inventory", new_principal()) as other:
        got = await other.get(f"{URL}/{tool['id']}")
        patched = await other.patch(f"{URL}/{tool['id']}", json={"vendor": "Mine"})
        deleted = await other.delete(f"{URL}/{tool['id']}")
        listed = await walk_pages(other, URL)
        by_capability = await walk_pages(other, URL, capability="Email")

    for response in (got, patched, deleted):
        assert_problem(response, 404)
    assert listed == []
    assert by_capability == []
    async with signed(anonymous_client_factory, "inventory", owner_principal) as owner:
        read = await owner.get(f"{URL}/{tool['id']}")
    assert read.json() == tool


async def test_without_write_scope_a_create_is_forbidden(
    anonymous_client_factory: ClientFactory,
) -> None:
    reader = new_principal(scopes=frozenset({"inventory:read"}))
    async with signed(anonymous_client_factory, "inventory", reader) as client:
        response = await client.post(URL, json={"name": "Marketo"})
        listed = await walk_pages(client, URL)

    assert_problem(response, 403)
    assert listed == []


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"name": "Marketo", "colour": "red"}, "/colour"),
        ({"name": "Marketo", "website": "not a url"}, "/website"),
        ({"name": "Marketo", "website": "ftp://example.com/"}, "/website"),
        ({"name": "Marketo", "status": "archived"}, "/status"),
        ({"name": "n" * 201}, "/name"),
        ({"name": "   "}, "/name"),
        ({}, "/name"),
        ({"name": "Marketo", "capabilities": [""]}, "/capabilities/0"),
        ({"name": "Marketo", "category_id": "data"}, "/category_id"),
        ({"name": "Marketo", "processes_personal_data": None}, "/processes_personal_data"),
    ],
)
async def test_bad_input_is_422_with_the_field_pointer(
    inventory_client: httpx.AsyncClient, body: Json, pointer: str
) -> None:
    response = await inventory_client.post(URL, json=body)

    problem = assert_problem(response, 422)
    assert problem["type"] == "/problems/validation"
    assert pointer in pointers(response)
    assert await names_listed(inventory_client) == []


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({"colour": "red"}, "/colour"),
        ({"website": "not a url"}, "/website"),
        ({"status": "archived"}, "/status"),
        ({"name": "n" * 201}, "/name"),
    ],
)
async def test_bad_patch_input_is_422_with_the_field_pointer(
    inventory_client: httpx.AsyncClient, body: Json, pointer: str
) -> None:
    tool = await create(inventory_client, "Marketo")

    response = await inventory_client.patch(f"{URL}/{tool['id']}", json=body)

    assert_problem(response, 422)
    assert pointer in pointers(response)
    assert (await inventory_client.get(f"{URL}/{tool['id']}")).json() == tool


async def test_a_body_that_is_not_json_is_422(inventory_client: httpx.AsyncClient) -> None:
    response = await inventory_client.post(
        URL, content=b"{not json", headers={"content-type": "application/json"}
    )

    assert_problem(response, 422)


async def test_status_history_lists_every_change_oldest_first(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = await inventory_client.post(
        "/v1/inventory/tools", json={"name": "Drift", "status": "evaluating"}
    )
    tool_id = created.json()["id"]
    for status in ("active", "sunsetting", "retired"):
        assert (
            await inventory_client.patch(f"/v1/inventory/tools/{tool_id}", json={"status": status})
        ).status_code == 200
    history = (await inventory_client.get(f"/v1/inventory/tools/{tool_id}/status-history")).json()
    assert [(c["from_status"], c["to_status"]) for c in history["changes"]] == [
        (None, "evaluating"),
        ("evaluating", "active"),
        ("active", "sunsetting"),
        ("sunsetting", "retired"),
    ]
    missing = await inventory_client.get(f"/v1/inventory/tools/{uuid.uuid4()}/status-history")
    assert missing.status_code == 404


async def test_custom_fields_are_declared_then_validated(
    inventory_client: httpx.AsyncClient,
) -> None:
    for field in (
        {
            "key": "gdpr_review",
            "label": "GDPR review",
            "type": "enum",
            "options": ["pending", "approved"],
        },
        {"key": "contract_owner", "label": "Contract owner", "type": "string"},
        {"key": "score", "label": "Score", "type": "number"},
        {"key": "reviewed_on", "label": "Reviewed on", "type": "date"},
    ):
        assert (
            await inventory_client.post("/v1/inventory/custom-fields", json=field)
        ).status_code == 201
    duplicate = await inventory_client.post(
        "/v1/inventory/custom-fields", json={"key": "score", "label": "Again", "type": "boolean"}
    )
    assert duplicate.status_code == 409
    enum_without_options = await inventory_client.post(
        "/v1/inventory/custom-fields", json={"key": "tier", "label": "Tier", "type": "enum"}
    )
    assert enum_without_options.status_code == 422
    good = {"gdpr_review": "approved", "score": 4.5, "reviewed_on": "2026-10-01"}
    created = await inventory_client.post(
        "/v1/inventory/tools", json={"name": "Braze", "custom_fields": good}
    )
    assert created.status_code == 201, created.text
    assert created.json()["custom_fields"] == good
    bad = await inventory_client.post(
        "/v1/inventory/tools",
        json={
            "name": "Iterable",
            "custom_fields": {
                "gdpr_review": "maybe",
                "colour": "red",
                "score": "high",
                "reviewed_on": "01/10/2026",
            },
        },
    )
    assert bad.status_code == 422
    assert {e["pointer"] for e in bad.json()["errors"]} == {
        "/custom_fields/gdpr_review",
        "/custom_fields/colour",
        "/custom_fields/score",
        "/custom_fields/reviewed_on",
    }
    tool_id = created.json()["id"]
    patched = await inventory_client.patch(
        f"/v1/inventory/tools/{tool_id}", json={"custom_fields": {"contract_owner": "Dana"}}
    )
    assert patched.json()["custom_fields"] == {"contract_owner": "Dana"}
    refused = await inventory_client.patch(
        f"/v1/inventory/tools/{tool_id}", json={"custom_fields": {"score": True}}
    )
    assert refused.status_code == 422
    listed = (await inventory_client.get("/v1/inventory/custom-fields")).json()["items"]
    assert [f["key"] for f in listed] == ["gdpr_review", "contract_owner", "score", "reviewed_on"]


async def test_custom_fields_of_another_tenant_do_not_apply(
    anonymous_client_factory: ClientFactory,
) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        await owner.post(
            "/v1/inventory/custom-fields", json={"key": "secret", "label": "S", "type": "string"}
        )
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        assert (await other.get("/v1/inventory/custom-fields")).json()["items"] == []
        refused = await other.post(
            "/v1/inventory/tools", json={"name": "X", "custom_fields": {"secret": "s"}}
        )
        assert refused.status_code == 422
