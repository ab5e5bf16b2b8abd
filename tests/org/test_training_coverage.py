"""`GET /v1/org/training/coverage` and `training_coverage()`: the share of people trained on
the tools they own or use, on a small organisation whose figures are worked out by hand.

The organisation (tools created in the inventory as the same tenant):

    Root (organisation)
    ├── Marketing (function): Cy, Gil, Eve (inactive)
    │   └── Ops (team): Ada, Bob
    └── Sales (business unit): Dee
    Fay has no unit.

    Marketo     owned by the unit Ops
    GA4         owned by Cy
    Salesforce  owned by the unit Sales and by Fay
    Contentful  owned by Ada
    Legacy      owned by Ada, retired (never counts)

    Programme: "Basics" (basic: Marketo, GA4), "Advanced" (advanced: Contentful, Salesforce).
    Completed: Ada both waves, Cy and Fay and Eve the basics; Bob enrolled in the basics only.
    Roles: Marketing Analyst held by Ada, Dee and Eve; Privacy Counsel by Gil.

People's tools and what they are trained on:

    Ada  {Marketo, Contentful}  trained on both      covered
    Bob  {Marketo}              trained on none
    Cy   {GA4}                  trained on GA4       covered
    Dee  {Salesforce}           trained on none
    Fay  {Salesforce}           trained on none (the basics hold Marketo and GA4 only)
    Gil  {}                     (no tools)
    Eve  inactive: never counted
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from mops_org.roles.models import PersonRole
from mops_org.training.coverage import training_coverage
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.inventory import OwnerRole, ToolOwner, ToolStatus
from mops_shared.contracts.org_metrics import TrainingCoverage
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.auth import Principal
from tests.support import TEST_SECRET, ClientFactory, new_principal, principal_headers

pytestmark = pytest.mark.asyncio

COVERAGE = "/v1/org/training/coverage"
PROGRAMMES = "/v1/org/training-programmes"
PROBLEM = "application/problem+json"
# Built-in roles (seeded by the migration with fixed ids).
MARKETING_ANALYST = "aad21883-cc7b-55c3-80af-1ffe445c6b7e"
PRIVACY_COUNSEL = "3354918f-b258-5d78-bcec-9d9393e226a3"

Json = dict[str, Any]


@dataclass
class Org:
    client: httpx.AsyncClient
    principal: Principal
    units: dict[str, str]
    people: dict[str, str]
    tools: dict[str, str]


async def _post(client: httpx.AsyncClient, url: str, body: Json) -> Json:
    response = await client.post(url, json=body)
    assert response.status_code in (200, 201), response.text
    created: Json = response.json()
    return created


@pytest_asyncio.fixture
async def org(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> AsyncIterator[Org]:
    principal = new_principal()
    async with (
        anonymous_client_factory("org") as client,
        anonymous_client_factory("inventory") as inventory,
    ):
        client.headers.update(principal_headers(principal))
        inventory.headers.update(principal_headers(principal))

        async def unit(name: str, type_: str, parent: str | None) -> str:
            body = {"name": name, "type": type_, "parent_id": parent}
            return str((await _post(client, "/v1/org/units", body))["id"])

        root = await unit("Root", "organisation", None)
        marketing = await unit("Marketing", "function", root)
        ops = await unit("Ops", "team", marketing)
        sales = await unit("Sales", "business_unit", root)
        units = {"Root": root, "Marketing": marketing, "Ops": ops, "Sales": sales}

        people: dict[str, str] = {}
        for name, unit_name, active in [
            ("Ada", "Ops", True),
            ("Bob", "Ops", True),
            ("Cy", "Marketing", True),
            ("Gil", "Marketing", True),
            ("Eve", "Marketing", False),
            ("Dee", "Sales", True),
            ("Fay", None, True),
        ]:
            body = {
                "name": name,
                "email": f"{name.lower()}@acme.example",
                "unit_id": units[unit_name] if unit_name else None,
                "active": active,
            }
            people[name] = str((await _post(client, "/v1/org/people", body))["id"])

        async def tool(name: str, owners: list[Json], status: str = "active") -> str:
            body = {"name": name, "status": status, "owners": owners}
            return str((await _post(inventory, "/v1/inventory/tools", body))["id"])

        tools = {
            "Marketo": await tool("Marketo", [{"role": "business_owner", "unit_id": ops}]),
            "GA4": await tool("GA4", [{"role": "technical_owner", "person_id": people["Cy"]}]),
            "Salesforce": await tool(
                "Salesforce",
                [
                    {"role": "business_owner", "unit_id": sales},
                    {"role": "data_steward", "person_id": people["Fay"]},
                ],
            ),
            "Contentful": await tool(
                "Contentful", [{"role": "data_steward", "person_id": people["Ada"]}]
            ),
            "Legacy": await tool(
                "Legacy", [{"role": "business_owner", "person_id": people["Ada"]}], "retired"
            ),
        }

        # People's roles are written straight into their table (its API is another part's).
        async with service_apps["org"].state.sessionmaker() as session:
            session.add_all(
                PersonRole(
                    person_id=uuid.UUID(people[name]),
                    role_id=uuid.UUID(role),
                    tenant_id=principal.tenant_id,
                )
                for name, role in [
                    ("Ada", MARKETING_ANALYST),
                    ("Dee", MARKETING_ANALYST),
                    ("Eve", MARKETING_ANALYST),
                    ("Gil", PRIVACY_COUNSEL),
                ]
            )
            await session.commit()

        programme = await _post(
            client,
            PROGRAMMES,
            {
                "name": "Martech enablement",
                "waves": [
                    {
                        "name": "Basics",
                        "level": "basic",
                        "tool_ids": [tools["Marketo"], tools["GA4"]],
                    },
                    {
                        "name": "Advanced",
                        "level": "advanced",
                        "tool_ids": [tools["Contentful"], tools["Salesforce"]],
                    },
                ],
            },
        )
        basics, advanced = (wave["id"] for wave in programme["waves"])
        enrolments = f"{PROGRAMMES}/{programme['id']}/enrolments"
        for name, wave, complete in [
            ("Ada", basics, True),
            ("Ada", advanced, True),
            ("Cy", basics, True),
            ("Fay", basics, True),
            ("Eve", basics, True),
            ("Bob", basics, False),
        ]:
            enrolment = await _post(
                client, enrolments, {"person_id": people[name], "wave_id": wave}
            )
            if complete:
                await _post(client, f"{enrolments}/{enrolment['id']}/completion", {})
        yield Org(client, principal, units, people, tools)


def _figures(
    people: int,
    with_tools: int,
    covered: int,
    assignments: int,
    trained: int,
) -> Json:
    return {
        "people": people,
        "people_with_tools": with_tools,
        "people_covered": covered,
        "coverage": covered / with_tools if with_tools else None,
        "tool_assignments": assignments,
        "trained_assignments": trained,
        "assignment_coverage": trained / assignments if assignments else None,
    }


async def _coverage(org: Org, **params: Any) -> Json:
    response = await org.client.get(COVERAGE, params=params)
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


def _only_figures(body: Json) -> Json:
    return {key: body[key] for key in TrainingCoverage.model_fields}


async def test_whole_tenant(org: Org) -> None:
    body = await _coverage(org)
    # Ada, Bob, Cy, Gil, Dee, Fay; tools for all but Gil; Ada and Cy covered.
    # Pairs: Ada 2 (both trained), Bob 1, Cy 1 (trained), Dee 1, Fay 1.
    assert _only_figures(body) == _figures(6, 5, 2, 6, 3)
    assert body["coverage"] == pytest.approx(0.4)
    assert (body["unit_id"], body["role_id"], body["include_subunits"]) == (None, None, True)


async def test_a_unit_with_and_without_its_subunits(org: Org) -> None:
    marketing = org.units["Marketing"]
    # Marketing and Ops: Ada, Bob, Cy, Gil (Eve inactive); pairs Ada 2, Bob 1, Cy 1.
    with_subunits = await _coverage(org, unit_id=marketing)
    assert _only_figures(with_subunits) == _figures(4, 3, 2, 4, 3)
    assert with_subunits["unit_id"] == marketing
    # Marketing alone: Cy and Gil.
    alone = await _coverage(org, unit_id=marketing, include_subunits="false")
    assert _only_figures(alone) == _figures(2, 1, 1, 1, 1)
    assert alone["include_subunits"] is False
    assert _only_figures(await _coverage(org, unit_id=org.units["Ops"])) == _figures(2, 2, 1, 3, 2)
    sales = await _coverage(org, unit_id=org.units["Sales"])
    assert _only_figures(sales) == _figures(1, 1, 0, 1, 0)
    assert sales["coverage"] == 0.0
    # The root's subtree holds everyone but Fay (no unit).
    assert _only_figures(await _coverage(org, unit_id=org.units["Root"])) == _figures(5, 4, 2, 5, 3)


async def test_a_role_alone_and_within_a_unit(org: Org) -> None:
    # Marketing Analyst: Ada and Dee (Eve is inactive); pairs Ada 2 (trained), Dee 1.
    analysts = await _coverage(org, role_id=MARKETING_ANALYST)
    assert _only_figures(analysts) == _figures(2, 2, 1, 3, 2)
    assert analysts["role_id"] == MARKETING_ANALYST
    in_marketing = await _coverage(org, role_id=MARKETING_ANALYST, unit_id=org.units["Marketing"])
    assert _only_figures(in_marketing) == _figures(1, 1, 1, 2, 2)
    # Gil has no tools: nothing to cover, so the ratios are null rather than 0 or 1.
    counsel = await _coverage(org, role_id=PRIVACY_COUNSEL)
    assert _only_figures(counsel) == _figures(1, 0, 0, 0, 0)
    assert (counsel["coverage"], counsel["assignment_coverage"]) == (None, None)


async def test_completing_a_wave_moves_the_figures(org: Org) -> None:
    programme = (await org.client.get(PROGRAMMES)).json()["items"][0]
    enrolments = f"{PROGRAMMES}/{programme['id']}/enrolments"
    bob = (await org.client.get(enrolments, params={"person_id": org.people["Bob"]})).json()
    await _post(org.client, f"{enrolments}/{bob['items'][0]['id']}/completion", {})
    assert _only_figures(await _coverage(org, unit_id=org.units["Ops"])) == _figures(2, 2, 2, 3, 3)


async def test_the_function_other_parts_call(org: Org, service_apps: dict[str, FastAPI]) -> None:
    """`training_coverage` as the metrics endpoint calls it: with an ownership list it fetched
    once. A retired tool in the list never counts."""
    tools = org.tools
    ownership = [
        ToolOwnership(
            tool_id=uuid.UUID(tools["Marketo"]),
            tool_name="Marketo",
            tool_status=ToolStatus.active,
            owners=[ToolOwner(role=OwnerRole.business_owner, unit_id=uuid.UUID(org.units["Ops"]))],
        ),
        ToolOwnership(
            tool_id=uuid.uuid4(),
            tool_name="Retired",
            tool_status=ToolStatus.retired,
            owners=[
                ToolOwner(role=OwnerRole.business_owner, person_id=uuid.UUID(org.people["Cy"]))
            ],
        ),
    ]
    async with service_apps["org"].state.read_engine.connect() as conn:
        tenant = org.principal.tenant_id
        everyone = await training_coverage(conn, tenant, ownership)
        ops = await training_coverage(
            conn, tenant, ownership, unit_ids={uuid.UUID(org.units["Ops"])}
        )
        nobody = await training_coverage(conn, tenant, ownership, unit_ids=set())
        analysts = await training_coverage(
            conn, tenant, ownership, role_id=uuid.UUID(MARKETING_ANALYST)
        )
    # Only Ada and Bob (Ops) have a tool, Marketo; Ada completed the basics that hold it.
    assert everyone.model_dump() == _figures(6, 2, 1, 2, 1)
    assert ops.model_dump() == _figures(2, 2, 1, 2, 1)
    assert nobody.model_dump() == _figures(0, 0, 0, 0, 0)
    assert analysts.model_dump() == _figures(2, 1, 1, 1, 1)


async def test_unknown_unit_or_role_is_422(
    org: Org, anonymous_client_factory: ClientFactory
) -> None:
    response = await org.client.get(
        COVERAGE, params={"unit_id": str(uuid.uuid4()), "role_id": str(uuid.uuid4())}
    )
    assert response.status_code == 422, response.text
    assert [(e["location"], e["pointer"]) for e in response.json()["errors"]] == [
        ("query", "/unit_id"),
        ("query", "/role_id"),
    ]
    # Another tenant's unit is as unknown as one that never existed.
    async with anonymous_client_factory("org") as other:
        other.headers.update(principal_headers(new_principal()))
        foreign = await other.get(COVERAGE, params={"unit_id": org.units["Root"]})
        assert foreign.status_code == 422
        assert _only_figures((await other.get(COVERAGE)).json()) == _figures(0, 0, 0, 0, 0)


async def test_an_unreachable_inventory_is_503(org: Org, service_apps: dict[str, FastAPI]) -> None:
    app = service_apps["org"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    working = app.state.inventory_client
    app.state.inventory_client = InventoryClient(
        f"http://127.0.0.1:{port}", internal_secret=TEST_SECRET
    )
    try:
        response = await org.client.get(COVERAGE)
    finally:
        await app.state.inventory_client.aclose()
        app.state.inventory_client = working
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert "inventory" in response.json()["detail"]
    assert (await org.client.get(COVERAGE)).status_code == 200
