"""Target-stack scenarios and their gap analysis."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.support import ClientFactory, tenant_client

pytestmark = pytest.mark.asyncio


async def _tool(
    client: httpx.AsyncClient, name: str, capabilities: list[str], cost: int | None = None
) -> str:
    created = await client.post(
        "/v1/inventory/tools", json={"name": name, "capabilities": capabilities}
    )
    assert created.status_code == 201, created.text
    tool_id: str = created.json()["id"]
    if cost is not None:
        contract = await client.post(
            f"/v1/inventory/tools/{tool_id}/contracts",
            json={"annual_cost": {"amount_minor": cost, "currency": "USD"}},
        )
        assert contract.status_code == 201
    return tool_id


async def _stack(client: httpx.AsyncClient) -> dict[str, str]:
    return {
        "marketo": await _tool(client, "Marketo Engage", ["Marketing automation"], 18_500_000),
        "pardot": await _tool(client, "Pardot", ["Marketing automation"], 4_800_000),
        "mailchimp": await _tool(client, "Mailchimp", ["Email marketing"], 420_000),
        "drift": await _tool(client, "Drift", ["Chatbot"], 2_500_000),
    }


def usd(minor: int) -> list[dict[str, Any]]:
    return [{"amount_minor": minor, "currency": "USD"}]


async def test_diff_applies_stages_in_order_with_costs_and_capabilities(
    inventory_client: httpx.AsyncClient,
) -> None:
    tools = await _stack(inventory_client)
    scenario = await inventory_client.post(
        "/v1/inventory/scenarios",
        json={
            "name": "2027 target",
            "changes": [
                {"kind": "retire_tool", "stage": 1, "tool_id": tools["pardot"]},
                {
                    "kind": "replace_tool",
                    "stage": 2,
                    "tool_id": tools["drift"],
                    "new_tool": {
                        "name": "Intercom",
                        "capabilities": ["Chatbot", "Help desk"],
                        "annual_cost": {"amount_minor": 3_000_000, "currency": "USD"},
                    },
                },
                {
                    "kind": "replace_tool",
                    "stage": 2,
                    "tool_id": tools["mailchimp"],
                    "replacement_tool_id": tools["marketo"],
                },
            ],
        },
    )
    assert scenario.status_code == 201, scenario.text
    diff = await inventory_client.get(f"/v1/inventory/scenarios/{scenario.json()['id']}/diff")
    assert diff.status_code == 200
    body = diff.json()
    assert (body["current_tool_count"], body["target_tool_count"]) == (4, 2)
    first, second = body["stages"]
    total = 18_500_000 + 4_800_000 + 420_000 + 2_500_000
    assert first["tools_retired"] == ["Pardot"]
    assert first["cost_before"] == usd(total)
    assert first["cost_after"] == usd(total - 4_800_000)
    assert first["capabilities_lost"] == []  # Marketo still automates marketing
    assert second["tools_replaced"] == ["Drift → Intercom", "Mailchimp → Marketo Engage"]
    assert second["cost_after"] == usd(18_500_000 + 3_000_000)
    assert second["capabilities_gained"] == ["Help desk"]
    assert second["capabilities_lost"] == ["Email marketing"]


async def test_replacement_cycle_and_unknown_tools_are_refused(
    inventory_client: httpx.AsyncClient,
) -> None:
    tools = await _stack(inventory_client)
    cycle = await inventory_client.post(
        "/v1/inventory/scenarios",
        json={
            "name": "Loop",
            "changes": [
                {
                    "kind": "replace_tool",
                    "tool_id": tools["marketo"],
                    "replacement_tool_id": tools["pardot"],
                },
                {
                    "kind": "replace_tool",
                    "tool_id": tools["pardot"],
                    "replacement_tool_id": tools["marketo"],
                },
            ],
        },
    )
    assert cycle.status_code == 422
    assert {e["pointer"] for e in cycle.json()["errors"]} == {
        "/changes/0/replacement_tool_id",
        "/changes/1/replacement_tool_id",
    }
    unknown = await inventory_client.post(
        "/v1/inventory/scenarios",
        json={"name": "Ghost", "changes": [{"kind": "retire_tool", "tool_id": str(uuid.uuid4())}]},
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["pointer"] == "/changes/0/tool_id"
    incomplete = await inventory_client.post(
        "/v1/inventory/scenarios", json={"name": "Half", "changes": [{"kind": "add_tool"}]}
    )
    assert incomplete.status_code == 422
    assert (await inventory_client.get("/v1/inventory/scenarios")).json()["items"] == []


async def test_scenario_update_honours_if_match_and_names_are_unique(
    inventory_client: httpx.AsyncClient,
) -> None:
    created = (
        await inventory_client.post("/v1/inventory/scenarios", json={"name": "Plan A"})
    ).json()
    await inventory_client.post("/v1/inventory/scenarios", json={"name": "Plan B"})
    url = f"/v1/inventory/scenarios/{created['id']}"
    assert (
        await inventory_client.patch(url, json={"name": "x"}, headers={"if-match": '"9"'})
    ).status_code == 412
    assert (await inventory_client.patch(url, json={"name": "plan b"})).status_code == 409
    renamed = await inventory_client.patch(
        url, json={"name": "Plan C"}, headers={"if-match": '"1"'}
    )
    assert renamed.status_code == 200
    assert renamed.headers["etag"] == '"2"'
    assert (await inventory_client.delete(url)).status_code == 204
    assert (await inventory_client.get(url)).status_code == 404


async def test_scenarios_are_tenant_scoped(anonymous_client_factory: ClientFactory) -> None:
    async with tenant_client(anonymous_client_factory, "inventory") as owner:
        scenario = (await owner.post("/v1/inventory/scenarios", json={"name": "Mine"})).json()
        tool_id = await _tool(owner, "Private", ["CRM"])
    async with tenant_client(anonymous_client_factory, "inventory") as other:
        assert (await other.get(f"/v1/inventory/scenarios/{scenario['id']}")).status_code == 404
        assert (
            await other.get(f"/v1/inventory/scenarios/{scenario['id']}/diff")
        ).status_code == 404
        foreign = await other.post(
            "/v1/inventory/scenarios",
            json={"name": "Theirs", "changes": [{"kind": "retire_tool", "tool_id": tool_id}]},
        )
        assert foreign.status_code == 422


async def test_diff_matches_a_whole_stack_simulation(
    inventory_client: httpx.AsyncClient,
) -> None:
    """The diff moves totals by the changed tools only; here the whole stack is recomputed
    after every stage, as a reader would, and the two must agree."""
    import random

    rng = random.Random(7)
    client = inventory_client
    capabilities = ["CRM", "Email", "Ads", "Analytics", "CDP", "Chat"]
    stack: dict[str, dict[str, Any]] = {}
    for i in range(24):
        caps = rng.sample(capabilities, rng.randint(1, 2))
        created = await client.post(
            "/v1/inventory/tools", json={"name": f"Tool {i}", "capabilities": caps}
        )
        assert created.status_code == 201, created.text
        tool_id = created.json()["id"]
        costs: dict[str, int] = {}
        for currency in rng.sample(["USD", "EUR"], rng.randint(0, 2)):
            amount = rng.randint(1, 50) * 10_000
            contract = await client.post(
                f"/v1/inventory/tools/{tool_id}/contracts",
                json={"annual_cost": {"amount_minor": amount, "currency": currency}},
            )
            assert contract.status_code == 201, contract.text
            costs[currency] = amount
        stack[tool_id] = {"name": f"Tool {i}", "caps": set(caps), "costs": costs}
    retired_id = next(iter(stack))
    retired = await client.patch(f"/v1/inventory/tools/{retired_id}", json={"status": "retired"})
    assert retired.status_code == 200, retired.text
    live = {k: v for k, v in stack.items() if k != retired_id}

    ids = list(live)
    changes: list[dict[str, Any]] = (
        [
            {"kind": "retire_tool", "stage": 1, "tool_id": retired_id},  # already retired: no-op
            {"kind": "retire_tool", "stage": 1, "tool_id": ids[0]},
            {"kind": "retire_tool", "stage": 2, "tool_id": ids[1]},
            {"kind": "retire_tool", "stage": 2, "tool_id": ids[2]},
            {"kind": "replace_tool", "stage": 2, "tool_id": ids[3], "replacement_tool_id": ids[4]},
            {
                "kind": "replace_tool",
                "stage": 3,
                "tool_id": ids[5],
                "new_tool": {
                    "name": "Newcomer",
                    "capabilities": ["Loyalty", "crm"],
                    "annual_cost": {"amount_minor": 70_000, "currency": "GBP"},
                },
            },
            {"kind": "retire_tool", "stage": 3, "tool_id": ids[0]},  # retired at stage 1 already
        ]
        + [{"kind": "retire_tool", "stage": 3, "tool_id": tool_id} for tool_id in ids[6:16]]
    )
    created = await client.post(
        "/v1/inventory/scenarios", json={"name": "Simulated", "changes": changes}
    )
    assert created.status_code == 201, created.text
    diff = await client.get(f"/v1/inventory/scenarios/{created.json()['id']}/diff")
    assert diff.status_code == 200, diff.text
    body = diff.json()

    def cost(tools: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        totals: dict[str, int] = {}
        for tool in tools.values():
            for currency, amount in tool["costs"].items():
                totals[currency] = totals.get(currency, 0) + amount
        return [{"amount_minor": a, "currency": c} for c, a in sorted(totals.items())]

    def served(tools: dict[str, dict[str, Any]]) -> set[str]:
        return {c.casefold() for tool in tools.values() for c in tool["caps"]}

    current = dict(live)
    assert body["current_tool_count"] == len(current)
    for stage, found in zip((1, 2, 3), body["stages"], strict=True):
        before = dict(current)
        for change in (c for c in changes if c["stage"] == stage):
            if change["tool_id"] not in current:
                continue
            del current[change["tool_id"]]
            if "new_tool" in change:
                new = change["new_tool"]
                current["new"] = {
                    "name": new["name"],
                    "caps": set(new["capabilities"]),
                    "costs": {new["annual_cost"]["currency"]: new["annual_cost"]["amount_minor"]},
                }
        assert found["stage"] == stage
        assert found["cost_before"] == cost(before)
        assert found["cost_after"] == cost(current)
        gained = {c.casefold() for c in found["capabilities_gained"]}
        lost = {c.casefold() for c in found["capabilities_lost"]}
        assert gained == served(current) - served(before)
        assert lost == served(before) - served(current)
    assert body["target_tool_count"] == len(current)
    assert body["stages"][2]["capabilities_gained"] == ["Loyalty"]
