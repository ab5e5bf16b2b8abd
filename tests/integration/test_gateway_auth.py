"""Who may call what through the gateway: keys, scopes, tenants."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.integration.conftest import Stack, TenantKey, new_key, new_tenant

pytestmark = pytest.mark.asyncio

PROBLEM = "application/problem+json"


async def test_a_key_reaches_every_service(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    for path in ("/v1/inventory/categories", "/v1/org/units", "/v1/scoring/frameworks"):
        response = await gateway_client.get(path, headers=tenant.headers)
        assert response.status_code == 200, (path, response.text)
        assert set(response.json()) == {"items", "next_cursor"}


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer",
        "Basic dXNlcjpwYXNz",
        "Bearer not-a-mops-key",
        f"Bearer mops_{uuid.uuid4().hex}_unknownsecret",
    ],
)
async def test_missing_or_unknown_key_is_401(
    gateway_client: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = {"authorization": authorization} if authorization else {}
    response = await gateway_client.get("/v1/org/units", headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["request_id"] == response.headers["x-request-id"]


async def test_right_id_with_wrong_secret_is_401(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    tampered = tenant.key[:-4] + ("AAAA" if not tenant.key.endswith("AAAA") else "BBBB")
    response = await gateway_client.get(
        "/v1/org/units", headers={"authorization": f"Bearer {tampered}"}
    )
    assert response.status_code == 401


async def test_revoked_key_is_401(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    victim = await new_key(stack.gateway, tenant.tenant_id, ["org:read"])
    headers = {"authorization": f"Bearer {victim}"}
    assert (await gateway_client.get("/v1/org/units", headers=headers)).status_code == 200
    key_id = str(uuid.UUID(hex=victim.split("_")[1]))
    revoked = await gateway_client.post(f"/v1/admin/keys/{key_id}/revoke", headers=tenant.headers)
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    response = await gateway_client.get("/v1/org/units", headers=headers)
    assert response.status_code == 401
    assert response.json()["detail"] == "The API key has been revoked."


async def test_key_without_the_scope_is_403(
    stack: Stack, gateway_client: httpx.AsyncClient
) -> None:
    owner = await new_tenant(stack.gateway)
    reader = await new_key(stack.gateway, owner.tenant_id, ["org:read"])
    headers = {"authorization": f"Bearer {reader}"}
    assert (await gateway_client.get("/v1/org/units", headers=headers)).status_code == 200
    write = await gateway_client.post(
        "/v1/org/units", json={"name": "X", "type": "team"}, headers=headers
    )
    assert write.status_code == 403
    assert write.headers["content-type"] == PROBLEM
    assert "org:write" in write.json()["detail"]
    assert (
        await gateway_client.get("/v1/inventory/categories", headers=headers)
    ).status_code == 403
    assert (await gateway_client.get("/v1/admin/keys", headers=headers)).status_code == 403


async def test_admin_routes_need_the_admin_scope(
    stack: Stack, gateway_client: httpx.AsyncClient
) -> None:
    owner = await new_tenant(stack.gateway)
    everything_but_admin = await new_key(
        stack.gateway,
        owner.tenant_id,
        [
            "inventory:read",
            "inventory:write",
            "org:read",
            "org:write",
            "scoring:read",
            "scoring:write",
            "webhooks:admin",
        ],
    )
    headers = {"authorization": f"Bearer {everything_but_admin}"}
    for method, path in (
        ("GET", "/v1/admin/keys"),
        ("GET", "/v1/admin/tenant"),
        ("POST", "/v1/admin/keys"),
    ):
        response = await gateway_client.request(
            method, path, headers=headers, json={"name": "x", "scopes": ["org:read"]}
        )
        assert response.status_code == 403, (method, path)
    assert (await gateway_client.get("/v1/admin/keys", headers=owner.headers)).status_code == 200


async def test_tenant_of_a_unit_comes_from_the_key_not_the_request(
    stack: Stack, gateway_client: httpx.AsyncClient
) -> None:
    tenant_a = await new_tenant(stack.gateway)
    tenant_b = await new_tenant(stack.gateway)
    created = await gateway_client.post(
        "/v1/org/units",
        json={"name": "A's team", "type": "team"},
        # Everything a client could use to claim another tenant is ignored.
        headers={**tenant_a.headers, "x-tenant-id": str(tenant_b.tenant_id)},
    )
    assert created.status_code == 201
    unit_id = created.json()["id"]
    as_b = tenant_b.headers
    assert (await gateway_client.get(f"/v1/org/units/{unit_id}", headers=as_b)).status_code == 404
    assert (await gateway_client.get("/v1/org/units", headers=as_b)).json()["items"] == []
    child = await gateway_client.post(
        "/v1/org/units",
        json={"name": "B child", "type": "team", "parent_id": unit_id},
        headers=as_b,
    )
    assert child.status_code == 422
    assert (
        await gateway_client.get(f"/v1/org/units/{unit_id}", headers=tenant_a.headers)
    ).status_code == 200


async def test_a_tenant_cannot_see_or_revoke_another_tenants_keys(
    stack: Stack, gateway_client: httpx.AsyncClient
) -> None:
    tenant_a = await new_tenant(stack.gateway)
    tenant_b = await new_tenant(stack.gateway)
    a_keys = (await gateway_client.get("/v1/admin/keys", headers=tenant_a.headers)).json()["items"]
    a_key_id = a_keys[0]["id"]
    b_keys = (await gateway_client.get("/v1/admin/keys", headers=tenant_b.headers)).json()["items"]
    assert a_key_id not in {k["id"] for k in b_keys}
    for method, path in (
        ("GET", f"/v1/admin/keys/{a_key_id}"),
        ("POST", f"/v1/admin/keys/{a_key_id}/revoke"),
        ("POST", f"/v1/admin/keys/{a_key_id}/rotate"),
    ):
        response = await gateway_client.request(method, path, headers=tenant_b.headers, json={})
        assert response.status_code == 404, (method, path)
    assert (await gateway_client.get("/v1/org/units", headers=tenant_a.headers)).status_code == 200


async def test_client_supplied_principal_is_overwritten(
    stack: Stack, gateway_client: httpx.AsyncClient
) -> None:
    """A principal a client forges for another tenant never reaches a service as such."""
    from mops_shared.kit.auth import Principal, sign_principal
    from tests.support import TEST_SECRET

    tenant_a = await new_tenant(stack.gateway)
    tenant_b = await new_tenant(stack.gateway)
    created = await gateway_client.post(
        "/v1/org/units", json={"name": "Private", "type": "team"}, headers=tenant_a.headers
    )
    unit_id = created.json()["id"]
    # Even a correctly signed principal of tenant A, sent by B's client, is replaced.
    forged = sign_principal(
        Principal(tenant_id=tenant_a.tenant_id, key_id=uuid.uuid4(), scopes=frozenset({"admin"})),
        TEST_SECRET,
    )
    response = await gateway_client.get(
        f"/v1/org/units/{unit_id}", headers={**tenant_b.headers, "x-mops-principal": forged}
    )
    assert response.status_code == 404
