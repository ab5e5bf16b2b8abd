"""The tenant's API keys through `/v1/admin/keys`."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.conftest import TenantKey

pytestmark = pytest.mark.asyncio


async def test_created_key_is_shown_once_and_works_with_its_scopes(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = await gateway_client.post(
        "/v1/admin/keys",
        json={"name": "reporting", "scopes": ["inventory:read"]},
        headers=tenant.headers,
    )
    assert created.status_code == 201
    body = created.json()
    assert body["key"].startswith(f"mops_{body['id'].replace('-', '')}_")
    assert body["scopes"] == ["inventory:read"]
    new_headers = {"authorization": f"Bearer {body['key']}"}
    assert (
        await gateway_client.get("/v1/inventory/categories", headers=new_headers)
    ).status_code == 200
    assert (await gateway_client.get("/v1/org/units", headers=new_headers)).status_code == 403
    read = await gateway_client.get(f"/v1/admin/keys/{body['id']}", headers=tenant.headers)
    assert read.status_code == 200
    assert "key" not in read.json()
    listed = (await gateway_client.get("/v1/admin/keys", headers=tenant.headers)).json()
    assert all("key" not in k and "secret_hash" not in k for k in listed["items"])
    assert {k["name"] for k in listed["items"]} == {"test", "reporting"}


async def test_key_with_unknown_scope_is_422(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    response = await gateway_client.post(
        "/v1/admin/keys", json={"name": "x", "scopes": ["root"]}, headers=tenant.headers
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/scopes/0"


@pytest.mark.parametrize(
    ("rate_limit", "pointer"),
    [
        ({"requests_per_minute": True, "burst": 10}, "/rate_limit/requests_per_minute"),
        ({"requests_per_minute": 60, "burst": "10"}, "/rate_limit/burst"),
        ({"requests_per_minute": 60.5, "burst": 10}, "/rate_limit/requests_per_minute"),
    ],
)
async def test_a_rate_limit_takes_integers_only(
    gateway_client: httpx.AsyncClient,
    tenant: TenantKey,
    rate_limit: dict[str, object],
    pointer: str,
) -> None:
    """A boolean or a text is not read as a number (`true` would have been a limit of 1)."""
    response = await gateway_client.post(
        "/v1/admin/keys",
        json={"name": "x", "scopes": ["inventory:read"], "rate_limit": rate_limit},
        headers=tenant.headers,
    )
    assert response.status_code == 422, response.text
    assert [e["pointer"] for e in response.json()["errors"]] == [pointer]


async def test_rotation_without_grace_retires_the_old_secret_at_once(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = (
        await gateway_client.post(
            "/v1/admin/keys",
            json={"name": "rotating", "scopes": ["org:read"]},
            headers=tenant.headers,
        )
    ).json()
    old = {"authorization": f"Bearer {created['key']}"}
    assert (await gateway_client.get("/v1/org/units", headers=old)).status_code == 200
    rotated = await gateway_client.post(
        f"/v1/admin/keys/{created['id']}/rotate", json={}, headers=tenant.headers
    )
    assert rotated.status_code == 200
    new_key = rotated.json()["key"]
    assert new_key != created["key"]
    assert rotated.json()["id"] == created["id"]
    assert (await gateway_client.get("/v1/org/units", headers=old)).status_code == 401
    new = {"authorization": f"Bearer {new_key}"}
    assert (await gateway_client.get("/v1/org/units", headers=new)).status_code == 200


async def test_rotation_with_grace_keeps_both_secrets_working(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = (
        await gateway_client.post(
            "/v1/admin/keys",
            json={"name": "graceful", "scopes": ["org:read"]},
            headers=tenant.headers,
        )
    ).json()
    rotated = (
        await gateway_client.post(
            f"/v1/admin/keys/{created['id']}/rotate",
            json={"grace_seconds": 600},
            headers=tenant.headers,
        )
    ).json()
    for key in (created["key"], rotated["key"]):
        response = await gateway_client.get(
            "/v1/org/units", headers={"authorization": f"Bearer {key}"}
        )
        assert response.status_code == 200
    revoked = await gateway_client.post(
        f"/v1/admin/keys/{created['id']}/revoke", headers=tenant.headers
    )
    assert revoked.status_code == 200
    for key in (created["key"], rotated["key"]):
        response = await gateway_client.get(
            "/v1/org/units", headers={"authorization": f"Bearer {key}"}
        )
        assert response.status_code == 401


async def test_revoked_keys_are_listed_only_on_request(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = (
        await gateway_client.post(
            "/v1/admin/keys",
            json={"name": "short-lived", "scopes": ["org:read"]},
            headers=tenant.headers,
        )
    ).json()
    await gateway_client.post(f"/v1/admin/keys/{created['id']}/revoke", headers=tenant.headers)
    active = (await gateway_client.get("/v1/admin/keys", headers=tenant.headers)).json()["items"]
    everything = (
        await gateway_client.get(
            "/v1/admin/keys", params={"include_revoked": "true"}, headers=tenant.headers
        )
    ).json()["items"]
    assert created["id"] not in {k["id"] for k in active}
    assert created["id"] in {k["id"] for k in everything}
    rotate = await gateway_client.post(
        f"/v1/admin/keys/{created['id']}/rotate", json={}, headers=tenant.headers
    )
    assert rotate.status_code == 409


async def test_own_tenant_is_readable(gateway_client: httpx.AsyncClient, tenant: TenantKey) -> None:
    response = await gateway_client.get("/v1/admin/tenant", headers=tenant.headers)
    assert response.status_code == 200
    assert response.json()["id"] == str(tenant.tenant_id)


async def test_a_rate_limited_key_cannot_mint_a_key_faster_than_itself(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    limited = await gateway_client.post(
        "/v1/admin/keys",
        json={
            "name": "limited admin",
            "scopes": ["admin"],
            "rate_limit": {"requests_per_minute": 120, "burst": 30},
        },
        headers=tenant.headers,
    )
    assert limited.status_code == 201, limited.text
    headers = {"authorization": f"Bearer {limited.json()['key']}"}

    async def mint(rate_limit: dict[str, int] | None) -> httpx.Response:
        body: dict[str, object] = {"name": "minted", "scopes": ["inventory:read"]}
        if rate_limit is not None:
            body["rate_limit"] = rate_limit
        return await gateway_client.post("/v1/admin/keys", json=body, headers=headers)

    for higher in (
        None,  # the gateway's default, 1 200 a minute
        {"requests_per_minute": 121, "burst": 30},
        {"requests_per_minute": 120, "burst": 31},
    ):
        refused = await mint(higher)
        assert refused.status_code == 403, (higher, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert "120 requests per minute" in refused.json()["detail"]
    assert (await mint({"requests_per_minute": 120, "burst": 30})).status_code == 201
    assert (await mint({"requests_per_minute": 10, "burst": 5})).status_code == 201
    names = [
        k["name"]
        for k in (await gateway_client.get("/v1/admin/keys", headers=tenant.headers)).json()[
            "items"
        ]
    ]
    assert names.count("minted") == 2  # nothing written by the refused ones
