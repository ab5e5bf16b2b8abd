"""The gateway's own GETs (`/v1/admin/tenant`, `/v1/admin/keys`, `/v1/admin/keys/{id}`), read as
Core rows and written by `mops_shared.kit.reads`, answer byte for byte what the ORM path gave:
the entity, the wire model made of it, then FastAPI's serialisation of the model (kept here, as
the reference). Never a secret's digest; another tenant's key is a 404."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import select
from sqlmodel import col

from mops_gateway.keys.models import ApiKey
from mops_gateway.keys.schemas import ApiKeyPage
from mops_gateway.keys.service import list_all_keys, to_read
from mops_gateway.tenants.models import Tenant
from mops_gateway.tenants.schemas import TenantRead
from tests.integration.conftest import Stack, TenantKey, new_tenant
from tests.support import assert_problem

pytestmark = pytest.mark.asyncio

KEYS = "/v1/admin/keys"


def dump(model: BaseModel) -> bytes:
    """What FastAPI wrote of a route's returned model: its JSON by its type."""
    return TypeAdapter(type(model)).dump_json(model, by_alias=True)


async def test_the_tenant_and_its_keys_are_the_orm_paths_bytes(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    headers = tenant.headers
    made: list[dict[str, Any]] = [
        {"name": "reporting", "scopes": ["inventory:read", "org:read"]},
        {
            "name": "ci ünïcode",
            "scopes": ["inventory:write", "inventory:read"],
            "rate_limit": {"requests_per_minute": 120, "burst": 30},
        },
        {"name": "old", "scopes": ["scoring:read"]},
    ]
    ids = []
    for body in made:
        created = await gateway_client.post(KEYS, json=body, headers=headers)
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    assert (
        await gateway_client.post(f"{KEYS}/{ids[2]}/revoke", headers=headers)
    ).status_code == 200
    rotated = await gateway_client.post(f"{KEYS}/{ids[0]}/rotate", json={}, headers=headers)
    assert rotated.status_code == 200, rotated.text

    async with stack.gateway.state.sessionmaker() as session:
        keys = list(
            (
                await session.execute(
                    select(ApiKey)
                    .where(col(ApiKey.tenant_id) == tenant.tenant_id)
                    .order_by(col(ApiKey.created_at), col(ApiKey.id))
                )
            ).scalars()
        )
        entity = await session.get(Tenant, tenant.tenant_id)
        assert entity is not None
        tenant_read = TenantRead.model_validate(entity)
        # The `mops keys list` command reads the same rows.
        assert await list_all_keys(session, tenant.tenant_id, include_revoked=True) == [
            to_read(key) for key in keys
        ]
    # The fixture's admin key and the three above: rotated, with a rate limit, revoked.
    assert [str(k.id) for k in keys[1:]] == ids
    assert keys[1].rotated_at is not None
    assert keys[2].rate_limit_burst == 30
    assert keys[3].revoked_at is not None

    for include_revoked, expected in ((False, keys[:3]), (True, keys)):
        answers = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 2, "include_revoked": include_revoked}
            answer = await gateway_client.get(
                KEYS, params=params | ({"cursor": cursor} if cursor else {}), headers=headers
            )
            assert answer.status_code == 200, answer.text
            assert answer.headers["content-type"] == "application/json"
            answers.append(answer)
            cursor = answer.json()["next_cursor"]
            if cursor is None:
                break
        start = 0
        for answer in answers:
            count = len(answer.json()["items"])
            page = ApiKeyPage(
                items=[to_read(k) for k in expected[start : start + count]],
                next_cursor=answer.json()["next_cursor"],
            )
            assert answer.content == dump(page)
            start += count
        assert start == len(expected)

    other = await new_tenant(stack.gateway)
    for key in keys:
        answer = await gateway_client.get(f"{KEYS}/{key.id}", headers=headers)
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert answer.content == dump(to_read(key))
        assert key.secret_hash.encode() not in answer.content
        assert_problem(await gateway_client.get(f"{KEYS}/{key.id}", headers=other.headers), 404)
    assert_problem(await gateway_client.get(f"{KEYS}/{uuid.uuid4()}", headers=headers), 404)

    answer = await gateway_client.get("/v1/admin/tenant", headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.content == dump(tenant_read)
