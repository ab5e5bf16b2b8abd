"""Small builders of inventory test data, through the API as a client would: each asserts its
write was accepted (201) and returns what the tests go on with."""

from __future__ import annotations

from typing import Any

import httpx

from mops_shared.kit.auth import Principal
from tests.inventory.support import signed
from tests.support import ClientFactory

TOOLS = "/v1/inventory/tools"


def money_of(amount_minor: int, currency: str) -> dict[str, Any]:
    return {"amount_minor": amount_minor, "currency": currency}


async def create_tool(client: httpx.AsyncClient, name: str, **fields: Any) -> str:
    """A tool of the client's tenant; its id."""
    response = await client.post(TOOLS, json={"name": name, **fields})
    assert response.status_code == 201, response.text
    tool_id: str = response.json()["id"]
    return tool_id


async def add_contract(client: httpx.AsyncClient, tool_id: str, **fields: Any) -> dict[str, Any]:
    """A contract of the tool with exactly the given fields; the created contract."""
    response = await client.post(f"{TOOLS}/{tool_id}/contracts", json=fields)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def connect(
    client: httpx.AsyncClient, source: str, target: str, status: str = "active"
) -> str:
    """An integration from tool `source` to tool `target`; its id."""
    response = await client.post(
        "/v1/inventory/integrations",
        json={"source_tool_id": source, "target_tool_id": target, "status": status},
    )
    assert response.status_code == 201, response.text
    integration_id: str = response.json()["id"]
    return integration_id


async def create_unit(factory: ClientFactory, principal: Principal, name: str) -> str:
    """A unit (a team) of the principal's tenant in the real org app; its id."""
    async with signed(factory, "org", principal) as org:
        response = await org.post("/v1/org/units", json={"name": name, "type": "team"})
    assert response.status_code == 201, response.text
    unit_id: str = response.json()["id"]
    return unit_id


async def create_person(
    factory: ClientFactory,
    principal: Principal,
    name: str,
    email: str | None = None,
    **fields: Any,
) -> str:
    """A person of the principal's tenant in the real org app; its id. Without `email`, the
    name is the address (for tests where only the address matters)."""
    async with signed(factory, "org", principal) as org:
        response = await org.post(
            "/v1/org/people", json={"name": name, "email": email or name, **fields}
        )
    assert response.status_code == 201, response.text
    person_id: str = response.json()["id"]
    return person_id
