"""What a write leaves behind in the org service: audit entries, outbox events, idempotency keys."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from sqlalchemy import Table, func, select

from mops_org.models import writes
from mops_shared.kit.auth import Principal
from tests.support import new_principal, principal_headers

pytestmark = pytest.mark.asyncio

PROBLEM = "application/problem+json"
UNITS = "/v1/org/units"
AUDIT = "/v1/org/audit"


@pytest_asyncio.fixture
async def client(
    anonymous_client_factory: Callable[[str], httpx.AsyncClient], principal: Principal
) -> AsyncIterator[httpx.AsyncClient]:
    """Signed as `principal`, and sending its request id as X-Request-ID as the gateway does."""
    async with anonymous_client_factory("org") as client:
        client.headers.update(principal_headers(principal))
        assert principal.request_id is not None
        client.headers["x-request-id"] = principal.request_id
        yield client


async def _rows(app: FastAPI, table: Table, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        result = await session.execute(select(table).where(table.c.tenant_id == tenant_id))
        return [dict(row) for row in result.mappings()]


async def _count(app: FastAPI, table: Table, tenant_id: uuid.UUID) -> int:
    async with app.state.sessionmaker() as session:
        stmt = select(func.count()).select_from(table).where(table.c.tenant_id == tenant_id)
        count: int = (await session.execute(stmt)).scalar_one()
        return count


async def _unit_names(client: httpx.AsyncClient) -> list[str]:
    response = await client.get(UNITS)
    assert response.status_code == 200
    return [unit["name"] for unit in response.json()["items"]]


# Audit


async def test_create_unit_is_audited_with_actor_request_and_state(
    client: httpx.AsyncClient, principal: Principal
) -> None:
    created = await client.post(UNITS, json={"name": "Field Marketing", "type": "team"})
    assert created.status_code == 201
    unit = created.json()

    response = await client.get(AUDIT)
    assert response.status_code == 200, response.text
    entries = response.json()["items"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["action"] == "create"
    assert entry["object_type"] == "unit"
    assert entry["object_id"] == unit["id"]
    assert entry["actor_key_id"] == str(principal.key_id)
    assert entry["request_id"] == created.headers["x-request-id"] == principal.request_id
    assert entry["before"] is None
    assert entry["after"]["name"] == "Field Marketing"
    assert entry["after"] == unit


async def test_audit_of_another_tenant_is_invisible(
    client: httpx.AsyncClient, anonymous_client_factory: Callable[[str], httpx.AsyncClient]
) -> None:
    assert (await client.post(UNITS, json={"name": "Mine", "type": "team"})).status_code == 201
    async with anonymous_client_factory("org") as other:
        other.headers.update(principal_headers(new_principal()))
        response = await other.get(AUDIT)
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []


async def test_audit_filters_by_object_type_and_object_id(client: httpx.AsyncClient) -> None:
    first = (await client.post(UNITS, json={"name": "First", "type": "team"})).json()
    second = (await client.post(UNITS, json={"name": "Second", "type": "team"})).json()

    async def object_ids(**params: str) -> list[str]:
        response = await client.get(AUDIT, params=params)
        assert response.status_code == 200, response.text
        return [entry["object_id"] for entry in response.json()["items"]]

    assert sorted(await object_ids(object_type="unit")) == sorted([first["id"], second["id"]])
    assert await object_ids(object_type="tool") == []
    assert await object_ids(object_id=second["id"]) == [second["id"]]
    assert await object_ids(object_type="unit", object_id=first["id"]) == [first["id"]]


# Outbox


async def test_create_unit_announces_unit_created_in_the_outbox(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    unit = (await client.post(UNITS, json={"name": "Brand", "type": "team"})).json()
    events = await _rows(service_apps["org"], writes.outbox, principal.tenant_id)
    assert len(events) == 1
    event = events[0]
    assert event["type"] == "unit.created"
    assert event["data"]["id"] == unit["id"]
    assert event["data"] == unit
    assert event["request_id"] == principal.request_id
    assert event["published_at"] is None


async def test_refused_duplicate_writes_no_audit_entry_and_no_event(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["org"]
    assert (await client.post(UNITS, json={"name": "Ops", "type": "team"})).status_code == 201
    duplicate = await client.post(UNITS, json={"name": "OPS", "type": "team"})
    assert duplicate.status_code == 409
    assert await _count(app, writes.audit, principal.tenant_id) == 1
    assert await _count(app, writes.outbox, principal.tenant_id) == 1


async def test_lost_race_for_a_name_writes_no_audit_entry_and_no_event(
    client: httpx.AsyncClient, principal: Principal, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["org"]
    responses = await asyncio.gather(
        *(client.post(UNITS, json={"name": "Race", "type": "team"}) for _ in range(5))
    )
    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409]
    assert await _count(app, writes.audit, principal.tenant_id) == 1
    assert await _count(app, writes.outbox, principal.tenant_id) == 1


# Idempotency-Key (the shared middleware, through the org service)


async def test_same_key_and_body_replays_the_first_answer_and_creates_once(
    client: httpx.AsyncClient,
) -> None:
    headers = {"idempotency-key": "create-brand-1"}
    body = {"name": "Brand", "type": "team"}
    first = await client.post(UNITS, json=body, headers=headers)
    second = await client.post(UNITS, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert "idempotent-replayed" not in first.headers
    assert second.headers["idempotent-replayed"] == "true"
    assert second.content == first.content
    assert await _unit_names(client) == ["Brand"]


async def test_same_key_with_another_body_is_refused(client: httpx.AsyncClient) -> None:
    headers = {"idempotency-key": "create-2"}
    first = await client.post(UNITS, json={"name": "One", "type": "team"}, headers=headers)
    assert first.status_code == 201
    other = await client.post(UNITS, json={"name": "Two", "type": "team"}, headers=headers)
    assert other.status_code == 422
    assert other.headers["content-type"] == PROBLEM
    assert other.json()["status"] == 422
    assert await _unit_names(client) == ["One"]


async def test_keys_are_per_tenant(
    client: httpx.AsyncClient, anonymous_client_factory: Callable[[str], httpx.AsyncClient]
) -> None:
    headers = {"idempotency-key": "shared-key"}
    mine = await client.post(UNITS, json={"name": "A", "type": "team"}, headers=headers)
    assert mine.status_code == 201
    async with anonymous_client_factory("org") as other:
        other.headers.update(principal_headers(new_principal()))
        theirs = await other.post(UNITS, json={"name": "B", "type": "team"}, headers=headers)
        assert theirs.status_code == 201
        assert "idempotent-replayed" not in theirs.headers
        assert await _unit_names(other) == ["B"]
    assert await _unit_names(client) == ["A"]


async def test_a_refused_request_is_stored_and_replayed_too(client: httpx.AsyncClient) -> None:
    headers = {"idempotency-key": "invalid-1"}
    body = {"name": "", "type": "galaxy"}
    first = await client.post(UNITS, json=body, headers=headers)
    second = await client.post(UNITS, json=body, headers=headers)
    assert first.status_code == second.status_code == 422
    assert second.headers["idempotent-replayed"] == "true"
    assert second.headers["content-type"] == PROBLEM
    assert second.content == first.content
    assert await _unit_names(client) == []


async def test_concurrent_requests_with_one_key_create_one_unit(client: httpx.AsyncClient) -> None:
    headers = {"idempotency-key": "concurrent-1"}
    body = {"name": "Concurrent", "type": "team"}
    responses = await asyncio.gather(
        *(client.post(UNITS, json=body, headers=headers) for _ in range(5))
    )
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {201, 409}, statuses
    created = [r for r in responses if r.status_code == 201]
    assert len(created) >= 1
    assert len({r.content for r in created}) == 1
    assert len([r for r in created if "idempotent-replayed" not in r.headers]) == 1
    for refused in (r for r in responses if r.status_code == 409):
        assert refused.headers["content-type"] == PROBLEM
    assert await _unit_names(client) == ["Concurrent"]


async def test_key_longer_than_255_characters_is_a_bad_request(client: httpx.AsyncClient) -> None:
    body = {"name": "Long key", "type": "team"}
    too_long = await client.post(UNITS, json=body, headers={"idempotency-key": "k" * 256})
    assert too_long.status_code == 400
    assert too_long.headers["content-type"] == PROBLEM
    assert await _unit_names(client) == []
    longest = await client.post(UNITS, json=body, headers={"idempotency-key": "k" * 255})
    assert longest.status_code == 201


async def test_a_key_without_write_scope_never_gets_a_stored_answer(
    client: httpx.AsyncClient, principal: Principal
) -> None:
    """The same tenant, the same Idempotency-Key and body, but a read-only key: 403, not a
    replay of the 201 another key got."""
    headers = {"idempotency-key": "shared-key"}
    body = {"name": "Guarded", "type": "team"}
    assert (await client.post(UNITS, json=body, headers=headers)).status_code == 201
    reader = new_principal(principal.tenant_id, frozenset({"org:read"}))
    refused = await client.post(UNITS, json=body, headers={**headers, **principal_headers(reader)})
    assert refused.status_code == 403
    assert "idempotent-replayed" not in refused.headers
    # Nor was the 403 stored: the writer still gets its own answer replayed.
    again = await client.post(UNITS, json=body, headers=headers)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
