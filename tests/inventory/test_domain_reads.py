"""The GET answers of categories, contracts, custom fields, integrations, licence usage,
outcomes and scenarios, written from rows (`mops_shared.kit.reads`), are byte for byte what
the ORM path gave: entities, the domain's own conversion to its wire model (kept for the
writes), then FastAPI's serialisation of the model. That path is rebuilt here as the
reference, for a tenant holding every shape of each (nulls, nested money, JSON attributes,
unicode, planned changes of every kind)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from mops_inventory.categories.models import Category
from mops_inventory.contracts import service as contracts_service
from mops_inventory.contracts.models import Contract
from mops_inventory.contracts.schemas import ContractPage, ContractRead
from mops_inventory.custom_fields.models import CustomFieldDefinition
from mops_inventory.custom_fields.schemas import CustomFieldPage, CustomFieldRead
from mops_inventory.integrations import service as integrations_service
from mops_inventory.integrations.models import Integration
from mops_inventory.integrations.schemas import IntegrationPage, IntegrationRead
from mops_inventory.licences.models import LicenceUsage
from mops_inventory.licences.schemas import LicenceUsagePage, LicenceUsageRead
from mops_inventory.outcomes import service as outcomes_service
from mops_inventory.outcomes.models import Outcome
from mops_inventory.outcomes.schemas import OutcomePage
from mops_inventory.scenarios import service as scenarios_service
from mops_inventory.scenarios.models import Scenario
from mops_inventory.scenarios.schemas import ScenarioPage, ScenarioRead
from mops_shared.contracts.inventory import CategoryPage, CategoryRead
from mops_shared.contracts.outcomes import OutcomeRead
from mops_shared.contracts.scenarios import ScenarioDiff
from mops_shared.kit.db import table_of
from mops_shared.kit.etag import etag_of
from tests.inventory.support import client_for
from tests.support import assert_problem, new_principal, principal_headers

pytestmark = pytest.mark.asyncio(loop_scope="session")

BASE = "/v1/inventory"


@dataclass
class World:
    tenant_id: uuid.UUID
    headers: dict[str, str]
    tools: dict[str, str]
    ids: dict[str, list[str]]  # resource -> the ids created


async def _created(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(url, json=body)
    assert response.status_code in (200, 201), response.text
    created: dict[str, Any] = response.json()
    return created


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def world(service_apps: dict[str, FastAPI]) -> World:
    """A tenant with a few of everything, written through the API. Read-only for the tests."""
    principal = new_principal()
    headers = principal_headers(principal)
    ids: dict[str, list[str]] = {}
    body: dict[str, Any]  # the loops' bodies, of every shape

    def keep(kind: str, created: dict[str, Any]) -> None:
        ids.setdefault(kind, []).append(created["id"])

    async with client_for(service_apps["org"], "org", headers) as org:
        unit = await _created(org, "/v1/org/units", {"name": "Demand gen", "type": "team"})
    async with client_for(service_apps["inventory"], "inventory", headers) as client:
        for field in (
            {"key": "tier", "label": "Tier", "type": "enum", "options": ["gold", "silver"]},
            {"key": "note", "label": "Note « quoted » 😀", "type": "string"},
            {"key": "score", "label": "Score", "type": "number"},
        ):
            keep("custom_fields", await _created(client, f"{BASE}/custom-fields", field))
        landscape = (await client.get(f"{BASE}/categories", params={"limit": 200})).json()
        parent = landscape["items"][0]["id"]
        keep(
            "categories",
            await _created(client, f"{BASE}/categories", {"name": "Émail", "parent_id": parent}),
        )
        tools = {}
        for name, fields in (
            ("Alpha", {"capabilities": ["CRM", "Email"], "custom_fields": {"score": 0.1}}),
            ("Beta", {"capabilities": ["Email"], "status": "sunsetting"}),
            ("Gamma", {"capabilities": ["Ads"]}),
        ):
            tools[name] = (await _created(client, f"{BASE}/tools", {"name": name, **fields}))["id"]
        for tool, body in (
            (
                "Alpha",
                {
                    "annual_cost": {"amount_minor": 1_850_000, "currency": "USD"},
                    "term_start": "2026-01-16",
                    "term_end": "2027-01-15",
                    "renewal_date": "2027-01-15",
                    "notice_period_days": 60,
                    "auto_renew": True,
                    "seats_purchased": 40,
                    "notes": "Line one\nline two « quoted »",
                },
            ),
            ("Alpha", {"annual_cost": {"amount_minor": 0, "currency": "JPY"}}),
            (
                "Beta",
                {
                    "annual_cost": {"amount_minor": 99, "currency": "EUR"},
                    "renewal_date": "2026-12-31",
                },
            ),
        ):
            keep("contracts", await _created(client, f"{BASE}/tools/{tools[tool]}/contracts", body))
        for source, target, body in (
            ("Alpha", "Beta", {"data_carried": ["Contacts", "Leads"], "notes": "nightly"}),
            ("Beta", "Gamma", {"status": "planned", "sync_mode": "realtime"}),
            ("Gamma", "Alpha", {"status": "broken", "sync_mode": "manual"}),
        ):
            body = {"source_tool_id": tools[source], "target_tool_id": tools[target], **body}
            keep("integrations", await _created(client, f"{BASE}/integrations", body))
        today = date(2026, 11, 1)
        for days, seats in ((0, 31), (7, 35), (14, 0)):
            usage = {"as_of": (today + timedelta(days=days)).isoformat(), "seats_active": seats}
            url = f"{BASE}/tools/{tools['Alpha']}/licence-usage"
            keep("licence_usage", await _created(client, url, usage))
        for body in (
            {
                "tool_id": tools["Alpha"],
                "kind": "revenue",
                "amount": {"amount_minor": 120_050, "currency": "EUR"},
                "occurred_at": "2026-10-01T10:00:00.123456Z",
                "source": "crm_webhook",
                "external_id": "opp-1",
                "attributes": {"campaign": "Été", "utm": {"medium": "email"}, "ratio": 0.1},
            },
            {"tool_id": tools["Beta"], "kind": "lead", "occurred_at": "2026-10-02T00:00:00Z"},
            {
                "tool_id": tools["Beta"],
                "kind": "lead",
                "quantity": 12,
                "occurred_at": "2026-10-02T00:00:00+02:00",
                "source": "import",
            },
        ):
            keep("outcomes", await _created(client, f"{BASE}/outcomes", body))
        for body in (
            {
                "name": "2027 target",
                "description": "Consolidate « email »",
                "changes": [
                    {"kind": "retire_tool", "stage": 1, "tool_id": tools["Beta"]},
                    {
                        "kind": "replace_tool",
                        "stage": 2,
                        "target_date": "2027-06-30",
                        "tool_id": tools["Gamma"],
                        "new_tool": {
                            "name": "Delta",
                            "capabilities": ["Ads", "Social"],
                            "annual_cost": {"amount_minor": 3_000_000, "currency": "USD"},
                        },
                        "notes": "after the renewal",
                    },
                    {"kind": "add_tool", "stage": 3, "new_tool": {"name": "Epsilon"}},
                    {
                        "kind": "change_owner",
                        "stage": 3,
                        "tool_id": tools["Alpha"],
                        "owner_unit_id": unit["id"],
                    },
                ],
            },
            {"name": "Empty"},
            {
                "name": "Swap",
                "changes": [
                    {
                        "kind": "replace_tool",
                        "tool_id": tools["Alpha"],
                        "replacement_tool_id": tools["Gamma"],
                    }
                ],
            },
        ):
            keep("scenarios", await _created(client, f"{BASE}/scenarios", body))
    return World(principal.tenant_id, headers, tools, ids)


# --- the reference: entities and the domain's conversion, serialised as FastAPI did -----------

ToWire = Callable[[AsyncSession, uuid.UUID, Sequence[Any]], Awaitable[list[BaseModel]]]


def _each(convert: Callable[[Any], BaseModel]) -> ToWire:
    async def to_wire(_: AsyncSession, __: uuid.UUID, entities: Sequence[Any]) -> list[BaseModel]:
        return [convert(entity) for entity in entities]

    return to_wire


async def _integrations(
    session: AsyncSession, tenant_id: uuid.UUID, entities: Sequence[Any]
) -> list[BaseModel]:
    return list(await integrations_service.to_reads(session, tenant_id, entities))


@dataclass
class Resource:
    model: type[Any]
    order: Callable[[Any], Any]  # the list's order, as a key of the columns
    to_wire: ToWire
    page: type[BaseModel]
    read: type[BaseModel]


def _order(*columns: str) -> Callable[[Any], Any]:
    return lambda table: [table.c[c] for c in columns]


RESOURCES: dict[str, Resource] = {
    "categories": Resource(
        Category,
        _order("name_key", "id"),
        _each(CategoryRead.model_validate),
        CategoryPage,
        CategoryRead,
    ),
    "contracts": Resource(
        Contract,
        _order("created_at", "id"),
        _each(contracts_service.to_read),
        ContractPage,
        ContractRead,
    ),
    "custom-fields": Resource(
        CustomFieldDefinition,
        _order("created_at", "id"),
        _each(CustomFieldRead.model_validate),
        CustomFieldPage,
        CustomFieldRead,
    ),
    "integrations": Resource(
        Integration, _order("created_at", "id"), _integrations, IntegrationPage, IntegrationRead
    ),
    "licence-usage": Resource(
        LicenceUsage,
        _order("as_of", "id"),
        _each(LicenceUsageRead.model_validate),
        LicenceUsagePage,
        LicenceUsageRead,
    ),
    "outcomes": Resource(
        Outcome,
        lambda table: [table.c.occurred_at.desc(), table.c.id.desc()],
        _each(outcomes_service.to_read),
        OutcomePage,
        OutcomeRead,
    ),
    "scenarios": Resource(
        Scenario,
        _order("name_key", "id"),
        _each(scenarios_service.to_read),
        ScenarioPage,
        ScenarioRead,
    ),
}


async def _reference_items(
    app: FastAPI, resource: Resource, tenant_id: uuid.UUID, where: dict[str, Any]
) -> list[BaseModel]:
    table = table_of(resource.model)
    async with app.state.sessionmaker() as session:
        stmt = select(resource.model).where(table.c.tenant_id == tenant_id)
        for column, value in where.items():
            stmt = stmt.where(table.c[column] == value)
        entities = (await session.execute(stmt.order_by(*resource.order(table)))).scalars().all()
        return await resource.to_wire(session, tenant_id, entities)


def _written(schema: type[BaseModel], model: BaseModel) -> bytes:
    """How FastAPI wrote a route's model (`serialize_response` with `dump_json`)."""
    return TypeAdapter(schema).dump_json(model, by_alias=True)


LISTS: list[tuple[str, str, dict[str, Any], dict[str, str]]] = [
    # (resource, path under BASE, query, reference filter: column -> a tool's name or a value)
    ("categories", "categories", {}, {}),
    ("contracts", "contracts", {}, {}),
    ("contracts", "contracts", {"tool_id": "Alpha"}, {"tool_id": "Alpha"}),
    ("custom-fields", "custom-fields", {}, {}),
    ("integrations", "integrations", {}, {}),
    ("integrations", "integrations", {"status": "planned"}, {"status": "planned"}),
    ("integrations", "integrations", {"source_tool_id": "Gamma"}, {"source_tool_id": "Gamma"}),
    ("licence-usage", "tools/{Alpha}/licence-usage", {}, {"tool_id": "Alpha"}),
    ("outcomes", "outcomes", {}, {}),
    ("outcomes", "outcomes", {"kind": "lead"}, {"kind": "lead"}),
    ("scenarios", "scenarios", {}, {}),
]


@pytest.mark.parametrize(("resource", "path", "query", "where"), LISTS)
async def test_each_list_page_is_the_orm_paths_bytes(
    service_apps: dict[str, FastAPI],
    world: World,
    resource: str,
    path: str,
    query: dict[str, Any],
    where: dict[str, str],
) -> None:
    app = service_apps["inventory"]
    spec = RESOURCES[resource]
    tools = world.tools
    typed = {k: uuid.UUID(tools[v]) if k.endswith("_id") else v for k, v in where.items()}
    params = {k: tools.get(v, v) for k, v in query.items()}
    reference = await _reference_items(app, spec, world.tenant_id, typed)
    assert reference, "the reference must hold items for the comparison to mean anything"
    url = f"{BASE}/{path.format(**tools)}"
    async with client_for(app, "inventory", world.headers) as client:
        for limit in (2, 200):  # pages with a cursor, then the whole list in one
            cursor: str | None = None
            seen = 0
            while True:
                page_params = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
                response = await client.get(url, params=page_params)
                assert response.status_code == 200, response.text
                assert response.headers["content-type"] == "application/json"
                cursor = response.json()["next_cursor"]
                expected = spec.page(items=reference[seen : seen + limit], next_cursor=cursor)
                assert response.content == _written(spec.page, expected), page_params
                seen += len(response.json()["items"])
                if cursor is None:
                    break
            assert seen == len(reference)


BY_ID: list[tuple[str, str, bool]] = [
    # (resource, path under BASE with {id}, whether it has an ETag)
    ("categories", "categories/{id}", False),
    ("contracts", "contracts/{id}", True),
    ("integrations", "integrations/{id}", True),
    ("outcomes", "outcomes/{id}", False),
    ("scenarios", "scenarios/{id}", True),
]


@pytest.mark.parametrize(("resource", "path", "etag"), BY_ID)
async def test_each_by_id_is_the_orm_paths_bytes(
    service_apps: dict[str, FastAPI], world: World, resource: str, path: str, etag: bool
) -> None:
    app = service_apps["inventory"]
    spec = RESOURCES[resource]
    reference = {
        str(item.model_dump()["id"]): item
        for item in await _reference_items(app, spec, world.tenant_id, {})
    }
    async with client_for(app, "inventory", world.headers) as client:
        for item_id in world.ids[resource.replace("-", "_")]:
            for spelled in (item_id, item_id.upper()):
                response = await client.get(f"{BASE}/{path.format(id=spelled)}")
                assert response.status_code == 200, response.text
                assert response.headers["content-type"] == "application/json"
                assert response.content == _written(spec.read, reference[item_id])
                if etag:
                    assert response.headers["etag"] == etag_of(response.json()["version"])
                else:
                    assert "etag" not in response.headers


async def test_the_diff_is_written_once_as_its_model_writes_it(
    service_apps: dict[str, FastAPI], world: World
) -> None:
    async with client_for(service_apps["inventory"], "inventory", world.headers) as client:
        for scenario_id in world.ids["scenarios"]:
            response = await client.get(f"{BASE}/scenarios/{scenario_id}/diff")
            assert response.status_code == 200, response.text
            assert response.headers["content-type"] == "application/json"
            diff = ScenarioDiff.model_validate_json(response.content)
            assert response.content == _written(ScenarioDiff, diff)
            assert str(diff.scenario_id) == scenario_id
        target = (await client.get(f"{BASE}/scenarios/{world.ids['scenarios'][0]}/diff")).json()
    # Beta retired, Gamma replaced by Delta, Epsilon added: 3 tools to 3, stage by stage.
    assert (target["current_tool_count"], target["target_tool_count"]) == (3, 3)
    assert [stage["stage"] for stage in target["stages"]] == [1, 2, 3]
    assert target["stages"][0]["tools_retired"] == ["Beta"]
    assert target["stages"][1]["tools_replaced"] == ["Gamma → Delta"]
    assert target["stages"][1]["capabilities_gained"] == ["Social"]


async def test_another_tenants_items_are_404_on_every_read(
    service_apps: dict[str, FastAPI], world: World
) -> None:
    paths = [
        f"{BASE}/categories/{world.ids['categories'][0]}",
        f"{BASE}/contracts/{world.ids['contracts'][0]}",
        f"{BASE}/integrations/{world.ids['integrations'][0]}",
        f"{BASE}/outcomes/{world.ids['outcomes'][0]}",
        f"{BASE}/scenarios/{world.ids['scenarios'][0]}",
        f"{BASE}/scenarios/{world.ids['scenarios'][0]}/diff",
        f"{BASE}/tools/{world.tools['Alpha']}/licence-usage",
        f"{BASE}/tools/{world.tools['Alpha']}/status-history",
    ]
    other = principal_headers(new_principal())
    async with client_for(service_apps["inventory"], "inventory", other) as client:
        for path in paths:
            response = await client.get(path)
            assert assert_problem(response, 404)["type"] == "/problems/not-found", path
            assert "Alpha" not in response.text
        for path in paths:  # and ids that never existed
            unknown = path.replace(path.split("/")[4], str(uuid.uuid4()))
            assert_problem(await client.get(unknown), 404)


async def test_a_first_read_of_categories_seeds_the_landscape(
    service_apps: dict[str, FastAPI],
) -> None:
    # A tenant's very first request is a read: the six landscape categories are there.
    async with client_for(
        service_apps["inventory"], "inventory", principal_headers(new_principal())
    ) as client:
        response = await client.get(f"{BASE}/categories", params={"limit": 200})
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == 6
